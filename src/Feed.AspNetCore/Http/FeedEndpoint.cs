using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Feed.Http;

/// <summary>
/// One mapped feed endpoint: reads which document is asked for, asks the host's page source for the count and the rows
/// together, answers 404, 301 (to the one URL of a document), 304 or the document with its validators and caching
/// headers, and writes the bytes once from a pooled buffer.
/// </summary>
/// <remarks>
/// Every document's URLs come from the route the feed is mapped at, under the request's PathBase, on the origin of
/// <see cref="FeedOptions.SiteUrl"/>, unless the options name the feed URL themselves, which must then end with the
/// route (a proxy may serve the app under a prefix it does not tell). Options that place the documents elsewhere are
/// refused when the endpoint is made, at start-up.
/// </remarks>
/// <threadsafety>Safe for concurrent requests: its state is immutable but for a concurrent cache of placed feeds.</threadsafety>
internal sealed class FeedEndpoint<TPost>
{
    private const string VaryValue = "Accept-Encoding";

    private readonly FeedFormatInfo _format;
    private FeedRoute _route;
    private readonly FeedRenderer<TPost> _root;
    private readonly string? _serviceKey;
    private readonly Action<FeedOptions, string>? _configureVariant;
    private readonly string _pageCacheControl;
    private readonly string _archiveCacheControl;
    private readonly int _capacity;
    private readonly int _pageSize;
    private readonly bool _archived;
    private readonly string _origin;
    private readonly Uri? _configuredUrl;
    private readonly ConcurrentDictionary<(string PathBase, string? Variant), FeedVariant<TPost>> _feeds = new();

    /// <summary>Makes the endpoint and places the feed at its route, refusing options that place it elsewhere.</summary>
    /// <exception cref="InvalidOperationException">The options name a feed URL or a page or archive URL template the route does not serve.</exception>
    public FeedEndpoint(FeedFormatInfo format, FeedRoute route, FeedEndpointOptions options, FeedRenderer<TPost> root)
    {
        _format = format;
        _route = route;
        _root = root;
        _serviceKey = options.ServiceKey;
        _configureVariant = options.ConfigureVariant;
        _pageCacheControl = options.PageCacheControl;
        _archiveCacheControl = options.ArchiveCacheControl;
        _capacity = options.VariantCapacity;
        _pageSize = root.Generator.Paging.PageSize;
        _archived = root.Generator.Paging.Archive;

        // The renderer shows no options; a variant's callback is handed a copy of them (and makes a renderer we drop).
        Uri? site = null;
        Uri? configured = null;
        root.CreateVariant(copy =>
        {
            site = copy.SiteUrl;
            configured = format.GetFeedUrl(copy);
        });
        _origin = site!.GetLeftPart(UriPartial.Authority);
        _configuredUrl = route.VariantParameter is null ? configured : null;
        PlaceAtRoute();
    }

    /// <summary>
    /// Takes the endpoint's final route, once every convention is applied: in a route group (<c>MapGroup("/blog")</c>)
    /// the route is the group's prefix and the pattern given to <c>MapFeed</c>, and the documents link there.
    /// </summary>
    /// <exception cref="ArgumentException">The final pattern has a parameter other than the variant's.</exception>
    /// <exception cref="InvalidOperationException">The options place a document where the final route does not serve it.</exception>
    public void UseRoute(RoutePattern final)
    {
        string pattern = final.RawText ?? _route.Pattern;
        if (string.Equals(pattern, _route.Pattern, StringComparison.Ordinal))
        {
            return;
        }

        _route = FeedRoute.Parse(final, _route.VariantParameter);
        _feeds.Clear();
        PlaceAtRoute();
    }

    /// <summary>The feed as served without a PathBase, or, per variant, the route's URLs with any value: checked now.</summary>
    private void PlaceAtRoute()
    {
        FeedVariant<TPost> placed = Place(PathString.Empty, _route.VariantParameter is null ? null : "variant", probe: _route.VariantParameter is not null);
        if (_route.VariantParameter is null)
        {
            _feeds[(string.Empty, null)] = placed;
        }
    }

