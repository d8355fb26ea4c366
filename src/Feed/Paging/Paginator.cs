namespace Feed.Paging;

/// <summary>
/// Cuts the newest-first sequence of posts into documents and links them, from the total count alone.
/// </summary>
/// <remarks>
/// Paged feeds (RFC 5005 §3): page k holds newest-first positions [(k-1)·size, k·size); there is always at least
/// one page, so an empty feed is one empty, complete page. Archived feeds (RFC 5005 §4): the subscription document
/// holds the newest <c>size</c> entries; archive k holds the k-th full group of <c>size</c> counted from the oldest
/// post, so the entries of an archive never change when posts are added. Posts newer than the newest full group are
/// only in the subscription document (which always has room for them, as there are fewer than <c>size</c>).
/// Immutable and thread-safe.
/// </remarks>
internal sealed class Paginator
{
    private readonly int _size;
    private readonly bool _archive;
    private readonly IReadOnlyList<FeedUrls> _urls;
    private readonly Uri _site;

    /// <param name="size">The page size.</param>
    /// <param name="archive">Whether the feed is archived (RFC 5005 §4).</param>
    /// <param name="site">The site's URL.</param>
    /// <param name="urls">The URLs of each format, one per format.</param>
    public Paginator(int size, bool archive, Uri site, IReadOnlyList<FeedUrls> urls)
    {
        _size = size;
        _archive = archive;
        _site = site;
        _urls = urls;
    }

    public int Size => _size;

    public bool IsArchived => _archive;

    public int PageCount(int total)
    {
        CheckTotal(total);
        return _archive ? 1 : Math.Max(1, (int)(((long)total + _size - 1) / _size));
    }

    public int ArchiveCount(int total)
    {
        CheckTotal(total);
        return _archive ? total / _size : 0;
    }

    public FeedPage Page(int number, int total)
    {
        int pages = PageCount(total);
        if (number < 1 || number > pages)
        {
            throw new FeedPageNotFoundException(FeedPageKind.Page, number, pages);
        }

        long offset = (long)(number - 1) * _size;
        return new FeedPage(FeedPageKind.Page, number, (int)offset, (int)Math.Min(_size, total - offset), total);
    }

    public FeedPage Archive(int number, int total)
    {
        int archives = ArchiveCount(total);
        if (number < 1 || number > archives)
        {
            throw new FeedPageNotFoundException(FeedPageKind.Archive, number, archives);
        }

        // Archive k counts from the oldest post: oldest-first positions [(k-1)·size, k·size) are newest-first
        // positions [total - k·size, total - (k-1)·size).
        return new FeedPage(FeedPageKind.Archive, number, total - (number * _size), _size, total);
    }

    public IReadOnlyList<FeedPage> Documents(int total)
    {
        int pages = PageCount(total);
        int archives = ArchiveCount(total);
        var documents = new FeedPage[pages + archives];
        for (int i = 0; i < pages; i++)
        {
            documents[i] = Page(i + 1, total);
        }

        for (int i = 0; i < archives; i++)
        {
            documents[pages + i] = Archive(i + 1, total);
        }

        return documents;
    }

    /// <summary>
    /// Checks that <paramref name="page"/> is a document of this feed: pages are made only by a paginator, but one of
    /// another feed (another page size, say) would get wrong links here.
    /// </summary>
    public void CheckPage(FeedPage page, string paramName)
    {
        ArgumentNullException.ThrowIfNull(page, paramName);
        int documents = page.Kind == FeedPageKind.Archive ? ArchiveCount(page.TotalCount) : PageCount(page.TotalCount);
        FeedPage? expected = page.Number >= 1 && page.Number <= documents
            ? (page.Kind == FeedPageKind.Archive ? Archive(page.Number, page.TotalCount) : Page(page.Number, page.TotalCount))
            : null;
        if (expected != page)
        {
            throw new ArgumentException(
                $"{page} is not a document of this feed; get it from this generator's Paging.", paramName);
        }
    }

