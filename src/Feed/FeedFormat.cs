namespace Feed;

/// <summary>The formats Feed writes: three syndication formats and the HTML listing of the same pages.</summary>
/// <remarks>
/// Every member of Feed that takes a format handles each of these values; a value outside them is an
/// <see cref="ArgumentOutOfRangeException"/>. New formats are added as new values at the end.
/// </remarks>
public enum FeedFormat
{
    /// <summary>RSS 2.0 (RSS Advisory Board), with <c>atom:link</c> for <c>self</c> and RFC 5005 paging links.</summary>
    Rss = 0,

    /// <summary>Atom 1.0 (RFC 4287).</summary>
    Atom = 1,

    /// <summary>JSON Feed 1.1 (jsonfeed.org/version/1.1), paged with <c>next_url</c>.</summary>
    Json = 2,

    /// <summary>
    /// An HTML5 page (WHATWG HTML) listing the same entries as the feeds: titles linked to the posts, dates, authors,
    /// tags and excerpts, with page navigation and autodiscovery links to the feeds. The default page, or
    /// <see cref="FeedOptions.HtmlTemplate"/>.
    /// </summary>
    Html = 3,
}
