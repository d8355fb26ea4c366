using System.Text;
using Feed.Internal;
using Markdig;

namespace Feed.Tool.Templates;

/// <summary>
/// The tags that stand for an image or an asset: Hugo's <c>figure</c>, Hexo's <c>img</c>, <c>asset_img</c>,
/// <c>asset_path</c> and <c>asset_link</c>. They become Markdown images and links (an HTML <c>figure</c> when the
/// figure stands alone between blank lines, as Hugo renders it), with relative sources resolved against the post's
/// URL, where the generators put a page bundle's or an asset folder's files.
/// </summary>
internal static class ImageTags
{
    /// <summary>
    /// Hugo's <c>figure</c> (https://gohugo.io/shortcodes/figure/): <c>src</c>, <c>alt</c>, <c>title</c>,
    /// <c>caption</c> (Markdown), <c>attr</c>, <c>link</c>. Alone on its lines with a blank line (or the end) after it,
    /// it is Hugo's HTML, <c>&lt;figure&gt;&lt;img&gt;&lt;figcaption&gt;</c>, on one line; anywhere else an inline image
    /// followed by its caption, so the paragraph around it stays one.
    /// </summary>
    public static string HugoFigure(ExpansionWriter writer, TemplateTag tag)
    {
        List<TagArgument> arguments = TagArguments.Parse(tag.Arguments(writer.Text), TemplateDialect.Hugo);
        string src = Resolve(writer.Context.PostUrl, TagArguments.Get(arguments, "src", -1) ?? string.Empty);
        string alt = TagArguments.Get(arguments, "alt", -1) ?? string.Empty;
        string title = TagArguments.Get(arguments, "title", -1) ?? string.Empty;
        string caption = string.Join(' ', new[] { TagArguments.Get(arguments, "caption", -1), TagArguments.Get(arguments, "attr", -1) }.Where(s => !string.IsNullOrWhiteSpace(s)));
        string? link = TagArguments.Get(arguments, "link", -1);
        if (StandsAlone(writer.Text, tag))
        {
            var html = new StringBuilder("<figure>");
            if (!string.IsNullOrEmpty(link))
            {
                html.Append("<a href=\"").Append(MarkdownText.Html(Resolve(writer.Context.PostUrl, link))).Append("\">");
            }

            html.Append("<img src=\"").Append(MarkdownText.Html(src)).Append("\" alt=\"").Append(MarkdownText.Html(alt)).Append("\">");
            if (!string.IsNullOrEmpty(link))
            {
                html.Append("</a>");
            }

            if (title.Length > 0 || caption.Length > 0)
            {
                html.Append("<figcaption>");
                if (title.Length > 0)
                {
                    html.Append("<h4>").Append(MarkdownText.Html(title)).Append("</h4>");
                }

                if (caption.Length > 0)
                {
                    html.Append("<p>").Append(InlineHtml(caption)).Append("</p>");
                }

                html.Append("</figcaption>");
            }

            return html.Append("</figure>").ToString();
        }

        string image = MarkdownText.Image(alt, src, title);
        if (!string.IsNullOrEmpty(link))
        {
            image = "[" + image + "](" + MarkdownText.Destination(Resolve(writer.Context.PostUrl, link)) + ")";
        }

        return caption.Length == 0 ? image : image + " " + caption.ReplaceLineEndings(" ");
    }

    /// <summary>
    /// Hexo's <c>{% img [class names] /path/to/image [width] [height] [title text [alt text]] %}</c>
    /// (https://hexo.io/docs/tag-plugins#Image): the source is the first argument that is a URL or starts with
    /// <c>/</c> (the words before it are classes), under the site's root.
    /// </summary>
    public static string? HexoImg(ExpansionWriter writer, TemplateTag tag)
    {
        List<string> arguments = HexoArguments(writer, tag);
        int source = arguments.FindIndex(a => a.StartsWith('/') || HexoUrl(a));
        if (source < 0)
        {
            return null;
        }

        string src = arguments[source].StartsWith('/') && !arguments[source].StartsWith("//", StringComparison.Ordinal)
            ? LiquidOutput.AbsoluteUrl(arguments[source], writer.Context.Site) // url_for: under the site's root
            : arguments[source];
        return ImageWithMeta(src, arguments.Skip(source + 1).ToList());
    }

