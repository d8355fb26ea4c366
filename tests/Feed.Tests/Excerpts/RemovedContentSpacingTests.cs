using CsCheck;
using Feed.Excerpts;

namespace Feed.Tests.Excerpts;

/// <summary>
/// Removed inline content (images, footnote references, comments, script and the like) leaves no space before closing
/// punctuation, and never glues the words on either side of it together.
/// </summary>
public sealed class RemovedContentSpacingTests
{
    private static readonly ExcerptGenerator Generator = new();

    [Theory]
    [InlineData("The chart ![growth](a.png). It has more.", "The chart. It has more.")]
    [InlineData("A claim [^1], and more [^2]; and so on [^3]!\n\n[^1]: a\n[^2]: b\n[^3]: c", "A claim, and more; and so on!")]
    [InlineData("Two ![a](a.png) ![b](b.png): both gone.", "Two: both gone.")]
    [InlineData("(see ![x](x.png)) and [a ![y](y.png)].", "(see) and [a].")]
    [InlineData("Wait <!-- a note -->? Yes.", "Wait? Yes.")]
    [InlineData("Run it <script>go()</script>, then stop <style>p{}</style>.", "Run it, then stop.")]
    [InlineData("An inline <svg><text>no</text></svg>: drawing.", "An inline: drawing.")]
    [InlineData("A frame <iframe/>; done.", "A frame; done.")]
    [InlineData("HTML image <img src=\"a.png\" alt=\"a\">.", "HTML image.")]
    [InlineData("Over a line\n![x](x.png).", "Over a line.")]
    [InlineData("Linked [![badge](b.svg)](https://x.org).", "Linked.")]
    public void No_space_is_left_before_closing_punctuation(string markdown, string expected) =>
        Generator.ToPlainText(markdown).ShouldBe(expected);

    [Theory]
    [InlineData("如图 ![增长](a.png)。后面还有。", "如图。后面还有。")]
    [InlineData("参考 [^1]，然后继续 ![x](x.png)：结束\n\n[^1]: 注", "参考，然后继续：结束")]
    [InlineData("「引用 ![x](x.png)」と書いた 『本 ![y](y.png)』です。", "「引用」と書いた 『本』です。")]
    [InlineData("السؤال ![x](x.png)؟ نعم", "السؤال؟ نعم")]
    [InlineData("वाक्य ![x](x.png)। अगला", "वाक्य। अगला")]
    public void The_rule_holds_for_the_punctuation_of_other_scripts(string markdown, string expected) =>
        Generator.ToPlainText(markdown).ShouldBe(expected);

    [Theory]
    [InlineData("a ![x](y) b", "a b")]
    [InlineData("a![x](y)b", "ab")]
    [InlineData("a ![x](y)b", "a b")]
    [InlineData("a![x](y) b", "a b")]
    [InlineData("a <script>x</script> b", "a b")]
    [InlineData("a <img src=x> b", "a b")]
    [InlineData("a [^1] b\n\n[^1]: n", "a b")]
    [InlineData("中文 ![x](y) 中文", "中文 中文")]
    public void Words_on_either_side_are_never_glued_together(string markdown, string expected) =>
        Generator.ToPlainText(markdown).ShouldBe(expected);

    [Theory]
    [InlineData("Le graphique ![x](x.png) : voilà.", "Le graphique : voilà.")] // the space after the image is the author's
    [InlineData("Spaced ![x](x.png) .", "Spaced .")]
    [InlineData("Written as is .", "Written as is .")]
    [InlineData("Er sagte ![x](x.png) »Hallo«.", "Er sagte »Hallo«.")] // » opens a German quotation
    [InlineData("A paragraph ![x](x.png)\n\n. Next block", "A paragraph . Next block")] // blocks stay apart
    [InlineData("Price ![x](x.png) (about $5).", "Price (about $5).")] // opening punctuation keeps its space
    public void Spaces_the_author_wrote_stay(string markdown, string expected) =>
        Generator.ToPlainText(markdown).ShouldBe(expected);

    [Theory]
    [InlineData("<p>The chart <img src=\"a.png\">. More.</p>", "The chart. More.")]
    [InlineData("<p>Call <script>x()</script>, then <!-- c -->!</p>", "Call, then!")]
    [InlineData("<p>Keep <b>bold</b> .</p>", "Keep bold .")]
    public void Html_bodies_follow_the_same_rule(string html, string expected) =>
        Generator.ToPlainText(html, PostBodyFormat.Html).ShouldBe(expected);

    [Fact]
    public void The_excerpt_applies_the_rule_before_counting_and_cutting()
    {
        var generator = new ExcerptGenerator(new ExcerptOptions { Length = 10 });

        Excerpt excerpt = generator.FromMarkdown("The chart ![growth](a.png). It has more text.");

        excerpt.Text.ShouldBe("The chart....");
        excerpt.IsTruncated.ShouldBeTrue();
    }

    [Fact]
    public void Removed_content_before_closing_punctuation_never_leaves_a_space_and_never_glues_words()
    {
        Gen<string> word = Gen.OneOf(Gen.Char["abcxyz"].Array[1, 5].Select(cs => new string(cs)), Gen.OneOf("中文", "日本", "שלום", "💡"));
        Gen<string> removed = Gen.OneOf("![x](y.png)", "[^1]", "<!-- c -->", "<script>s()</script>", "<img src=\"i.png\">", "<iframe/>");
        Gen<string> punctuation = Gen.OneOf(".", ",", ";", ":", "!", "?", ")", "]", "」", "』", "。", "，", "、", "！", "？", "）");
        Gen<string> space = Gen.OneOf(" ", "  ", "\t"); // a line break before <script> or <!-- would start an HTML block

        Gen.Select(word, space, removed.Array[1, 3], punctuation, word).Sample((before, gap, removals, mark, after) =>
        {
            string joined = string.Join(string.Empty, removals);
            string body = $"{before}{gap}{joined}{mark} {after}\n\n[^1]: note";

            Generator.ToPlainText(body).ShouldBe($"{before}{mark} {after}", $"body: {body}");
        });

        Gen.Select(word, space, removed, space, word).Sample((before, gap1, removal, gap2, after) =>
        {
            string body = $"{before}{gap1}{removal}{gap2}{after}\n\n[^1]: note";

            Generator.ToPlainText(body).ShouldBe($"{before} {after}", $"body: {body}");
        });
    }
}
