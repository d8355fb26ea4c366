using Feed.Internal;

namespace Feed;

/// <summary>
/// The one file layout of a feed written to a folder, as the <c>feed</c> tool, <c>Feed.Build</c> and
/// <see cref="FeedGenerator.WriteFolderAsync"/> write it: each format's subscription document, pages and archives as
/// files under one folder, with every link in every document pointing at the file written for that document.
/// </summary>
/// <remarks>
/// <code>
/// feed.xml, feed/2.xml …, feed/archive/1.xml …     RSS 2.0: page 1, pages 2..N (RFC 5005 §3), archives, 1 = oldest (§4)
/// atom.xml, atom/2.xml …, atom/archive/1.xml …     Atom 1.0
/// feed.json, feed/2.json …, feed/archive/1.json …  JSON Feed 1.1
/// </code>
/// <para>
/// The layout is defined once, as URL templates (<see cref="Formats"/>): <see cref="Apply"/> points a feed's URLs at a
/// folder URL, and a document's file is then its own URL relative to that folder (<see cref="GetRelativePath"/>). So a
/// document's <c>self</c>, <c>next</c> or <c>prev-archive</c> link names exactly the file written for the document it
/// links, by construction. Static data; safe to use from any thread.
/// </para>
/// </remarks>
public static class FeedLayout
{
    private const string IndexFile = "index.html";

    private static readonly FeedLayoutFiles[] Rows =
    [
        new(FeedFormat.Rss, "feed.xml", "feed/{page}.xml", "feed/archive/{archive}.xml"),
        new(FeedFormat.Atom, "atom.xml", "atom/{page}.xml", "atom/archive/{archive}.xml"),
        new(FeedFormat.Json, "feed.json", "feed/{page}.json", "feed/archive/{archive}.json"),
        new(FeedFormat.Html, string.Empty, "page/{page}/", "archive/{archive}/"), // the folder itself: index.html
    ];

    /// <summary>Gets the files of every format, in <see cref="FeedFormat"/> order.</summary>
    public static IReadOnlyList<FeedLayoutFiles> Formats => Rows;

