using System.Text;
using Feed.Internal;
using Feed.Paging;
using Feed.Writers.Json;

namespace Feed.Writers.Html;

/// <summary>
/// Writes a <see cref="FeedDocument"/> as an HTML5 page (WHATWG HTML): the listing of the same entries the feeds
/// hold, with their excerpts exactly as the feeds have them, the page navigation, and autodiscovery links to the
/// feeds. Either the default page, or the page of <see cref="FeedOptions.HtmlTemplate"/>.
/// </summary>
/// <remarks>
/// The default page has no script, loads nothing (inline style, system fonts, no icon unless the feed names one), and
/// says so in its Content Security Policy. Each entry's <c>&lt;article&gt;</c> depends on the entry and the feed's
/// settings only (<see cref="WriteArticle"/>), never on the entries beside it, so it can be cached and spliced.
/// Immutable; thread-safe.
/// </remarks>
internal sealed class HtmlDocumentWriter
{
    private readonly FeedMetadata _metadata;
    private readonly Paginator _paginator;
    private readonly HtmlSettings _settings;

    public HtmlDocumentWriter(FeedMetadata metadata, Paginator paginator, HtmlSettings settings)
    {
        _metadata = metadata;
        _paginator = paginator;
        _settings = settings;
    }

    public void Write(FeedDocument document, Stream stream, CancellationToken cancellationToken)
    {
        string html = _settings.Template is { } template ? RenderTemplate(template, document, cancellationToken) : WritePage(document);
        int max = Encoding.UTF8.GetMaxByteCount(html.Length);
        byte[] rented = System.Buffers.ArrayPool<byte>.Shared.Rent(max);
        try
        {
            int count = Encoding.UTF8.GetBytes(html, rented);
            stream.Write(rented, 0, count);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The default page of <paramref name="document"/>, ending with a line end.</summary>
    public string WritePage(FeedDocument document)
    {
        HtmlLocale words = _settings.Locale;
        Navigation nav = Navigate(document);
        var html = new StringBuilder(4096 + (document.Entries.Count * 1024));
        html.Append("<!DOCTYPE html>\n<html");
        if (_metadata.Language is not null)
        {
            html.Append(" lang=\"").AppendAttribute(_metadata.Language).Append('"');
        }

        html.Append(">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"color-scheme\" content=\"light dark\">\n");

        // CSP Level 3: nothing but the inline style sheet (by its hash) and data: images; no script, no fetch, no form.
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src ")
            .Append(HtmlStyle.CspHash).Append("; img-src data:");
        if (_metadata.Icon is not null)
        {
            html.Append(' ').AppendAttribute(CspUrl(_metadata.Icon));
        }

        html.Append("; base-uri 'none'; form-action 'none'\">\n");
        html.Append("<title>").AppendText(Title(nav)).Append("</title>\n");
        if (_metadata.Description is not null)
        {
            html.Append("<meta name=\"description\" content=\"").AppendAttribute(_metadata.Description).Append("\">\n");
        }

        if (_metadata.Generator is not null)
        {
            html.Append("<meta name=\"generator\" content=\"").AppendAttribute(_metadata.Generator).Append("\">\n");
        }

        html.Append("<link rel=\"canonical\" href=\"").AppendAttribute(document.Links.Self.AbsoluteUri).Append("\">\n");

        // Without a link, browsers fetch /favicon.ico on their own: an empty data: icon keeps the page request-free.
        html.Append("<link rel=\"icon\" href=\"").AppendAttribute(_metadata.Icon?.AbsoluteUri ?? "data:,").Append("\">\n");
        foreach (HtmlFeedLink feed in _settings.Feeds)
        {
            html.Append("<link rel=\"alternate\" type=\"").AppendAttribute(feed.MediaType).Append("\" title=\"")
                .AppendAttribute(_metadata.Title).Append(" (").AppendAttribute(feed.Name).Append(")\" href=\"")
                .AppendAttribute(feed.Url.AbsoluteUri).Append("\">\n");
        }

        if (nav.Previous is not null)
        {
            html.Append("<link rel=\"prev\" href=\"").AppendAttribute(nav.Previous.AbsoluteUri).Append("\">\n");
        }

        if (nav.Next is not null)
        {
            html.Append("<link rel=\"next\" href=\"").AppendAttribute(nav.Next.AbsoluteUri).Append("\">\n");
        }

        html.Append("<style>").Append(HtmlStyle.Css).Append("</style>\n</head>\n<body>\n");

        // One h1 (the site), an h2 per entry: WCAG 2.2 §1.3.1 and §2.4.6; landmarks header, main, nav, footer.
        html.Append("<header>\n<h1><a href=\"").AppendAttribute(_metadata.SiteUrl.AbsoluteUri).Append("\">")
            .AppendText(_metadata.Title).Append("</a></h1>\n");
        if (_metadata.Description is not null)
        {
            html.Append("<p>").AppendText(_metadata.Description).Append("</p>\n");
        }

        html.Append("</header>\n<main>\n");
        if (document.Entries.Count == 0)
        {
            html.Append("<p class=\"empty\">").AppendText(words.Empty).Append("</p>\n");
        }

        foreach (FeedEntry entry in document.Entries)
        {
            html.Append(WriteArticle(entry));
        }

        html.Append("</main>\n");
        html.Append(WriteNavigation(nav));
        html.Append("<footer>\n");
        if (_settings.Feeds.Count > 0)
        {
            html.Append("<p>").AppendText(words.Subscribe).Append(": ");
            for (int i = 0; i < _settings.Feeds.Count; i++)
            {
                HtmlFeedLink feed = _settings.Feeds[i];
                html.Append(i == 0 ? string.Empty : " · ").Append("<a href=\"").AppendAttribute(feed.Url.AbsoluteUri)
                    .Append("\" type=\"").AppendAttribute(feed.MediaType).Append("\">").AppendText(feed.Name).Append("</a>");
            }

            html.Append("</p>\n");
        }

        if (_metadata.Copyright is not null)
        {
            html.Append("<p>").AppendText(_metadata.Copyright).Append("</p>\n");
        }

        html.Append("</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// The <c>&lt;article&gt;</c> of one entry: its title linked to the post, its date (the feed's language, and
    /// machine-readable in <c>&lt;time datetime&gt;</c>), authors, excerpt and tags. Depends on the entry and the feed's
    /// settings only.
    /// </summary>
    public string WriteArticle(FeedEntry entry)
    {
        var html = new StringBuilder(512 + entry.Excerpt.Text.Length);
        html.Append("<article");
        if (entry.Language is not null)
        {
            html.Append(" lang=\"").AppendAttribute(entry.Language).Append('"');
        }

        html.Append(">\n<h2><a href=\"").AppendAttribute(entry.Url.AbsoluteUri).Append("\">").AppendText(entry.Title).Append("</a></h2>\n");
        // An entry in another language than the feed's (its article carries its lang) gets that language's words.
        HtmlLocale words = entry.Language is null ? _settings.Locale : HtmlLocale.For(entry.Language);
        html.Append("<p class=\"meta\"><time datetime=\"").Append(JsonFeedWriter.Rfc3339(entry.Published)).Append("\">")
            .AppendText(words.FormatDate(entry.Published)).Append("</time>");

        // Credited as in the feeds: the post's own authors, else the feed's.
        IReadOnlyList<FeedAuthor> authors = entry.Authors.Count > 0 ? entry.Authors : _metadata.Authors;
        for (int i = 0; i < authors.Count; i++)
        {
            html.Append(i == 0 ? " · " : ", ");
            if (authors[i].Uri is { } uri)
            {
                html.Append("<a href=\"").AppendAttribute(uri.AbsoluteUri).Append("\">").AppendText(authors[i].Name).Append("</a>");
            }
            else
            {
                html.AppendText(authors[i].Name);
            }
        }

        html.Append("</p>\n");

        // The excerpt exactly as the feeds carry it (RSS description, Atom summary), ellipsis included.
        if (!string.IsNullOrWhiteSpace(entry.Excerpt.Text))
        {
            html.Append("<p class=\"excerpt\">").AppendText(entry.Excerpt.Text).Append("</p>\n");
        }

        if (entry.Categories.Count > 0)
        {
            html.Append("<ul class=\"tags\" aria-label=\"").AppendAttribute(words.Tags).Append("\">");
            foreach (string tag in entry.Categories)
            {
                html.Append("<li>").AppendText(tag).Append("</li>");
            }

            html.Append("</ul>\n");
        }

        return html.Append("</article>\n").ToString();
    }

    /// <summary>The page navigation, <c>‹ 1 2 3 … N ›</c>; empty when the feed has one page.</summary>
    internal string WriteNavigation(Navigation nav)
    {
        if (nav.Documents.Count < 2)
        {
            return string.Empty;
        }

        HtmlLocale words = _settings.Locale;
        var html = new StringBuilder(1024);
        html.Append("<nav aria-label=\"").AppendAttribute(words.Pages).Append("\">\n<ul>\n");
        if (nav.Previous is not null)
        {
            html.Append("<li><a href=\"").AppendAttribute(nav.Previous.AbsoluteUri).Append("\" rel=\"prev\" aria-label=\"")
                .AppendAttribute(words.Newer).Append("\">‹</a></li>\n");
        }

        foreach (int? number in HtmlPager.Numbers(nav.Documents.Count, nav.Position))
        {
            if (number is not { } n)
            {
                html.Append("<li><span aria-hidden=\"true\">…</span></li>\n");
                continue;
            }

            html.Append("<li><a href=\"").AppendAttribute(nav.UrlOf(n).AbsoluteUri).Append('"');
            if (n == nav.Position)
            {
                html.Append(" aria-current=\"page\"");
            }

            html.Append('>').Append(n.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("</a></li>\n");
        }

        if (nav.Next is not null)
        {
            html.Append("<li><a href=\"").AppendAttribute(nav.Next.AbsoluteUri).Append("\" rel=\"next\" aria-label=\"")
                .AppendAttribute(words.Older).Append("\">›</a></li>\n");
        }

        return html.Append("</ul>\n</nav>\n").ToString();
    }

    /// <summary>Where <paramref name="document"/> stands among the feed's documents in reading order.</summary>
    internal Navigation Navigate(FeedDocument document)
    {
        IReadOnlyList<FeedPage> documents = HtmlPager.ReadingOrder(_paginator, document.Page);
        int position = 1;
        for (int i = 0; i < documents.Count; i++)
        {
            if (documents[i] == document.Page)
            {
                position = i + 1;
                break;
            }
        }

        return new Navigation(documents, position, page => _paginator.Url(FeedFormat.Html, page));
    }

    /// <summary>The document's title: the feed's, with the page's name after page 1.</summary>
    internal string Title(Navigation nav) =>
        nav.Position == 1 ? _metadata.Title : _metadata.Title + " – " + _settings.Locale.PageName(nav.Position);

    private string RenderTemplate(FeedHtmlTemplate template, FeedDocument document, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, object?> model = HtmlTemplateModel.Build(this, document, _metadata, _settings);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        template.Render(model, writer, cancellationToken);
        string html = writer.ToString();
        return html.EndsWith('\n') ? html : html + "\n"; // a text file ends with a line end
    }

    // A CSP source expression for the icon's URL: its scheme, host and path (CSP Level 3 §2.3.1; no query or fragment).
    private static string CspUrl(Uri url) => url.GetLeftPart(UriPartial.Path).Replace(";", "%3B", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>A document's place among its feed's documents in reading order (<see cref="HtmlPager"/>).</summary>
    internal sealed class Navigation(IReadOnlyList<FeedPage> documents, int position, Func<FeedPage, Uri> url)
    {
        public IReadOnlyList<FeedPage> Documents { get; } = documents;

        /// <summary>Gets the 1-based position of the document.</summary>
        public int Position { get; } = position;

        public Uri? Previous => Position > 1 ? UrlOf(Position - 1) : null;

        public Uri? Next => Position < Documents.Count ? UrlOf(Position + 1) : null;

        public Uri UrlOf(int number) => url(Documents[number - 1]);
    }
}
