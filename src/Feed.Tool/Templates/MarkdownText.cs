using System.Text;

namespace Feed.Tool.Templates;

/// <summary>Writes text into Markdown and HTML so that it reads as itself.</summary>
internal static class MarkdownText
{
    /// <summary>
    /// <paramref name="text"/> as Markdown inline text: the ASCII punctuation that could start inline syntax
    /// (emphasis, links, code, HTML, entities, math) is backslash-escaped, which CommonMark allows for any ASCII
    /// punctuation (§2.4).
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '&' or '!' or '~' or '|' or '$' or '{' or '}')
            {
                escaped.Append('\\');
            }

            escaped.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return escaped.ToString();
    }

    /// <summary><paramref name="url"/> as a Markdown link destination: in angle brackets when it holds spaces or parentheses (CommonMark §6.3).</summary>
    public static string Destination(string url)
    {
        if (url.AsSpan().IndexOfAny(" ()<>\t\r\n") < 0)
        {
            return url;
        }

        return "<" + url.Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal)
            .Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal) + ">";
    }

    /// <summary><paramref name="title"/> as a Markdown link title, in double quotes.</summary>
    public static string Title(string title) =>
        "\"" + title.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ') + "\"";

    /// <summary><paramref name="text"/> escaped for an HTML attribute value in double quotes or for HTML text.</summary>
    public static string Html(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>A Markdown image: <c>![alt](src "title")</c>.</summary>
    public static string Image(string alt, string src, string? title) =>
        "![" + Escape(alt) + "](" + Destination(src) + (string.IsNullOrEmpty(title) ? string.Empty : " " + Title(title)) + ")";

    /// <summary>A Markdown link: <c>[text](url "title")</c>.</summary>
    public static string Link(string text, string url, string? title = null) =>
        "[" + Escape(text) + "](" + Destination(url) + (string.IsNullOrEmpty(title) ? string.Empty : " " + Title(title)) + ")";
}
