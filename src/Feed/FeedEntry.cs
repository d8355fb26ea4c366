using Feed.Excerpts;

namespace Feed;

/// <summary>
/// One post as a feed entry, format-neutral: every text is clean of characters XML forbids and every URL is absolute.
/// Made only by <see cref="FeedGenerator.CreateEntry(FeedPost)"/>; writers and extensions see entries, never posts or Markdown.
/// </summary>
/// <remarks>Immutable; instances may be shared freely between threads and between the RSS and Atom documents of a page.</remarks>
public sealed record FeedEntry
{
    internal FeedEntry()
    {
    }

    /// <summary>Gets the entry's permanent, unique identity (Atom <c>id</c>, RSS <c>guid</c>).</summary>
    public string Id { get; internal init; } = null!;

    /// <summary>Gets the title as plain text.</summary>
    public string Title { get; internal init; } = null!;

    /// <summary>Gets the absolute URL of the post's page (RSS <c>link</c>, Atom <c>link rel="alternate"</c>).</summary>
    public Uri Url { get; internal init; } = null!;

    /// <summary>Gets when the post was first published (RSS <c>pubDate</c>, Atom <c>published</c>).</summary>
    public DateTimeOffset Published { get; internal init; }

    /// <summary>Gets when the post last changed (Atom <c>updated</c>); equals <see cref="Published"/> when it never did.</summary>
    public DateTimeOffset Updated { get; internal init; }

    /// <summary>Gets the post's own authors; empty when the feed's authors stand for it.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<FeedAuthor> Authors { get; internal init; } = [];

    /// <summary>Gets the categories, in the order given, without blanks or duplicates.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<string> Categories { get; internal init; } = [];

    /// <summary>Gets the plain-text excerpt (RSS <c>description</c>, Atom <c>summary type="text"</c>).</summary>
    public Excerpt Excerpt { get; internal init; } = null!;

    /// <summary>Gets the full body as HTML with absolute URLs (RSS <c>content:encoded</c>, Atom <c>content type="html"</c>).</summary>
    /// <value>The default value is <see langword="null"/>: no full content (see <see cref="FeedOptions.FullContent"/>).</value>
    public string? ContentHtml { get; internal init; }

    /// <summary>Gets the entry's language as a BCP 47 tag when it differs from the feed's (Atom <c>xml:lang</c>).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Language { get; internal init; }

    /// <summary>Gets the post's <see cref="FeedPost.Properties"/>: per-post data for a <see cref="FeedExtension"/> (a podcast's enclosure, say).</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyDictionary<string, string> Properties { get; internal init; } = FeedPost.EmptyProperties;
}
