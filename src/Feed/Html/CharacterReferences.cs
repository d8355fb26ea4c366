using System.Collections.Frozen;
using System.Text;
using Feed.Content;
using Markdig.Helpers;

namespace Feed.Html;

/// <summary>
/// The one HTML character-reference decoder: the content sanitiser judges attribute values with it, and the excerpt
/// engine reads text with it, for HTML bodies and Markdown bodies alike, so the same reference reads the same
/// everywhere and the same as in a browser.
/// </summary>
/// <remarks>
/// <para>
/// Follows the HTML Living Standard §13.2.5.72–80 (character reference states). Named references come from the full
/// WHATWG table (all 2,231 names; <see cref="EntityHelper"/>, which Markdig already ships), matched longest first:
/// a name with its <c>;</c>, else the longest of the 106 legacy names that stand without one (<c>&amp;copy</c>,
/// <c>&amp;notit;</c> reads <c>¬it;</c>). In an attribute value a legacy name without <c>;</c> stays as written when
/// a letter, digit or <c>=</c> follows (§13.2.5.73), so <c>?a=1&amp;copy=2</c> keeps its query.
/// </para>
/// <para>
/// Numeric references (decimal and hex, with or without the closing <c>;</c>) get the replacements of §13.2.5.80:
/// NUL, surrogates and anything past U+10FFFF become U+FFFD, and 0x80–0x9F are read as windows-1252, as every
/// browser does (<c>&amp;#x80;</c> is <c>€</c>). A <c>&amp;</c> that starts no reference stays as written.
/// </para>
/// </remarks>
internal static class CharacterReferences
{
    // The longest name in the WHATWG table, "CounterClockwiseContourIntegral", is 31 characters.
    private const int MaxNameLength = 32;

    // The longest legacy name ("frac12", "plusmn", "middot" …) is 6 characters.
    private const int MaxLegacyNameLength = 6;

    // windows-1252 for 0x80–0x9F (HTML §13.2.5.80, numeric character reference end state); 0 = keep the code point.
    private static ReadOnlySpan<ushort> Windows1252 =>
    [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ];

    // The names of the WHATWG table that are also valid without their ';' (https://html.spec.whatwg.org/entities.json,
    // the keys without a trailing ';'): HTML 4's Latin-1 set plus the upper-case AMP, COPY, GT, LT, QUOT, REG.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LegacyNames = FrozenSet.ToFrozenSet(
    [
        "AElig", "AMP", "Aacute", "Acirc", "Agrave", "Aring", "Atilde", "Auml", "COPY", "Ccedil", "ETH", "Eacute",
        "Ecirc", "Egrave", "Euml", "GT", "Iacute", "Icirc", "Igrave", "Iuml", "LT", "Ntilde", "Oacute", "Ocirc",
        "Ograve", "Oslash", "Otilde", "Ouml", "QUOT", "REG", "THORN", "Uacute", "Ucirc", "Ugrave", "Uuml", "Yacute",
        "aacute", "acirc", "acute", "aelig", "agrave", "amp", "aring", "atilde", "auml", "brvbar", "ccedil", "cedil",
        "cent", "copy", "curren", "deg", "divide", "eacute", "ecirc", "egrave", "eth", "euml", "frac12", "frac14",
        "frac34", "gt", "iacute", "icirc", "iexcl", "igrave", "iquest", "iuml", "laquo", "lt", "macr", "micro",
        "middot", "nbsp", "not", "ntilde", "oacute", "ocirc", "ograve", "ordf", "ordm", "oslash", "otilde", "ouml",
        "para", "plusmn", "pound", "quot", "raquo", "reg", "sect", "shy", "sup1", "sup2", "sup3", "szlig", "thorn",
        "times", "uacute", "ucirc", "ugrave", "uml", "uuml", "yacute", "yen", "yuml",
    ], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The number of legacy names (those valid without <c>;</c>), for the tests.</summary>
    internal static int LegacyNameCount => LegacyNames.Set.Count;

    /// <summary>Appends the decoded form of <paramref name="value"/> (an attribute value as written) to <paramref name="output"/>.</summary>
    public static void Decode(ReadOnlySpan<char> value, ref CharBuffer output) => Decode(value, inAttribute: true, ref output);

    /// <summary>Appends the decoded form of <paramref name="html"/> to <paramref name="output"/>.</summary>
    /// <param name="html">Text or an attribute value, as written in the HTML.</param>
    /// <param name="inAttribute">Whether it is an attribute value (legacy names then need no letter, digit or <c>=</c> after them).</param>
    /// <param name="output">Receives the decoded characters.</param>
    public static void Decode(ReadOnlySpan<char> html, bool inAttribute, ref CharBuffer output)
    {
        while (true)
        {
            int amp = html.IndexOf('&');
            if (amp < 0)
            {
                output.Append(html);
                return;
            }

            output.Append(html[..amp]);
            html = html[amp..];
            int consumed = DecodeOne(html, inAttribute, ref output);
            html = html[consumed..];
        }
    }

