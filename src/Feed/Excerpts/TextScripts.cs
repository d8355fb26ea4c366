using System.Globalization;
using System.Text;

namespace Feed.Excerpts;

/// <summary>The few script facts the excerpt rules need, on code points (never on UTF-16 units).</summary>
internal static class TextScripts
{
    /// <summary>
    /// Whether <paramref name="codePoint"/> belongs to a script written without spaces between words: Han, kana,
    /// Bopomofo, CJK symbols and punctuation, fullwidth and halfwidth forms. Between two such characters a line
    /// break is no space (CSS Text 3 §4.1.3, segment break transformation) and any grapheme boundary is a word
    /// boundary. Hangul is not included: Korean separates words with spaces.
    /// </summary>
    public static bool IsCjk(int codePoint) => codePoint switch
    {
        < 0x2E80 => false,
        <= 0x2FDF => true,               // CJK Radicals Supplement, Kangxi Radicals
        < 0x2FF0 => false,
        <= 0x31FF => codePoint is < 0x3130 or >= 0x3190, // Ideographic Description … Katakana Phonetic Extensions, minus Hangul Compatibility Jamo
        <= 0x33FF => true,               // Enclosed CJK Letters and Months, CJK Compatibility
        <= 0x4DBF => true,               // CJK Unified Ideographs Extension A
        < 0x4E00 => false,               // Yijing Hexagram Symbols
        <= 0x9FFF => true,               // CJK Unified Ideographs
        < 0xF900 => false,
        <= 0xFAFF => true,               // CJK Compatibility Ideographs
        < 0xFE10 => false,
        <= 0xFE1F => true,               // Vertical Forms
        < 0xFE30 => false,
        <= 0xFE4F => true,               // CJK Compatibility Forms
        < 0xFF00 => false,
        <= 0xFF9F => true,               // Fullwidth forms, halfwidth CJK punctuation and katakana
        < 0xFFE0 => false,               // Halfwidth Hangul
        <= 0xFFEF => true,               // Fullwidth signs
        < 0x1AFF0 => false,
        <= 0x1B16F => true,              // Kana Extended-B, Kana Supplement, Kana Extended-A, Small Kana Extension
        < 0x20000 => false,
        <= 0x3FFFF => true,              // Supplementary and Tertiary Ideographic Planes (Extensions B…J, compatibility)
        _ => false,
    };

    /// <summary>The first code point of <paramref name="text"/>; U+FFFD for an empty span or a lone surrogate.</summary>
    public static int FirstCodePoint(ReadOnlySpan<char> text) =>
        Rune.DecodeFromUtf16(text, out Rune rune, out _) == System.Buffers.OperationStatus.Done ? rune.Value : 0xFFFD;

    /// <summary>
    /// Whether <paramref name="codePoint"/> closes a sentence, a clause or a bracket, so that no space goes before it
    /// when the content between it and the word before was removed (an image, a footnote reference, a script):
    /// <c>. , ; : ! ? ) ] }</c>, every closing bracket (Unicode Pe: <c>） 」 』 】 》</c> …), and the sentence and
    /// clause marks of other scripts (<c>。 ， 、 ！ ？ ： ；</c>, <c>، ؛ ؟</c>, <c>। ॥</c>, <c>…</c> …).
    /// </summary>
    /// <remarks>
    /// Final quotes (Pf) are left out on purpose: <c>»</c> opens a quotation in German and Danish and <c>”</c> opens
    /// one in Swedish and Finnish, so a space before them may be the author's.
    /// </remarks>
    public static bool IsClosingPunctuation(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return codePoint is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}';
        }

        if (!Rune.IsValid(codePoint))
        {
            return false;
        }

        return Rune.GetUnicodeCategory(new Rune(codePoint)) switch
        {
            UnicodeCategory.ClosePunctuation => true,
            UnicodeCategory.OtherPunctuation => IsStopOrPause(codePoint),
            _ => false,
        };
    }

    /// <summary>The full stops, commas, colons, semicolons, question and exclamation marks (Po) of the scripts Feed meets.</summary>
    private static bool IsStopOrPause(int codePoint) => codePoint switch
    {
        0x037E or 0x0387 => true,                                // Greek question mark, ano teleia
        0x055C or 0x055E or 0x0589 => true,                      // Armenian exclamation, question, full stop
        0x05C3 => true,                                          // Hebrew sof pasuq
        0x060C or 0x061B or 0x061F or 0x06D4 => true,            // Arabic comma, semicolon, question mark; Urdu full stop
        0x0964 or 0x0965 => true,                                // Devanagari danda, double danda
        0x104A or 0x104B => true,                                // Myanmar little and full section
        >= 0x1362 and <= 0x1367 => true,                         // Ethiopic full stop … question mark
        0x17D4 or 0x17D5 => true,                                // Khmer khan, bariyoosan
        0x2026 or 0x203C or 0x203D or (>= 0x2047 and <= 0x2049) => true, // … ‼ ‽ ⁇ ⁈ ⁉
        0x3001 or 0x3002 => true,                                // ideographic comma, full stop
        (>= 0xFE10 and <= 0xFE16) or 0xFE19 => true,             // vertical forms
        (>= 0xFE50 and <= 0xFE52) or (>= 0xFE54 and <= 0xFE57) => true, // small forms
        0xFF01 or 0xFF0C or 0xFF0E or 0xFF1A or 0xFF1B or 0xFF1F => true, // fullwidth ! , . : ; ?
        0xFF61 or 0xFF64 => true,                                // halfwidth ideographic full stop, comma
        _ => false,
    };

    /// <summary>Whether <paramref name="codePoint"/> opens something: a bracket (Ps) or an initial quote (Pi).</summary>
    public static bool IsOpening(int codePoint)
    {
        if (!Rune.IsValid(codePoint))
        {
            return false;
        }

        UnicodeCategory category = Rune.GetUnicodeCategory(new Rune(codePoint));
        return category is UnicodeCategory.OpenPunctuation or UnicodeCategory.InitialQuotePunctuation;
    }
}
