using System.Collections.Frozen;

namespace Feed.Tool.Templates;

/// <summary>What the tool knows of each dialect's tags by name: which take no closing tag, which are blocks.</summary>
internal static class TemplateTags
{
    // Liquid's own single tags (https://shopify.github.io/liquid/tags/), Jekyll's
    // (https://jekyllrb.com/docs/liquid/tags/, https://jekyllrb.com/docs/includes/) and common plugins' (jekyll-seo-tag,
    // jekyll-gist, jekyll-feed's feed_meta).
    private static readonly FrozenSet<string> JekyllSingles = FrozenSet.Create(
        StringComparer.Ordinal,
        "#", "assign", "break", "continue", "cycle", "decrement", "echo", "else", "elsif", "feed_meta", "gist", "include",
        "include_relative", "increment", "link", "liquid", "post_url", "render", "seo", "when");

    // Liquid's block tags: their tags go and their content stays (control flow), or goes (capture).
    private static readonly FrozenSet<string> LiquidBlocks = FrozenSet.Create(
        StringComparer.Ordinal, "capture", "case", "comment", "for", "highlight", "if", "raw", "tablerow", "unless");

    // Nunjucks' single tags (https://mozilla.github.io/nunjucks/templating.html#tags) and Hexo's single tag plugins
    // (https://hexo.io/docs/tag-plugins).
    private static readonly FrozenSet<string> HexoSingles = FrozenSet.Create(
        StringComparer.Ordinal,
        "asset_img", "asset_link", "asset_path", "break", "continue", "else", "elif", "elseif", "extends", "from", "gist",
        "iframe", "image", "img", "import", "include", "include_code", "include_raw", "jsfiddle", "link", "post_link",
        "post_path", "set", "url_for", "vimeo", "youtube");

    private static readonly FrozenSet<string> HexoBlocks = FrozenSet.Create(
        StringComparer.Ordinal,
        "blockquote", "call", "code", "codeblock", "filter", "for", "if", "macro", "pullquote", "quote", "raw");

    // Hugo's embedded shortcodes that take no inner text (https://gohugo.io/shortcodes/).
    private static readonly FrozenSet<string> HugoSingles = FrozenSet.Create(
        StringComparer.Ordinal, "figure", "gist", "instagram", "param", "ref", "relref", "tweet", "vimeo", "x", "youtube");

    /// <summary>Whether <paramref name="name"/> is a tag of <paramref name="dialect"/> that never takes a closing tag.</summary>
    public static bool IsSingle(TemplateDialect dialect, string name) => dialect switch
    {
        TemplateDialect.Jekyll => JekyllSingles.Contains(name),
        TemplateDialect.Hexo => HexoSingles.Contains(name),
        _ => HugoSingles.Contains(name),
    };

    /// <summary>Whether <paramref name="name"/> is a block tag of <paramref name="dialect"/>, so that a missing closing tag deserves a warning.</summary>
    public static bool IsBlock(TemplateDialect dialect, string name) => dialect switch
    {
        TemplateDialect.Jekyll => LiquidBlocks.Contains(name),
        TemplateDialect.Hexo => HexoBlocks.Contains(name),
        _ => name is "highlight" or "comment" or "details",
    };
}
