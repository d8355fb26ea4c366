using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Xml;
using Feed.Excerpts;
using Feed.Internal;
using Feed.Writers;

namespace Feed;

/// <summary>
/// The settings of one feed: what it is called, where it lives, how its pages are cut and linked. The one mutable
/// type of the feed pipeline: <see cref="FeedGenerator"/> validates it and takes a snapshot.
/// </summary>
/// <remarks>Not thread-safe while being changed; the generator built from it is immutable.</remarks>
public sealed class FeedOptions
{
    /// <summary>The default <see cref="PageSize"/>: 10 entries, as on the blog Feed was made for.</summary>
    internal const int DefaultPageSize = 10;

    /// <summary>The placeholder a page URL template must contain; replaced by the page number (2 and up).</summary>
    internal const string PagePlaceholder = "{page}";

    /// <summary>The placeholder an archive URL template must contain; replaced by the archive number (1 = oldest).</summary>
    internal const string ArchivePlaceholder = "{archive}";

    /// <summary>Gets or sets the feed's title (RSS <c>title</c>, Atom <c>title</c>).</summary>
    /// <value>Required; there is no default.</value>
    public string? Title { get; set; }

    /// <summary>Gets or sets what the feed is about (RSS <c>description</c>, Atom <c>subtitle</c>).</summary>
    /// <value>The default value is <see langword="null"/>, which means <see cref="Title"/>: RSS 2.0 requires a channel description.</value>
    public string? Description { get; set; }

    /// <summary>Gets or sets the absolute http(s) URL of the site the feed describes (RSS <c>link</c>, Atom <c>link rel="alternate"</c>).</summary>
    /// <value>
    /// Required; there is no default. It is a folder: a URL whose path does not end with <c>/</c> gets one, so
    /// <c>https://example.org/blog</c> means <c>https://example.org/blog/</c> and the feed is
    /// <c>https://example.org/blog/feed.xml</c> (resolved as written, <c>/blog</c> would be dropped from every URL).
    /// </value>
    public Uri? SiteUrl { get; set; }

    /// <summary>Gets <see cref="SiteUrl"/> as a folder (its path ending with <c>/</c>), as every URL is resolved against it.</summary>
    internal Uri? SiteFolder => SiteUrl is { IsAbsoluteUri: true } site ? AsFolder(site) : SiteUrl;

    /// <summary>Gets or sets the absolute URL of page 1 of the RSS feed (its <c>atom:link rel="self"</c>).</summary>
    /// <value>The default value is <see langword="null"/>, which means <c>feed.xml</c> resolved against <see cref="SiteUrl"/>.</value>
    public Uri? RssUrl { get; set; }

    /// <summary>Gets or sets the absolute URL of page 1 of the Atom feed (its <c>link rel="self"</c>).</summary>
    /// <value>The default value is <see langword="null"/>, which means <c>atom.xml</c> resolved against <see cref="SiteUrl"/>.</value>
    public Uri? AtomUrl { get; set; }

    /// <summary>Gets or sets the absolute URL of page 1 of the JSON Feed (its <c>feed_url</c>).</summary>
    /// <value>The default value is <see langword="null"/>, which means <c>feed.json</c> resolved against <see cref="SiteUrl"/>.</value>
    public Uri? JsonUrl { get; set; }

    /// <summary>Gets or sets the permanent identity of the Atom feed (<c>atom:id</c>, RFC 4287 §4.2.6), shared by all its documents.</summary>
    /// <value>The default value is <see langword="null"/>, which means the absolute Atom feed URL. Set it before moving the feed elsewhere.</value>
    public string? Id { get; set; }

    /// <summary>Gets or sets how the URL of RSS page 2 and up is formed, resolved against the RSS feed URL.</summary>
    /// <value>The default value is <c>?page={page}</c>. Must contain <c>{page}</c>. Page 1 is always the feed URL itself.</value>
    public string RssPageUrlTemplate { get; set; } = "?page=" + PagePlaceholder;

    /// <summary>Gets or sets how the URL of Atom page 2 and up is formed, resolved against the Atom feed URL.</summary>
    /// <value>The default value is <c>?page={page}</c>. Must contain <c>{page}</c>. Page 1 is always the feed URL itself.</value>
    public string AtomPageUrlTemplate { get; set; } = "?page=" + PagePlaceholder;

