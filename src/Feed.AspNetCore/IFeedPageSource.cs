namespace Feed;

/// <summary>
/// The host's source of a feed's pages: reads the total count and one page's rows together, so that both come from the
/// same snapshot. Registered in the service container (scoped, say, to use a <c>DbContext</c>); the endpoints of
/// <c>MapFeed</c> resolve it from the request's services. <c>Feed.EntityFrameworkCore</c> provides one over an
/// <see cref="IQueryable{T}"/>.
/// </summary>
/// <typeparam name="TPost">The host's post type, as in <c>AddFeed&lt;TPost&gt;</c>.</typeparam>
/// <remarks>Called once per request that reaches the endpoint (not for a response served by an output cache).</remarks>
public interface IFeedPageSource<TPost>
{
    /// <summary>Reads the rows <paramref name="query"/> asks for and the feed's total count.</summary>
    /// <param name="query">Which posts, in which order, which slice.</param>
    /// <param name="cancellationToken">Cancelled when the request is aborted.</param>
    /// <returns>
    /// The count and the rows; <see langword="null"/> when <see cref="FeedQuery.Variant"/> names no feed (an unknown tag),
    /// which is a 404.
    /// </returns>
    ValueTask<FeedRows<TPost>?> GetRowsAsync(FeedQuery query, CancellationToken cancellationToken);
}
