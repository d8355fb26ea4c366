using System.Diagnostics.CodeAnalysis;
using Feed;
using Feed.Querying;
using Microsoft.EntityFrameworkCore;

#pragma warning disable IDE0130 // Registration lives where .NET's own registrations are, as AddDbContext's does.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>
/// Registers an Entity Framework Core page source for <c>MapFeed</c>:
/// <c>services.AddEntityFrameworkFeedSource&lt;BlogDb, Post&gt;(source =&gt; source.Posts(db =&gt; db.Posts).NewestFirst(p =&gt; p.Published, p =&gt; p.Slug))</c>.
/// </summary>
[Experimental("FEEDEXP101", UrlFormat = "https://github.com/feed-dotnet/feed#experimental-apis")]
public static class FeedEntityFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// Registers the page source of the feed of <typeparamref name="TPost"/> (the one of <c>AddFeed&lt;TPost&gt;</c>) as a
    /// scoped <see cref="IFeedPageSource{TPost}"/>: for each request it reads the count and the page's rows in one
    /// snapshot of <typeparamref name="TContext"/>'s database, with compiled queries.
    /// </summary>
    /// <typeparam name="TContext">
    /// The context, registered with <c>AddDbContext</c> or <c>AddDbContextPool</c> (the request's is used), or with
    /// <c>AddDbContextFactory</c> (one is made per request and disposed after it).
    /// </typeparam>
    /// <typeparam name="TPost">The host's post type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Says which posts, in which order, and how a variant selects its posts.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="configure"/> did not call <c>Posts</c> and <c>NewestFirst</c>.</exception>
    public static IServiceCollection AddEntityFrameworkFeedSource<TContext, TPost>(this IServiceCollection services, Action<EntityFrameworkFeedSourceBuilder<TContext, TPost>> configure)
        where TContext : DbContext
        where TPost : class
    {
        ArgumentNullException.ThrowIfNull(services);
        FeedQueries<TContext, TPost> queries = Build(configure);
        return services.AddScoped<IFeedPageSource<TPost>>(provider => Create(provider, queries));
    }

    /// <summary>
    /// Registers the page source of the feed of <c>AddKeyedFeed&lt;TPost&gt;(serviceKey, …)</c> as a keyed scoped
    /// <see cref="IFeedPageSource{TPost}"/>, which <c>MapFeed</c> resolves for <c>FeedEndpointOptions.ServiceKey</c>;
    /// otherwise as <see cref="AddEntityFrameworkFeedSource{TContext, TPost}(IServiceCollection, Action{EntityFrameworkFeedSourceBuilder{TContext, TPost}})"/>.
    /// </summary>
    /// <typeparam name="TContext">The context (see the unkeyed overload).</typeparam>
    /// <typeparam name="TPost">The host's post type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="serviceKey">The feed's service key.</param>
    /// <param name="configure">Says which posts, in which order, and how a variant selects its posts.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/>, <paramref name="serviceKey"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="configure"/> did not call <c>Posts</c> and <c>NewestFirst</c>.</exception>
    public static IServiceCollection AddKeyedEntityFrameworkFeedSource<TContext, TPost>(this IServiceCollection services, string serviceKey, Action<EntityFrameworkFeedSourceBuilder<TContext, TPost>> configure)
        where TContext : DbContext
        where TPost : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(serviceKey);
        FeedQueries<TContext, TPost> queries = Build(configure);
        return services.AddKeyedScoped<IFeedPageSource<TPost>>(serviceKey, (provider, _) => Create(provider, queries));
    }

    private static FeedQueries<TContext, TPost> Build<TContext, TPost>(Action<EntityFrameworkFeedSourceBuilder<TContext, TPost>> configure)
        where TContext : DbContext
        where TPost : class
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new EntityFrameworkFeedSourceBuilder<TContext, TPost>();
        configure(builder);
        return builder.Build();
    }

    private static EntityFrameworkFeedSource<TContext, TPost> Create<TContext, TPost>(IServiceProvider provider, FeedQueries<TContext, TPost> queries)
        where TContext : DbContext
        where TPost : class
    {
        if (provider.GetService<TContext>() is { } context)
        {
            return new EntityFrameworkFeedSource<TContext, TPost>(context, ownsContext: false, queries);
        }

        IDbContextFactory<TContext> factory = provider.GetService<IDbContextFactory<TContext>>()
            ?? throw new InvalidOperationException(
                $"The Entity Framework feed source of {typeof(TPost).Name} reads from {typeof(TContext).Name}, which is not registered: call services.AddDbContext<{typeof(TContext).Name}>(…), AddDbContextPool or AddDbContextFactory.");
        return new EntityFrameworkFeedSource<TContext, TPost>(factory.CreateDbContext(), ownsContext: true, queries);
    }
}
