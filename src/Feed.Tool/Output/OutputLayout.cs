namespace Feed.Tool.Output;

/// <summary>
/// Where each feed document goes under <c>--out</c>. The layout is defined once, as the URL templates the generator
/// links documents with; a document's file is then its own URL relative to the site URL. So a link in any document
/// (self, next, prev-archive, ...) points at exactly the file written for that document, by construction.
/// </summary>
/// <remarks>
/// <code>
/// feed.xml                     RSS 2.0, page 1: the subscription document
/// feed/2.xml, feed/3.xml ...   RSS pages 2..N (RFC 5005 §3 paging)
/// feed/archive/1.xml ...       RSS archive documents, 1 = oldest (RFC 5005 §4, with "archive": true)
/// atom.xml, atom/N.xml, atom/archive/N.xml   the same for Atom 1.0
/// feed.json, feed/N.json, feed/archive/N.json the same for JSON Feed 1.1
/// index.html, page/N/index.html, archive/N/index.html   the HTML listing of the same pages (config "formats": [..., "html"])
/// tags/{slug}/feed.xml ...     the same files for the feed of one tag (categories/, authors/ likewise)
/// </code>
/// </remarks>
internal static class OutputLayout
{
    /// <summary>The file of the RSS subscription document.</summary>
    public const string RssFile = "feed.xml";

    /// <summary>The file of the Atom subscription document.</summary>
    public const string AtomFile = "atom.xml";

    /// <summary>The file of the JSON Feed subscription document.</summary>
    public const string JsonFile = "feed.json";

    /// <summary>The JSON Feed page template, relative to <see cref="JsonFile"/>'s URL.</summary>
    public const string JsonPageTemplate = "feed/{page}.json";

    /// <summary>The JSON Feed archive template, relative to <see cref="JsonFile"/>'s URL.</summary>
    public const string JsonArchiveTemplate = "feed/archive/{archive}.json";

    /// <summary>The RSS page template, relative to <see cref="RssFile"/>'s URL.</summary>
    public const string RssPageTemplate = "feed/{page}.xml";

    /// <summary>The Atom page template, relative to <see cref="AtomFile"/>'s URL.</summary>
    public const string AtomPageTemplate = "atom/{page}.xml";

    /// <summary>The RSS archive template, relative to <see cref="RssFile"/>'s URL.</summary>
    public const string RssArchiveTemplate = "feed/archive/{archive}.xml";

    /// <summary>The Atom archive template, relative to <see cref="AtomFile"/>'s URL.</summary>
    public const string AtomArchiveTemplate = "atom/archive/{archive}.xml";

    /// <summary>The HTML page template, relative to the folder's URL: <c>page/2/</c>, written as <c>page/2/index.html</c>.</summary>
    public const string HtmlPageTemplate = "page/{page}/";

    /// <summary>The HTML archive template, relative to the folder's URL.</summary>
    public const string HtmlArchiveTemplate = "archive/{archive}/";

    /// <summary>The file a URL that names a folder (ends in <c>/</c>) is written as: what static web servers serve for it.</summary>
    public const string IndexFile = "index.html";

    /// <summary>The folders the layout puts documents in, relative to <c>--out</c>.</summary>
    public static readonly IReadOnlyList<string> Folders = ["archive", "atom", "atom/archive", "feed", "feed/archive", "page"];

    /// <summary>Points the options' document URLs at this layout under <paramref name="siteUrl"/>.</summary>
    /// <param name="options">The options to set.</param>
    /// <param name="siteUrl">The site URL, ending in <c>/</c>.</param>
    public static void Apply(FeedOptions options, Uri siteUrl)
    {
        options.SiteUrl = siteUrl;
        ApplyUnder(options, siteUrl);
    }

    /// <summary>
    /// Points the options' document URLs at this layout under <paramref name="folderUrl"/>: the site URL for the main
    /// feed, <c>tags/{slug}/</c> under it for the feed of a tag. <see cref="FeedOptions.SiteUrl"/> is left alone.
    /// </summary>
    /// <param name="options">The options to set.</param>
    /// <param name="folderUrl">The folder's absolute URL, ending in <c>/</c>.</param>
    public static void ApplyUnder(FeedOptions options, Uri folderUrl)
    {
        options.RssUrl = new Uri(folderUrl, RssFile);
        options.AtomUrl = new Uri(folderUrl, AtomFile);
        options.JsonUrl = new Uri(folderUrl, JsonFile);
        options.RssPageUrlTemplate = RssPageTemplate;
        options.AtomPageUrlTemplate = AtomPageTemplate;
        options.JsonPageUrlTemplate = JsonPageTemplate;
        options.RssArchiveUrlTemplate = RssArchiveTemplate;
        options.AtomArchiveUrlTemplate = AtomArchiveTemplate;
        options.JsonArchiveUrlTemplate = JsonArchiveTemplate;
        options.HtmlUrl = folderUrl;
        options.HtmlPageUrlTemplate = HtmlPageTemplate;
        options.HtmlArchiveUrlTemplate = HtmlArchiveTemplate;
    }

    /// <summary>The path under <c>--out</c> (with <c>/</c> separators) of the document at <paramref name="url"/>; a URL ending in <c>/</c> is its folder's <c>index.html</c>.</summary>
    /// <param name="url">The document's absolute URL, from <see cref="FeedPaging.GetUrl"/>.</param>
    /// <param name="siteUrl">The site URL, ending in <c>/</c>.</param>
    /// <returns>The relative path.</returns>
    /// <exception cref="InvalidOperationException">The URL is not a plain file under the site URL (a bug in the layout).</exception>
    public static string RelativePath(Uri url, Uri siteUrl)
    {
        string site = siteUrl.AbsoluteUri;
        string full = url.AbsoluteUri;
        if (!full.StartsWith(site, StringComparison.Ordinal) || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            throw new InvalidOperationException($"The document URL {full} is not a file under the site URL {site}.");
        }

        string relative = Uri.UnescapeDataString(full[site.Length..]);
        if (relative.Length == 0 || relative.EndsWith('/'))
        {
            relative += IndexFile; // an HTML page's URL names its folder
        }

        if (!ManifestFile.IsSafeRelativePath(relative))
        {
            throw new InvalidOperationException($"The document URL {full} does not map to a file under --out.");
        }

        return relative;
    }
}
