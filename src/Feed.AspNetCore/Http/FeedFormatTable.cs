namespace Feed.Http;

/// <summary>
/// What the HTTP layer needs to know of each format, in one table: a new format is one more row (its media type and
/// which <see cref="FeedOptions"/> property holds its feed URL). Everything else comes from the core library.
/// </summary>
internal static class FeedFormatTable
{
    private static readonly FeedFormatInfo[] Rows =
    [
        new(FeedFormat.Rss, FeedMediaTypes.Rss, static (options, url) => options.RssUrl = url),
        new(FeedFormat.Atom, FeedMediaTypes.Atom, static (options, url) => options.AtomUrl = url),
        new(FeedFormat.Json, FeedMediaTypes.Json, static (options, url) => options.JsonUrl = url),
        new(FeedFormat.Html, FeedMediaTypes.Html, static (options, url) => options.HtmlUrl = url),
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

/// <summary>One format's row: its bare media type and how a variant's feed URL is set.</summary>
internal sealed record FeedFormatInfo(FeedFormat Format, string MediaType, Action<FeedOptions, Uri> SetFeedUrl)
{
    /// <summary>Gets the response's <c>Content-Type</c>, with its charset.</summary>
    public string ContentType { get; } = FeedMediaTypes.GetContentType(Format);
}
