using Microsoft.EntityFrameworkCore;

namespace Feed.Querying;

/// <summary>
/// The page source over EF Core: the count and the page's rows of a feed (or of one variant) read in one snapshot
/// (<see cref="Snapshot"/>) with compiled queries (<see cref="FeedQueries{TContext, TPost}"/>).
/// </summary>
/// <remarks>Scoped: one per request, over the request's context (or one made by the context factory, disposed with it).</remarks>
internal sealed class EntityFrameworkFeedSource<TContext, TPost>(TContext db, bool ownsContext, FeedQueries<TContext, TPost> queries)
    : IFeedPageSource<TPost>, IAsyncDisposable
    where TContext : DbContext
    where TPost : class
{
    public async ValueTask<FeedRows<TPost>?> GetRowsAsync(FeedQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Variant is not null && !queries.HasVariants)
        {
            throw new InvalidOperationException(
                $"The feed of {typeof(TPost).Name} is served per variant (FeedEndpointOptions.VariantRouteParameter), but its Entity Framework source has no filter for one: call .Variants((post, variant) => …) when adding the source.");
        }

        await using Snapshot snapshot = await Snapshot.BeginAsync(db, queries.Isolation, cancellationToken).ConfigureAwait(false);
        int total = await queries.CountAsync(db, query.Variant, cancellationToken).ConfigureAwait(false);
        if (query.Variant is not null && total == 0)
        {
            return null; // a variant without posts is none the host knows: 404
        }

        List<TPost> rows = query.Skip >= total
            ? [] // past the end: the endpoint answers 404 (or an empty page 1) from the count alone
            : await queries.Rows(db, query.Variant, query.OldestFirst, query.Skip, query.Take).ToListAsync(cancellationToken).ConfigureAwait(false);
        await snapshot.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return new FeedRows<TPost>(total, rows);
    }

    public ValueTask DisposeAsync() => ownsContext ? db.DisposeAsync() : ValueTask.CompletedTask;
}
