namespace Feed;

/// <summary>The markup language of <see cref="FeedPost.Body"/>.</summary>
public enum PostBodyFormat
{
    /// <summary>CommonMark with the usual extensions (tables, footnotes, math, …), rendered with Markdig.</summary>
    Markdown = 0,

    /// <summary>
    /// An HTML fragment: sanitized by the same allow-list as rendered Markdown (scripts, event handlers and unsafe URLs
    /// removed, relative URLs made absolute) for the content, and read for its text for the excerpt.
    /// </summary>
    Html = 1,
}