    public Uri Url(FeedFormat format, FeedPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        FeedUrls? urls = null;
        foreach (FeedUrls candidate in _urls)
        {
            if (candidate.Format == format)
            {
                urls = candidate;
            }
        }

        if (urls is null)
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown feed format.");
        }

        return page.Kind == FeedPageKind.Archive ? urls.Archive(page.Number) : urls.Page(page.Number);
    }

    public FeedLinks Links(FeedFormat format, FeedPage page)
    {
        int total = page.TotalCount;
        FeedPage Ref(FeedPageKind kind, int number) => kind == FeedPageKind.Archive ? Archive(number, total) : Page(number, total);
        Uri UrlOf(FeedPageKind kind, int number) => Url(format, Ref(kind, number));

        int pages = PageCount(total);
        int archives = ArchiveCount(total);
        var links = new FeedLinks { Self = Url(format, page), Alternate = _site };

        if (page.Kind == FeedPageKind.Archive)
        {
            // RFC 5005 §4: an archive links the subscription document as "current", and its neighbours; the newest
            // archive gains a "next-archive" link once a newer archive is complete (its entries never change).
            return links with
            {
                Current = UrlOf(FeedPageKind.Page, 1),
                PreviousArchive = page.Number > 1 ? UrlOf(FeedPageKind.Archive, page.Number - 1) : null,
                NextArchive = page.Number < archives ? UrlOf(FeedPageKind.Archive, page.Number + 1) : null,
            };
        }

        if (_archive)
        {
            // RFC 5005 §4: the subscription document links the newest archive as "prev-archive".
            return links with { PreviousArchive = archives > 0 ? UrlOf(FeedPageKind.Archive, archives) : null };
        }

        if (pages == 1)
        {
            return links; // RFC 5005 §2: a complete feed has no paging links.
        }

        // RFC 5005 §3: first and last on every page; previous/next where such a page exists.
        return links with
        {
            First = UrlOf(FeedPageKind.Page, 1),
            Last = UrlOf(FeedPageKind.Page, pages),
            Previous = page.Number > 1 ? UrlOf(FeedPageKind.Page, page.Number - 1) : null,
            Next = page.Number < pages ? UrlOf(FeedPageKind.Page, page.Number + 1) : null,
        };
    }

    /// <summary>Whether the document holds every entry of the feed (RFC 5005 §2 <c>fh:complete</c>).</summary>
    public bool IsComplete(FeedPage page) =>
        page.Kind == FeedPageKind.Page && PageCount(page.TotalCount) == 1 && ArchiveCount(page.TotalCount) == 0;

    private static void CheckTotal(int total) => ArgumentOutOfRangeException.ThrowIfNegative(total, "totalCount");
}

/// <summary>The URLs of one format's documents: page 1 is the feed URL; other pages and archives come from templates.</summary>
internal sealed class FeedUrls
{
    private readonly Uri _feed;
    private readonly string _pageTemplate;
    private readonly string _archiveTemplate;

    public FeedUrls(FeedFormat format, Uri feed, string pageTemplate, string archiveTemplate)
    {
        Format = format;
        _feed = feed;
        _pageTemplate = pageTemplate;
        _archiveTemplate = archiveTemplate;
    }

    public FeedFormat Format { get; }

    public Uri Feed => _feed;

    public Uri Page(int number) => number == 1 ? _feed : Expand(_pageTemplate, FeedOptions.PagePlaceholder, number);

    public Uri Archive(int number) => Expand(_archiveTemplate, FeedOptions.ArchivePlaceholder, number);

    private Uri Expand(string template, string placeholder, int number) =>
        FeedOptions.ExpandTemplate(template, placeholder, number, _feed)
        ?? throw new InvalidOperationException($"The URL template \"{template}\" did not form an absolute URL."); // validated in FeedOptions
}
