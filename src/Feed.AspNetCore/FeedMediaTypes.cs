using Feed.Http;

namespace Feed;

/// <summary>
/// The bare media types of the feed formats, without parameters: the form <c>ResponseCompressionOptions.MimeTypes</c>,
/// <c>Accept</c> matching and content negotiation compare against. The <c>Content-Type</c> of a response, with its
/// charset, is <see cref="FeedContentTypes.Get"/>.
/// </summary>
/// <remarks>Constants and an immutable list; safe to use from any thread.</remarks>
public static class FeedMediaTypes
{
    /// <summary>The media type of an RSS 2.0 document: <c>application/rss+xml</c>.</summary>
    public const string Rss = "application/rss+xml";

    /// <summary>The media type of an Atom 1.0 document: <c>application/atom+xml</c> (RFC 4287 §7).</summary>
    public const string Atom = "application/atom+xml";

    /// <summary>The media type of a JSON Feed 1.1 document: <c>application/feed+json</c> (jsonfeed.org/version/1.1).</summary>
    public const string Json = "application/feed+json";

    /// <summary>Gets the media type of every format Feed writes, in <see cref="FeedFormat"/> order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. FeedFormatTable.All.Select(info => info.MediaType)];

    /// <summary>Gets the bare media type of <paramref name="format"/>.</summary>
    /// <param name="format">The format.</param>
    /// <returns>The media type, without a charset.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    public static string Get(FeedFormat format) => FeedFormatTable.Get(format).MediaType;
}
