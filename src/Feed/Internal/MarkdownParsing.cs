using Markdig;
using Markdig.Syntax;

namespace Feed.Internal;

/// <summary>The one way Feed parses Markdown, with the one policy for a body the parser refuses.</summary>
internal static class MarkdownParsing
{
    /// <summary>
    /// Parses <paramref name="markdown"/> with <see cref="MarkdownPipelines.Default"/>, or returns
    /// <see langword="null"/> when the parser fails on it. Every caller then has a fallback that reads the body as
    /// text, so one hostile post degrades the same way in its excerpt and in its content, and never fails a feed.
    /// </summary>
    public static MarkdownDocument? TryParse(string markdown)
    {
        try
        {
            return Markdown.Parse(markdown, MarkdownPipelines.Default);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Markdig refuses input nested past its depth limit with an ArgumentException ("most likely not sensible
            // or a very large table"); any other failure of the parser on hostile input is treated the same way.
            return null;
        }
    }
}
