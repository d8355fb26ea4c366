using System.Globalization;
using System.Text.RegularExpressions;
using Feed.Tool.Posts;

namespace Feed.Tool.Conventions;

/// <summary>
/// Jekyll's rules (https://jekyllrb.com/docs/posts/, /docs/front-matter/, /docs/permalinks/, /docs/configuration/default/),
/// as its sources implement them (jekyll/lib/jekyll/document.rb, url.rb, drops/url_drop.rb, readers/post_reader.rb).
/// </summary>
internal sealed partial class JekyllConvention : Convention
{
    // Jekyll's default markdown_ext (configuration.rb): "markdown,mkdown,mkdn,mkd,md".
    private static readonly string[] MarkdownExtensions = [".markdown", ".mkdown", ".mkdn", ".mkd", ".md"];

    private static readonly Dictionary<string, string> BuiltIn = new(StringComparer.Ordinal)
    {
        // https://jekyllrb.com/docs/permalinks/#built-in-formats (docs/_data/permalinks.yml)
        ["date"] = "/:categories/:year/:month/:day/:title:output_ext",
        ["pretty"] = "/:categories/:year/:month/:day/:title/",
        ["ordinal"] = "/:categories/:year/:y_day/:title:output_ext",
        ["weekdate"] = "/:categories/:year/W:week/:short_day/:title:output_ext",
        ["none"] = "/:categories/:title:output_ext",
    };

    private static readonly string[] Placeholders =
    [
        "year", "short_year", "month", "i_month", "short_month", "long_month", "day", "i_day", "y_day", "w_year", "week",
        "w_day", "short_day", "long_day", "hour", "minute", "second", "title", "slug", "name", "categories",
        "slugified_categories", "output_ext", "path", "collection",
    ];

    /// <inheritdoc/>
    public override string Name => "jekyll";

    /// <inheritdoc/>
    public override FrontMatterShapes Shapes { get; } = new(LeadingBlankLines: false, Toml: false, Hexo: false, Optional: true);

    /// <inheritdoc/>
    public override FieldKeys Keys { get; } = new()
    {
        Title = ["title"],
        Date = ["date"],
        // jekyll-feed writes <updated> from last_modified_at (jekyll-feed, lib/jekyll-feed/feed.xml).
        Updated = ["last_modified_at"],
        // jekyll-feed's summary: the description, else the excerpt (front matter `excerpt` replaces the generated one).
        Summary = ["description", "excerpt"],
        // document.rb populate_tags/populate_categories: plural and singular keys, a string split at spaces.
        Tags = ["tags", "tag"],
        Categories = ["categories", "category"],
        Draft = [],
        Published = ["published"],
        Slug = ["slug"],
        Permalink = ["permalink"],
        TitleFromFileName = true,
        SplitTermStrings = true,
        Lenient = true,
    };

    /// <inheritdoc/>
    public override string DefaultPermalink => "date";

    /// <inheritdoc/>
    public override Templates.TemplateDialect? Dialect => Templates.TemplateDialect.Jekyll;

    /// <inheritdoc/>
    public override FileRole Classify(string relativePath, PostsFolderFacts folder)
    {
        string[] parts = relativePath.Split('/');
        string name = parts[^1];

        // EntryFilter (jekyll/lib/jekyll/entry_filter.rb, special? and backup?): an entry of _posts whose path or base
        // name starts with '.', '_', '#' or '~', or that ends in '~', is not read.
        int special = Array.FindLastIndex(parts, p => p is "_posts" or "_drafts");
        string inner = string.Join('/', parts[(special + 1)..]);
        if (inner.Length == 0 || inner[0] is '.' or '_' or '#' or '~' || name[0] is '.' or '_' or '#' or '~' || name.EndsWith('~'))
        {
            return FileRole.NotRead;
        }

        FileRole? role = Special(parts, folder.Name);
        if (role is null || !MarkdownExtensions.Contains(System.IO.Path.GetExtension(name), StringComparer.OrdinalIgnoreCase))
        {
            return FileRole.NotRead;
        }

        // post_reader.rb: a post's file name must match Document::DATE_FILENAME_MATCHER; a draft's need not.
        return role == FileRole.Draft ? FileRole.Draft : DateFileName().IsMatch(name) ? FileRole.Post : FileRole.NotRead;
    }

    /// <inheritdoc/>
    public override PathFacts Facts(string relativePath, PostsFolderFacts folder)
    {
        string[] parts = relativePath.Split('/');
        string name = parts[^1];
        string baseName = System.IO.Path.GetFileNameWithoutExtension(name);
        Match m = DateFileName().Match(name);
        string slug = m.Success ? m.Groups["slug"].Value : baseName;

        // document.rb populate_title: "slugs shouldn't end with a period".
        slug = slug.TrimEnd('.');

        // document.rb categories_from_path: the folders above _posts (es/_posts/x.md is in category es), not below it.
        int special = Array.FindIndex(parts, p => p is "_posts" or "_drafts");
        IReadOnlyList<string> categories = special > 0 ? parts[..special] : [];
        return new PathFacts(slug, m.Success ? m.Groups["date"].Value : null, categories, parts[..^1], baseName);
    }

