namespace Feed;

/// <summary>The markup language of <see cref="FeedPost.Body"/>.</summary>
public enum PostBodyFormat
{
    /// <summary>CommonMark with the usual extensions (tables, footnotes, math, …), rendered with Markdig.</summary>
    Markdown = 0,

    /// <summary>An HTML fragment, used as is for content and stripped of tags for the excerpt.</summary>
    Html = 1,
}
