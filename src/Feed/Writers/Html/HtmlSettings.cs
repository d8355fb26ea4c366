namespace Feed.Writers.Html;

/// <summary>One feed a page links to for autodiscovery (<c>link rel="alternate"</c>, WHATWG HTML §4.6.7.1) and in its footer.</summary>
/// <param name="Format">The feed's format.</param>
/// <param name="Name">The format's name as people know it: RSS, Atom, JSON Feed.</param>
/// <param name="MediaType">The bare media type, as the <c>type</c> attribute wants it.</param>
/// <param name="Url">The feed's subscription document (page 1).</param>
internal sealed record HtmlFeedLink(FeedFormat Format, string Name, string MediaType, Uri Url)
{
    /// <summary>The lower-case name the template model and configuration use: <c>rss</c>, <c>atom</c>, <c>json</c>.</summary>
    public string Key => Format switch
    {
        FeedFormat.Rss => "rss",
        FeedFormat.Atom => "atom",
        _ => "json",
    };
}

/// <summary>What the HTML writer needs beyond a document: the page's words and dates, the feeds to link, the template.</summary>
/// <param name="Locale">The words and date format of the feed's language.</param>
/// <param name="Feeds">The feeds every page links to, in the order given in <see cref="FeedOptions.HtmlFeedFormats"/>.</param>
/// <param name="Template">The custom page template, or <see langword="null"/> for the default page.</param>
internal sealed record HtmlSettings(HtmlLocale Locale, IReadOnlyList<HtmlFeedLink> Feeds, FeedHtmlTemplate? Template)
{
    /// <summary>The name people know <paramref name="format"/> by.</summary>
    public static string NameOf(FeedFormat format) => format switch
    {
        FeedFormat.Rss => "RSS",
        FeedFormat.Atom => "Atom",
        FeedFormat.Json => "JSON Feed",
        _ => "HTML",
    };

    /// <summary>The bare media type of <paramref name="format"/> (no charset parameter).</summary>
    public static string MediaTypeOf(FeedFormat format) => FeedMediaTypes.Get(format);
}