    /// <summary>Gets or sets how the URL of an RSS archive document is formed, resolved against the RSS feed URL.</summary>
    /// <value>The default value is <c>?archive={archive}</c>. Must contain <c>{archive}</c>; archive 1 holds the oldest posts.</value>
    public string RssArchiveUrlTemplate { get; set; } = "?archive=" + ArchivePlaceholder;

    /// <summary>Gets or sets how the URL of an Atom archive document is formed, resolved against the Atom feed URL.</summary>
    /// <value>The default value is <c>?archive={archive}</c>. Must contain <c>{archive}</c>; archive 1 holds the oldest posts.</value>
    public string AtomArchiveUrlTemplate { get; set; } = "?archive=" + ArchivePlaceholder;

    /// <summary>Gets or sets how the URL of JSON Feed page 2 and up is formed, resolved against the JSON Feed URL (its <c>next_url</c> links them).</summary>
    /// <value>The default value is <c>?page={page}</c>. Must contain <c>{page}</c>. Page 1 is always the feed URL itself.</value>
    public string JsonPageUrlTemplate { get; set; } = "?page=" + PagePlaceholder;

    /// <summary>Gets or sets how the URL of a JSON Feed archive document is formed, resolved against the JSON Feed URL.</summary>
    /// <value>The default value is <c>?archive={archive}</c>. Must contain <c>{archive}</c>; archive 1 holds the oldest posts.</value>
    public string JsonArchiveUrlTemplate { get; set; } = "?archive=" + ArchivePlaceholder;

    /// <summary>Gets or sets the absolute URL of page 1 of the HTML listing (<see cref="FeedFormat.Html"/>).</summary>
    /// <value>The default value is <see langword="null"/>, which means <see cref="SiteUrl"/> itself: the listing is the site's home page.</value>
    public Uri? HtmlUrl { get; set; }

    /// <summary>Gets or sets how the URL of HTML page 2 and up is formed, resolved against <see cref="HtmlUrl"/>.</summary>
    /// <value>The default value is <c>page/{page}/</c>. Must contain <c>{page}</c>. Page 1 is always <see cref="HtmlUrl"/> itself.</value>
    public string HtmlPageUrlTemplate { get; set; } = "page/" + PagePlaceholder + "/";

    /// <summary>Gets or sets how the URL of the HTML page of an archive document is formed, resolved against <see cref="HtmlUrl"/>.</summary>
    /// <value>The default value is <c>archive/{archive}/</c>. Must contain <c>{archive}</c>; archive 1 holds the oldest posts.</value>
    public string HtmlArchiveUrlTemplate { get; set; } = "archive/" + ArchivePlaceholder + "/";

    /// <summary>
    /// Gets or sets the feeds every HTML page links to: as <c>link rel="alternate"</c> in its head (feed autodiscovery)
    /// and in its footer, each by its subscription document. List the formats the site serves.
    /// </summary>
    /// <value>The default value is RSS and Atom. Each format at most once; <see cref="FeedFormat.Html"/> is not a feed.</value>
    public IList<FeedFormat> HtmlFeedFormats { get; set; } = new List<FeedFormat> { FeedFormat.Rss, FeedFormat.Atom };

    /// <summary>
    /// Gets or sets the layout of the HTML pages: a <see cref="FeedHtmlTemplate"/> such as <c>Feed.Liquid</c>'s
    /// <c>LiquidHtmlTemplate</c>, which gets the page's data as plain values and writes the whole document.
    /// </summary>
    /// <value>
    /// The default value is <see langword="null"/>: the default page (title, date, authors, tags and excerpt per entry,
    /// page navigation, light and dark styles, no script and no request).
    /// </value>
    [System.Diagnostics.CodeAnalysis.Experimental(Internal.Experimental.HtmlTemplates, UrlFormat = Internal.Experimental.UrlFormat)]
    public FeedHtmlTemplate? HtmlTemplate { get; set; }

    /// <summary>
    /// Gets or sets the absolute http(s) URL of a WebSub hub (W3C WebSub §4) that every document announces: RSS
    /// <c>atom:link rel="hub"</c>, Atom <c>link rel="hub"</c>, JSON Feed <c>hubs</c>. After publishing, notify the hub of
    /// each changed document's URL (its <c>self</c> link).
    /// </summary>
    /// <value>The default value is <see langword="null"/>: no hub is announced.</value>
    public Uri? Hub { get; set; }