    /// <summary>Returns the decoded form of <paramref name="text"/> (text content, not an attribute value).</summary>
    public static string DecodeText(ReadOnlySpan<char> text)
    {
        if (!text.Contains('&'))
        {
            return text.ToString();
        }

        var buffer = new CharBuffer(text.Length);
        try
        {
            Decode(text, inAttribute: false, ref buffer);
            return new string(buffer.Written);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    // Decodes the reference that starts with the '&' at html[0]; returns how many characters it took. A '&' that
    // starts no reference is appended as is.
    private static int DecodeOne(ReadOnlySpan<char> html, bool inAttribute, ref CharBuffer output)
    {
        if (html.Length > 1 && html[1] == '#')
        {
            return DecodeNumeric(html, ref output);
        }

        int end = 1;
        while (end < html.Length && end <= MaxNameLength && char.IsAsciiLetterOrDigit(html[end]))
        {
            end++;
        }

        ReadOnlySpan<char> name = html[1..end];
        if (name.IsEmpty)
        {
            output.Append('&');
            return 1;
        }

        if (end < html.Length && html[end] == ';' && EntityHelper.DecodeEntity(name) is { } decoded)
        {
            output.Append(decoded);
            return end + 1;
        }

        // No full match: the longest legacy name that starts the run (HTML §13.2.5.73, named character reference
        // state: "the maximum number of characters possible").
        for (int length = Math.Min(name.Length, MaxLegacyNameLength); length >= 2; length--)
        {
            ReadOnlySpan<char> prefix = name[..length];
            if (!LegacyNames.Contains(prefix))
            {
                continue;
            }

            char next = length + 1 < html.Length ? html[length + 1] : '\0';
            if (inAttribute && (char.IsAsciiLetterOrDigit(next) || next == '='))
            {
                break; // "historical reasons": left as written in attribute values
            }

            output.Append(EntityHelper.DecodeEntity(prefix));
            return length + 1;
        }

        // Not a reference: the '&' and the name stay as written.
        output.Append(html[..end]);
        return end;
    }

    private static int DecodeNumeric(ReadOnlySpan<char> html, ref CharBuffer output)
    {
        int length = ReadNumeric(html, out int codePoint);
        if (length < 0)
        {
            // "&#" or "&#x" with no digits is no reference: the characters stay as written.
            length = -length;
            output.Append(html[..length]);
            return length;
        }

        Span<char> utf16 = stackalloc char[2];
        int written = new Rune(NumericValue(codePoint)).EncodeToUtf16(utf16);
        output.Append(utf16[..written]);
        return length;
    }

    /// <summary>
    /// Reads the numeric reference that starts with the <c>&amp;#</c> at <paramref name="html"/>[0]: returns its
    /// length and the code point as written (saturated past U+10FFFF; <see cref="NumericValue"/> gives what it
    /// stands for), or, when no digit follows, minus the length of the <c>&amp;#</c> or <c>&amp;#x</c>.
    /// </summary>
    public static int ReadNumeric(ReadOnlySpan<char> html, out int codePoint)
    {
        int i = 2;
        bool hex = i < html.Length && (html[i] == 'x' || html[i] == 'X');
        if (hex)
        {
            i++;
        }

        int digitsStart = i;
        codePoint = 0;
        while (i < html.Length && (hex ? char.IsAsciiHexDigit(html[i]) : char.IsAsciiDigit(html[i])))
        {
            int digit = hex ? HexValue(html[i]) : html[i] - '0';
            // Saturate: anything past U+10FFFF becomes U+FFFD, however many digits follow.
            codePoint = codePoint > 0x10FFFF ? codePoint : (codePoint * (hex ? 16 : 10)) + digit;
            i++;
        }

        if (i == digitsStart)
        {
            return -i;
        }

        return i < html.Length && html[i] == ';' ? i + 1 : i;
    }

    /// <summary>The character a numeric reference to <paramref name="codePoint"/> stands for (HTML §13.2.5.80).</summary>
    internal static int NumericValue(int codePoint)
    {
        if (codePoint == 0 || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        {
            return 0xFFFD;
        }

        return codePoint >= 0x80 && codePoint <= 0x9F && Windows1252[codePoint - 0x80] != 0
            ? Windows1252[codePoint - 0x80]
            : codePoint;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
