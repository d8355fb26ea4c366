namespace Feed;

/// <summary>
/// One document of a feed of <see cref="TotalCount"/> posts: a page (RFC 5005 §3), the subscription document of an
/// archived feed, or an archive document (RFC 5005 §4). It says where the document's entries sit, so a host with a
/// database loads only those posts: skip <see cref="Offset"/>, take <see cref="Count"/> of all posts in
/// <see cref="FeedGenerator.NewestFirst"/> order.
/// </summary>
/// <remarks>
/// Made only by <see cref="FeedPaging"/> (<see cref="FeedPaging.TryGetPage"/>, <see cref="FeedPaging.TryGetArchive"/>,
/// <see cref="FeedPaging.GetPages"/>), so every instance is a document that exists. Immutable; instances may be
/// shared freely between threads.
/// </remarks>
public sealed record FeedPage
{
    internal FeedPage(FeedPageKind kind, int number, int offset, int count, int totalCount)
    {
        Kind = kind;
        Number = number;
        Offset = offset;
        Count = count;
        TotalCount = totalCount;
    }

    /// <summary>Gets whether this is a page (or the subscription document of an archived feed) or an archive.</summary>
    public FeedPageKind Kind { get; }

    /// <summary>Gets the page number (1 = newest) or the archive number (1 = oldest).</summary>
    public int Number { get; }

    /// <summary>Gets how many newer posts come before this document's first entry, in <see cref="FeedGenerator.NewestFirst"/> order.</summary>
    public int Offset { get; }

    /// <summary>Gets how many entries the document holds.</summary>
    public int Count { get; }

    /// <summary>Gets how many posts the whole feed has; the document's links are computed from it.</summary>
    public int TotalCount { get; }
}
