namespace Feed.Tool.Output;

/// <summary>
/// Where each feed document goes under <c>--out</c>: the library's one layout (<see cref="FeedLayout"/>), with the
/// tool's own rules around it (a URL outside the layout is a bug here, and the manifest's, lock's and journal's names are
/// never a document's).
/// </summary>
/// <remarks>
/// <code>
/// feed.xml, feed/2.xml …, feed/archive/1.xml …     RSS 2.0 (RFC 5005 §3 pages, §4 archives)
/// atom.xml, atom/2.xml …, atom/archive/1.xml …     Atom 1.0
/// feed.json, feed/2.json …, feed/archive/1.json …  JSON Feed 1.1
/// tags/{slug}/feed.xml …                           the same files for the feed of one tag (categories/, authors/ likewise)
/// </code>
/// </remarks>
internal static class OutputLayout
{
    /// <summary>The file of the RSS subscription document.</summary>
    public static string RssFile { get; } = FeedLayout.Get(FeedFormat.Rss).FeedFile;

    /// <summary>
    /// The folders the layout puts documents in, relative to <c>--out</c>: each page and archive URL template's folder
    /// (and its parents) up to the segment that holds the number.
    /// </summary>
    public static readonly IReadOnlyList<string> Folders = FoldersOf(FeedLayout.Formats);

    /// <summary>
    /// The layout folders whose documents sit one folder deeper, in a folder per number: the HTML pages
    /// (<c>page/2/index.html</c>, <c>archive/1/index.html</c>), whose URL template ends in a numbered folder.
    /// </summary>
    public static readonly IReadOnlyList<string> NumberedFolders = NumberedFoldersOf(FeedLayout.Formats);

    /// <summary>
    /// The folders that hold a folder per tag, category or author (<c>tags/{slug}/</c> …, see
    /// <c>Building/FeedSets.cs</c>), each laid out as <c>--out</c> is: every one a build may write in, whatever the
    /// config says now (a killed build may have had other taxonomies on).
    /// </summary>
    public static readonly IReadOnlyList<string> TaxonomyFolders = ["authors", "categories", "tags"];

    /// <summary>Points the options' document URLs at this layout under <paramref name="siteUrl"/>, and sets the site URL.</summary>
    /// <param name="options">The options to set.</param>
    /// <param name="siteUrl">The site URL, ending in <c>/</c>.</param>
    public static void Apply(FeedOptions options, Uri siteUrl)
    {
        options.SiteUrl = siteUrl;
        FeedLayout.Apply(options, siteUrl);
    }

    /// <summary>
    /// Points the options' document URLs at this layout under <paramref name="folderUrl"/>: the site URL for the main
    /// feed, <c>tags/{slug}/</c> under it for the feed of a tag. <see cref="FeedOptions.SiteUrl"/> is left alone.
    /// </summary>
    /// <param name="options">The options to set.</param>
    /// <param name="folderUrl">The folder's absolute URL, ending in <c>/</c>.</param>
    public static void ApplyUnder(FeedOptions options, Uri folderUrl) => FeedLayout.Apply(options, folderUrl);

    /// <summary>The path under <c>--out</c> (with <c>/</c> separators) of the document at <paramref name="url"/>.</summary>
    /// <param name="url">The document's absolute URL, from <see cref="FeedPaging.GetUrl"/>.</param>
    /// <param name="siteUrl">The site URL, ending in <c>/</c>.</param>
    /// <returns>The relative path.</returns>
    /// <exception cref="InvalidOperationException">The URL is not a plain file under the site URL, or is a name the tool keeps for itself (a bug in the layout).</exception>
    public static string RelativePath(Uri url, Uri siteUrl)
    {
        string relative;
        try
        {
            relative = FeedLayout.GetRelativePath(url, siteUrl);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }

        if (!ManifestFile.IsSafeRelativePath(relative))
        {
            throw new InvalidOperationException($"The document URL {url.AbsoluteUri} does not map to a file under --out.");
        }

        return relative;
    }

    private static string[] FoldersOf(IReadOnlyList<FeedLayoutFiles> formats)
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (FeedLayoutFiles files in formats)
        {
            foreach (string template in new[] { files.PageUrlTemplate, files.ArchiveUrlTemplate })
            {
                string[] segments = template.Split('/');
                for (int i = 1; i < segments.Length && !segments[i - 1].Contains('{', StringComparison.Ordinal); i++)
                {
                    folders.Add(string.Join('/', segments[..i]));
                }
            }
        }

        return [.. folders];
    }

    private static string[] NumberedFoldersOf(IReadOnlyList<FeedLayoutFiles> formats)
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (FeedLayoutFiles files in formats)
        {
            foreach (string template in new[] { files.PageUrlTemplate, files.ArchiveUrlTemplate })
            {
                // "page/{page}/": the number is a folder, not the file's name.
                string[] segments = template.Split('/');
                int numbered = Array.FindIndex(segments, s => s.Contains('{', StringComparison.Ordinal));
                if (numbered > 0 && numbered < segments.Length - 1)
                {
                    folders.Add(string.Join('/', segments[..numbered]));
                }
            }
        }

        return [.. folders];
    }
}
