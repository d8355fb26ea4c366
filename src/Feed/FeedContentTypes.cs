namespace Feed;

/// <summary>The HTTP <c>Content-Type</c> of each feed format, with the charset Feed always writes (UTF-8, no byte-order mark).</summary>
/// <remarks>Constants only; safe to use from any thread.</remarks>
public static class FeedContentTypes
{
    /// <summary>The content type of an RSS 2.0 document: <c>application/rss+xml; charset=utf-8</c>.</summary>
    /// <remarks>
    /// <c>application/rss+xml</c> is not registered with IANA, but it is the type every reader and browser expects, and
    /// the one the RSS documents' own <c>atom:link rel="self"</c> declares.
    /// </remarks>
    internal const string Rss = "application/rss+xml; charset=utf-8";

    /// <summary>The content type of an Atom 1.0 document: <c>application/atom+xml; charset=utf-8</c> (RFC 4287 §7).</summary>
    internal const string Atom = "application/atom+xml; charset=utf-8";

    /// <summary>The content type of a JSON Feed 1.1 document: <c>application/feed+json; charset=utf-8</c> (JSON Feed 1.1, "Suggestions for publishers").</summary>
    internal const string Json = "application/feed+json; charset=utf-8";

    /// <summary>The content type of an HTML page: <c>text/html; charset=utf-8</c> (WHATWG HTML §16.1).</summary>
    internal const string Html = "text/html; charset=utf-8";

    /// <summary>Gets the content type of <paramref name="format"/>.</summary>
    /// <param name="format">The format.</param>
    /// <returns>
    /// <c>application/rss+xml; charset=utf-8</c>, <c>application/atom+xml; charset=utf-8</c> (RFC 4287 §7) or
    /// <c>application/feed+json; charset=utf-8</c> (JSON Feed 1.1) or <c>text/html; charset=utf-8</c>.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    public static string Get(FeedFormat format) => format switch
    {
        FeedFormat.Rss => Rss,
        FeedFormat.Atom => Atom,
        FeedFormat.Json => Json,
        FeedFormat.Html => Html,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown feed format."),
    };
}
