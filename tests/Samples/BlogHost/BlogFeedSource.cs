using Feed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BlogHost;

/// <summary>
/// The feeds' page source: the count and the page's rows read in one deferred SQLite read transaction, so both come
/// from the same snapshot while another connection writes (WAL mode).
/// </summary>
// begin-snippet: aspnetcore-source
public sealed class BlogFeedSource(BlogDb db) : IFeedPageSource<Post>
{
    // Compiled once, so a request skips EF Core's query compilation; a null tag is the whole feed.
    private static readonly Func<BlogDb, string?, CancellationToken, Task<int>> Count = EF.CompileAsyncQuery(
        (BlogDb db, string? tag, CancellationToken _) => db.Posts.Count(p => tag == null || p.Tags.Any(t => t.Key == tag)));

    private static readonly Func<BlogDb, string?, int, int, IAsyncEnumerable<Post>> NewestFirst = EF.CompileAsyncQuery(
        (BlogDb db, string? tag, int skip, int take) => db.Posts.AsNoTracking().Where(p => tag == null || p.Tags.Any(t => t.Key == tag))
            .OrderByDescending(p => p.PublishedTicks).ThenBy(p => p.FeedId).Skip(skip).Take(take).Include(p => p.Tags));

    private static readonly Func<BlogDb, string?, int, int, IAsyncEnumerable<Post>> OldestFirst = EF.CompileAsyncQuery(
        (BlogDb db, string? tag, int skip, int take) => db.Posts.AsNoTracking().Where(p => tag == null || p.Tags.Any(t => t.Key == tag))
            .OrderBy(p => p.PublishedTicks).ThenByDescending(p => p.FeedId).Skip(skip).Take(take).Include(p => p.Tags));

    public async ValueTask<FeedRows<Post>?> GetRowsAsync(FeedQuery query, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using SqliteTransaction snapshot = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
            await db.Database.UseTransactionAsync(snapshot, cancellationToken);

            int total = await Count(db, query.Variant, cancellationToken);
            if (query.Variant is not null && total == 0)
            {
                return null; // no such tag: 404
            }

            var page = query.OldestFirst ? OldestFirst : NewestFirst;
            List<Post> rows = await page(db, query.Variant, query.Skip, query.Take).ToListAsync(cancellationToken);
            return new FeedRows<Post>(total, rows);
        }
        finally
        {
            await db.Database.UseTransactionAsync(null, cancellationToken);
            await db.Database.CloseConnectionAsync();
        }
    }
}
// end-snippet
