using Feed.Internal;
using Markdig;
using Markdig.Syntax;

namespace Feed.Content;

/// <summary>Renders a post's body as the HTML of RSS <c>content:encoded</c> and Atom <c>content type="html"</c>.</summary>
/// <remarks>
/// <para>
/// A Markdown body is rendered with Markdig and <see cref="MarkdownPipelines.Default"/>; an HTML body is taken as
/// written. Both then go through the same pass (<see cref="HtmlSanitizer"/>): every <c>href</c>, <c>src</c>,
/// <c>srcset</c> URL, <c>poster</c> and <c>cite</c> made absolute against <see cref="FeedPost.Url"/>, fragment links
/// (footnotes) included; script, event handlers, <c>javascript:</c> URLs and other active content removed
/// (<see cref="HtmlPolicy"/> lists what and why); XML 1.0-forbidden characters removed.
/// </para>
/// <para>
/// URLs are resolved in that one pass rather than by Markdig's <c>HtmlRenderer.BaseUrl</c>: the pass has to read
/// every URL attribute anyway to check its scheme, raw HTML inside Markdown and HTML bodies need it regardless, and
/// one resolver means one behaviour (fragment links, protocol-relative URLs, dot segments) for every URL.
/// </para>
/// <para>
/// Cost per post (a site may have 10,000 of them): one Markdig parse (none when the caller passes its parsed tree), one render through
/// Markdig's own pooled <c>HtmlRenderer</c> and <c>StringWriter</c> (<c>MarkdownDocument.ToHtml</c> rents them from the
/// pipeline, so a renderer of our own would add nothing), and one linear sanitising pass on pooled buffers. Strings
/// allocated: Markdig's HTML and the result; none for an HTML body that needs no change.
/// </para>
/// </remarks>
/// <threadsafety>Stateless; one instance may be shared by any number of threads.</threadsafety>
internal sealed class HtmlContentRenderer
{
    /// <summary>The shared instance.</summary>
    public static readonly HtmlContentRenderer Instance = new();

    private HtmlContentRenderer()
    {
    }

    /// <summary>Renders <paramref name="post"/>'s body to HTML with every URL absolute against the post's URL.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="post"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The post's URL is not absolute, or its body format is unknown.</exception>
    public string Render(FeedPost post) => Render(post, parsedBody: null);

    /// <summary>
    /// Renders <paramref name="post"/>'s body to HTML, reusing <paramref name="parsedBody"/> when the caller has
    /// already parsed the Markdown body (for the excerpt) so that it is not parsed twice.
    /// </summary>
    /// <param name="post">The post.</param>
    /// <param name="parsedBody">
    /// <see cref="FeedPost.Body"/> parsed with <see cref="MarkdownPipelines.Default"/>, or <see langword="null"/> to
    /// parse it here. Ignored for HTML bodies. Rendering only reads the document. A body Markdig refuses to parse
    /// (nested past its depth limit) is published as preformatted text rather than failing the feed.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="post"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The post's URL is not absolute, or its body format is unknown.</exception>
    internal string Render(FeedPost post, MarkdownDocument? parsedBody)
    {
        ArgumentNullException.ThrowIfNull(post);
        string html = post.BodyFormat switch
        {
            PostBodyFormat.Markdown => RenderMarkdown(post.Body ?? string.Empty, parsedBody),
            PostBodyFormat.Html => post.Body ?? string.Empty,
            _ => throw new ArgumentException($"Unknown body format {post.BodyFormat} for post '{post.Url}'.", nameof(post)),
        };
        return HtmlSanitizer.Sanitize(html, post.Url);
    }

    private static string RenderMarkdown(string markdown, MarkdownDocument? parsed)
    {
        // A body the parser refuses (nested past Markdig's depth limit, or a table of some 20,000 rows) must not fail
        // the whole feed: it goes out as what the author wrote, as text, as its excerpt does.
        MarkdownDocument? document = parsed ?? MarkdownParsing.TryParse(markdown);
        return document is null ? PreformattedText(markdown) : document.ToHtml(MarkdownPipelines.Default);
    }

    private static string PreformattedText(string text)
    {
        var buffer = new CharBuffer(text.Length + 16);
        try
        {
            buffer.Append("<pre>");
            buffer.AppendAttributeText(text, escapeAmpersand: true);
            buffer.Append("</pre>");
            return new string(buffer.Written);
        }
        finally
        {
            buffer.Dispose();
        }
    }
}
