namespace Feed;

/// <summary>
/// What a host's <see cref="IFeedPageSource{TPost}"/> read for one <see cref="FeedQuery"/>: the feed's total count and
/// the rows of the page, read together (ideally in one snapshot, such as one read transaction).
/// </summary>
/// <typeparam name="TPost">The host's post type.</typeparam>
/// <remarks>
/// When the rows and the count still disagree (a post deleted or added between two reads), the endpoint writes the rows
/// it got, at most a page of them, with the links of the count it got; it never fails for it. Immutable once made. A
/// reply, not a value: it has reference equality (two replies with the same rows are two replies; comparing the rows of
/// a host's own type is the host's business).
/// </remarks>
public sealed class FeedRows<TPost>
{
    /// <summary>Creates the answer to a query.</summary>
    /// <param name="totalCount">How many posts the feed (or the variant of the query) has.</param>
    /// <param name="rows">The rows of the query, in its order.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalCount"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is <see langword="null"/>.</exception>
    public FeedRows(int totalCount, IReadOnlyList<TPost> rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalCount);
        ArgumentNullException.ThrowIfNull(rows);
        TotalCount = totalCount;
        Rows = rows;
    }

    /// <summary>Gets how many posts the feed has; the document's links and the 404 for a page past the end follow it.</summary>
    public int TotalCount { get; }

    /// <summary>Gets the rows of the query.</summary>
    public IReadOnlyList<TPost> Rows { get; }

    /// <summary>Gets when the feed last changed, when the host knows it (an indexed <c>MAX(updated)</c>, a change log).</summary>
    /// <value>
    /// The default value is <see langword="null"/>: the response's <c>Last-Modified</c> is the newest updated time of the
    /// page's rows. Give it when posts can be deleted: a deletion pulls older posts into a page, which the rows' own
    /// times cannot show (the <c>ETag</c> always shows it).
    /// </value>
    public DateTimeOffset? LastModified { get; init; }
}