    /// <summary>
    /// Hexo's <c>{% asset_img [class names] slug [width] [height] [title text [alt text]] %}</c>
    /// (https://hexo.io/docs/asset-folders#Tag-Plugins-For-Relative-Path-Referencing): a file of the post's asset
    /// folder, which Hexo publishes under the post's URL (without an <c>.html</c> ending). The slug is the first
    /// argument that looks like a file name (Hexo checks each against the folder, which the tool does not read).
    /// </summary>
    public static string? HexoAssetImg(ExpansionWriter writer, TemplateTag tag)
    {
        List<string> arguments = HexoArguments(writer, tag);
        int slug = FindSlug(arguments);
        return slug < 0 ? null : ImageWithMeta(AssetUrl(writer.Context.PostUrl, arguments[slug]), arguments.Skip(slug + 1).ToList());
    }

    /// <summary>Hexo's <c>{% asset_path slug %}</c>: the URL of a file of the post's asset folder.</summary>
    public static string? HexoAssetPath(ExpansionWriter writer, TemplateTag tag)
    {
        List<string> arguments = HexoArguments(writer, tag);
        return arguments.Count == 0 ? null : AssetUrl(writer.Context.PostUrl, arguments[0]);
    }

    /// <summary>Hexo's <c>{% asset_link slug [title] [escape] %}</c>: a link to a file of the post's asset folder, titled by the slug unless a title is given.</summary>
    public static string? HexoAssetLink(ExpansionWriter writer, TemplateTag tag)
    {
        List<string> arguments = HexoArguments(writer, tag);
        if (arguments.Count > 0 && arguments[^1] is "true" or "false")
        {
            arguments.RemoveAt(arguments.Count - 1);
        }

        if (arguments.Count == 0)
        {
            return null;
        }

        string title = arguments.Count > 1 ? string.Join(' ', arguments.Skip(1)) : arguments[0];
        return MarkdownText.Link(title, AssetUrl(writer.Context.PostUrl, arguments[0]));
    }

    /// <summary><paramref name="src"/> resolved against the post's URL as a browser resolves an <c>img</c>'s source; left as written when it is no URL.</summary>
    internal static string Resolve(Uri postUrl, string src)
    {
        if (src.Length == 0 || HasScheme(src))
        {
            return src;
        }

        return Uri.TryCreate(postUrl, src, out Uri? resolved) ? resolved.AbsoluteUri : src;
    }

    /// <summary>Whether <paramref name="url"/> starts with a URL scheme (RFC 3986 §3.1); a path such as <c>/a.png</c> has none, though .NET reads it as a file URI on Unix.</summary>
    internal static bool HasScheme(string url)
    {
        int colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !char.IsAsciiLetter(url[0]))
        {
            return false;
        }

        foreach (char c in url.AsSpan(1, colon - 1))
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    internal static List<string> HexoArguments(ExpansionWriter writer, TemplateTag tag) =>
        [.. TagArguments.Parse(tag.Arguments(writer.Text), TemplateDialect.Hexo).Select(a => a.Value)];

