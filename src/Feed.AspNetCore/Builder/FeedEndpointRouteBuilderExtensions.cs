using System.Text;
using Feed;
using Feed.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

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
/// Each endpoint answers GET and HEAD. It asks the page source for the count and the page's rows together, then
/// answers 404 for a page or archive that does not exist (or a route value the source does not know), else sets a
/// strong <c>ETag</c> and <c>Last-Modified</c> computed from those rows without rendering, <c>Cache-Control</c>
/// (<see cref="FeedEndpointOptions.PageCacheControl"/> or <see cref="FeedEndpointOptions.ArchiveCacheControl"/>) and
/// <c>Vary: Accept-Encoding</c>, and answers <c>If-None-Match</c> / <c>If-Modified-Since</c> with 304 before
/// rendering. Otherwise the document is formed in a pooled buffer and written once, with its <c>Content-Length</c>
/// (HEAD: the headers alone).
/// </para>
/// <para>
/// The returned builder takes the usual conventions, such as <c>.CacheOutput(policy =&gt; policy.Tag("posts"))</c>
/// for ASP.NET Core output caching (evict the tag when a post changes) or <c>.RequireHost(…)</c>.
/// </para>
/// </remarks>
public static class FeedEndpointRouteBuilderExtensions
{
    /// <summary>Maps the feed of <typeparamref name="TPost"/> in <paramref name="format"/> at <paramref name="pattern"/>, for GET and HEAD.</summary>
    /// <typeparam name="TPost">The host's post type, as registered with <c>AddFeed&lt;TPost&gt;</c> or <c>AddKeyedFeed&lt;TPost&gt;</c>.</typeparam>
    /// <param name="endpoints">The route builder (the <c>WebApplication</c>).</param>
    /// <param name="pattern">The route pattern, such as <c>/feed.xml</c> or <c>/tags/{tag}/atom.xml</c>.</param>
    /// <param name="format">The format served.</param>
    /// <param name="configure">Changes the endpoint's options: the feed's key, a route value that selects posts, caching headers.</param>
    /// <returns>The endpoint's convention builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> or <paramref name="pattern"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    /// <exception cref="ArgumentException">
    /// The options are invalid: an empty cache control, a capacity below 1, or a <see cref="FeedEndpointOptions.RouteKey"/>
    /// that is not the pattern's only parameter.
    /// </exception>
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

        RoutePattern route = RoutePatternFactory.Parse(pattern);
        string? urlTemplate = options.RouteKey is null ? null : UrlTemplate(route, options.RouteKey, pattern);
        var endpoint = new FeedEndpoint<TPost>(info, options, urlTemplate);
        return endpoints
            .MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], endpoint.HandleAsync)
            .WithDisplayName($"Feed {format} {pattern}");
    }

    /// <summary>The pattern as a URL relative to the site, the route key's place marked; it must be the only parameter.</summary>
    private static string UrlTemplate(RoutePattern route, string routeKey, string pattern)
    {
        if (route.Parameters.Count != 1 || !string.Equals(route.Parameters[0].Name, routeKey, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"FeedEndpointOptions.RouteKey \"{routeKey}\" must be the only parameter of the route pattern \"{pattern}\" (the feed URL of each value is the pattern with the value in its place).",
                nameof(pattern));
        }

        var text = new StringBuilder();
        foreach (RoutePatternPathSegment segment in route.PathSegments)
        {
            if (text.Length > 0)
            {
                text.Append('/');
            }

            foreach (RoutePatternPart part in segment.Parts)
            {
                text.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    _ => FeedEndpoint<object>.KeyPlaceholder,
                });
            }
        }

        return text.ToString();
    }
}
