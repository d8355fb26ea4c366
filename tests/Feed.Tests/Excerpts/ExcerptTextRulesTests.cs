using Feed.Excerpts;
using Feed.Internal;

namespace Feed.Tests.Excerpts;

/// <summary>
/// The text rules an example in <c>Specs/ExcerptSpecs.md</c> cannot show: characters a page cannot hold (lone
/// surrogates, controls in the result), and agreements between readers.
/// </summary>
public sealed class ExcerptTextRulesTests
{
    private static readonly ExcerptGenerator Generator = new();

    private static string Markdown(string body) => Generator.ToPlainText(body);

    private static string Html(string body) => Generator.ToPlainText(body, PostBodyFormat.Html);

    [Fact]
    public void Characters_xml_forbids_are_removed()
    {
        // C0 controls but tab/LF/CR and the word-separating form feed and vertical tab, U+FFFE, U+FFFF, and lone
        // surrogates (a low one first, then a high one at the end).
        string forbidden = "\u0001\u0008\u000E\u001F\uFFFE\uFFFF\uDC00";
        Markdown($"a{forbidden}b\uD800").ShouldBe("ab");
        Html($"<p>a{forbidden}b\u0000</p>\uD800").ShouldBe("ab");
        Html("a&#1;b&#xFFFE;c").ShouldBe("abc");
        Html("&#xD800;").ShouldBe("\uFFFD"); // a reference to a surrogate is no character: U+FFFD, as in a browser
        Markdown("&#xD800;").ShouldBe("\uFFFD");
        new ExcerptGenerator().FromMarkdown($"x{forbidden}y").Text.ShouldBe("xy");
    }

    [Theory]
    [InlineData('\f')]
    [InlineData('\v')]
    [InlineData('\u0085')]
    [InlineData('\u2028')]
    [InlineData('\u2029')]
    public void Controls_that_separate_words_are_a_space_in_excerpts_and_in_every_feed_text(char separator)
    {
        Markdown($"form{separator}feed").ShouldBe("form feed");
        Markdown($"中文{separator}中文").ShouldBe("中文 中文");
        Html($"<p>form{separator}feed</p>").ShouldBe("form feed");
        FeedText.Clean($"a{separator}b").ShouldBe("a b"); // titles, names, categories and the content HTML
        FeedText.Clean($"a{separator}\u0001{separator}b").ShouldBe("a  b");
    }

    [Fact]
    public void Markdown_reads_nul_as_the_replacement_character() =>
        Markdown("a\u0000b").ShouldBe("a\uFFFDb"); // CommonMark 0.31 §2.3: U+0000 is replaced with U+FFFD

    [Fact]
    public void Allowed_controls_and_astral_characters_are_kept() => Markdown("a\u007Fb 😀 𝑥").ShouldBe("a\u007Fb 😀 𝑥");

    [Fact]
    public void Html_body_and_markdown_raw_html_agree() =>
        Html("<div>A <b>b</b> &amp; <!-- c --> d</div>").ShouldBe(Markdown("<div>A <b>b</b> &amp; <!-- c --> d</div>"));
}