    /// <summary>Gets or sets the feed's language as a BCP 47 tag such as <c>en</c> or <c>zh-CN</c> (RSS <c>language</c>, Atom <c>xml:lang</c>).</summary>
    /// <value>The default value is <see langword="null"/>: no language is declared.</value>
    public string? Language { get; set; }

    /// <summary>Gets or sets the feed's authors. Entries without authors of their own are credited to them (RFC 4287 §4.2.1).</summary>
    /// <value>
    /// The default value is empty. Atom requires an author for the feed or for every entry (RFC 4287 §4.1.1), so when this
    /// is empty the Atom feed names <see cref="Title"/> as its author. RSS writes a single author with an e-mail as
    /// <c>managingEditor</c> and other authors as <c>dc:creator</c>.
    /// </value>
    public IList<FeedAuthor> Authors { get; set; } = new List<FeedAuthor>();

    /// <summary>Gets or sets the copyright notice (RSS <c>copyright</c>, Atom <c>rights</c>).</summary>
    /// <value>The default value is <see langword="null"/>: none is written.</value>
    public string? Copyright { get; set; }

    /// <summary>Gets or sets the name of the program that made the feed (RSS and Atom <c>generator</c>).</summary>
    /// <value>The default value is <c>Feed</c>. <see langword="null"/> or empty writes none.</value>
    public string? Generator { get; set; } = "Feed";

    /// <summary>Gets or sets the absolute http(s) URL of a small square icon (Atom <c>icon</c>, JSON Feed <c>favicon</c>; RSS <c>image</c> when <see cref="Logo"/> is not set).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Uri? Icon { get; set; }

    /// <summary>Gets or sets the absolute http(s) URL of a larger, wide logo (Atom <c>logo</c>, RSS <c>image</c>).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Uri? Logo { get; set; }

    /// <summary>Gets or sets the date of a document without entries (Atom <c>updated</c>, RSS <c>lastBuildDate</c>).</summary>
    /// <value>
    /// The default value is <see langword="null"/>: an empty Atom document is dated <see cref="DateTimeOffset.UnixEpoch"/>
    /// (fixed, and older than any post; the W3C validator calls it implausible) and an empty RSS document has no
    /// <c>lastBuildDate</c> (it is optional). Set it, for example to the site's launch date, for a date readers accept.
    /// A document with entries is always dated by its newest entry. <c>default(DateTimeOffset)</c> is rejected: it is what
    /// an unset date reads as.
    /// </value>
    public DateTimeOffset? EmptyFeedUpdated { get; set; }

    /// <summary>Gets or sets how many entries each document holds.</summary>
    /// <value>The default value is 10. Must be at least 1.</value>
    public int PageSize { get; set; } = DefaultPageSize;

    /// <summary>Gets or sets whether each entry carries the post's full body as HTML (RSS <c>content:encoded</c>, Atom <c>content type="html"</c>).</summary>
    /// <value>The default value is <see langword="true"/>. When <see langword="false"/>, entries carry the excerpt only.</value>
    public bool FullContent { get; set; } = true;

    /// <summary>Gets or sets whether the feed is an archived feed (RFC 5005 §4) instead of a paged feed (RFC 5005 §3).</summary>
    /// <value>
    /// The default value is <see langword="false"/>: page 1 holds the newest <see cref="PageSize"/> entries, page 2 the next
    /// ones, and so on. When <see langword="true"/>, the subscription document holds the newest <see cref="PageSize"/>
    /// entries and archive documents hold fixed groups of <see cref="PageSize"/> counted from the oldest post, so a full
    /// archive's entries never change when new posts arrive.
    /// </value>
    public bool Archive { get; set; }

    /// <summary>Gets or sets whether documents are indented: the XML of RSS and Atom and the JSON of JSON Feed (two spaces, <c>\n</c> line ends).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Indent { get; set; } = true;

    /// <summary>Gets or sets how the excerpts (RSS <c>description</c>, Atom <c>summary</c>, JSON Feed <c>summary</c>) are made.</summary>
    /// <value>The default value is a new <see cref="ExcerptOptions"/> with its defaults.</value>
    public ExcerptOptions Excerpt { get; set; } = new();

