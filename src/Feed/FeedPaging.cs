using System.Diagnostics.CodeAnalysis;
using Feed.Paging;

namespace Feed;

/// <summary>
/// How a feed is cut into documents and where each one lives: page and archive look-ups, counts and URLs, all
/// computed from the total number of posts alone. Get it from <see cref="FeedGenerator.Paging"/>.
/// </summary>
/// <remarks>
/// <para>
/// Paged feeds (RFC 5005 §3): page <em>k</em> holds newest-first positions [(k−1)·<see cref="PageSize"/>,
/// k·<see cref="PageSize"/>); there is always a page 1, so an empty feed is one empty, complete page. Archived feeds
/// (RFC 5005 §4, <see cref="FeedOptions.Archive"/>): the subscription document (page 1) holds the newest
/// <see cref="PageSize"/> entries, and archive <em>k</em> holds the <em>k</em>-th full group of <see cref="PageSize"/>
/// posts counted from the oldest, so a full archive never changes when new posts arrive.
/// </para>
/// <para>
/// A host that loads one document at a time needs no count for the query of a page (skip (k−1)·<see cref="PageSize"/>,
/// take <see cref="PageSize"/>, newest first) nor for the query of an archive (skip (k−1)·<see cref="PageSize"/>,
/// take <see cref="PageSize"/>, oldest first), so it can fetch the count and the rows together and then look the
/// document up with that count.
/// </para>
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class FeedPaging
{
    private readonly Paginator _paginator;

    internal FeedPaging(Paginator paginator)
    {
        _paginator = paginator;
    }

    /// <summary>Gets how many entries each document holds (<see cref="FeedOptions.PageSize"/>).</summary>
    public int PageSize => _paginator.Size;

    /// <summary>
    /// Gets whether the feed is an archived feed (RFC 5005 §4, <see cref="FeedOptions.Archive"/>): one subscription
    /// document and archives, rather than a paged feed (§3) of pages.
    /// </summary>
    public bool Archive => _paginator.IsArchived;

    internal Paginator Paginator => _paginator;

    /// <summary>Gets how many pages a feed of <paramref name="totalCount"/> posts has: at least 1 (an empty feed is one empty page); always 1 in an archived feed.</summary>
    /// <param name="totalCount">How many posts the feed has.</param>
    /// <returns>The number of pages.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalCount"/> is negative.</exception>
    public int GetPageCount(int totalCount) => _paginator.PageCount(totalCount);

    /// <summary>Gets how many archive documents a feed of <paramref name="totalCount"/> posts has: its full groups of <see cref="PageSize"/> posts; 0 unless the feed is archived (<see cref="FeedOptions.Archive"/>).</summary>
    /// <param name="totalCount">How many posts the feed has.</param>
    /// <returns>The number of archive documents.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalCount"/> is negative.</exception>
    public int GetArchiveCount(int totalCount) => _paginator.ArchiveCount(totalCount);

    /// <summary>Gets page <paramref name="number"/> of a feed of <paramref name="totalCount"/> posts, or <see langword="false"/> when there is no such page (a host answers 404).</summary>
    /// <param name="number">The page number, 1 = newest (in an archived feed only 1, the subscription document).</param>
    /// <param name="totalCount">How many posts the feed has.</param>
    /// <param name="page">The page when it exists.</param>
    /// <returns>Whether the page exists.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalCount"/> is negative.</exception>
    public bool TryGetPage(int number, int totalCount, [NotNullWhen(true)] out FeedPage? page)
    {
        page = number >= 1 && number <= _paginator.PageCount(totalCount) ? _paginator.Page(number, totalCount) : null;
        return page is not null;
    }

    /// <summary>Gets archive document <paramref name="number"/> of a feed of <paramref name="totalCount"/> posts, or <see langword="false"/> when there is none (a host answers 404).</summary>
    /// <param name="number">The archive number, 1 = oldest.</param>
    /// <param name="totalCount">How many posts the feed has.</param>
    /// <param name="archive">The archive when it exists.</param>
    /// <returns>Whether the archive exists; never in a feed that is not archived (<see cref="FeedOptions.Archive"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalCount"/> is negative.</exception>
    public bool TryGetArchive(int number, int totalCount, [NotNullWhen(true)] out FeedPage? archive)
    {
        archive = number >= 1 && number <= _paginator.ArchiveCount(totalCount) ? _paginator.Archive(number, totalCount) : null;
        return archive is not null;
    }

    /// <summary>
    /// Gets every page and archive of a feed of <paramref name="totalCount"/> posts: the pages, page 1 first, then the
    /// archives, oldest first. A static export or a sitemap lists these, one document per format each.
    /// </summary>
    /// <param name="totalCount">How many posts the feed has.</param>
    /// <returns>The pages and archives: at least page 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalCount"/> is negative.</exception>
    public IReadOnlyList<FeedPage> GetPages(int totalCount) => _paginator.Documents(totalCount);

    /// <summary>Gets the absolute URL of <paramref name="page"/> in <paramref name="format"/>, as its own <c>self</c> link says.</summary>
    /// <param name="format">The format.</param>
    /// <param name="page">The document.</param>
    /// <returns>The feed URL for page 1; else the URL the page or archive URL template forms.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="page"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    public Uri GetUrl(FeedFormat format, FeedPage page) => _paginator.Url(format, page);
}
