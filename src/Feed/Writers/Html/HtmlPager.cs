using Feed.Paging;

namespace Feed.Writers.Html;

/// <summary>
/// The page navigation of an HTML listing, <c>‹ 1 2 3 … N ›</c>: the documents of a feed in reading order, newest
/// first, numbered from 1, with a window around the current one.
/// </summary>
/// <remarks>
/// Reading order is the order RFC 5005 links the documents in: a paged feed's pages 1…N (§3, "next" is older); an
/// archived feed's subscription document, then its archives from the newest to the oldest (§4, "prev-archive"). So
/// in both kinds, HTML page <em>k</em>'s <c>rel="next"</c> is the feed's next older document, and the numbers shown
/// are positions in that order (an archived feed's archive 1, its oldest, is shown last).
/// Pure; thread-safe.
/// </remarks>
internal static class HtmlPager
{
    /// <summary>How many numbers either side of the current one are shown before a gap (<c>…</c>).</summary>
    public const int Window = 2;

    /// <summary>Every document of the feed of <paramref name="current"/>, in reading order.</summary>
    public static IReadOnlyList<FeedPage> ReadingOrder(Paginator paginator, FeedPage current)
    {
        int total = current.TotalCount;
        var documents = new List<FeedPage>();
        for (int number = 1; number <= paginator.PageCount(total); number++)
        {
            documents.Add(paginator.Page(number, total));
        }

        for (int number = paginator.ArchiveCount(total); number >= 1; number--)
        {
            documents.Add(paginator.Archive(number, total));
        }

        return documents;
    }

    /// <summary>
    /// The numbers to show for <paramref name="count"/> documents with <paramref name="position"/> (1-based) current:
    /// 1, the last, and <see cref="Window"/> either side of the current; a gap of one number is shown as that number,
    /// a longer one as a single <see langword="null"/> (<c>…</c>).
    /// </summary>
    public static IReadOnlyList<int?> Numbers(int count, int position)
    {
        var shown = new List<int?>();
        int last = 0;
        for (int n = 1; n <= count; n++)
        {
            bool wanted = n == 1 || n == count || Math.Abs(n - position) <= Window;
            if (!wanted)
            {
                continue;
            }

            if (n - last == 2)
            {
                shown.Add(n - 1); // "1 … 3" hides one page behind a symbol as wide as its number: show it
            }
            else if (n - last > 2)
            {
                shown.Add(null);
            }

            shown.Add(n);
            last = n;
        }

        return shown;
    }
}
