using Feed.Content;
using Feed.Html;

namespace Feed.Tests.Content;

public sealed class CharacterReferencesTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("&#106;&#x61;&#X76;", "jav")]
    [InlineData("&#106&#x61x", "ja" + "x")]
    [InlineData("a&colon;b&Tab;c&NewLine;d&sol;&num;&quest;&fjlig;", "a:b\tc\nd/#?fj")]
    [InlineData("&amp;&AMP;&lt;&gt;&quot;&apos;", "&&<>\"'")]
    [InlineData("&amp x&lt", "& x<")]
    [InlineData("&ampx &amp=1 &lt2", "&ampx &amp=1 &lt2")]
    [InlineData("&eacute; &unknown; & &# &#x &#xZ;", "é &unknown; & &# &#x &#xZ;")]
    [InlineData("&check; &lowbar;x &CounterClockwiseContourIntegral; &NotNestedGreaterGreater;", "✓ _x ∳ \u2AA2\u0338")]
    [InlineData("?a=1&copy=2&not;&notit;&copy", "?a=1&copy=2¬&notit;©")]
    [InlineData("&#0;&#xD800;&#x110000;&#99999999999;", "\uFFFD\uFFFD\uFFFD\uFFFD")]
    [InlineData("&#x80;&#150;&#x81;", "\u20AC\u2013\u0081")]
    [InlineData("&#x1F4A1;", "💡")]
    public void Decodes_as_a_browser_does_in_attribute_values(string value, string expected)
    {
        var buffer = new CharBuffer(4);
        try
        {
            CharacterReferences.Decode(value, ref buffer);
            buffer.Written.ToString().ShouldBe(expected);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    [Theory]
    [InlineData("&ampx &amp=1 &lt2 &notit; &copy2024", "&x &=1 <2 ¬it; ©2024")]
    [InlineData("&#x80;&#150; &Tab; &unknown; &#;", "\u20AC\u2013 \t &unknown; &#;")]
    public void Decodes_text_as_a_browser_does(string text, string expected) =>
        CharacterReferences.DecodeText(text).ShouldBe(expected);

    [Fact]
    public void Knows_the_106_legacy_names_that_need_no_semicolon() =>
        CharacterReferences.LegacyNameCount.ShouldBe(106);
}