    /// <summary>Gets the extensions that add namespaces and elements to every RSS and Atom document and entry, in the order they run (JSON Feed documents get nothing from them).</summary>
    /// <value>The default value is empty.</value>
    [System.Diagnostics.CodeAnalysis.Experimental(Internal.Experimental.Extensions, UrlFormat = Internal.Experimental.UrlFormat)]
    public IList<FeedExtension> Extensions { get; } = new List<FeedExtension>();

    /// <summary>Lists every rule these options break.</summary>
    /// <returns>
    /// One result per broken rule: its <see cref="ValidationResult.ErrorMessage"/> is one sentence that starts with the
    /// property's path, and its <see cref="ValidationResult.MemberNames"/> holds that path (such as <c>SiteUrl</c>,
    /// <c>Authors[0].Email</c> or <c>Excerpt.Length</c>). Empty when the options are valid.
    /// </returns>
    public IReadOnlyList<ValidationResult> Validate()
    {
        var errors = new List<ValidationResult>();

        if (string.IsNullOrWhiteSpace(Title))
        {
            errors.Add(new ValidationResult("Title is required (RSS 2.0 and RFC 4287 §4.1.1 require a feed title).", ["Title"]));
        }

        if (SiteUrl is null)
        {
            errors.Add(new ValidationResult("SiteUrl is required: the absolute URL of the site the feed describes.", ["SiteUrl"]));
        }
        else
        {
            CheckHttpUrl(errors, nameof(SiteUrl), SiteUrl);
        }

        foreach (FormatRow format in FormatTable.All)
        {
            CheckHttpUrl(errors, format.FeedUrlName, format.GetFeedUrl(this));
        }

        CheckHttpUrl(errors, nameof(Hub), Hub);
        CheckHttpUrl(errors, nameof(Icon), Icon);
        CheckHttpUrl(errors, nameof(Logo), Logo);

        if (Id is not null && (string.IsNullOrWhiteSpace(Id) || !Uri.TryCreate(Id, UriKind.Absolute, out _)))
        {
            errors.Add(new ValidationResult($"Id must be an absolute IRI such as a tag: URI (RFC 4287 §4.2.6), or null to use the Atom feed URL (was \"{Id}\").", ["Id"]));
        }

        if (PageSize < 1)
        {
            errors.Add(new ValidationResult($"PageSize must be at least 1 (was {PageSize.ToString(CultureInfo.InvariantCulture)}).", ["PageSize"]));
        }

        foreach (FormatRow format in FormatTable.All)
        {
            Uri? feedUrl = format.FeedUrlOf(this);
            CheckTemplate(errors, format.PageTemplateName, format.GetPageTemplate(this), PagePlaceholder, feedUrl);
            CheckTemplate(errors, format.ArchiveTemplateName, format.GetArchiveTemplate(this), ArchivePlaceholder, feedUrl);
        }
        CheckHtmlFeedFormats(errors);

        if (EmptyFeedUpdated == default(DateTimeOffset))
        {
            // DateTimeOffset.MinValue is what an unset date reads as, and the Atom formatter writes the clock for it.
            errors.Add(new ValidationResult("EmptyFeedUpdated must be a real date (was 0001-01-01T00:00:00Z, the value of an unset date), or null.", [nameof(EmptyFeedUpdated)]));
        }

        if (Language is not null && !ValueRules.IsLanguageTag(Language))
        {
            errors.Add(new ValidationResult($"Language must be a BCP 47 tag such as \"en\" or \"zh-CN\" (was \"{Language}\").", ["Language"]));
        }

        if (Authors is null)
        {
            errors.Add(new ValidationResult("Authors must not be null (leave it empty for no feed author).", ["Authors"]));
        }
        else
        {
            for (int i = 0; i < Authors.Count; i++)
            {
                CheckAuthor(errors, $"Authors[{i.ToString(CultureInfo.InvariantCulture)}]", Authors[i]);
            }
        }

        if (Excerpt is null)
        {
            errors.Add(new ValidationResult("Excerpt must not be null.", ["Excerpt"]));
        }
        else
        {
            foreach (ValidationResult error in Excerpt.Validate())
            {
                errors.Add(new ValidationResult(error.ErrorMessage, [.. error.MemberNames.Select(member => "Excerpt." + member)]));
            }
        }

        CheckExtensions(errors);
        return errors;
    }

