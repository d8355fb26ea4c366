using System.Data;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Feed.Querying;

/// <summary>
/// The compiled queries of one feed source: the count, the newest-first rows of a page and the oldest-first rows of an
/// archive, each for the whole feed and for a variant — the host's expressions composed once, compiled by EF Core on
/// first use (so a request skips query compilation, as a hand-written <c>EF.CompileAsyncQuery</c> does).
/// </summary>
/// <threadsafety>Immutable; EF Core's compiled queries are safe to share between contexts and threads.</threadsafety>
internal sealed class FeedQueries<TContext, TPost>
    where TContext : DbContext
    where TPost : class
{
    private static readonly MethodInfo AsNoTracking = typeof(EntityFrameworkQueryableExtensions)
        .GetMethod(nameof(EntityFrameworkQueryableExtensions.AsNoTracking))!.MakeGenericMethod(typeof(TPost));

    private readonly Func<TContext, CancellationToken, Task<int>> _count;
    private readonly Func<TContext, int, int, IAsyncEnumerable<TPost>> _newest;
    private readonly Func<TContext, int, int, IAsyncEnumerable<TPost>> _oldest;
    private readonly Func<TContext, string, CancellationToken, Task<int>>? _variantCount;
    private readonly Func<TContext, string, int, int, IAsyncEnumerable<TPost>>? _variantNewest;
    private readonly Func<TContext, string, int, int, IAsyncEnumerable<TPost>>? _variantOldest;

    public FeedQueries(
        Expression<Func<TContext, IQueryable<TPost>>> posts,
        LambdaExpression published,
        LambdaExpression id,
        Expression<Func<TPost, string, bool>>? variants,
        IsolationLevel? isolation)
    {
        Isolation = isolation;
        ParameterExpression db = Expression.Parameter(typeof(TContext), "db");
        ParameterExpression skip = Expression.Parameter(typeof(int), "skip");
        ParameterExpression take = Expression.Parameter(typeof(int), "take");
        ParameterExpression cancellationToken = Expression.Parameter(typeof(CancellationToken), "cancellationToken");

        Expression all = Rebind.Replace(posts.Body, posts.Parameters[0], db);
        _count = EF.CompileAsyncQuery(Expression.Lambda<Func<TContext, CancellationToken, int>>(Count(all), db, cancellationToken));
        _newest = EF.CompileAsyncQuery(Expression.Lambda<Func<TContext, int, int, IQueryable<TPost>>>(Slice(all, published, id, oldestFirst: false, skip, take), db, skip, take));
        _oldest = EF.CompileAsyncQuery(Expression.Lambda<Func<TContext, int, int, IQueryable<TPost>>>(Slice(all, published, id, oldestFirst: true, skip, take), db, skip, take));

        if (variants is not null)
        {
            // The variant is a parameter of the compiled query, used inside the filter (as a closure would be).
            ParameterExpression variant = Expression.Parameter(typeof(string), "variant");
            Expression filter = Expression.Quote(Expression.Lambda<Func<TPost, bool>>(
                Rebind.Replace(variants.Body, variants.Parameters[1], variant), variants.Parameters[0]));
            Expression some = Expression.Call(QueryableMethods.Where.MakeGenericMethod(typeof(TPost)), all, filter);
            _variantCount = EF.CompileAsyncQuery(Expression.Lambda<Func<TContext, string, CancellationToken, int>>(Count(some), db, variant, cancellationToken));
            _variantNewest = EF.CompileAsyncQuery(Expression.Lambda<Func<TContext, string, int, int, IQueryable<TPost>>>(Slice(some, published, id, oldestFirst: false, skip, take), db, variant, skip, take));
            _variantOldest = EF.CompileAsyncQuery(Expression.Lambda<Func<TContext, string, int, int, IQueryable<TPost>>>(Slice(some, published, id, oldestFirst: true, skip, take), db, variant, skip, take));
        }
    }

    /// <summary>Gets the isolation level the host chose, or <see langword="null"/> for the provider's snapshot level.</summary>
    public IsolationLevel? Isolation { get; }

    /// <summary>Gets whether a variant filter was given.</summary>
    public bool HasVariants => _variantCount is not null;

    public Task<int> CountAsync(TContext db, string? variant, CancellationToken cancellationToken) =>
        variant is null ? _count(db, cancellationToken) : _variantCount!(db, variant, cancellationToken);

    public IAsyncEnumerable<TPost> Rows(TContext db, string? variant, bool oldestFirst, int skip, int take) => (variant, oldestFirst) switch
    {
        (null, false) => _newest(db, skip, take),
        (null, true) => _oldest(db, skip, take),
        (_, false) => _variantNewest!(db, variant, skip, take),
        (_, true) => _variantOldest!(db, variant, skip, take),
    };

    private static MethodCallExpression Count(Expression source) =>
        Expression.Call(QueryableMethods.CountWithoutPredicate.MakeGenericMethod(typeof(TPost)), source);

    /// <summary>
    /// <see cref="FeedGenerator.NewestFirst"/> in SQL — published descending, then the id ascending — or its exact reverse
    /// for an archive (counted from the oldest post, RFC 5005 §4); then skip, take, without tracking.
    /// </summary>
    private static MethodCallExpression Slice(Expression source, LambdaExpression published, LambdaExpression id, bool oldestFirst, ParameterExpression skip, ParameterExpression take)
    {
        MethodInfo first = oldestFirst ? QueryableMethods.OrderBy : QueryableMethods.OrderByDescending;
        MethodInfo then = oldestFirst ? QueryableMethods.ThenByDescending : QueryableMethods.ThenBy;
        Expression ordered = Expression.Call(first.MakeGenericMethod(typeof(TPost), published.ReturnType), source, Expression.Quote(published));
        ordered = Expression.Call(then.MakeGenericMethod(typeof(TPost), id.ReturnType), ordered, Expression.Quote(id));
        Expression sliced = Expression.Call(QueryableMethods.Skip.MakeGenericMethod(typeof(TPost)), ordered, skip);
        sliced = Expression.Call(QueryableMethods.Take.MakeGenericMethod(typeof(TPost)), sliced, take);
        return Expression.Call(AsNoTracking, sliced);
    }

    /// <summary>Puts one expression in the place of a lambda's parameter, to inline the host's lambdas into one query.</summary>
    private sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        public static Expression Replace(Expression body, ParameterExpression from, Expression to) => new Rebind(from, to).Visit(body);

        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
