namespace Feed;

/// <summary>
/// Which rows one request of a feed endpoint needs from the host's <see cref="IFeedPageSource{TPost}"/>: the posts of
/// the feed (or of the variant <see cref="Variant"/>) in <see cref="FeedGenerator.NewestFirst"/> order — oldest first for
/// an archive — skip <see cref="Skip"/>, take <see cref="Take"/>. No count is needed to form the query, so the host can
/// read the count and the rows together, in one snapshot.
/// </summary>
/// <remarks>Made by the endpoint; immutable, with value equality (every member is a value).</remarks>
public sealed record FeedQuery
{
    internal FeedQuery(string? variant, FeedPageKind kind, int number, int skip, int take)
    {
        Variant = variant;
        Kind = kind;
        Number = number;
        Skip = skip;
        Take = take;
    }

    /// <summary>
    /// Gets the variant whose posts are asked for (a tag, category or author: see
    /// <see cref="FeedEndpointOptions.VariantRouteParameter"/>), normalized — compatibility-composed (Unicode NFKC) and
    /// lower case, so match it against a key stored in that form; <see langword="null"/> for the whole feed.
    /// </summary>
    public string? Variant { get; }

    /// <summary>Gets whether a page (newest first) or an archive document (oldest first, RFC 5005 §4) is asked for.</summary>
    public FeedPageKind Kind { get; }

    /// <summary>Gets the page number (1 = newest) or the archive number (1 = oldest).</summary>
    public int Number { get; }

    /// <summary>Gets how many rows to skip: (<see cref="Number"/> − 1) × the page size.</summary>
    public int Skip { get; }

    /// <summary>Gets how many rows to take at most: the page size.</summary>
    public int Take { get; }

    /// <summary>
    /// Gets whether the rows are counted from the oldest post (an archive document) rather than from the newest: order
    /// by published ascending, then the feed id descending — the exact reverse of <see cref="FeedGenerator.NewestFirst"/>.
    /// </summary>
    public bool OldestFirst => Kind == FeedPageKind.Archive;
}
