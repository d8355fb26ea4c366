namespace Feed;

/// <summary>
/// Which rows one request of a feed endpoint needs from the host's <see cref="IFeedPageSource{TPost}"/>: the posts of
/// the feed (or of the feed of <see cref="Key"/>) in <see cref="FeedGenerator.NewestFirst"/> order — oldest first for
/// an archive — skip <see cref="Skip"/>, take <see cref="Take"/>. No count is needed to form the query, so the host can
/// read the count and the rows together, in one snapshot.
/// </summary>
/// <remarks>Made by the endpoint; immutable.</remarks>
public sealed record FeedQuery
{
    internal FeedQuery(string? key, FeedPageKind kind, int number, int skip, int take)
    {
        Key = key;
        Kind = kind;
        Number = number;
        Skip = skip;
        Take = take;
    }

    /// <summary>
    /// Gets the route value that selects the posts (a tag, category or author: see
    /// <see cref="FeedEndpointOptions.RouteKey"/>), unescaped; <see langword="null"/> for the whole feed.
    /// </summary>
    public string? Key { get; }

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
