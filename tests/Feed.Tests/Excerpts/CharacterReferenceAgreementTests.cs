using System.Collections;
using System.Globalization;
using System.Reflection;
using AngleSharp.Html.Parser;
using Feed.Excerpts;
using Feed.Html;
using Markdig.Helpers;

namespace Feed.Tests.Excerpts;

/// <summary>
/// One character-reference decoder for HTML and Markdown bodies: the same reference reads the same in both, and the
/// same as in a browser (AngleSharp, an independent HTML5 parser, is the browser here).
/// </summary>
public sealed class CharacterReferenceAgreementTests
{
    private static readonly ExcerptGenerator Excerpts = new(new ExcerptOptions { Length = 10_000 });

    /// <summary>Every name of the WHATWG table (without its ';'), from the copy Markdig ships.</summary>
    private static readonly Lazy<string[]> Names = new(() =>
    {
        // EntityHelper's table is not public: read its keys by reflection. Should Markdig rename it, this says so.
        object map = typeof(EntityHelper).GetField("EntityMap", BindingFlags.Static | BindingFlags.NonPublic)?.GetValue(null)
            ?? throw new InvalidOperationException("Markdig's EntityHelper.EntityMap is gone: update this test's source of names.");
        var keys = (IEnumerable)map.GetType().GetProperty("Keys")!.GetValue(map)!;
        return [.. keys.Cast<string>().Order(StringComparer.Ordinal)];
    });

    [Fact]
    public void The_whole_whatwg_table_is_known()
    {
        // 2,231 names, 106 of them also without ';' (https://html.spec.whatwg.org/entities.json).
        Names.Value.Length.ShouldBe(2231 - 106);
        CharacterReferences.LegacyNameCount.ShouldBe(106);
    }

    [Fact]
    public void Every_named_reference_reads_the_same_in_html_and_markdown_bodies()
    {
        foreach (string name in Names.Value)
        {
            string body = $"a &{name}; b";
            string html = Excerpts.ToPlainText(body, PostBodyFormat.Html);
            string markdown = Excerpts.ToPlainText(body, PostBodyFormat.Markdown);
            markdown.ShouldBe(html, $"&{name};");
        }
    }

    [Fact]
    public void Every_numeric_reference_both_syntaxes_know_reads_the_same_in_html_and_markdown_bodies()
    {
        // CommonMark knows up to 7 decimal or 6 hex digits with ';': those, over the first planes and the edges.
        IEnumerable<int> codePoints = Enumerable.Range(0, 0x3000)
            .Concat([0xD7FF, 0xD800, 0xDFFF, 0xE000, 0xFDD0, 0xFFFD, 0xFFFE, 0xFFFF, 0x1F4A1, 0x10FFFF, 0x110000, 0xFFFFFF]);
        foreach (int codePoint in codePoints)
        {
            foreach (string reference in (string[])[$"&#{codePoint};", string.Create(CultureInfo.InvariantCulture, $"&#x{codePoint:X};")])
            {
                if (reference.Length > "&#1234567;".Length)
                {
                    continue; // more digits than CommonMark's numeric references have: text in Markdown
                }

                string body = $"a {reference} b";
                string html = Excerpts.ToPlainText(body, PostBodyFormat.Html);
                string markdown = Excerpts.ToPlainText(body, PostBodyFormat.Markdown);
                markdown.ShouldBe(html, reference);
            }
        }
    }

    [Fact]
    public void Every_named_reference_decodes_as_in_a_browser()
    {
        var parser = new HtmlParser();
        foreach (string name in Names.Value)
        {
            // Text after the reference that could extend a name: the browser's longest match must be ours too.
            string text = $"&{name};x &{name}x";
            string browser = parser.ParseDocument("<p>" + text + "</p>").QuerySelector("p")!.TextContent;
            CharacterReferences.DecodeText(text).ShouldBe(browser, text);
        }
    }

    [Theory]
    [InlineData("Tick &check; &lowbar;x", "Tick ✓ _x")]
    [InlineData("Euro &#x80; and &#150; dash", "Euro € and – dash")]
    public void The_examples_that_disagreed_agree(string body, string expected)
    {
        Excerpts.ToPlainText(body, PostBodyFormat.Html).ShouldBe(expected);
        Excerpts.ToPlainText(body, PostBodyFormat.Markdown).ShouldBe(expected);
    }
}
