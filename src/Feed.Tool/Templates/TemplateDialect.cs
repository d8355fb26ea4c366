namespace Feed.Tool.Templates;

/// <summary>The template language a post's body was written for: which tags it may hold and what they mean.</summary>
internal enum TemplateDialect
{
    /// <summary>
    /// Jekyll: Liquid tags <c>{% … %}</c> and outputs <c>{{ … }}</c> with Jekyll's own tags (<c>raw</c>,
    /// <c>highlight</c>, <c>link</c>, <c>post_url</c>, <c>include</c>) and filters (<c>relative_url</c>,
    /// <c>absolute_url</c>); https://jekyllrb.com/docs/liquid/tags/.
    /// </summary>
    Jekyll,

    /// <summary>
    /// Hugo: shortcodes <c>{{&lt; … &gt;}}</c> and <c>{{% … %}}</c>, their closing forms and comments; Go template
    /// actions (<c>{{ … }}</c>) are not run in content, so they stay text; https://gohugo.io/content-management/shortcodes/.
    /// </summary>
    Hugo,

    /// <summary>
    /// Hexo: Nunjucks tags <c>{% … %}</c>, outputs <c>{{ … }}</c> and comments <c>{# … #}</c> with Hexo's tag plugins
    /// (<c>codeblock</c>, <c>post_link</c>, <c>asset_img</c> …); https://hexo.io/docs/tag-plugins.
    /// </summary>
    Hexo,
}
