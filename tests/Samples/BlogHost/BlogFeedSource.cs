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
    public async ValueTask<FeedRows<Post>?> GetRowsAsync(FeedQuery query, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using SqliteTransaction snapshot = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
            await db.Database.UseTransactionAsync(snapshot, cancellationToken);

            IQueryable<Post> posts = query.Key is null ? db.Posts : db.Posts.Where(p => p.Tags.Any(t => t.Name == query.Key));
            int total = await posts.CountAsync(cancellationToken);
            if (query.Key is not null && total == 0)
            {
                return null; // no such tag: 404
            }

            IQueryable<Post> ordered = query.OldestFirst
                ? posts.OrderBy(p => p.PublishedTicks).ThenByDescending(p => p.FeedId)
                : posts.OrderByDescending(p => p.PublishedTicks).ThenBy(p => p.FeedId);
            List<Post> rows = await ordered.Skip(query.Skip).Take(query.Take).Include(p => p.Tags).AsNoTracking().ToListAsync(cancellationToken);
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
