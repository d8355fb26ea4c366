namespace Feed.Tool.Templates;

/// <summary>What a reference tag names, and so how <see cref="ITemplateSite.TryResolve"/> reads its target.</summary>
internal enum TemplateReferenceKind
{
    /// <summary>
    /// Jekyll <c>{% link path %}</c>: the file's path as written, relative to the site's source folder
    /// (<c>_posts/2016-07-26-name.md</c>, <c>_docs/history.md</c>); https://jekyllrb.com/docs/liquid/tags/#link.
    /// </summary>
    SourcePath,

    /// <summary>
    /// Jekyll <c>{% post_url name %}</c>: a post's file name without its extension (<c>2010-07-21-name</c>), possibly
    /// after a subfolder of <c>_posts</c> (<c>sub/2010-07-21-name</c>); https://jekyllrb.com/docs/liquid/tags/#linking-to-posts.
    /// </summary>
    JekyllPostName,

    /// <summary>
    /// Hugo <c>ref</c>/<c>relref</c>: a content path without its <c>#anchor</c>. An absolute one (<c>/blog/post.md</c>)
    /// is given as written; a relative one (<c>post.md</c>, <c>../x/y.md</c>) is first given joined to the folder of the
    /// post that holds it and normalized, with a leading <c>/</c> (<c>/blog/post.md</c> for <c>post.md</c> in
    /// <c>blog/a.md</c>), then as written, as Hugo looks it up relative to the page first and the site second; a bare
    /// name may be a file name or a bundle's folder name (<c>post</c>);
    /// https://gohugo.io/methods/shortcode/ref/ and https://gohugo.io/methods/page/ref/.
    /// </summary>
    HugoRef,

    /// <summary>
    /// Hexo <c>{% post_link slug %}</c> and <c>{% post_path slug %}</c>: the post's source file name without its
    /// extension, or its path under <c>source/_posts</c> without the extension; https://hexo.io/docs/tag-plugins#Include-Posts.
    /// </summary>
    HexoPostSlug,
}
