namespace Feed.Internal;

/// <summary>
/// The diagnostic ids of the APIs that may still change in a minor version (<c>[Experimental]</c>): using one is an
/// error (CS9204) until the caller suppresses that id, which is the caller's acknowledgement. The README's "Experimental
/// APIs" section lists them; a test keeps the two in step.
/// </summary>
internal static class Experimental
{
    /// <summary>Where the id is explained; <c>{0}</c> is the id.</summary>
    public const string UrlFormat = "https://github.com/feed-dotnet/feed/blob/main/README.md#experimental-apis";

    /// <summary><see cref="FeedExtension"/> and <see cref="FeedOptions.Extensions"/>: no JSON Feed hook yet.</summary>
    public const string Extensions = "FEEDEXP001";

    /// <summary><see cref="FeedRenderer{TPost}.CreateVariant"/>: how a variant shares its feed's cache and settings.</summary>
    public const string Variants = "FEEDEXP002";

    /// <summary><see cref="FeedHtmlTemplate"/> and <see cref="FeedOptions.HtmlTemplate"/>: the keys of the page model.</summary>
    public const string HtmlTemplates = "FEEDEXP010";
}
