using Feed.Internal;
using Markdig;

namespace Feed.Content;

/// <summary>Renders a post's body as the HTML of RSS <c>content:encoded</c> and Atom <c>content type="html"</c>.</summary>
/// <threadsafety>Stateless; one instance may be shared.</threadsafety>
internal sealed class HtmlContentRenderer
{
    /// <summary>The shared instance.</summary>
    public static readonly HtmlContentRenderer Instance = new();

    /// <summary>Renders <paramref name="post"/>'s body to HTML with every URL absolute against the post's URL.</summary>
    public string Render(FeedPost post)
    {
        ArgumentNullException.ThrowIfNull(post);

        // PLACEHOLDER until the content work of issue 3 lands: no URL resolution or sanitising yet.
        string html = post.BodyFormat == PostBodyFormat.Markdown
            ? Markdown.ToHtml(post.Body, MarkdownPipelines.Default)
            : post.Body;
        return XmlChars.Clean(html);
    }
}
