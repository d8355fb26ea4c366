using System.Globalization;
using Feed.Tool.Posts;

namespace Feed.Tool.Conventions;

/// <summary>
/// Hugo's rules (https://gohugo.io/content-management/front-matter/, /content-management/page-bundles/,
/// /content-management/urls/, /configuration/permalinks/, /configuration/front-matter/#dates).
/// </summary>
internal sealed class HugoConvention : Convention
{
    // Hugo's Markdown content formats (https://gohugo.io/content-management/formats/): md, markdown, mdown.
    private static readonly string[] MarkdownExtensions = [".md", ".markdown", ".mdown"];

    private static readonly string[] Placeholders =
    [
        "year", "month", "monthname", "day", "weekday", "weekdayname", "yearday", "section", "sectionslug", "sections",
        "sectionslugs", "title", "slug", "filename", "slugorfilename", "contentbasename", "slugorcontentbasename",
    ];

    /// <inheritdoc/>
    public override string Name => "hugo";

    /// <inheritdoc/>
    public override FrontMatterShapes Shapes { get; } = new(LeadingBlankLines: true, Toml: true, Hexo: false, Optional: false);

    /// <inheritdoc/>
    public override FieldKeys Keys { get; } = new()
    {
        Title = ["title"],
        // https://gohugo.io/configuration/front-matter/#dates: the defaults of date, publishDate, lastmod, expiryDate.
        Date = ["date", "publishdate", "pubdate", "published", "lastmod", "modified"],
        Updated = ["lastmod", "modified"],
        Expiry = ["expirydate", "unpublishdate"],
        // .Summary: the front matter's summary; its description is what themes show in its absence.
        Summary = ["summary", "description"],
        Tags = ["tags"],
        Categories = ["categories"],
        Draft = ["draft"],
        Slug = ["slug"],
        Permalink = ["url"],
        Lenient = true,
    };

    /// <inheritdoc/>
    public override bool KeysIgnoreCase => true;

    /// <inheritdoc/>
    public override bool UrlDatesInSiteZone => false;

    /// <summary>Gets Hugo's default URL: "the resulting URL matches the file path within the content directory" (https://gohugo.io/content-management/urls/).</summary>
    public override string DefaultPermalink => "/:sections/:slugorcontentbasename/";

    /// <inheritdoc/>
    public override Templates.TemplateDialect? Dialect => Templates.TemplateDialect.Hugo;

    /// <inheritdoc/>
    public override FileRole Classify(string relativePath, PostsFolderFacts folder)
    {
        string name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        string dir = relativePath.Contains('/', StringComparison.Ordinal) ? relativePath[..relativePath.LastIndexOf('/')] : string.Empty;
        bool markdown = MarkdownExtensions.Contains(System.IO.Path.GetExtension(name), StringComparer.OrdinalIgnoreCase);
        string stem = System.IO.Path.GetFileNameWithoutExtension(name);

        // https://gohugo.io/content-management/page-bundles/: _index.md is a branch bundle's list page; index.md is a leaf
        // bundle, and every other file in its folder (and below) is one of its resources, not a page.
        if (markdown && stem.Equals("_index", StringComparison.OrdinalIgnoreCase))
        {
            return FileRole.ListPage;
        }

        if (markdown && stem.Equals("index", StringComparison.OrdinalIgnoreCase))
        {
            return InBundle(Parent(dir), folder) ? FileRole.NotRead : FileRole.Post;
        }

        return markdown && !InBundle(dir, folder) ? FileRole.Post : FileRole.NotRead;
    }

    /// <inheritdoc/>
    public override PathFacts Facts(string relativePath, PostsFolderFacts folder)
    {
        string[] parts = relativePath.Split('/');
        string stem = System.IO.Path.GetFileNameWithoutExtension(parts[^1]);
        bool bundle = stem.Equals("index", StringComparison.OrdinalIgnoreCase) && parts.Length > 1;
        string baseName = bundle ? parts[^2] : stem;
        string[] sections = bundle ? parts[..^2] : parts[..^1];
        return new PathFacts(baseName, null, [], sections, baseName);
    }

    /// <inheritdoc/>
    public override string? CheckPermalink(string template) =>
        PermalinkTokens.Check(template, Known, "Hugo", ":" + string.Join(" :", Placeholders) + " and Go time layouts such as :2006 :01 :02");

