using Feed.Excerpts;

namespace Feed;

/// <summary>
/// One post as a feed entry, format-neutral: every text is clean of characters XML forbids and every URL is absolute.
/// Made only by <see cref="FeedGenerator.CreateEntry(FeedPost)"/>; writers and extensions see entries, never posts or Markdown.
/// </summary>
/// <remarks>
/// Immutable; instances may be shared freely between threads and between the documents of a page. Two entries are
/// equal when every property is equal as it is written, by the rules of <see cref="FeedPost"/>'s equality: text
/// ordinally, dates with their offsets, <see cref="Url"/> as written, lists in order, <see cref="Properties"/> as a set
/// of pairs; <see cref="Excerpt"/> by its own value.
/// </remarks>
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

    /// <summary>Whether <paramref name="other"/> has every property equal to this entry's, as written (see the remarks).</summary>
    /// <param name="other">The other entry.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public bool Equals(FeedEntry? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && Internal.ValueEquality.Same(Id, other.Id)
            && Internal.ValueEquality.Same(Title, other.Title)
            && Internal.ValueEquality.Same(Url, other.Url)
            && Internal.ValueEquality.Same(Published, other.Published)
            && Internal.ValueEquality.Same(Updated, other.Updated)
            && Internal.ValueEquality.Same(Authors, other.Authors, EqualityComparer<FeedAuthor>.Default)
            && Internal.ValueEquality.Same(Categories, other.Categories, Internal.ValueEquality.Text)
            && Equals(Excerpt, other.Excerpt)
            && Internal.ValueEquality.Same(ContentHtml, other.ContentHtml)
            && Internal.ValueEquality.Same(Language, other.Language)
            && Internal.ValueEquality.Same(Properties, other.Properties));

    /// <summary>Gets a hash code consistent with <see cref="Equals(FeedEntry)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        Internal.ValueEquality.Add(ref hash, Id);
        Internal.ValueEquality.Add(ref hash, Title);
        Internal.ValueEquality.Add(ref hash, Url);
        Internal.ValueEquality.Add(ref hash, Published);
        Internal.ValueEquality.Add(ref hash, Updated);
        Internal.ValueEquality.Add(ref hash, Authors, EqualityComparer<FeedAuthor>.Default);
        Internal.ValueEquality.Add(ref hash, Categories, Internal.ValueEquality.Text);
        hash.Add(Excerpt);
        Internal.ValueEquality.Add(ref hash, ContentHtml);
        Internal.ValueEquality.Add(ref hash, Language);
        Internal.ValueEquality.Add(ref hash, Properties);
        return hash.ToHashCode();
    }
}
