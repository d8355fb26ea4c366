using System.Globalization;
using Feed.Tool.Posts;

namespace Feed.Tool.Conventions;

/// <summary>
/// Hexo's rules (https://hexo.io/docs/front-matter, /docs/permalinks, /docs/writing, /docs/configuration), as its
/// sources implement them (hexo/lib/plugins/processor/post.ts, lib/plugins/filter/post_permalink.ts, hexo-front-matter).
/// </summary>
internal sealed class HexoConvention : Convention
{
    // The extensions hexo-renderer-marked (Hexo's default renderer) registers: md, markdown, mkd, mkdn, mdwn, mdtxt, mdtext.
    private static readonly string[] MarkdownExtensions = [".md", ".markdown", ".mkd", ".mkdn", ".mdwn", ".mdtxt", ".mdtext"];

    private static readonly string[] Placeholders =
    [
        "year", "month", "day", "i_month", "i_day", "hour", "minute", "second", "timestamp", "title", "name", "post_title", "category",
    ];

    /// <inheritdoc/>
    public override string Name => "hexo";

    /// <inheritdoc/>
    public override FrontMatterShapes Shapes { get; } = new(LeadingBlankLines: true, Toml: false, Hexo: true, Optional: false);

    /// <inheritdoc/>
    public override FieldKeys Keys { get; } = new()
    {
        Title = ["title"],
        Date = ["date"],
        Updated = ["updated"],
        // hexo-generator-feed: the description, else the excerpt.
        Summary = ["description", "excerpt"],
        // processor/post.ts: `tag` and `category` are read when the plural is absent.
        Tags = ["tags", "tag"],
        Categories = ["categories", "category"],
        Draft = [],
        Published = ["published"],
        Slug = [],
        Permalink = ["permalink"],
        Lenient = true,
    };

    /// <summary>Gets Hexo's default <c>permalink</c> (https://hexo.io/docs/configuration#URL).</summary>
    public override string DefaultPermalink => ":year/:month/:day/:title/";

    /// <inheritdoc/>
    public override Templates.TemplateDialect? Dialect => Templates.TemplateDialect.Hexo;

    /// <inheritdoc/>
    public override FileRole Classify(string relativePath, PostsFolderFacts folder)
    {
        (string? path, FileRole role) = Under(relativePath, folder.Name);

        // processor/common.ts isHiddenFile: a name starting with '_' or '.' anywhere below _posts is not read; nor a
        // temporary file (isTmpFile: ending in '%' or '~').
        if (path is null || path.Split('/').Any(p => p.Length > 0 && p[0] is '_' or '.') || path.EndsWith('%') || path.EndsWith('~'))
        {
            return FileRole.NotRead;
        }

        return MarkdownExtensions.Contains(System.IO.Path.GetExtension(path), StringComparer.OrdinalIgnoreCase) ? role : FileRole.NotRead;
    }

    /// <inheritdoc/>
    public override PathFacts Facts(string relativePath, PostsFolderFacts folder)
    {
        string path = Under(relativePath, folder.Name).Path ?? relativePath;

        // processor/post.ts: the slug is the path under _posts without its extension (new_post_name ':title.md').
        string slug = path[..^System.IO.Path.GetExtension(path).Length];
        string[] parts = slug.Split('/');
        return new PathFacts(slug, null, [], parts[..^1], parts[^1]);
    }

    /// <inheritdoc/>
    public override string? CheckPermalink(string template) =>
        PermalinkTokens.Check(template, n => Placeholders.Contains(n, StringComparer.Ordinal), "Hexo", ":" + string.Join(" :", Placeholders));

    /// <inheritdoc/>
    public override string Expand(string template, PermalinkValues post, bool fromFrontMatter)
    {
        // post_permalink.ts: a post's own permalink is used as written, with a leading '/'.
        if (fromFrontMatter)
        {
            return Slugs.EscapePath(template.StartsWith('/') ? template : "/" + template);
        }

        DateTimeOffset d = post.Date;
        string? Value(string key) => key switch
        {
            "year" => PermalinkTokens.Digits(d.Year, 4),
            "month" => PermalinkTokens.Digits(d.Month, 2),
            "day" => PermalinkTokens.Digits(d.Day, 2),
            "i_month" => d.Month.ToString(CultureInfo.InvariantCulture),
            "i_day" => d.Day.ToString(CultureInfo.InvariantCulture),
            "hour" => PermalinkTokens.Digits(d.Hour, 2),
            "minute" => PermalinkTokens.Digits(d.Minute, 2),
            "second" => PermalinkTokens.Digits(d.Second, 2),
            "timestamp" => d.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            "title" => post.Facts.Slug,
            "name" => post.Facts.BaseName,
            "post_title" => Slugs.Hexo(post.Title, lower: true),
            // The last category's slug, else default_category ('uncategorized').
            "category" => post.Categories.Count > 0 ? Slugs.Hexo(post.Categories[^1], lower: false) : "uncategorized",
            _ => null,
        };

        string filled = PermalinkTokens.Fill(template, key => Value(key) is { } v ? Slugs.EscapePath(v) : null);
        return PermalinkTokens.Squeeze("/" + filled);
    }

    // The path under _posts (or _drafts) and which of the two; null when the file is in neither.
    private static (string? Path, FileRole Role) Under(string relativePath, string folderName)
    {
        switch (folderName)
        {
            case "_posts":
                return (relativePath, FileRole.Post);
            case "_drafts":
                return (relativePath, FileRole.Draft);
        }

        if (relativePath.StartsWith("_posts/", StringComparison.Ordinal))
        {
            return (relativePath["_posts/".Length..], FileRole.Post);
        }

        if (relativePath.StartsWith("_drafts/", StringComparison.Ordinal))
        {
            return (relativePath["_drafts/".Length..], FileRole.Draft);
        }

        // A folder of posts copied out of a site: read it as _posts.
        return relativePath.Split('/').Any(p => p is "_posts" or "_drafts") ? (null, FileRole.NotRead) : (relativePath, FileRole.Post);
    }
}
