namespace Feed.Tool.Templates;

/// <summary>What a template tag may point at: the site's URLs and the posts a reference tag names.</summary>
/// <remarks>Implemented by the tool's post catalog; the expander only reads it, from any thread.</remarks>
internal interface ITemplateSite
{
    /// <summary>Gets the site's URL (<c>{{ site.url }}</c> with <c>{{ site.baseurl }}</c>): absolute, ending with <c>/</c>.</summary>
    Uri SiteUrl { get; }

    /// <summary>Gets <c>{{ site.baseurl }}</c>: the path of <see cref="SiteUrl"/> without its trailing <c>/</c> (<c>""</c> or <c>/blog</c>).</summary>
    string BaseUrl { get; }

    /// <summary>
    /// Resolves a reference written in a post (Jekyll <c>{% link path %}</c> / <c>{% post_url name %}</c>, Hugo
    /// <c>ref</c>/<c>relref</c>, Hexo <c>post_link</c>/<c>post_path</c>) to that post's URL.
    /// </summary>
    /// <param name="kind">What <paramref name="target"/> names (see <see cref="TemplateReferenceKind"/>).</param>
    /// <param name="target">The reference as the tag wrote it, without quotes or anchor.</param>
    /// <param name="url">The post's absolute URL, when found.</param>
    /// <returns>Whether a post of the folder is the target.</returns>
    bool TryResolve(TemplateReferenceKind kind, string target, out Uri url);
}
