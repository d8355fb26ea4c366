namespace Feed.Internal;

/// <summary>
/// Where each format's URLs live in <see cref="FeedOptions"/>, in one table: a new format is one more row (its default
/// file, and the properties holding its feed URL and its page and archive URL templates). Validation, the generator's
/// paging and <see cref="FeedLayout.Apply"/> all read it, so no per-format code path repeats it.
/// </summary>
internal static class FormatTable
{
    private static readonly FormatRow[] Rows =
    [
        new(FeedFormat.Rss, "feed.xml", nameof(FeedOptions.RssUrl), nameof(FeedOptions.RssPageUrlTemplate), nameof(FeedOptions.RssArchiveUrlTemplate),
            o => o.RssUrl, (o, v) => o.RssUrl = v, o => o.RssPageUrlTemplate, (o, v) => o.RssPageUrlTemplate = v,
            o => o.RssArchiveUrlTemplate, (o, v) => o.RssArchiveUrlTemplate = v),
        new(FeedFormat.Atom, "atom.xml", nameof(FeedOptions.AtomUrl), nameof(FeedOptions.AtomPageUrlTemplate), nameof(FeedOptions.AtomArchiveUrlTemplate),
            o => o.AtomUrl, (o, v) => o.AtomUrl = v, o => o.AtomPageUrlTemplate, (o, v) => o.AtomPageUrlTemplate = v,
            o => o.AtomArchiveUrlTemplate, (o, v) => o.AtomArchiveUrlTemplate = v),
        new(FeedFormat.Json, "feed.json", nameof(FeedOptions.JsonUrl), nameof(FeedOptions.JsonPageUrlTemplate), nameof(FeedOptions.JsonArchiveUrlTemplate),
            o => o.JsonUrl, (o, v) => o.JsonUrl = v, o => o.JsonPageUrlTemplate, (o, v) => o.JsonPageUrlTemplate = v,
            o => o.JsonArchiveUrlTemplate, (o, v) => o.JsonArchiveUrlTemplate = v),

        // The HTML listing's page 1 is the site URL itself (its home page): the empty default file.
        new(FeedFormat.Html, string.Empty, nameof(FeedOptions.HtmlUrl), nameof(FeedOptions.HtmlPageUrlTemplate), nameof(FeedOptions.HtmlArchiveUrlTemplate),
            o => o.HtmlUrl, (o, v) => o.HtmlUrl = v, o => o.HtmlPageUrlTemplate, (o, v) => o.HtmlPageUrlTemplate = v,
            o => o.HtmlArchiveUrlTemplate, (o, v) => o.HtmlArchiveUrlTemplate = v),
    ];

    /// <summary>Gets every row, in <see cref="FeedFormat"/> order.</summary>
    public static IReadOnlyList<FormatRow> All => Rows;

    /// <summary>Gets the row of <paramref name="format"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    public static FormatRow Get(FeedFormat format, string paramName = "format")
    {
        foreach (FormatRow row in Rows)
        {
            if (row.Format == format)
            {
                return row;
            }
        }

        throw new ArgumentOutOfRangeException(paramName, format, "Unknown feed format.");
    }
}

/// <summary>One format's URLs in <see cref="FeedOptions"/>: its default file under the site URL and its three properties.</summary>
internal sealed record FormatRow(
    FeedFormat Format,
    string DefaultFile,
    string FeedUrlName,
    string PageTemplateName,
    string ArchiveTemplateName,
    Func<FeedOptions, Uri?> GetFeedUrl,
    Action<FeedOptions, Uri> SetFeedUrl,
    Func<FeedOptions, string> GetPageTemplate,
    Action<FeedOptions, string> SetPageTemplate,
    Func<FeedOptions, string> GetArchiveTemplate,
    Action<FeedOptions, string> SetArchiveTemplate)
{
    /// <summary>Gets the feed URL the options give this format: its own property, else the default file under the site folder.</summary>
    public Uri? FeedUrlOf(FeedOptions options) =>
        GetFeedUrl(options) ?? (options.SiteFolder is { IsAbsoluteUri: true } site ? new Uri(site, DefaultFile) : null);
}
