using Feed.Excerpts;
using Feed.Internal;

namespace Feed.Tests.Excerpts;

/// <summary>What the text is: one test per rule of issue 2's "what the text is" list (the spec file shows more examples).</summary>
public sealed class ExcerptTextRulesTests
{
    private static readonly ExcerptGenerator Generator = new();

    private static string Markdown(string body) => Generator.ToPlainText(body);

    private static string Html(string body) => Generator.ToPlainText(body, PostBodyFormat.Html);

    [Fact]
    public void Headings_paragraphs_list_items_quotes_and_cells_come_in_document_order_joined_by_one_space() =>
        Markdown("# H\n\nP\n\n- L1\n- L2\n\n> Q\n\n| C1 | C2 |\n|---|---|\n| C3 | C4 |").ShouldBe("H P L1 L2 Q C1 C2 C3 C4");

    [Fact]
    public void Link_text_is_kept_and_the_url_is_not() =>
        Markdown("[text](https://x.org \"title\") and [ref][r]\n\n[r]: https://y.org").ShouldBe("text and ref");

    [Fact]
    public void An_autolink_reads_as_its_url() =>
        Markdown("<https://x.org/a?b=c> https://y.org <me@x.org>").ShouldBe("https://x.org/a?b=c https://y.org me@x.org");

    [Fact]
    public void Inline_code_keeps_its_text_verbatim() => Markdown("Use `a  *b*  &amp;` here").ShouldBe("Use a *b* &amp; here");

    [Fact]
    public void Emphasis_markers_go() => Markdown("*a* _b_ **c** __d__ ~~e~~ ***f***").ShouldBe("a b c d e f");

    [Fact]
    public void Images_go_with_their_alt_text_even_inside_links() =>
        Markdown("A ![alt text](a.png) B [![logo](l.png) Home](/) C").ShouldBe("A B Home C");

    [Fact]
    public void Fenced_and_indented_code_blocks_and_diagrams_go() =>
        Markdown("A\n\n```cs\nvar x = 1;\n```\n\n    indented\n\n```mermaid\ngraph\n```\n\nB").ShouldBe("A B");

    [Fact]
    public void Html_comments_go() => Markdown("A <!-- inline --> B\n\n<!--\nblock\n-->\n\nC").ShouldBe("A B C");

    [Fact]
    public void Footnote_references_and_definitions_go() =>
        Markdown("Claim[^a] and more[^b].\n\n[^a]: First note.\n\n[^b]: Second\n    note.").ShouldBe("Claim and more.");

    [Fact]
    public void Link_reference_definitions_go() => Markdown("[x]: https://x.org\n\nText [x]").ShouldBe("Text x");

    [Fact]
    public void Thematic_breaks_go() => Markdown("A\n\n---\n\nB\n\n***\n\nC\n\n___").ShouldBe("A B C");

    [Fact]
    public void Front_matter_goes() => Markdown("---\ntitle: T\nsummary: S\n---\n# Body").ShouldBe("Body");

    [Fact]
    public void Task_list_check_boxes_go() => Markdown("- [ ] todo\n- [x] done").ShouldBe("todo done");

    [Fact]
    public void Abbreviations_keep_their_text_and_definitions_go() =>
        Markdown("*[HTML]: Hyper Text Markup Language\n\nThe HTML spec").ShouldBe("The HTML spec");

    [Fact]
    public void Raw_html_tags_go_and_their_text_stays() =>
        Markdown("A <span class=\"x\">b <em>c</em></span> <kbd>d</kbd>").ShouldBe("A b c d");

    [Theory]
    [InlineData("<script>alert('<b>x</b>')</script>")]
    [InlineData("<style>p { color: red }</style>")]
    [InlineData("<noscript>Enable JavaScript</noscript>")]
    [InlineData("<template><p>t</p></template>")]
    [InlineData("<iframe src=\"x\">fallback</iframe>")]
    [InlineData("<object data=\"x\"><p>fallback</p></object>")]
    [InlineData("<svg viewBox=\"0 0 1 1\"><text>label</text><svg><text>nested</text></svg></svg>")]
    [InlineData("<video controls>Your browser</video>")]
    [InlineData("<SCRIPT type=\"x\">upper case</SCRIPT >")]
    public void Non_text_elements_go_whole(string element)
    {
        Markdown($"Before {element} after").ShouldBe("Before after");
        Html($"<p>Before {element} after</p>").ShouldBe("Before after");
    }

