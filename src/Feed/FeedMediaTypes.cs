namespace Feed;

/// <summary>
/// The media type of each feed format, in one table: the bare type (what <c>Accept</c> matching, content negotiation and
/// ASP.NET Core's <c>ResponseCompressionOptions.MimeTypes</c> compare against) and the HTTP <c>Content-Type</c> of a
/// response, which adds the charset Feed always writes (UTF-8, no byte-order mark).
/// </summary>
/// <remarks>Constants and an immutable list; safe to use from any thread.</remarks>
public static class FeedMediaTypes
{
    /// <summary>The media type of an RSS 2.0 document: <c>application/rss+xml</c>.</summary>
    /// <remarks>
    /// Not registered with IANA, but it is the type every reader and browser expects, and the one the RSS documents' own
    /// <c>atom:link rel="self"</c> declares.
    /// </remarks>
    public const string Rss = "application/rss+xml";

    /// <summary>The media type of an Atom 1.0 document: <c>application/atom+xml</c> (RFC 4287 §7).</summary>
    public const string Atom = "application/atom+xml";

    /// <summary>The media type of a JSON Feed 1.1 document: <c>application/feed+json</c> (JSON Feed 1.1, "Suggestions for publishers").</summary>
    public const string Json = "application/feed+json";

    /// <summary>The media type of an HTML page (<see cref="FeedFormat.Html"/>): <c>text/html</c> (WHATWG HTML §16.1).</summary>
    public const string Html = "text/html";

    // The charset parameter of every Content-Type: XML media types should carry it (RFC 7303 §3.2), and it costs a JSON
    // reader nothing.
    private const string Charset = "; charset=utf-8";

    /// <summary>Gets the bare media type of every format Feed writes, in <see cref="FeedFormat"/> order.</summary>
    /// <value><c>application/rss+xml</c>, <c>application/atom+xml</c>, <c>application/feed+json</c>, <c>text/html</c>.</value>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<FeedFormat>().Select(Get)];

    /// <summary>Gets the bare media type of <paramref name="format"/>, without parameters.</summary>
    /// <param name="format">The format.</param>
    /// <returns><see cref="Rss"/>, <see cref="Atom"/>, <see cref="Json"/> or <see cref="Html"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    public static string Get(FeedFormat format) => format switch
    {
        FeedFormat.Rss => Rss,
        FeedFormat.Atom => Atom,
        FeedFormat.Json => Json,
        FeedFormat.Html => Html,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown feed format."),
    };

    /// <summary>Gets the HTTP <c>Content-Type</c> of a document in <paramref name="format"/>: its media type with <c>charset=utf-8</c>.</summary>
    /// <param name="format">The format.</param>
    /// <returns>
    /// <c>application/rss+xml; charset=utf-8</c>, <c>application/atom+xml; charset=utf-8</c> or
    /// <c>application/feed+json; charset=utf-8</c> or <c>text/html; charset=utf-8</c>.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    public static string GetContentType(FeedFormat format) => format switch
    {
        FeedFormat.Rss => Rss + Charset,
        FeedFormat.Atom => Atom + Charset,
        FeedFormat.Json => Json + Charset,
        FeedFormat.Html => Html + Charset,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown feed format."),
    };
}
