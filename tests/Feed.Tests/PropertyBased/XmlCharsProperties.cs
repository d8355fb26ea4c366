using System.Text;
using CsCheck;
using Feed.Internal;

namespace Feed.Tests.PropertyBased;

/// <summary>The shared XML character filter (and the writers' stricter one) against a plain reading of XML 1.0 §2.2.</summary>
public sealed class XmlCharsProperties
{
    private static readonly Gen<string> Text = Gen.String[
        Gen.OneOf<char>(Gen.Char['\u0000', '\uFFFF'], Gen.Char['\u0000', '\u00A0'], Gen.Char['\uD7F0', '\uFFFF'], Gen.Char["a中\t\n\r\f\v\u0085\u2028\u2029"]), 0, 300];

    [Fact]
    public void Clean_keeps_exactly_the_xml_characters() =>
        Text.Sample(text =>
        {
            string expected = Reference(text, discourageC1: false);
            XmlChars.Clean(text).ShouldBe(expected);
            XmlChars.IsValid(text).ShouldBe(expected == text);
        });

    [Fact]
    public void Feed_text_also_drops_the_c1_controls_and_makes_word_separators_a_space() =>
        Text.Sample(text => FeedText.Clean(text).ShouldBe(Reference(text, discourageC1: true)));

    // XML 1.0 §2.2 [2] Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF], by code point.
    private static string Reference(string text, bool discourageC1)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text, i, 2);
                i++;
                continue;
            }

            char c = text[i];
            if (discourageC1 && c is '\f' or '\v' or '\u0085' or '\u2028' or '\u2029')
            {
                builder.Append(' '); // controls that separate words stay a space between them
                continue;
            }

            bool xml = c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (xml && !(discourageC1 && c >= 0x7F && c <= 0x9F))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