    /// <summary>
    /// A copy that shares nothing mutable with these options: its own lists and its own <see cref="Excerpt"/>. The
    /// extensions themselves are shared (they are immutable by contract). A test checks that every property is copied.
    /// </summary>
    internal FeedOptions Clone()
    {
        var copy = new FeedOptions
        {
            Title = Title,
            Description = Description,
            SiteUrl = SiteUrl,
            RssUrl = RssUrl,
            AtomUrl = AtomUrl,
            JsonUrl = JsonUrl,
            Id = Id,
            RssPageUrlTemplate = RssPageUrlTemplate,
            AtomPageUrlTemplate = AtomPageUrlTemplate,
            RssArchiveUrlTemplate = RssArchiveUrlTemplate,
            AtomArchiveUrlTemplate = AtomArchiveUrlTemplate,
            JsonPageUrlTemplate = JsonPageUrlTemplate,
            JsonArchiveUrlTemplate = JsonArchiveUrlTemplate,
            HtmlUrl = HtmlUrl,
            HtmlPageUrlTemplate = HtmlPageUrlTemplate,
            HtmlArchiveUrlTemplate = HtmlArchiveUrlTemplate,
            HtmlFeedFormats = HtmlFeedFormats is null ? null! : new List<FeedFormat>(HtmlFeedFormats),
            HtmlTemplate = HtmlTemplate,
            Hub = Hub,
            Language = Language,
            Authors = Authors is null ? null! : new List<FeedAuthor>(Authors),
            Copyright = Copyright,
            Generator = Generator,
            Icon = Icon,
            Logo = Logo,
            EmptyFeedUpdated = EmptyFeedUpdated,
            PageSize = PageSize,
            FullContent = FullContent,
            Archive = Archive,
            Indent = Indent,
            Excerpt = Excerpt?.Clone()!,
        };
        foreach (FeedExtension extension in Extensions)
        {
            copy.Extensions.Add(extension);
        }

        return copy;
    }

    /// <summary>Checks one person construct; shared with the entry factory's messages.</summary>
    internal static void CheckAuthor(List<ValidationResult> errors, string name, FeedAuthor? author)
    {
        if (author is null)
        {
            errors.Add(new ValidationResult($"{name} must not be null.", [name]));
            return;
        }

        if (string.IsNullOrWhiteSpace(author.Name))
        {
            errors.Add(new ValidationResult($"{name}.Name is required (RFC 4287 §3.2.1).", [$"{name}.Name"]));
        }

        if (author.Email is not null && !ValueRules.IsEmail(author.Email))
        {
            errors.Add(new ValidationResult($"{name}.Email must be a bare e-mail address such as someone@example.com (was \"{author.Email}\").", [$"{name}.Email"]));
        }

        CheckHttpUrl(errors, $"{name}.Uri", author.Uri);
    }

    private void CheckHtmlFeedFormats(List<ValidationResult> errors)
    {
        if (HtmlFeedFormats is null)
        {
            errors.Add(new ValidationResult("HtmlFeedFormats must not be null (leave it empty for pages that link no feed).", [nameof(HtmlFeedFormats)]));
            return;
        }

        var seen = new HashSet<FeedFormat>();
        for (int i = 0; i < HtmlFeedFormats.Count; i++)
        {
            FeedFormat format = HtmlFeedFormats[i];
            string name = $"{nameof(HtmlFeedFormats)}[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (!Enum.IsDefined(format) || format == FeedFormat.Html)
            {
                errors.Add(new ValidationResult($"{name} must be Rss, Atom or Json (was {format}).", [name]));
            }
            else if (!seen.Add(format))
            {
                errors.Add(new ValidationResult($"{name}: {format} is listed twice.", [name]));
            }
        }
    }

