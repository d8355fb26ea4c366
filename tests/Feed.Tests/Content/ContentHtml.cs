using Feed.Content;

namespace Feed.Tests.Content;

/// <summary>Shorthands for the content tests: a post at a fixed URL, rendered from Markdown or HTML.</summary>
internal static class ContentHtml
{
    public const string PostUrl = "https://example.org/posts/nice-flow/";

    public static string FromHtml(string html, string postUrl = PostUrl) =>
        HtmlContentRenderer.Instance.Render(Post(html, PostBodyFormat.Html, postUrl));

    public static string FromMarkdown(string markdown, string postUrl = PostUrl) =>
        HtmlContentRenderer.Instance.Render(Post(markdown, PostBodyFormat.Markdown, postUrl));

    public static FeedPost Post(string body, PostBodyFormat format, string postUrl = PostUrl) => new()
    {
        Title = "Nice flow",
        Url = new Uri(postUrl),
        Published = new DateTimeOffset(2025, 3, 2, 13, 15, 0, TimeSpan.Zero),
        Body = body,
        BodyFormat = format,
    };
}
