using System.Collections.Concurrent;
using System.Globalization;
using Feed.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Feed.Http;

/// <summary>
/// One mapped feed endpoint: reads which document is asked for, asks the host's page source for the count and the rows
/// together, answers 404, 304 or the document with its validators and caching headers, and writes the bytes once from a
/// pooled buffer.
/// </summary>
/// <threadsafety>Safe for concurrent requests: its state is the resolved feed and a concurrent cache of variants.</threadsafety>
internal sealed class FeedEndpoint<TPost>
{
    private const string VaryValue = "Accept-Encoding";

    private readonly FeedFormatInfo _format;
    private readonly string? _feedKey;
    private readonly string? _routeKey;
    private readonly Action<FeedOptions, string>? _configureVariant;
    private readonly string _pageCacheControl;
    private readonly string _archiveCacheControl;
    private readonly int _variantCapacity;
    private readonly string? _urlTemplate;
    private readonly ConcurrentDictionary<string, FeedVariant<TPost>> _variants = new(StringComparer.Ordinal);
    private FeedVariant<TPost>? _root;

    public FeedEndpoint(FeedFormatInfo format, FeedEndpointOptions options, string? urlTemplate)
    {
        _format = format;
        _feedKey = options.FeedKey;
        _routeKey = options.RouteKey;
        _configureVariant = options.ConfigureVariant;
        _pageCacheControl = options.PageCacheControl;
        _archiveCacheControl = options.ArchiveCacheControl;
        _variantCapacity = options.VariantCapacity;
        _urlTemplate = urlTemplate;
    }

    /// <summary>The text a route value takes the place of in <c>urlTemplate</c>.</summary>
    public const string KeyPlaceholder = "\u0000key\u0000";

