using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging;

namespace Feed.Http;

/// <summary>
/// Wraps the output-cache policy a host gives a feed endpoint (<c>.CacheOutput(...)</c>, or none when base policies
/// apply) so that an entry varies by exactly what the document depends on: the path (the route with its normalized
/// variant, and the PathBase its URLs carry), <c>page</c> and <c>archive</c> — never the <c>Host</c> header, so every
/// instance behind any proxy shares one entry in a shared store (Redis).
/// </summary>
/// <remarks>
/// The host's policy runs first (its tags, expiry, locking); this one then only narrows what the key varies by and
/// what is stored. Non-canonical spellings of a variant or a page never reach the cache as documents: the endpoint
/// redirects them, and only 200s are stored.
/// </remarks>
internal sealed partial class FeedOutputCachePolicy(IOutputCachePolicy? inner, string pattern, ILogger logger) : IOutputCachePolicy
{
    private static readonly string[] DocumentQueryKeys = ["page", "archive"];
    private int _warnedOfCoding;

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (inner is not null)
        {
            await inner.CacheRequestAsync(context, cancellation).ConfigureAwait(false);
        }

        if (!context.EnableOutputCaching)
        {
            return;
        }

        if (HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            // The output cache keys entries by method and serves a stored response with the Content-Length of the
            // body it stored (OutputCacheEntry.CopyHeadersTo), which for HEAD is empty: a cached HEAD would say
            // Content-Length: 0. The endpoint answers HEAD itself, with the length of the GET body (RFC 9110 §9.3.2).
            context.AllowCacheLookup = false;
            context.AllowCacheStorage = false;
            context.AllowLocking = false;
            return;
        }

        // The document's URLs come from the options and the route, never from the request's Host (nor its port).
        context.CacheVaryByRules.VaryByHost = false;

        // Only these select a document; any other query parameter (utm_source, …) leaves the bytes as they are.
        context.CacheVaryByRules.QueryKeys = DocumentQueryKeys;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        inner?.ServeFromCacheAsync(context, cancellation) ?? ValueTask.CompletedTask;

    public async ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (inner is not null)
        {
            await inner.ServeResponseAsync(context, cancellation).ConfigureAwait(false);
        }

        // A body coded before the output cache saw it (compression inside the cache) would be served to clients that
        // did not ask for that coding: the key does not vary by Accept-Encoding. Such a response is not stored.
        if (context.AllowCacheStorage && context.HttpContext.Response.Headers.ContentEncoding.Count > 0)
        {
            context.AllowCacheStorage = false;
            if (Interlocked.Exchange(ref _warnedOfCoding, 1) == 0)
            {
                LogCodedResponseNotStored(logger, pattern);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Warning,
        "The feed at \"{Pattern}\" was content-coded before the output cache saw it, so it is not stored (the cache key does not vary by coding). Call UseResponseCompression() before UseOutputCache(): the cache then keeps one body and compression codes it per request.")]
    private static partial void LogCodedResponseNotStored(ILogger logger, string pattern);
}
