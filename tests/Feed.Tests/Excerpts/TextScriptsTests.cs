using System.Text;
using Feed.Excerpts;

namespace Feed.Tests.Excerpts;

public sealed class TextScriptsTests
{
    [Theory]
    [InlineData("中")]  // CJK Unified Ideographs
    [InlineData("㐀")]  // Extension A
    [InlineData("𠀀")]  // Extension B (astral)
    [InlineData("𰀀")]  // Extension G (third plane)
    [InlineData("豈")]  // Compatibility Ideographs
    [InlineData("あ")]  // Hiragana
    [InlineData("ア")]  // Katakana
    [InlineData("ｱ")]   // halfwidth Katakana
    [InlineData("ㄅ")]  // Bopomofo
    [InlineData("。")]  // CJK Symbols and Punctuation
    [InlineData("「")]
    [InlineData("，")]  // fullwidth forms
    [InlineData("Ａ")]
    [InlineData("￥")]  // fullwidth signs
    [InlineData("⺀")]  // CJK Radicals Supplement
    [InlineData("㋐")]  // Enclosed CJK Letters and Months
    [InlineData("𛀁")]  // Kana Supplement
    public void Han_kana_and_cjk_punctuation_are_cjk(string character) =>
        TextScripts.IsCjk(Rune.GetRuneAt(character, 0).Value).ShouldBeTrue();

    [Theory]
    [InlineData("a")]
    [InlineData("é")]
    [InlineData("한")]  // Hangul syllables: Korean separates words with spaces
    [InlineData("ㄱ")]  // Hangul Compatibility Jamo
    [InlineData("ﾡ")]   // halfwidth Hangul
    [InlineData("ก")]   // Thai
    [InlineData("א")]   // Hebrew
    [InlineData("💡")]
    [InlineData("䷀")]  // Yijing hexagrams sit between the CJK blocks but are symbols
    [InlineData(" ")]
    public void Other_scripts_are_not(string character) =>
        TextScripts.IsCjk(Rune.GetRuneAt(character, 0).Value).ShouldBeFalse();

    [Theory]
    [InlineData("(", true)]
    [InlineData("[", true)]
    [InlineData("（", true)]
    [InlineData("「", true)]
    [InlineData("“", true)]
    [InlineData("«", true)]
    [InlineData(")", false)]
    [InlineData("」", false)]
    [InlineData("”", false)]
    [InlineData("a", false)]
    public void Opening_brackets_and_initial_quotes_open(string character, bool opens) =>
        TextScripts.IsOpening(Rune.GetRuneAt(character, 0).Value).ShouldBe(opens);

    [Fact]
    public void Invalid_code_points_are_neither()
    {
        TextScripts.IsOpening(0xD800).ShouldBeFalse();
        TextScripts.FirstCodePoint("\uD800x").ShouldBe(0xFFFD);
        TextScripts.FirstCodePoint(string.Empty).ShouldBe(0xFFFD);
    }
}
