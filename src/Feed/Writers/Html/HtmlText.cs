using System.Text;

namespace Feed.Writers.Html;

/// <summary>
/// Escapes text for HTML (WHATWG HTML §13.1.2.6 "restrictions on the contents of raw text and escapable raw text",
/// §13.3 "serializing HTML fragments"): every text of a post or of the options goes through here, so nothing a post
/// says is read as markup.
/// </summary>
internal static class HtmlText
{
    /// <summary>Appends <paramref name="text"/> as element content: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped.</summary>
    public static StringBuilder AppendText(this StringBuilder html, string text)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            string? entity = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\u00A0' => "&nbsp;", // kept visible in the source: a no-break space looks like a space
                _ => null,
            };
            if (entity is not null)
            {
                html.Append(text, start, i - start).Append(entity);
                start = i + 1;
            }
        }

        return html.Append(text, start, text.Length - start);
    }

    /// <summary>
    /// Appends <paramref name="value"/> as the value of a double-quoted attribute: <c>&amp;</c>, <c>"</c>, <c>&lt;</c>
    /// and <c>&gt;</c> escaped (the last two are not required, but keep a value that is also text harmless).
    /// </summary>
    public static StringBuilder AppendAttribute(this StringBuilder html, string value)
    {
        int start = 0;
        for (int i = 0; i < value.Length; i++)
        {
            string? entity = value[i] switch
            {
                '&' => "&amp;",
                '"' => "&quot;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => null,
            };
            if (entity is not null)
            {
                html.Append(value, start, i - start).Append(entity);
                start = i + 1;
            }
        }

        return html.Append(value, start, value.Length - start);
    }

    /// <summary>Escapes <paramref name="text"/> as element content.</summary>
    public static string Escape(string text) => new StringBuilder(text.Length + 16).AppendText(text).ToString();
}