    public async Task HandleAsync(HttpContext context)
    {
        HttpResponse response = context.Response;
        CancellationToken cancellationToken = context.RequestAborted;
        FeedVariant<TPost> root = Root(context.RequestServices);
        FeedPaging rootPaging = root.Renderer.Generator.Paging;

        if (!TryReadDocument(context, rootPaging, out FeedPageKind kind, out int number))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        string? key = null;
        if (_routeKey is not null)
        {
            key = Convert.ToString(context.GetRouteValue(_routeKey), CultureInfo.InvariantCulture);
            if (string.IsNullOrEmpty(key))
            {
                response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
        }

        int size = rootPaging.PageSize;
        var query = new FeedQuery(key, kind, number, (number - 1) * size, size);
        IFeedPageSource<TPost> source = PageSource(context.RequestServices);
        FeedRows<TPost>? rows = await source.GetRowsAsync(query, cancellationToken).ConfigureAwait(false);
        if (rows is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        FeedVariant<TPost> feed = key is null ? root : Variant(root, key);
        FeedPaging paging = feed.Renderer.Generator.Paging;
        FeedPage? page;
        bool exists = kind == FeedPageKind.Page
            ? paging.TryGetPage(number, rows.TotalCount, out page)
            : paging.TryGetArchive(number, rows.TotalCount, out page);
        if (!exists || page is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // What the source returned, at most a page of it: links follow the count it gave, entries are the rows it gave.
        int count = Math.Min(page.Count, rows.Rows.Count);
        var posts = new FeedPost[count];
        for (int i = 0; i < count; i++)
        {
            posts[i] = feed.Renderer.Map(rows.Rows[i]);
        }

        string entityTag = FeedValidators.EntityTag(feed.Fingerprint, _format.Format, page, posts);
        DateTimeOffset? lastModified = rows.LastModified ?? FeedValidators.Newest(posts, feed.Renderer.Generator.Options.EmptyFeedUpdated);

        IHeaderDictionary headers = response.Headers;
        headers.ETag = entityTag;
        if (lastModified is { } modified)
        {
            headers.LastModified = HeaderUtilities.FormatDate(modified);
        }

        headers.CacheControl = kind == FeedPageKind.Archive ? _archiveCacheControl : _pageCacheControl;
        headers.Vary = VaryValue;

        if (IsNotModified(context.Request, entityTag, lastModified))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        using var buffer = new PooledBufferStream();
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
        if (HttpMethods.IsHead(context.Request.Method))
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
            foreach (string? value in ifNoneMatch)
            {
                if (value is not null && ListContains(value, entityTag))
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

    private static bool ListContains(string list, string entityTag)
    {
        ReadOnlySpan<char> rest = list;
        while (!rest.IsEmpty)
        {
            int comma = rest.IndexOf(',');
            ReadOnlySpan<char> item = (comma < 0 ? rest : rest[..comma]).Trim();
            rest = comma < 0 ? [] : rest[(comma + 1)..];
            if (item.StartsWith("W/", StringComparison.Ordinal))
            {
                item = item[2..];
            }

            if (item.SequenceEqual("*") || item.SequenceEqual(entityTag))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Page <c>?page=N</c> (default 1) or archive <c>?archive=N</c>, from the route values or the query.</summary>
    private static bool TryReadDocument(HttpContext context, FeedPaging paging, out FeedPageKind kind, out int number)
    {
        string? archive = Value(context, "archive");
        string? page = Value(context, "page");
        kind = archive is null ? FeedPageKind.Page : FeedPageKind.Archive;
        number = 1;
        if (archive is not null && page is not null)
        {
            return false;
        }

        string? text = archive ?? page;
        if (text is not null
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1))
        {
            return false;
        }

        // Past this the skip overflows: no feed of int.MaxValue posts has such a page.
        return number <= (int.MaxValue / paging.PageSize) + 1;
    }

    private static string? Value(HttpContext context, string name)
    {
        if (context.GetRouteValue(name) is { } routed)
        {
            return Convert.ToString(routed, CultureInfo.InvariantCulture);
        }

        StringValues values = context.Request.Query[name];
        return values.Count switch
        {
            0 => null,
            1 => values[0] ?? string.Empty,
            _ => string.Empty, // ?page=2&page=3 names no one page
        };
    }

    private FeedVariant<TPost> Root(IServiceProvider services)
    {
        FeedVariant<TPost>? root = Volatile.Read(ref _root);
        if (root is null)
        {
            FeedRenderer<TPost> renderer = _feedKey is null
                ? services.GetRequiredService<FeedRenderer<TPost>>()
                : services.GetRequiredKeyedService<FeedRenderer<TPost>>(_feedKey);
            root = new FeedVariant<TPost>(renderer);
            Volatile.Write(ref _root, root);
        }

        return root;
    }

    private IFeedPageSource<TPost> PageSource(IServiceProvider services)
    {
        IFeedPageSource<TPost>? source = _feedKey is null ? null : services.GetKeyedService<IFeedPageSource<TPost>>(_feedKey);
        return source ?? services.GetService<IFeedPageSource<TPost>>()
            ?? throw new InvalidOperationException(
                $"No IFeedPageSource<{typeof(TPost).Name}> is registered: register the page source of the feed (services.AddScoped<IFeedPageSource<{typeof(TPost).Name}>, YourSource>()).");
    }

    private FeedVariant<TPost> Variant(FeedVariant<TPost> root, string key)
    {
        if (_variants.TryGetValue(key, out FeedVariant<TPost>? variant))
        {
            return variant;
        }

        FeedGenerator parent = root.Renderer.Generator;
        FeedRenderer<TPost> renderer = root.Renderer.CreateVariant(options =>
        {
            options.Title = options.Title + ": " + key;
            options.Id = null; // the variant's own feed URL, not the parent's id
            if (_urlTemplate is not null)
            {
                _format.SetFeedUrl(options, new Uri(options.SiteUrl!, _urlTemplate.Replace(KeyPlaceholder, Uri.EscapeDataString(key), StringComparison.Ordinal)));
            }

            _configureVariant?.Invoke(options, key);
        });
        FeedOptions made = renderer.Generator.Options;
        if (made.PageSize != parent.Options.PageSize || made.Archive != parent.Options.Archive)
        {
            throw new InvalidOperationException(
                $"FeedEndpointOptions.ConfigureVariant changed PageSize or Archive for \"{key}\"; a variant keeps the feed's paging, which its page source is queried with.");
        }

        if (_variants.Count >= _variantCapacity)
        {
            _variants.Clear();
        }

        return _variants.GetOrAdd(key, new FeedVariant<TPost>(renderer));
    }
}

/// <summary>A feed an endpoint serves (the registered one, or one route value's variant) with its fingerprint.</summary>
internal sealed class FeedVariant<TPost>(FeedRenderer<TPost> renderer)
{
    public FeedRenderer<TPost> Renderer { get; } = renderer;

    public byte[] Fingerprint { get; } = FeedValidators.Fingerprint(renderer.Generator);
}
