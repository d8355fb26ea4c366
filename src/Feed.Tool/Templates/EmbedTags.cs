namespace Feed.Tool.Templates;

/// <summary>
/// The tags that embed something from elsewhere: videos become the frame the generator writes (the content sanitiser
/// turns a frame into a link to what it embeds; an excerpt leaves it out, as the generators' own summaries do), and
/// what the generator would fetch or script (gists, posts on X, Instagram) becomes a link to it, since a feed reader
/// runs no script. Hexo's <c>link</c> becomes a Markdown link.
/// </summary>
internal static class EmbedTags
{
    /// <summary>The expansion of an embedding tag of <paramref name="tag"/>'s dialect, or null when <paramref name="tag"/> is none (or lacks its id).</summary>
    public static string? Expand(ExpansionWriter writer, TemplateTag tag)
    {
        TemplateDialect dialect = writer.Context.Dialect;
        bool alone = ImageTags.StandsAlone(writer.Text, tag);
        string? Frame(string? id, string prefix, string? title) => EmbedTags.Frame(id, prefix, title, alone);
        List<TagArgument> arguments = TagArguments.Parse(tag.Arguments(writer.Text), dialect);
        string? First(string? name = null) => TagArguments.Get(arguments, name, 0);
        return (dialect, tag.Name) switch
        {
            // https://gohugo.io/shortcodes/youtube/, https://hexo.io/docs/tag-plugins#Youtube
            (TemplateDialect.Hugo, "youtube") => Frame(Id(First("id")), "https://www.youtube.com/embed/", TagArguments.Get(arguments, "title", -1)),
            (TemplateDialect.Hexo, "youtube") => arguments.Count > 1 && arguments[1].Value == "playlist"
                ? Frame(Id(First()), "https://www.youtube.com/embed/videoseries?list=", null)
                : Frame(Id(First()), "https://www.youtube.com/embed/", null),

            // https://gohugo.io/shortcodes/vimeo/, https://hexo.io/docs/tag-plugins#Vimeo
            (TemplateDialect.Hugo, "vimeo") => Frame(Id(First("id")), "https://player.vimeo.com/video/", TagArguments.Get(arguments, "title", -1)),
            (TemplateDialect.Hexo, "vimeo") => Frame(Id(First()), "https://player.vimeo.com/video/", null),

            // https://hexo.io/docs/tag-plugins#iframe, https://hexo.io/docs/tag-plugins#jsFiddle
            (TemplateDialect.Hexo, "iframe") => First() is { } url && ImageTags.HexoUrl(url) ? Frame(url, string.Empty, null) : null,
            (TemplateDialect.Hexo, "jsfiddle") => Id(First()) is { } fiddle ? Frame(fiddle + "/embedded/", "https://jsfiddle.net/", null) : null,

            // Gists: Hugo's gist (https://gohugo.io/shortcodes/gist/), jekyll-gist's and Hexo's ({% gist user/id %} or id).
            (TemplateDialect.Hugo, "gist") => arguments.Count >= 2 ? Link("https://gist.github.com/" + Id(arguments[0].Value) + "/" + Id(arguments[1].Value)) : null,
            (_, "gist") => Id(First(), allowSlash: true) is { } gist ? Link("https://gist.github.com/" + gist) : null,

            // https://gohugo.io/shortcodes/x/ (and the tweet shortcode it replaced), https://gohugo.io/shortcodes/instagram/
            (TemplateDialect.Hugo, "x" or "tweet") => Id(TagArguments.Get(arguments, "user", 0), allowSlash: false) is { } user && Id(TagArguments.Get(arguments, "id", 1)) is { } status
                ? Link("https://x.com/" + user + "/status/" + status)
                : null,
            (TemplateDialect.Hugo, "instagram") => Id(First("id")) is { } post ? Link("https://www.instagram.com/p/" + post + "/") : null,

            // {% link text url [external] [title] %} (https://hexo.io/docs/tag-plugins#Link)
            (TemplateDialect.Hexo, "link" or "a" or "anchor") => HexoLink(arguments),
            _ => null,
        };
    }

    private static string? HexoLink(List<TagArgument> arguments)
    {
        int url = arguments.FindIndex(a => ImageTags.HexoUrl(a.Value));
        if (url < 0)
        {
            return null;
        }

        IEnumerable<string> rest = arguments.Skip(url + 1).Select(a => a.Value).SkipWhile(a => a is "true" or "false");
        string text = string.Join(' ', arguments.Take(url).Select(a => a.Value));
        return MarkdownText.Link(text.Length > 0 ? text : arguments[url].Value, arguments[url].Value, string.Join(' ', rest));
    }

    /// <summary>An id safe to put in a URL path: letters, digits and <c>-_.</c> (and <c>/</c> when allowed); null otherwise.</summary>
    private static string? Id(string? value, bool allowSlash = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        foreach (char c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' || (allowSlash && c == '/')))
            {
                return null;
            }
        }

        return value;
    }

    /// <summary>
    /// The frame, where it stands alone between blank lines; anywhere else a link to what it shows, because a line
    /// that starts with <c>&lt;iframe</c> starts an HTML block (CommonMark §4.6, condition 6) that would swallow the
    /// Markdown of the lines after it.
    /// </summary>
    private static string? Frame(string? id, string prefix, string? title, bool alone) => id is null
        ? null
        : alone
            ? $"<iframe src=\"{MarkdownText.Html(prefix + id)}\"{(string.IsNullOrEmpty(title) ? string.Empty : $" title=\"{MarkdownText.Html(title)}\"")} allowfullscreen></iframe>"
            : string.IsNullOrEmpty(title) ? Link(prefix + id) : MarkdownText.Link(title, prefix + id);

    private static string Link(string url) => url.AsSpan().IndexOfAny(" <>\t\r\n") < 0 ? "<" + url + ">" : MarkdownText.Link(url, url);
}