    /// <summary>Gets the files of <paramref name="format"/>.</summary>
    /// <param name="format">The format.</param>
    /// <returns>Its subscription file and its page and archive URL templates.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    public static FeedLayoutFiles Get(FeedFormat format)
    {
        foreach (FeedLayoutFiles row in Rows)
        {
            if (row.Format == format)
            {
                return row;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown feed format.");
    }

    /// <summary>
    /// Points the URLs of every format in <paramref name="options"/> at this layout under <paramref name="folderUrl"/>: the
    /// feed URLs (<see cref="FeedOptions.RssUrl"/>, …) and the page and archive URL templates. Nothing else is changed:
    /// <see cref="FeedOptions.SiteUrl"/> stays the site's, and the folder may be the site's root or any folder under it
    /// (<c>tags/news/</c> for the feed of one tag, say).
    /// </summary>
    /// <param name="options">The options to change.</param>
    /// <param name="folderUrl">The absolute http(s) URL of the folder the files are served from; a URL whose path does not end with <c>/</c> gets one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="folderUrl"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="folderUrl"/> is not an absolute http or https URL, or has a query or fragment.</exception>
    public static void Apply(FeedOptions options, Uri folderUrl)
    {
        ArgumentNullException.ThrowIfNull(options);
        Uri folder = Folder(folderUrl);
        foreach (FeedLayoutFiles row in Rows)
        {
            FormatRow format = FormatTable.Get(row.Format);
            format.SetFeedUrl(options, new Uri(folder, row.FeedFile));
            format.SetPageTemplate(options, row.PageUrlTemplate);
            format.SetArchiveTemplate(options, row.ArchiveUrlTemplate);
        }
    }

    /// <summary>
    /// Gets the file of the document at <paramref name="documentUrl"/>, relative to the folder at
    /// <paramref name="folderUrl"/>: its URL's path below the folder's, unescaped, with <c>/</c> separators (a URL ending
    /// in <c>/</c> names that folder's <c>index.html</c>).
    /// </summary>
    /// <param name="documentUrl">The document's absolute URL, from <see cref="FeedPaging.GetUrl"/>.</param>
    /// <param name="folderUrl">The folder's absolute URL, as given to <see cref="Apply"/>.</param>
    /// <returns>The relative path, such as <c>feed/archive/3.xml</c>: never empty, rooted, or with an empty, <c>.</c> or <c>..</c> segment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="documentUrl"/> or <paramref name="folderUrl"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="folderUrl"/> is not an absolute http or https URL; or <paramref name="documentUrl"/> is not a file
    /// under it (another site or folder, a query such as <c>?page=2</c>, a fragment, or a segment a file system would
    /// read differently: <c>..</c>, <c>\</c>, <c>:</c>, an escaped <c>/</c> or a control character).
    /// </exception>
    public static string GetRelativePath(Uri documentUrl, Uri folderUrl)
    {
        ArgumentNullException.ThrowIfNull(documentUrl);
        string folder = Folder(folderUrl).AbsoluteUri;
        if (!documentUrl.IsAbsoluteUri)
        {
            throw new ArgumentException($"The document URL {documentUrl.OriginalString} is not absolute.", nameof(documentUrl));
        }

        string full = documentUrl.AbsoluteUri;
        if (!full.StartsWith(folder, StringComparison.Ordinal) || documentUrl.Query.Length > 0 || documentUrl.Fragment.Length > 0)
        {
            throw new ArgumentException(
                $"The document URL {full} is not a file under the folder {folder}; FeedLayout.Apply(options, folderUrl) points a feed's URLs there.",
                nameof(documentUrl));
        }

        string rest = full[folder.Length..];
        if (rest.Length == 0 || rest.EndsWith('/'))
        {
            rest += IndexFile;
        }

        string[] segments = rest.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            string segment = Uri.UnescapeDataString(segments[i]);
            if (segment.Length == 0 || segment is "." or ".." || segment.AsSpan().ContainsAny('/', '\\', ':') || segment.AsSpan().ContainsAnyInRange('\0', '\u001F'))
            {
                throw new ArgumentException($"The document URL {full} does not name a plain file under the folder {folder}.", nameof(documentUrl));
            }

            segments[i] = segment;
        }

        return string.Join('/', segments);
    }

    private static Uri Folder(Uri folderUrl)
    {
        ArgumentNullException.ThrowIfNull(folderUrl);
        if (!folderUrl.IsAbsoluteUri || (folderUrl.Scheme != Uri.UriSchemeHttp && folderUrl.Scheme != Uri.UriSchemeHttps)
            || folderUrl.Query.Length > 0 || folderUrl.Fragment.Length > 0)
        {
            throw new ArgumentException($"The folder URL must be an absolute http or https URL without a query or fragment (was \"{folderUrl.OriginalString}\").", nameof(folderUrl));
        }

        return folderUrl.AbsolutePath.EndsWith('/') ? folderUrl : new Uri(folderUrl.GetLeftPart(UriPartial.Path) + "/", UriKind.Absolute);
    }
}

/// <summary>One format's files in <see cref="FeedLayout"/>.</summary>
/// <remarks>Immutable; safe to share between threads. Value equality compares every property.</remarks>
public sealed record FeedLayoutFiles
{
    internal FeedLayoutFiles(FeedFormat format, string feedFile, string pageUrlTemplate, string archiveUrlTemplate)
    {
        Format = format;
        FeedFile = feedFile;
        PageUrlTemplate = pageUrlTemplate;
        ArchiveUrlTemplate = archiveUrlTemplate;
    }

    /// <summary>Gets the format.</summary>
    public FeedFormat Format { get; }

    /// <summary>Gets the file of the subscription document (page 1), relative to the folder: <c>feed.xml</c>, say.</summary>
    public string FeedFile { get; }

    /// <summary>Gets the URL template of pages 2 and up, relative to the feed file, as <see cref="FeedOptions.RssPageUrlTemplate"/> and its siblings take it: <c>feed/{page}.xml</c>, say.</summary>
    public string PageUrlTemplate { get; }

    /// <summary>Gets the URL template of archives, relative to the feed file, as <see cref="FeedOptions.RssArchiveUrlTemplate"/> and its siblings take it: <c>feed/archive/{archive}.xml</c>, say.</summary>
    public string ArchiveUrlTemplate { get; }
}
