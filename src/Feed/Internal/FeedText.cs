using System.Text;

namespace Feed.Internal;

/// <summary>Text clean-up and escaping shared by the entry factory and the writers.</summary>
internal static class FeedText
{
    /// <summary>
    /// Returns <paramref name="text"/> without the characters XML 1.0 forbids (<see cref="XmlChars.Clean"/>) and without
    /// the C1 control characters U+007F–U+009F, which XML 1.0 §2.2 discourages and the W3C feed validator reports as
    /// bad characters: they are invisible, and come from mis-decoded Windows-1252 text. The same instance when clean.
    /// </summary>
    public static string Clean(string text)
    {
        text = XmlChars.Clean(text);
        int first = text.AsSpan().IndexOfAnyInRange('\u007F', '\u009F');
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        foreach (char c in text.AsSpan(first))
        {
            if (c is < '\u007F' or > '\u009F')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary><see cref="Clean"/>, passing <see langword="null"/> through.</summary>
    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    /// <summary>
    /// Escapes plain text as HTML text (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>), for elements whose content readers
    /// render as HTML, such as RSS <c>description</c>: "a &lt; b" must reach the reader as text, not as a tag.
    /// </summary>
    public static string HtmlEncode(string text)
    {
        int first = text.AsSpan().IndexOfAny('&', '<', '>');
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        foreach (char c in text.AsSpan(first))
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}
