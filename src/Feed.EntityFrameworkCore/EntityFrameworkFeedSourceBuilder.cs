using System.Data;
using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using Feed.Querying;
using Microsoft.EntityFrameworkCore;

namespace Feed;

/// <summary>
/// Says which posts a feed has, in which order, and how a variant (a tag, category or author) selects its posts, for the
/// page source <c>AddEntityFrameworkFeedSource</c> registers. <see cref="Posts"/> and <see cref="NewestFirst"/> are
/// required.
/// </summary>
/// <typeparam name="TContext">The <see cref="DbContext"/> the posts are read from, resolved from the request's services.</typeparam>
/// <typeparam name="TPost">The host's post type, as in <c>AddFeed&lt;TPost&gt;</c>.</typeparam>
/// <remarks>
/// Used once, while registering; not thread-safe. The expressions are composed into EF Core compiled queries (count,
/// newest-first page, oldest-first archive, each with and without the variant filter), so they must be translatable by
/// the provider, as any query's are.
/// </remarks>
[Experimental("FEEDEXP101", UrlFormat = "https://github.com/feed-dotnet/feed#experimental-apis")]
public sealed class EntityFrameworkFeedSourceBuilder<TContext, TPost>
    where TContext : DbContext
    where TPost : class
{
    private Expression<Func<TContext, IQueryable<TPost>>>? _posts;
    private LambdaExpression? _published;
    private LambdaExpression? _id;
    private Expression<Func<TPost, string, bool>>? _variants;
    private IsolationLevel? _isolation;

    internal EntityFrameworkFeedSourceBuilder()
    {
    }

    /// <summary>Sets the feed's posts: every post the feed holds, in no particular order, with what the mapping reads.</summary>
    /// <param name="posts">
    /// The query, such as <c>db =&gt; db.Posts.Where(p =&gt; p.IsPublished).Include(p =&gt; p.Tags)</c>. Rows are read
    /// without tracking.
    /// </param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="posts"/> is <see langword="null"/>.</exception>
    public EntityFrameworkFeedSourceBuilder<TContext, TPost> Posts(Expression<Func<TContext, IQueryable<TPost>>> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        _posts = posts;
        return this;
    }

    /// <summary>
    /// Sets the feed's newest-first order, which must be the order of <see cref="FeedGenerator.NewestFirst"/> so that
    /// pages split where the documents say: <paramref name="published"/> descending, then <paramref name="id"/>
    /// ascending. Archives read the exact reverse.
    /// </summary>
    /// <typeparam name="TPublished">The type of the published time as stored: a date type, or UTC ticks.</typeparam>
    /// <typeparam name="TId">The type of the tie-breaker.</typeparam>
    /// <param name="published">The column of the post's published time (what the mapping gives as <see cref="FeedPost.Published"/>).</param>
    /// <param name="id">
    /// The column of the post's feed id (<see cref="FeedPost.Id"/>, or the post URL when the mapping sets no id), which
    /// the database must compare ordinally: SQLite's default <c>BINARY</c> collation does for ASCII; in PostgreSQL or
    /// SQL Server give the column a binary collation (<c>"C"</c>, <c>Latin1_General_BIN2</c>) or keep ids ASCII.
    /// </param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="published"/> or <paramref name="id"/> is <see langword="null"/>.</exception>
    public EntityFrameworkFeedSourceBuilder<TContext, TPost> NewestFirst<TPublished, TId>(Expression<Func<TPost, TPublished>> published, Expression<Func<TPost, TId>> id)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(id);
        _published = published;
        _id = id;
        return this;
    }

    /// <summary>
    /// Sets how a variant selects its posts, for a feed mapped with <c>FeedEndpointOptions.VariantRouteParameter</c>: the
    /// filter is given each post and the variant as normalized by <see cref="FeedTerms.Normalize"/>, so compare it with
    /// a key stored in that form, such as <c>(post, tag) =&gt; post.Tags.Any(t =&gt; t.Key == tag)</c>. A variant with
    /// no posts is a 404.
    /// </summary>
    /// <param name="filter">The filter, translatable by the provider.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is <see langword="null"/>.</exception>
    public EntityFrameworkFeedSourceBuilder<TContext, TPost> Variants(Expression<Func<TPost, string, bool>> filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        _variants = filter;
        return this;
    }

    /// <summary>
    /// Sets the isolation level of the transaction that holds the count and the rows, instead of the provider's
    /// snapshot level: a deferred read transaction on SQLite (a snapshot in WAL mode), <c>REPEATABLE READ</c> on
    /// PostgreSQL and MySQL (snapshot isolation), <c>SNAPSHOT</c> on SQL Server (which needs
    /// <c>ALLOW_SNAPSHOT_ISOLATION ON</c>), <c>SERIALIZABLE</c> on others.
    /// </summary>
    /// <param name="level">The level; <see cref="IsolationLevel.Unspecified"/> reads without a transaction (count and rows may then disagree).</param>
    /// <returns>This builder.</returns>
    public EntityFrameworkFeedSourceBuilder<TContext, TPost> Isolation(IsolationLevel level)
    {
        _isolation = level;
        return this;
    }

    /// <summary>The compiled queries of a complete description.</summary>
    /// <exception cref="ArgumentException"><see cref="Posts"/> or <see cref="NewestFirst"/> was not called.</exception>
    internal FeedQueries<TContext, TPost> Build()
    {
        if (_posts is null || _published is null || _id is null)
        {
            throw new ArgumentException(
                $"The Entity Framework feed source of {typeof(TPost).Name} needs its posts and their order: call .Posts(db => db.{typeof(TPost).Name}s) and .NewestFirst(p => p.Published, p => p.Id) in the configure callback.",
                "configure");
        }

        return new FeedQueries<TContext, TPost>(_posts, _published, _id, _variants, _isolation);
    }
}