    private void CheckExtensions(List<ValidationResult> errors)
    {
        var prefixes = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < Extensions.Count; i++)
        {
            string name = $"Extensions[{i.ToString(CultureInfo.InvariantCulture)}]";
            FeedExtension? extension = Extensions[i];
            if (extension is null)
            {
                errors.Add(new ValidationResult($"{name} must not be null.", [name]));
                continue;
            }

            IReadOnlyList<KeyValuePair<string, string>>? namespaces = extension.Namespaces;
            if (namespaces is null)
            {
                errors.Add(new ValidationResult($"{name}.Namespaces must not be null.", [$"{name}.Namespaces"]));
                continue;
            }

            foreach ((string prefix, string uri) in namespaces)
            {
                if (string.IsNullOrEmpty(prefix) || !IsNcName(prefix) || prefix.StartsWith("xml", StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add(new ValidationResult($"{name}.Namespaces: \"{prefix}\" is not a usable namespace prefix (an XML NCName not starting with \"xml\").", [$"{name}.Namespaces"]));
                }
                else if (string.IsNullOrEmpty(uri) || !Uri.TryCreate(uri, UriKind.Absolute, out _))
                {
                    errors.Add(new ValidationResult($"{name}.Namespaces: the namespace of prefix \"{prefix}\" must be an absolute URI (was \"{uri}\").", [$"{name}.Namespaces"]));
                }
                else if (FeedNamespaces.TryGetReserved(prefix, out string? reserved) && !string.Equals(reserved, uri, StringComparison.Ordinal))
                {
                    errors.Add(new ValidationResult($"{name}.Namespaces: prefix \"{prefix}\" is reserved for {reserved}.", [$"{name}.Namespaces"]));
                }
                else if (prefixes.TryGetValue(prefix, out string? earlier) && !string.Equals(earlier, uri, StringComparison.Ordinal))
                {
                    errors.Add(new ValidationResult($"{name}.Namespaces: prefix \"{prefix}\" is already bound to {earlier} by another extension.", [$"{name}.Namespaces"]));
                }
                else
                {
                    prefixes[prefix] = uri;
                }
            }
        }
    }

    // RFC 3986 §5.2.3: a reference resolves against the base's path up to its last "/", so "https://example.org/blog"
    // would lose "blog" from every URL made from it. A site URL names a folder: it gets the slash it lacks.
    private static Uri AsFolder(Uri site) =>
        site.AbsolutePath.EndsWith('/')
            ? site
            : new Uri(site.GetLeftPart(UriPartial.Path) + "/" + site.Query + site.Fragment, UriKind.Absolute);

    private static void CheckHttpUrl(List<ValidationResult> errors, string name, Uri? url)
    {
        if (url is null)
        {
            return;
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add(new ValidationResult($"{name} must be an absolute http or https URL (was \"{url.OriginalString}\").", [name]));
        }
    }

    private static void CheckTemplate(List<ValidationResult> errors, string name, string? template, string placeholder, Uri? feedUrl)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            errors.Add(new ValidationResult($"{name} is required and must contain {placeholder}.", [name]));
            return;
        }

        if (!template.Contains(placeholder, StringComparison.Ordinal))
        {
            errors.Add(new ValidationResult($"{name} must contain {placeholder} (was \"{template}\").", [name]));
            return;
        }

        if (feedUrl is not { IsAbsoluteUri: true })
        {
            return; // the feed URL's own error is reported already
        }

        Uri? two = ExpandTemplate(template, placeholder, 2, feedUrl);
        Uri? three = ExpandTemplate(template, placeholder, 3, feedUrl);
        if (two is null || three is null || (two.Scheme != Uri.UriSchemeHttp && two.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add(new ValidationResult($"{name} must form an absolute http or https URL when resolved against {feedUrl.AbsoluteUri} (was \"{template}\").", [name]));
        }
        else if (two == feedUrl || two == three)
        {
            errors.Add(new ValidationResult($"{name} must give every document its own URL, different from the feed URL (was \"{template}\").", [name]));
        }
    }

    /// <summary>Expands a URL template for one number and resolves it against the feed URL; null when that fails.</summary>
    internal static Uri? ExpandTemplate(string template, string placeholder, int number, Uri feedUrl)
    {
        string relative = template.Replace(placeholder, number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return Uri.TryCreate(feedUrl, relative, out Uri? url) && url.IsAbsoluteUri ? url : null;
    }

    private static bool IsNcName(string name)
    {
        try
        {
            return XmlConvert.VerifyNCName(name) == name;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
