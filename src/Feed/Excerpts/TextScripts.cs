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