    /// <summary>Hexo's test for "this argument is the URL" in its img and link tags (a scheme, <c>www.</c> or <c>user@host</c>).</summary>
    internal static bool HexoUrl(string argument)
    {
        int colon = argument.IndexOf(':', StringComparison.Ordinal);
        if (colon is >= 3 and <= 9 && argument.AsSpan(0, colon).ContainsAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") is false)
        {
            return colon + 1 < argument.Length;
        }

        return argument.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || argument.IndexOf('@', StringComparison.Ordinal) > 0;
    }

    private static string AssetUrl(Uri postUrl, string slug)
    {
        // PostAsset.path: the post's path with an .html ending stripped, joined with the slug (hexo lib/models/post_asset.ts).
        string folder = postUrl.GetLeftPart(UriPartial.Path);
        if (folder.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || folder.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
        {
            folder = folder[..folder.LastIndexOf('.')];
        }

        if (!folder.EndsWith('/'))
        {
            folder += "/";
        }

        string escaped = string.Join('/', slug.Split('/').Select(Uri.EscapeDataString));
        return Uri.TryCreate(new Uri(folder), escaped, out Uri? url) ? url.AbsoluteUri : folder + escaped;
    }

    private static int FindSlug(List<string> arguments)
    {
        for (int i = 0; i < arguments.Count; i++)
        {
            string a = arguments[i];
            int dot = a.LastIndexOf('.');
            if (dot > 0 && dot < a.Length - 1 && a.AsSpan(dot + 1).ContainsAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") is false)
            {
                return i;
            }
        }

        return arguments.Count > 0 ? 0 : -1;
    }

    /// <summary>The image after its width and height: a title, then an alt text (<c>"title" "alt"</c> in one argument, as Hexo's img splits it); the alt defaults to the title.</summary>
    private static string ImageWithMeta(string src, List<string> rest)
    {
        int skip = 0;
        while (skip < Math.Min(2, rest.Count) && rest[skip].Length > 0 && rest[skip].All(char.IsAsciiDigit))
        {
            skip++;
        }

        string meta = string.Join(' ', rest.Skip(skip)).Trim();
        string title = meta;
        string alt = meta;
        if (meta.StartsWith('"'))
        {
            int close = meta.IndexOf('"', 1);
            title = close < 0 ? meta[1..] : meta[1..close];
            string after = close < 0 ? string.Empty : meta[(close + 1)..].Trim().Trim('"', '\'');
            alt = after.Length > 0 ? after : title;
        }

        return MarkdownText.Image(alt, src, title);
    }

    /// <summary>Whether the tag is alone on its line(s) (after its container's markers) with a blank line or the end after it.</summary>
    internal static bool StandsAlone(string text, TemplateTag tag)
    {
        int lineStart = tag.Start == 0 ? 0 : text.LastIndexOf('\n', tag.Start - 1) + 1;
        foreach (char c in text.AsSpan(lineStart, tag.Start - lineStart))
        {
            if (!(char.IsWhiteSpace(c) || c == '>'))
            {
                return false;
            }
        }

        int lineEnd = text.IndexOf('\n', tag.End);
        if (!text.AsSpan(tag.End, (lineEnd < 0 ? text.Length : lineEnd) - tag.End).IsWhiteSpace())
        {
            return false;
        }

        if (lineEnd < 0)
        {
            return true;
        }

        int nextEnd = text.IndexOf('\n', lineEnd + 1);
        ReadOnlySpan<char> next = text.AsSpan(lineEnd + 1, (nextEnd < 0 ? text.Length : nextEnd) - lineEnd - 1);
        return next.Trim().TrimStart('>').IsWhiteSpace();
    }

    /// <summary>A caption's Markdown as inline HTML (Hugo's <c>markdownify</c>); the content sanitiser judges it later like all post HTML.</summary>
    private static string InlineHtml(string markdown)
    {
        string html;
        try
        {
            html = Markdown.ToHtml(markdown, MarkdownPipelines.Default).Trim();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return MarkdownText.Html(markdown); // a caption the parser refuses (nested past its limit) is text
        }

        if (html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) && html.IndexOf("<p>", 3, StringComparison.Ordinal) < 0)
        {
            html = html[3..^4];
        }

        return html.ReplaceLineEndings(" ");
    }
}