    /// <inheritdoc/>
    public override string? CheckPermalink(string template) =>
        BuiltIn.ContainsKey(template)
            ? null
            : PermalinkTokens.Check(template, n => Placeholders.Contains(n, StringComparer.Ordinal), "Jekyll",
                "the built-in styles date, pretty, ordinal, weekdate, none, or :" + string.Join(" :", Placeholders));

    /// <inheritdoc/>
    public override string Expand(string template, PermalinkValues post, bool fromFrontMatter)
    {
        // "Built-in permalink styles are not recognized in front matter" (https://jekyllrb.com/docs/permalinks/).
        if (!fromFrontMatter && BuiltIn.TryGetValue(template, out string? style))
        {
            template = style;
        }

        DateTimeOffset d = post.Date;
        var (weekYear, week) = PermalinkTokens.IsoWeek(d);
        string? Value(string key) => key switch
        {
            // drops/url_drop.rb, one method per placeholder.
            "year" => PermalinkTokens.Digits(d.Year, 4),
            "short_year" => PermalinkTokens.Digits(d.Year % 100, 2),
            "month" => PermalinkTokens.Digits(d.Month, 2),
            "i_month" => d.Month.ToString(CultureInfo.InvariantCulture),
            "short_month" => PermalinkTokens.MonthName(d.Month)[..3],
            "long_month" => PermalinkTokens.MonthName(d.Month),
            "day" => PermalinkTokens.Digits(d.Day, 2),
            "i_day" => d.Day.ToString(CultureInfo.InvariantCulture),
            "y_day" => PermalinkTokens.Digits(d.DayOfYear, 3),
            "w_year" => PermalinkTokens.Digits(weekYear, 4),
            "week" => PermalinkTokens.Digits(week, 2),
            "w_day" => (d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek).ToString(CultureInfo.InvariantCulture),
            "short_day" => PermalinkTokens.DayName(d.DayOfWeek)[..3],
            "long_day" => PermalinkTokens.DayName(d.DayOfWeek),
            "hour" => PermalinkTokens.Digits(d.Hour, 2),
            "minute" => PermalinkTokens.Digits(d.Minute, 2),
            "second" => PermalinkTokens.Digits(d.Second, 2),
            // :title keeps case (slugify pretty, cased); :slug and :name are lower-cased (slugify default).
            "title" => Slugs.Jekyll(post.Slug, pretty: true, cased: true),
            "slug" => Slugs.Jekyll(post.Slug, pretty: false, cased: false),
            "name" => Slugs.Jekyll(post.Facts.BaseName, pretty: false, cased: false),
            // url_drop.rb categories: each downcased, duplicates dropped, joined with '/'.
            "categories" => string.Join('/', post.Categories.Select(c => c.ToLowerInvariant()).Distinct(StringComparer.Ordinal)),
            "slugified_categories" => string.Join('/', post.Categories.Select(c => Slugs.Jekyll(c, false, false)).Distinct(StringComparer.Ordinal)),
            "output_ext" => ".html",
            "path" => string.Join('/', [.. post.Facts.Sections, post.Facts.BaseName]),
            "collection" => "posts",
            _ => null,
        };

        string filled = PermalinkTokens.Fill(template, key => Value(key) is { } v ? Slugs.EscapePath(v) : null);

        // url.rb sanitize_url: a leading '/', ".." becomes "/", "./" is dropped, repeated slashes squeezed.
        string sanitized = ("/" + filled).Replace("..", "/", StringComparison.Ordinal).Replace("./", "", StringComparison.Ordinal);
        return PermalinkTokens.Squeeze(sanitized);
    }

    private static FileRole? Special(string[] parts, string folderName)
    {
        for (int i = parts.Length - 2; i >= 0; i--)
        {
            if (parts[i] == "_posts")
            {
                return FileRole.Post;
            }

            if (parts[i] == "_drafts")
            {
                return FileRole.Draft;
            }
        }

        return folderName switch
        {
            "_drafts" => FileRole.Draft,
            "_posts" => FileRole.Post,
            // A folder of posts copied out of a site (not named _posts, holding no _posts): its dated files are posts.
            _ => parts.Length == 1 || !parts.Contains("_posts") ? FileRole.Post : null,
        };
    }

    // Document::DATE_FILENAME_MATCHER: %r!^(?>.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$!
    [GeneratedRegex(@"^(?<date>[0-9]{2,4}-[0-9]{1,2}-[0-9]{1,2})-(?<slug>[^/]*)(?<ext>\.[^.]+)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DateFileName();
}
