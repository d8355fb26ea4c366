using System.Globalization;
using Feed.Tool.Configuration;
using Feed.Tool.Posts;

namespace Feed.Tool.Conventions;

/// <summary>
/// The tool's own rules, the default: every <c>*.md</c> is a post with YAML front matter between <c>---</c> lines
/// (<c>title</c> and <c>date</c> required), and permalinks use <c>{year}</c>, <c>{month}</c>, <c>{day}</c>, <c>{slug}</c>
/// with the date as written.
/// </summary>
internal sealed class PlainConvention : Convention
{
    /// <inheritdoc/>
    public override string Name => "plain";

    /// <inheritdoc/>
    public override FrontMatterShapes Shapes => FrontMatterShapes.Plain;

    /// <inheritdoc/>
    public override FieldKeys Keys { get; } = new()
    {
        Title = ["title"],
        Date = ["date"],
        Updated = ["updated"],
        Summary = ["summary"],
        Tags = ["tags"],
        Categories = ["categories"],
        Draft = ["draft"],
        Slug = ["slug"],
        Permalink = ["permalink"],
        Id = ["id"],
    };

    /// <inheritdoc/>
    public override string DefaultPermalink => SettingValues.DefaultPermalink;

    /// <inheritdoc/>
    public override bool UrlDatesInSiteZone => false;

    /// <inheritdoc/>
    public override Templates.TemplateDialect? Dialect => null;

    /// <inheritdoc/>
    public override FileRole Classify(string relativePath, PostsFolderFacts folder) =>
        relativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? FileRole.Post : FileRole.NotRead;

    /// <inheritdoc/>
    public override PathFacts Facts(string relativePath, PostsFolderFacts folder)
    {
        string[] parts = relativePath.Split('/');
        return new PathFacts(FrontMatterReader.SlugFromFileName(relativePath), null, [], parts[..^1], System.IO.Path.GetFileNameWithoutExtension(parts[^1]));
    }

    /// <inheritdoc/>
    public override string? CheckPermalink(string template) => SettingValues.CheckPermalinkTemplate(template);

    /// <inheritdoc/>
    public override string Expand(string template, PermalinkValues post, bool fromFrontMatter) => template
        .Replace("{year}", post.Date.Year.ToString("D4", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{month}", post.Date.Month.ToString("D2", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{day}", post.Date.Day.ToString("D2", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{slug}", Uri.EscapeDataString(post.Slug), StringComparison.Ordinal);
}
