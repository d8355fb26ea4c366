using Feed;
using Feed.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

#pragma warning disable IDE0130 // Endpoint mapping lives in the namespace of WebApplication, as MapHealthChecks does.
namespace Microsoft.AspNetCore.Builder;
#pragma warning restore IDE0130

/// <summary>
/// Maps feed endpoints: <c>app.MapFeed&lt;Article&gt;("/feed.xml", FeedFormat.Rss)</c> serves every page
/// (<c>?page=N</c>) and archive (<c>?archive=N</c>) of a feed registered with <c>AddFeed&lt;Article&gt;</c>, from the
/// host's <see cref="IFeedPageSource{TPost}"/>.
/// </summary>
/// <remarks>
/// <para>
/// Each endpoint answers GET and HEAD. Its documents link each other (self, next, previous, first, last, archives) at
/// the route it is mapped at, under the request's PathBase, on the origin of <see cref="FeedOptions.SiteUrl"/> — never
/// the request's <c>Host</c>. It asks the page source for the count and the page's rows together, then answers 404 for
/// a page or archive that does not exist (or a variant the source does not know), 301 to the one URL of a document asked
/// for another way (<c>?page=1</c>, another spelling of a variant), else sets a weak <c>ETag</c> and
/// <c>Last-Modified</c> computed from those rows without rendering, <c>Cache-Control</c>
/// (<see cref="FeedEndpointOptions.PageCacheControl"/> or <see cref="FeedEndpointOptions.ArchiveCacheControl"/>) and
/// <c>Vary: Accept-Encoding</c>, and answers <c>If-None-Match</c> / <c>If-Modified-Since</c> with 304 before
/// rendering. Otherwise the document is formed in a pooled buffer and written once, with its <c>Content-Length</c>
/// (HEAD: the headers alone).
/// </para>
/// <para>
/// The returned builder takes the usual conventions, such as <c>.CacheOutput(policy =&gt; policy.Tag("posts"))</c>
/// for ASP.NET Core output caching (evict the tag when a post changes) or <c>.RequireHost(…)</c>. Whatever policy is
/// given, an output-cache entry of a feed varies by its path, <c>page</c> and <c>archive</c> only (not by <c>Host</c>, so
/// instances behind any proxy share one entry in Redis), HEAD is answered by the endpoint (a cached HEAD would have no
/// length), and a body content-coded before the cache saw it is not stored.
/// </para>
/// </remarks>
public static class FeedEndpointRouteBuilderExtensions
{
    /// <summary>Maps the feed of <typeparamref name="TPost"/> in <paramref name="format"/> at <paramref name="pattern"/>, for GET and HEAD.</summary>
    /// <typeparam name="TPost">The host's post type, as registered with <c>AddFeed&lt;TPost&gt;</c> or <c>AddKeyedFeed&lt;TPost&gt;</c>.</typeparam>
    /// <param name="endpoints">The route builder (the <c>WebApplication</c>).</param>
    /// <param name="pattern">
    /// The route pattern, such as <c>/feed.xml</c> or <c>/tags/{tag}/atom.xml</c>: literal text, and at most one
    /// parameter, <see cref="FeedEndpointOptions.VariantRouteParameter"/>. It is where the documents link each other.
    /// </param>
    /// <param name="format">The format served.</param>
    /// <param name="configure">Changes the endpoint's options: the feed's service key, the parameter that selects a variant, caching headers.</param>
    /// <returns>The endpoint's convention builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> or <paramref name="pattern"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    /// <exception cref="ArgumentException">
    /// The options are invalid (an empty cache control, a capacity below 1), or the pattern has a parameter other than a
    /// plain <see cref="FeedEndpointOptions.VariantRouteParameter"/>.
    /// </exception>
    /// <exception cref="InvalidOperationException">
    /// No feed of <typeparamref name="TPost"/> is registered (with <see cref="FeedEndpointOptions.ServiceKey"/>), or its
    /// options place the documents where this endpoint does not serve them: a feed URL (<see cref="FeedOptions.RssUrl"/>,
    /// <see cref="FeedOptions.AtomUrl"/>, <see cref="FeedOptions.JsonUrl"/>) whose path does not end with the route, or a
    /// page or archive URL template other than <c>?page={page}</c> / <c>?archive={archive}</c>. The message names both.
    /// </exception>
    /// <exception cref="FeedOptionsException">The feed's options are invalid.</exception>
    public static IEndpointConventionBuilder MapFeed<TPost>(this IEndpointRouteBuilder endpoints, string pattern, FeedFormat format, Action<FeedEndpointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        FeedFormatInfo info = FeedFormatTable.Get(format);

        var options = new FeedEndpointOptions();
        configure?.Invoke(options);
        if (string.IsNullOrWhiteSpace(options.PageCacheControl) || string.IsNullOrWhiteSpace(options.ArchiveCacheControl))
        {
            throw new ArgumentException("FeedEndpointOptions.PageCacheControl and ArchiveCacheControl must not be empty.", nameof(configure));
        }

        if (options.VariantCapacity < 1)
        {
            throw new ArgumentException("FeedEndpointOptions.VariantCapacity must be at least 1.", nameof(configure));
        }

        FeedRoute route = FeedRoute.Parse(pattern, options.VariantRouteParameter);

        // Resolved now, so that options which place the feed elsewhere stop the app at start-up, not at a reader's request.
        IServiceProvider services = endpoints.ServiceProvider;
        FeedRenderer<TPost> renderer = (options.ServiceKey is null
            ? services.GetService<FeedRenderer<TPost>>()
            : services.GetKeyedService<FeedRenderer<TPost>>(options.ServiceKey))
            ?? throw new InvalidOperationException(options.ServiceKey is null
                ? $"MapFeed<{typeof(TPost).Name}>(\"{pattern}\"): no feed of {typeof(TPost).Name} is registered; call services.AddFeed<{typeof(TPost).Name}>(map)."
                : $"MapFeed<{typeof(TPost).Name}>(\"{pattern}\"): no feed of {typeof(TPost).Name} is registered with the key \"{options.ServiceKey}\"; call services.AddKeyedFeed<{typeof(TPost).Name}>(\"{options.ServiceKey}\", map).");
        var endpoint = new FeedEndpoint<TPost>(info, route, options, renderer);

        IEndpointConventionBuilder builder = endpoints
            .MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], endpoint.HandleAsync)
            .WithDisplayName($"Feed {format} {pattern}");

        // After every convention (a group's prefix, .CacheOutput(...)): the final route, and a wrap of the endpoint's
        // output-cache policy, the one the middleware reads (the last), so that the entry varies by what the document
        // depends on whatever the policy says.
        builder.Finally(endpointBuilder =>
        {
            if (endpointBuilder is RouteEndpointBuilder { RoutePattern: { } final })
            {
                endpoint.UseRoute(final); // a route group's prefix is part of the route
            }

            IOutputCachePolicy? policy = endpointBuilder.Metadata.OfType<IOutputCachePolicy>().LastOrDefault();
            ILogger logger = endpointBuilder.ApplicationServices.GetService<ILoggerFactory>()?.CreateLogger("Feed.AspNetCore") ?? NullLogger.Instance;
            endpointBuilder.Metadata.Add(new FeedOutputCachePolicy(policy, pattern, logger));
        });
        return builder;
    }
}