    public async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        HttpResponse response = context.Response;
        CancellationToken cancellationToken = context.RequestAborted;

        DocumentRequest document = DocumentRequest.Read(request.Query, _pageSize);
        if (document.Answer == DocumentAnswer.NotFound)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        string? variant = null;
        if (_route.VariantParameter is not null)
        {
            string? asked = Convert.ToString(context.GetRouteValue(_route.VariantParameter), CultureInfo.InvariantCulture);
            variant = asked is null ? null : FeedTerms.Normalize(asked);

            // No URL names an empty term, nor one with a '/' (full-width ／ normalizes to it), which a route value cannot hold.
            if (string.IsNullOrEmpty(variant) || variant.Contains('/', StringComparison.Ordinal))
            {
                response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            if (!string.Equals(asked, variant, StringComparison.Ordinal))
            {
                // Every spelling of a variant is one feed at one URL: the page source, the entry cache and the output
                // cache see the normalized value only.
                Redirect(response, request.PathBase, variant, document);
                return;
            }
        }

        if (document.Answer == DocumentAnswer.RedirectToFirst)
        {
            Redirect(response, request.PathBase, variant, document);
            return;
        }

        (FeedPageKind kind, int number) = (document.Kind, document.Number);
        var query = new FeedQuery(variant, kind, number, (number - 1) * _pageSize, _pageSize);
        IFeedPageSource<TPost> source = PageSource(context.RequestServices);
        FeedRows<TPost>? rows = await source.GetRowsAsync(query, cancellationToken).ConfigureAwait(false);
        if (rows is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        FeedPaging paging = _root.Generator.Paging;
        FeedPage? page;
        bool exists = kind == FeedPageKind.Page
            ? paging.TryGetPage(number, rows.TotalCount, out page)
            : paging.TryGetArchive(number, rows.TotalCount, out page);
        if (!exists || page is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // Made only for a variant the source knows, so unknown values cannot fill the cache of placed feeds.
        FeedVariant<TPost> feed = Feed(request.PathBase, variant);

        // What the source returned, at most a page of it: links follow the count it gave, entries are the rows it gave.
        int count = Math.Min(page.Count, rows.Rows.Count);
        var posts = new FeedPost[count];
        for (int i = 0; i < count; i++)
        {
            posts[i] = feed.Renderer.Map(rows.Rows[i]);
        }

        string entityTag = FeedValidators.EntityTag(feed.Fingerprint, _format.Format, page, posts);
        DateTimeOffset? lastModified = rows.LastModified ?? FeedValidators.Newest(posts, feed.EmptyUpdated);

        IHeaderDictionary headers = response.Headers;
        headers.ETag = entityTag;
        if (lastModified is { } modified)
        {
            headers.LastModified = HeaderUtilities.FormatDate(modified);
        }

        headers.CacheControl = kind == FeedPageKind.Archive ? _archiveCacheControl : _pageCacheControl;
        headers.Vary = VaryValue;

        if (IsNotModified(request, entityTag, lastModified))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        using var buffer = new ResponseBuffer();
        var entries = new FeedEntry[posts.Length];
        for (int i = 0; i < posts.Length; i++)
        {
            entries[i] = feed.Renderer.CreateEntry(posts[i]);
        }

        FeedGenerator generator = feed.Renderer.Generator;
        await generator.WriteAsync(generator.CreateDocument(_format.Format, page, entries), buffer, cancellationToken).ConfigureAwait(false);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = _format.ContentType;
        response.ContentLength = buffer.Length;
        if (HttpMethods.IsHead(request.Method))
        {
            return;
        }

        await response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// RFC 9110 §13.1.2 and §13.2.2: If-None-Match decides when present (weak comparison, <c>*</c> matches any current
    /// representation); else If-Modified-Since, at the one-second precision of an HTTP date.
    /// </summary>
    internal static bool IsNotModified(HttpRequest request, string entityTag, DateTimeOffset? lastModified)
    {
        StringValues ifNoneMatch = request.Headers.IfNoneMatch;
        if (!StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            ReadOnlySpan<char> opaque = Opaque(entityTag);
            foreach (string? value in ifNoneMatch)
            {
                if (value is not null && ListContains(value, opaque))
                {
                    return true;
                }
            }

            return false;
        }

        return lastModified is { } modified
            && HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out DateTimeOffset since)
            && modified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }

    /// <summary>The quoted opaque tag, without the weakness indicator (weak comparison, RFC 9110 §8.8.3.2).</summary>
    private static ReadOnlySpan<char> Opaque(ReadOnlySpan<char> entityTag) =>
        entityTag.StartsWith("W/", StringComparison.Ordinal) ? entityTag[2..] : entityTag;

    private static bool ListContains(string list, ReadOnlySpan<char> opaque)
    {
        ReadOnlySpan<char> rest = list;
        while (!rest.IsEmpty)
        {
            int comma = rest.IndexOf(',');
            ReadOnlySpan<char> item = (comma < 0 ? rest : rest[..comma]).Trim();
            rest = comma < 0 ? [] : rest[(comma + 1)..];
            if (item.SequenceEqual("*") || Opaque(item).SequenceEqual(opaque))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>301 to the one URL of the document asked for: the normalized variant, no <c>?page=1</c>.</summary>
    private void Redirect(HttpResponse response, PathString pathBase, string? variant, DocumentRequest document)
    {
        string url = FeedUrl(pathBase, variant);
        if (document.Kind == FeedPageKind.Archive)
        {
            url += "?archive=" + document.Number.ToString(CultureInfo.InvariantCulture);
        }
        else if (document.Number > 1)
        {
            url += "?page=" + document.Number.ToString(CultureInfo.InvariantCulture);
        }

        response.StatusCode = StatusCodes.Status301MovedPermanently;
        response.Headers.Location = url;
    }

    /// <summary>The public URL of page 1: the options' own for a single feed that names one, else the route's.</summary>
    private string FeedUrl(PathString pathBase, string? variant) =>
        _configuredUrl?.AbsoluteUri ?? _origin + pathBase.ToUriComponent() + _route.Path(variant);

    private FeedVariant<TPost> Feed(PathString pathBase, string? variant)
    {
        (string, string?) key = (pathBase.Value ?? string.Empty, variant);
        if (_feeds.TryGetValue(key, out FeedVariant<TPost>? feed))
        {
            return feed;
        }

        feed = Place(pathBase, variant, probe: false);
        if (_feeds.Count >= _capacity)
        {
            _feeds.Clear();
        }

        return _feeds.GetOrAdd(key, feed);
    }

    /// <summary>
    /// The feed (or one variant's feed) with its documents' URLs at the route under <paramref name="pathBase"/>; a
    /// <paramref name="probe"/> checks the route's URLs without the variant's own changes.
    /// </summary>
    /// <exception cref="InvalidOperationException">The options place a document where this endpoint does not serve it.</exception>
    private FeedVariant<TPost> Place(PathString pathBase, string? variant, bool probe)
    {
        Uri url = _configuredUrl is not null && variant is null
            ? _configuredUrl
            : new Uri(_origin + pathBase.ToUriComponent() + _route.Path(variant));
        if (_configuredUrl is not null && variant is null)
        {
            CheckConfiguredUrl(_configuredUrl);
        }

        FeedRenderer<TPost> renderer = _root.CreateVariant(options =>
        {
            _format.SetFeedUrl(options, url);
            if (variant is not null && !probe)
            {
                options.Title = options.Title + ": " + variant;
                options.Id = null; // the variant's own feed URL, not the feed's id
                _configureVariant?.Invoke(options, variant);
            }
        });

        FeedPaging paging = renderer.Generator.Paging;
        if (paging.PageSize != _pageSize || paging.Archive != _archived)
        {
            throw new InvalidOperationException(
                $"FeedEndpointOptions.ConfigureVariant changed PageSize or Archive for \"{variant}\"; a variant keeps the feed's paging, which its page source is queried with.");
        }

        paging.TryGetPage(1, 0, out FeedPage? first);
        Uri firstUrl = paging.GetUrl(_format.Format, first!);
        if (firstUrl != url)
        {
            throw new InvalidOperationException(
                $"FeedEndpointOptions.ConfigureVariant set FeedOptions.{_format.UrlOption} of \"{variant}\" to {firstUrl.AbsoluteUri}, but MapFeed(\"{_route.Pattern}\") serves that feed at {url.AbsoluteUri}: leave {_format.UrlOption} to the endpoint.");
        }

        FeedPage? second;
        string template;
        string expected;
        if (_archived)
        {
            paging.TryGetArchive(1, _pageSize, out second);
            template = _format.ArchiveTemplateOption;
            expected = "?archive=1";
        }
        else
        {
            paging.TryGetPage(2, _pageSize * 2, out second);
            template = _format.PageTemplateOption;
            expected = "?page=2";
        }

        Uri secondUrl = paging.GetUrl(_format.Format, second!);
        Uri served = new(url, expected);
        if (secondUrl != served)
        {
            string what = _archived ? "archive 1" : "page 2";
            throw new InvalidOperationException(
                $"MapFeed(\"{_route.Pattern}\", FeedFormat.{_format.Format}): FeedOptions.{template} gives {secondUrl.AbsoluteUri} for {what}, but the endpoint serves {what} at {served.AbsoluteUri}. Leave {template} at its default, {(_archived ? "?archive={archive}" : "?page={page}")}.");
        }

        return new FeedVariant<TPost>(renderer, renderer.Generator.CreateDocument(_format.Format, first!, []).Updated);
    }

    /// <summary>An explicit feed URL is the public URL of the route: its path must end with the route's path.</summary>
    private void CheckConfiguredUrl(Uri configured)
    {
        string route = _route.Path(null);
        if (!Uri.UnescapeDataString(configured.AbsolutePath).EndsWith(Uri.UnescapeDataString(route), StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"MapFeed(\"{_route.Pattern}\", FeedFormat.{_format.Format}): FeedOptions.{_format.UrlOption} is {configured.AbsoluteUri}, but the feed is served at the route \"{route}\", so every link of its documents would lead elsewhere. Remove {_format.UrlOption} (the endpoint then links its documents at {_origin}{route}, under the request's PathBase), or map the feed at \"{configured.AbsolutePath}\".");
        }
    }

    private IFeedPageSource<TPost> PageSource(IServiceProvider services)
    {
        IFeedPageSource<TPost>? source = _serviceKey is null ? null : services.GetKeyedService<IFeedPageSource<TPost>>(_serviceKey);
        return source ?? services.GetService<IFeedPageSource<TPost>>()
            ?? throw new InvalidOperationException(
                $"No IFeedPageSource<{typeof(TPost).Name}> is registered: register the page source of the feed (services.AddScoped<IFeedPageSource<{typeof(TPost).Name}>, YourSource>()).");
    }
}

/// <summary>A feed an endpoint serves (placed at its route, or one variant's) with its fingerprint and the date of its empty documents.</summary>
internal sealed class FeedVariant<TPost>(FeedRenderer<TPost> renderer, DateTimeOffset emptyUpdated)
{
    public FeedRenderer<TPost> Renderer { get; } = renderer;

    /// <summary>Gets the date a document without entries carries (<see cref="FeedOptions.EmptyFeedUpdated"/>, or the library's fixed date).</summary>
    public DateTimeOffset EmptyUpdated { get; } = emptyUpdated;

    public byte[] Fingerprint { get; } = FeedValidators.Fingerprint(renderer.Generator);
}
