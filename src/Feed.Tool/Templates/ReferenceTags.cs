namespace Feed.Tool.Templates;

/// <summary>
/// The tags that stand for another post's URL: Jekyll <c>link</c> and <c>post_url</c>, Hugo <c>ref</c> and
/// <c>relref</c>, Hexo <c>post_path</c> and <c>post_link</c>. A reference to no post of the folder is a warning,
/// and what stood for its URL becomes <see cref="Unresolved"/>, so that the link around it keeps only its text
/// (<see cref="LinkUnwrapper"/>).
/// </summary>
internal static class ReferenceTags
{
    /// <summary>Stands in the expanded text for a URL that could not be resolved, until <see cref="LinkUnwrapper"/> removes the link around it.</summary>
    public const string Unresolved = "\uE000feed-unresolved-reference\uE001";

    /// <summary>Jekyll's <c>{% link path %}</c> (https://jekyllrb.com/docs/liquid/tags/#link).</summary>
    public static string JekyllLink(ExpansionWriter writer, TemplateTag tag) =>
        Resolve(writer, tag, TemplateReferenceKind.SourcePath, FirstWord(writer, tag).TrimStart('/'));

    /// <summary>Jekyll's <c>{% post_url name %}</c> (https://jekyllrb.com/docs/liquid/tags/#linking-to-posts).</summary>
    public static string JekyllPostUrl(ExpansionWriter writer, TemplateTag tag) =>
        Resolve(writer, tag, TemplateReferenceKind.JekyllPostName, FirstWord(writer, tag).TrimStart('/'));

    /// <summary>
    /// Hugo's <c>ref</c> and <c>relref</c>, positional or with <c>path=</c>, with an optional <c>#anchor</c>; a bare
    /// <c>#anchor</c> is the post itself (https://gohugo.io/shortcodes/ref/, https://gohugo.io/methods/page/ref/).
    /// Both give the absolute URL: a feed's links are absolute anyway.
    /// </summary>
    public static string HugoRef(ExpansionWriter writer, TemplateTag tag)
    {
        List<TagArgument> arguments = TagArguments.Parse(tag.Arguments(writer.Text), TemplateDialect.Hugo);
        string target = TagArguments.Get(arguments, "path", 0) ?? string.Empty;
        int hash = target.IndexOf('#', StringComparison.Ordinal);
        string path = hash < 0 ? target : target[..hash];
        string anchor = hash < 0 ? string.Empty : target[hash..];
        TemplateContext context = writer.Context;
        if (path.Length == 0 && anchor.Length > 0)
        {
            return new Uri(context.PostUrl, anchor).AbsoluteUri;
        }

        // Hugo looks a relative path up relative to the page first, then to the site.
        if (!path.StartsWith('/') && JoinToFolder(context.PostSourcePath, path) is { } besidePost
            && context.Site.TryResolve(TemplateReferenceKind.HugoRef, besidePost, out Uri? beside))
        {
            return WithAnchor(beside, anchor);
        }

        return Resolve(writer, tag, TemplateReferenceKind.HugoRef, path, anchor);
    }

    /// <summary>Hexo's <c>{% post_path slug %}</c>: the post's URL (https://hexo.io/docs/tag-plugins#Include-Posts).</summary>
    public static string HexoPostPath(ExpansionWriter writer, TemplateTag tag)
    {
        List<TagArgument> arguments = TagArguments.Parse(tag.Arguments(writer.Text), TemplateDialect.Hexo);
        string slug = arguments.Count > 0 ? arguments[0].Value : string.Empty;
        return Resolve(writer, tag, TemplateReferenceKind.HexoPostSlug, slug);
    }

    /// <summary>
    /// Hexo's <c>{% post_link slug [title] [escape] %}</c>: a link to the post, titled by the arguments after the slug
    /// (or, as the tool has no titles of other posts, by the slug); <c>slug#anchor</c> links to an anchor. A post not
    /// in the folder leaves the title as text, with a warning.
    /// </summary>
    public static string HexoPostLink(ExpansionWriter writer, TemplateTag tag)
    {
        List<TagArgument> arguments = TagArguments.Parse(tag.Arguments(writer.Text), TemplateDialect.Hexo);
        if (arguments.Count > 0 && arguments[^1].Value is "true" or "false")
        {
            arguments.RemoveAt(arguments.Count - 1); // the escape flag
        }

        string target = arguments.Count > 0 ? arguments[0].Value : string.Empty;
        int hash = target.IndexOf('#', StringComparison.Ordinal);
        string slug = hash < 0 ? target : target[..hash];
        string anchor = hash < 0 ? string.Empty : target[hash..];
        string title = arguments.Count > 1 ? string.Join(' ', arguments.Skip(1).Select(a => a.Value)) : slug;
        string url = Resolve(writer, tag, TemplateReferenceKind.HexoPostSlug, slug, anchor);
        return url == Unresolved ? MarkdownText.Escape(title) : MarkdownText.Link(title, url);
    }

    private static string Resolve(ExpansionWriter writer, TemplateTag tag, TemplateReferenceKind kind, string target, string anchor = "")
    {
        if (target.Length > 0 && writer.Context.Site.TryResolve(kind, target, out Uri? url))
        {
            return WithAnchor(url, anchor);
        }

        writer.Context.Notes.Add(tag.Start, target.Length == 0
            ? $"'{writer.Show(tag)}' names no post; the link keeps only its text."
            : $"'{writer.Show(tag)}': no post '{target}' in the folder; the link keeps only its text.");
        return Unresolved;
    }

    private static string WithAnchor(Uri url, string anchor) =>
        anchor.Length == 0 ? url.AbsoluteUri : new UriBuilder(url) { Fragment = anchor[1..] }.Uri.AbsoluteUri;

    private static string FirstWord(ExpansionWriter writer, TemplateTag tag)
    {
        List<TagArgument> arguments = TagArguments.Parse(tag.Arguments(writer.Text), writer.Context.Dialect);
        return arguments.Count > 0 ? arguments[0].Value : string.Empty;
    }

    /// <summary><paramref name="path"/> joined to the folder of <paramref name="postSourcePath"/>, with <c>.</c> and <c>..</c> resolved and a leading <c>/</c>; null when it climbs above the root.</summary>
    internal static string? JoinToFolder(string postSourcePath, string path)
    {
        if (path.Length == 0)
        {
            return null;
        }

        var segments = new List<string>();
        string[] folder = postSourcePath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        segments.AddRange(folder.Take(Math.Max(0, folder.Length - 1)));
        foreach (string segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    return null;
                }

                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment != ".")
            {
                segments.Add(segment);
            }
        }

        return "/" + string.Join('/', segments);
    }
}
