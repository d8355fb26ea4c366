using System.Runtime.CompilerServices;

namespace Feed.Hosting.Tests.Support;

/// <summary>
/// Stands in for a host's database table of <see cref="Article"/>s with an index on (published_at desc, id): it can
/// count, and it can read one slice in that order. It counts the rows it hands out, so a test can prove that a page
/// was rendered from that page's rows alone.
/// </summary>
public sealed class ArticleStore
{
    private readonly Article[] _rows;
    private int _rowsRead;

    public ArticleStore(IEnumerable<Article> articles)
    {
        // ORDER BY published_at DESC, id ASC: with zero-padded slugs this is the feed's own order (FeedGenerator.NewestFirst).
        _rows = [.. articles.OrderByDescending(a => a.PublishedAt).ThenBy(a => a.Id)];
    }

    /// <summary>Gets how many rows have been read so far.</summary>
    public int RowsRead => Volatile.Read(ref _rowsRead);

    /// <summary>Gets every row, for the in-memory path; reading them counts.</summary>
    public IEnumerable<Article> All => ListNewestFirst(0, _rows.Length);

    /// <summary><c>SELECT COUNT(*)</c>.</summary>
    public Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_rows.Length);
    }

    /// <summary><c>ORDER BY published_at DESC, id OFFSET offset ROWS FETCH NEXT count ROWS ONLY</c>, streamed.</summary>
    public async IAsyncEnumerable<Article> ListNewestFirstAsync(int offset, int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (Article row in ListNewestFirst(offset, count))
        {
            await Task.Yield(); // a real driver hands rows over asynchronously
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }
    }

    /// <summary>The same query, synchronously.</summary>
    public IEnumerable<Article> ListNewestFirst(int offset, int count)
    {
        for (int i = offset; i < Math.Min(_rows.Length, offset + count); i++)
        {
            Interlocked.Increment(ref _rowsRead);
            yield return _rows[i];
        }
    }
}
