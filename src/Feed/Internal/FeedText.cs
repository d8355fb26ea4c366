using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Feed.Internal;

/// <summary>Text clean-up and escaping shared by the entry factory and the writers.</summary>
internal static class FeedText
{
    // Control characters that separate words: form feed and vertical tab (forbidden in XML 1.0), NEXT LINE (a C1
    // control) and the Unicode LINE and PARAGRAPH SEPARATORs (which readers show as nothing or as a box).
    private static readonly SearchValues<char> WordSeparators = SearchValues.Create("\f\v\u0085\u2028\u2029");

    /// <summary>
    /// Returns <paramref name="text"/> fit for a feed: the controls that separate words (form feed, vertical tab,
    /// U+0085, U+2028, U+2029) become a space, so that words stay apart; then the characters XML 1.0 forbids
    /// (<see cref="XmlChars.Clean"/>) and the C1 control characters U+007F–U+009F, which XML 1.0 §2.2 discourages and
    /// the W3C feed validator reports as bad characters (invisible, from mis-decoded Windows-1252 text), are removed.
    /// The same instance when clean.
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().ContainsAny(WordSeparators))
        {
            text = string.Create(text.Length, text, static (span, source) =>
            {
                source.AsSpan().CopyTo(span);
                for (int i = span.IndexOfAny(WordSeparators); i >= 0;)
                {
                    span[i] = ' ';
                    int next = span[(i + 1)..].IndexOfAny(WordSeparators);
                    i = next < 0 ? -1 : i + 1 + next;
                }
            });
        }

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

    // The bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): invisible, they reorder what
    // follows them, so "Invoice \u202Egnp.exe" shows as "Invoice exe.png" (Unicode TR #36 §2.1, bidirectional text
    // spoofing). A plain-text field has no use for them: its text is displayed as it is, by the reader's own bidi rules.
    private static readonly SearchValues<char> BidiControls = SearchValues.Create("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    /// <summary>
    /// <see cref="Clean"/> for a plain-text field a reader shows as it is (a title, a name, a tag, the excerpt): also
    /// removes the bidi embedding, override and isolate controls. Content HTML is the sanitizer's business.
    /// </summary>
    public static string CleanText(string text)
    {
        text = Clean(text);
        int first = text.AsSpan().IndexOfAny(BidiControls);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        foreach (char c in text.AsSpan(first))
        {
            if (!BidiControls.Contains(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="html"/> holds anything but white space: an element for it is worth writing.</summary>
    public static bool HasContent([NotNullWhen(true)] string? html) => !string.IsNullOrWhiteSpace(html);

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
