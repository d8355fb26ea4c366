namespace Feed;

/// <summary>
/// The feed-level data every document of a feed shares: a validated, cleaned snapshot of <see cref="FeedOptions"/>.
/// </summary>
/// <remarks>Immutable; instances may be shared freely between threads.</remarks>
internal sealed record FeedMetadata
{
    /// <summary>Gets the feed's title.</summary>
    public required string Title { get; init; }

    /// <summary>Gets what the feed is about (RSS <c>description</c>, Atom <c>subtitle</c>).</summary>
    /// <value>The default value is <see langword="null"/>: RSS, which requires a description, repeats <see cref="Title"/>; Atom writes no subtitle.</value>
    public string? Description { get; init; }

    /// <summary>Gets the permanent identity of the logical feed (Atom <c>id</c>), the same on every document.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the absolute URL of the site.</summary>
    public required Uri SiteUrl { get; init; }

    /// <summary>Gets the feed's language as a BCP 47 tag.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Language { get; init; }

    /// <summary>Gets the feed's authors.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<FeedAuthor> Authors { get; init; } = [];

    /// <summary>Gets the copyright notice.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Copyright { get; init; }

    /// <summary>Gets the generator's name.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Generator { get; init; }

    /// <summary>Gets the absolute URL of the feed's icon.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Uri? Icon { get; init; }

    /// <summary>Gets the WebSub hub every document announces (W3C WebSub §4).</summary>
    /// <value>The default value is <see langword="null"/>: none.</value>
    public Uri? Hub { get; init; }

    /// <summary>Gets the absolute URL of the feed's logo.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Uri? Logo { get; init; }
}