    [Fact]
    public void A_script_split_into_inline_nodes_by_markdown_still_goes_whole() =>
        Markdown("A <script>var *x* = [1](2);</script> B").ShouldBe("A B");

    [Fact]
    public void Html_entities_are_decoded() =>
        Markdown("&gt; &amp; &lt; &quot; &copy; &#65; &#x42; &hellip;").ShouldBe("> & < \" © A B …");

    [Fact]
    public void Entities_inside_html_blocks_are_decoded_once() =>
        Markdown("<div>\nA &amp;amp; B &lt;i&gt;\n</div>").ShouldBe("A &amp; B <i>");

    [Fact]
    public void Inline_math_becomes_the_math_placeholder() => Markdown("Let $x^2 + y$ be").ShouldBe("Let [Math] be");

    [Fact]
    public void Display_math_becomes_the_display_placeholder_as_a_block_and_inline()
    {
        var generator = new ExcerptGenerator(new ExcerptOptions { MathPlaceholder = "(m)", DisplayMathPlaceholder = "(D)" });

        generator.ToPlainText("A $x$ B $$y$$ C\n\n$$\nz\n$$\n\nD").ShouldBe("A (m) B (D) C (D) D");
        generator.ToPlainText("<p>A <math><mi>x</mi></math> B</p><math display=\"block\"><mi>y</mi></math>C", PostBodyFormat.Html)
            .ShouldBe("A (m) B (D) C");
    }

    [Fact]
    public void Empty_math_placeholders_drop_math() =>
        new ExcerptGenerator(new ExcerptOptions { MathPlaceholder = "", DisplayMathPlaceholder = "" })
            .ToPlainText("A $x$ B\n\n$$\ny\n$$\n\nC").ShouldBe("A B C");

    [Fact]
    public void Dollar_amounts_are_not_math() => Markdown("It costs $5 and $10.").ShouldBe("It costs $5 and $10.");

    [Fact]
    public void Every_run_of_white_space_is_one_space_and_the_ends_are_trimmed() =>
        Markdown("  a \t b  \n   c\u00A0\u00A0d\u2003e\u3000f  ").ShouldBe("a b c d e f");

    [Theory]
    [InlineData("中文\n中文", "中文中文")]                // Han
    [InlineData("ひらがな\nカタカナ", "ひらがなカタカナ")] // kana
    [InlineData("句子。\n下一句", "句子。下一句")]        // CJK punctuation
    [InlineData("全角！\n（括弧）", "全角！（括弧）")]    // fullwidth forms
    [InlineData("𠀀\n𠀁", "𠀀𠀁")]                        // Extension B, outside the BMP
    [InlineData("中文  \n中文", "中文中文")]              // a hard break too
    [InlineData("中文\nEnglish", "中文 English")]         // CJK next to Latin: a space
    [InlineData("English\n中文", "English 中文")]
    [InlineData("한국어\n문장", "한국어 문장")]            // Korean separates words with spaces
    public void A_line_break_between_two_cjk_characters_is_nothing(string markdown, string expected) =>
        Markdown(markdown).ShouldBe(expected);

    [Fact]
    public void A_line_break_in_html_text_or_a_br_between_cjk_characters_is_nothing_but_blocks_still_separate() =>
        Html("<p>中文\n中文<br>中文</p><p>新段落</p>").ShouldBe("中文中文中文 新段落");

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
    public void An_html_body_gets_the_same_treatment_and_block_elements_separate_words()
    {
        Html("<h1>Title</h1><p>One<br>two</p><ul><li>three</li><li>four</li></ul><table><tr><td>5</td><td>6</td></tr></table>")
            .ShouldBe("Title One two three four 5 6");
        Html("<b>in</b><i>line</i> <span>el</span>ements").ShouldBe("inline elements");
    }

    [Fact]
    public void Html_body_and_markdown_raw_html_agree() =>
        Html("<div>A <b>b</b> &amp; <!-- c --> d</div>").ShouldBe(Markdown("<div>A <b>b</b> &amp; <!-- c --> d</div>"));
}
