using System.Text;

namespace Feed.Content;

/// <summary>Decodes HTML character references in an attribute value the way a browser does, so the sanitiser judges
/// what the reader will see rather than what the bytes spell.</summary>
/// <remarks>
/// <para>
/// Follows the HTML Living Standard §13.2.5.72–80 (character reference states) for attribute values: decimal and hex
/// numeric references with or without the closing <c>;</c> (<c>jav&amp;#x61script:</c> is <c>javascript:</c> to a
/// browser), the replacements of §13.2.5.80 (NUL, surrogates and out-of-range → U+FFFD, 0x80–0x9F → windows-1252),
/// and the legacy <c>&amp;amp</c>, <c>&amp;lt</c>, <c>&amp;gt</c>, <c>&amp;quot</c> without <c>;</c> unless a letter,
/// digit or <c>=</c> follows.
/// </para>
/// <para>
/// Of the 2,231 named references only those that decode to ASCII are known here (<c>&amp;colon;</c>,
/// <c>&amp;Tab;</c>, <c>&amp;NewLine;</c>, …, taken from the WHATWG list). That is complete for every decision the
/// sanitiser makes: a URL scheme, <c>javascript:</c>, <c>/</c>, <c>#</c> and <c>?</c> are all ASCII, and any other
/// named reference decodes to a non-ASCII character that can take part in none of them. Unknown names are left as
/// written.
/// </para>
/// </remarks>
internal static class CharacterReferences
{
    // windows-1252 for 0x80–0x9F (HTML §13.2.5.80, numeric character reference end state); 0 = keep the code point.
    private static ReadOnlySpan<ushort> Windows1252 =>
    [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ];

    /// <summary>Appends the decoded form of <paramref name="value"/> (an attribute value as written) to <paramref name="output"/>.</summary>
    public static void Decode(ReadOnlySpan<char> value, ref CharBuffer output)
    {
        int start = 0;
        while (true)
        {
            int amp = value[start..].IndexOf('&');
            if (amp < 0)
            {
                output.Append(value[start..]);
                return;
            }

            amp += start;
            output.Append(value[start..amp]);
            start = DecodeOne(value, amp, ref output);
        }
    }

    // Decodes the reference that starts with the '&' at index amp; returns the index after it. A '&' that starts no
    // reference is appended as is.
    private static int DecodeOne(ReadOnlySpan<char> value, int amp, ref CharBuffer output)
    {
        int i = amp + 1;
        if (i < value.Length && value[i] == '#')
        {
            return DecodeNumeric(value, amp, ref output);
        }

        int nameStart = i;
        while (i < value.Length && char.IsAsciiLetterOrDigit(value[i]))
        {
            i++;
        }

        ReadOnlySpan<char> name = value[nameStart..i];
        if (name.Length > 0)
        {
            if (i < value.Length && value[i] == ';' && NamedAscii(name) is { } decoded)
            {
                output.Append(decoded);
                return i + 1;
            }

            // Legacy references without ';': in an attribute value they stand only when no letter, digit or '='
            // follows (HTML §13.2.5.73 named character reference state); the name run above already ate the letters.
            if ((i >= value.Length || value[i] != '=') && LegacyAscii(name) is { } legacy)
            {
                output.Append(legacy);
                return i;
            }
        }

        output.Append('&');
        return amp + 1;
    }

    private static int DecodeNumeric(ReadOnlySpan<char> value, int amp, ref CharBuffer output)
    {
        int i = amp + 2;
        bool hex = i < value.Length && (value[i] == 'x' || value[i] == 'X');
        if (hex)
        {
            i++;
        }

        int digitsStart = i;
        int codePoint = 0;
        while (i < value.Length && (hex ? char.IsAsciiHexDigit(value[i]) : char.IsAsciiDigit(value[i])))
        {
            int digit = hex ? HexValue(value[i]) : value[i] - '0';
            // Saturate: anything past U+10FFFF becomes U+FFFD below, however many digits follow.
            codePoint = codePoint > 0x10FFFF ? codePoint : (codePoint * (hex ? 16 : 10)) + digit;
            i++;
        }

        if (i == digitsStart)
        {
            // "&#" or "&#x" with no digits is no reference: the characters stay as written.
            output.Append('&');
            return amp + 1;
        }

        if (i < value.Length && value[i] == ';')
        {
            i++;
        }

        if (codePoint == 0 || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        {
            codePoint = 0xFFFD;
        }
        else if (codePoint >= 0x80 && codePoint <= 0x9F && Windows1252[codePoint - 0x80] != 0)
        {
            codePoint = Windows1252[codePoint - 0x80];
        }

        Span<char> utf16 = stackalloc char[2];
        int written = new Rune(codePoint).EncodeToUtf16(utf16);
        output.Append(utf16[..written]);
        return i;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    // The named references of the WHATWG list (https://html.spec.whatwg.org/entities.json) whose value is ASCII.
    private static string? NamedAscii(ReadOnlySpan<char> name) => name switch
    {
        "Tab" => "\t",
        "NewLine" => "\n",
        "excl" => "!",
        "quot" or "QUOT" => "\"",
        "num" => "#",
        "dollar" => "$",
        "percnt" => "%",
        "amp" or "AMP" => "&",
        "apos" => "'",
        "lpar" => "(",
        "rpar" => ")",
        "ast" or "midast" => "*",
        "plus" => "+",
        "comma" => ",",
        "period" => ".",
        "sol" => "/",
        "colon" => ":",
        "semi" => ";",
        "lt" or "LT" => "<",
        "equals" => "=",
        "gt" or "GT" => ">",
        "quest" => "?",
        "commat" => "@",
        "lsqb" or "lbrack" => "[",
        "bsol" => "\\",
        "rsqb" or "rbrack" => "]",
        "Hat" => "^",
        "lowbar" or "UnderBar" => "_",
        "grave" or "DiacriticalGrave" => "`",
        "lcub" or "lbrace" => "{",
        "verbar" or "vert" or "VerticalLine" => "|",
        "rcub" or "rbrace" => "}",
        "fjlig" => "fj",
        _ => null,
    };

    private static string? LegacyAscii(ReadOnlySpan<char> name) => name switch
    {
        "amp" or "AMP" => "&",
        "lt" or "LT" => "<",
        "gt" or "GT" => ">",
        "quot" or "QUOT" => "\"",
        _ => null,
    };
}
