namespace Feed.Http;

/// <summary>
/// What the HTTP layer needs to know of each format, in one table: a new format is one more row (its media types and
/// which <see cref="FeedOptions"/> properties hold its URLs). Everything else comes from the core library.
/// </summary>
internal static class FeedFormatTable
{
    private static readonly FeedFormatInfo[] Rows =
    [
        new(FeedFormat.Rss, FeedMediaTypes.Rss, nameof(FeedOptions.RssUrl), nameof(FeedOptions.RssPageUrlTemplate), nameof(FeedOptions.RssArchiveUrlTemplate),
            static options => options.RssUrl, static (options, url) => options.RssUrl = url),
        new(FeedFormat.Atom, FeedMediaTypes.Atom, nameof(FeedOptions.AtomUrl), nameof(FeedOptions.AtomPageUrlTemplate), nameof(FeedOptions.AtomArchiveUrlTemplate),
            static options => options.AtomUrl, static (options, url) => options.AtomUrl = url),
        new(FeedFormat.Json, FeedMediaTypes.Json, nameof(FeedOptions.JsonUrl), nameof(FeedOptions.JsonPageUrlTemplate), nameof(FeedOptions.JsonArchiveUrlTemplate),
            static options => options.JsonUrl, static (options, url) => options.JsonUrl = url),
        new(FeedFormat.Html, FeedMediaTypes.Html, nameof(FeedOptions.HtmlUrl), nameof(FeedOptions.HtmlPageUrlTemplate), nameof(FeedOptions.HtmlArchiveUrlTemplate),
            static options => options.HtmlUrl, static (options, url) => options.HtmlUrl = url),
    ];

    public static IReadOnlyList<FeedFormatInfo> All => Rows;

    public static FeedFormatInfo Get(FeedFormat format)
    {
        foreach (FeedFormatInfo row in Rows)
        {
            if (row.Format == format)
            {
                return row;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown feed format.");
    }
}

/// <summary>
/// One format's row: its bare media type, the names of the options that place its documents (for messages), and how
/// the feed URL is read from and written to a copy of the options.
/// </summary>
internal sealed record FeedFormatInfo(
    FeedFormat Format,
    string MediaType,
    string UrlOption,
    string PageTemplateOption,
    string ArchiveTemplateOption,
    Func<FeedOptions, Uri?> GetFeedUrl,
    Action<FeedOptions, Uri> SetFeedUrl)
{
    /// <summary>Gets the response's <c>Content-Type</c>, with its charset.</summary>
    public string ContentType { get; } = FeedMediaTypes.GetContentType(Format);
}
