using System.Text;

namespace Feed.Internal;

/// <summary>Removes the characters XML 1.0 forbids (XML 1.0 §2.2 production [2] Char).</summary>
/// <remarks>
/// U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF and lone surrogates cannot appear in an XML 1.0
/// document, escaped or not; <c>XmlWriter</c> throws on them. Every text that enters a document goes through here.
/// </remarks>
internal static class XmlChars
{
    /// <summary>Returns <paramref name="text"/> without forbidden characters; the same instance when it has none.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = IndexOfInvalid(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[i + 1]);
                    i++;
                }

                continue;
            }

            if (IsValidBmp(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="text"/> contains no forbidden character.</summary>
    public static bool IsValid(string text) => IndexOfInvalid(text) < 0;

    private static int IndexOfInvalid(string text)
    {
        ReadOnlySpan<char> span = text;
        for (int i = 0; i < span.Length; i++)
        {
            // The common case, printable BMP below the surrogates (ASCII, Latin, CJK …), is skipped with a vectorized
            // search: every text of every document passes through here, full HTML bodies included.
            int run = span[i..].IndexOfAnyExceptInRange('\u0020', '\uD7FF');
            if (run < 0)
            {
                return -1;
            }

            i += run;
            char c = span[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (!IsValidBmp(c))
            {
                return i;
            }
        }

        return -1;
    }

    // A single UTF-16 unit that is allowed on its own: tab, LF, CR, and U+0020–U+FFFD except surrogates.
    private static bool IsValidBmp(char c) =>
        c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFFFD && !char.IsSurrogate(c));
}