    /// <inheritdoc/>
    public override string Expand(string template, PermalinkValues post, bool fromFrontMatter)
    {
        DateTimeOffset d = post.Date;
        string title = Slugs.Hugo(post.Title);
        string slug = post.SlugFromFrontMatter ? Slugs.Hugo(post.Slug) : title;
        string baseName = Slugs.Hugo(post.Facts.BaseName);
        string[] sections = [.. post.Facts.Sections.Select(Slugs.Hugo)];
        string? Value(string key) => key switch
        {
            "year" => PermalinkTokens.Digits(d.Year, 4),
            "month" => PermalinkTokens.Digits(d.Month, 2),
            "monthname" => PermalinkTokens.MonthName(d.Month),
            "day" => PermalinkTokens.Digits(d.Day, 2),
            "weekday" => ((int)d.DayOfWeek).ToString(CultureInfo.InvariantCulture),
            "weekdayname" => PermalinkTokens.DayName(d.DayOfWeek),
            "yearday" => d.DayOfYear.ToString(CultureInfo.InvariantCulture),
            "section" or "sectionslug" => sections.Length > 0 ? sections[0] : string.Empty,
            "title" => title,
            "slug" => slug,
            "filename" or "contentbasename" => baseName,
            "slugorfilename" or "slugorcontentbasename" => post.SlugFromFrontMatter ? Slugs.Hugo(post.Slug) : baseName,
            _ when key.StartsWith("sections", StringComparison.Ordinal) => Slice(sections, key[(key.StartsWith("sectionslugs", StringComparison.Ordinal) ? 12 : 8)..]),
            _ => GoLayout(key, d),
        };

        string filled = PermalinkTokens.Fill(template, key => Value(key) is { } v ? Slugs.EscapePath(v) : null);
        string path = PermalinkTokens.Squeeze("/" + filled);

        // https://gohugo.io/content-management/urls/#file-extensions: a url without an extension is a folder.
        if (!path.EndsWith('/') && System.IO.Path.GetExtension(path[(path.LastIndexOf('/') + 1)..]).Length == 0)
        {
            path += "/";
        }

        return path;
    }

    private static bool Known(string name) =>
        Placeholders.Contains(name, StringComparer.Ordinal)
        || (name.StartsWith("sections", StringComparison.Ordinal) && name.Contains('[', StringComparison.Ordinal))
        || GoLayout(name, DateTimeOffset.UnixEpoch) is not null;

    // https://gohugo.io/configuration/permalinks/#tokens: ":sections[1:]", "[:last]", "[last]", "[1:2]".
    private static string Slice(string[] sections, string slice)
    {
        if (slice.Length == 0)
        {
            return string.Join('/', sections);
        }

        string inner = slice.Trim('[', ']');
        int Index(string s, int fallback) => s.Length == 0 ? fallback : s == "last" ? sections.Length - 1 : int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int i) ? i : fallback;
        if (!inner.Contains(':', StringComparison.Ordinal))
        {
            int at = Index(inner, 0);
            return at >= 0 && at < sections.Length ? sections[at] : string.Empty;
        }

        string[] bounds = inner.Split(':');
        int from = Math.Clamp(Index(bounds[0], 0), 0, sections.Length);
        int to = Math.Clamp(Index(bounds[1], sections.Length), from, sections.Length);
        return string.Join('/', sections[from..to]);
    }

    // Go's reference-time layout elements that Hugo allows as tokens (https://pkg.go.dev/time#pkg-constants).
    private static string? GoLayout(string key, DateTimeOffset d) => key switch
    {
        "2006" => PermalinkTokens.Digits(d.Year, 4),
        "06" => PermalinkTokens.Digits(d.Year % 100, 2),
        "01" => PermalinkTokens.Digits(d.Month, 2),
        "1" => d.Month.ToString(CultureInfo.InvariantCulture),
        "Jan" => PermalinkTokens.MonthName(d.Month)[..3],
        "January" => PermalinkTokens.MonthName(d.Month),
        "02" => PermalinkTokens.Digits(d.Day, 2),
        "2" => d.Day.ToString(CultureInfo.InvariantCulture),
        "Mon" => PermalinkTokens.DayName(d.DayOfWeek)[..3],
        "Monday" => PermalinkTokens.DayName(d.DayOfWeek),
        "002" => PermalinkTokens.Digits(d.DayOfYear, 3),
        _ => null,
    };

    private static string Parent(string dir) => dir.Contains('/', StringComparison.Ordinal) ? dir[..dir.LastIndexOf('/')] : string.Empty;

    // Whether `dir` or a folder above it is a leaf bundle.
    private static bool InBundle(string dir, PostsFolderFacts folder)
    {
        while (true)
        {
            if (folder.LeafBundles.Contains(dir))
            {
                return true;
            }

            if (dir.Length == 0)
            {
                return false;
            }

            dir = Parent(dir);
        }
    }
}
