using Feed.Excerpts;

namespace Feed.Tests.Excerpts;

/// <summary>The HTML-to-text routine on the HTML a real body holds, well-formed or not.</summary>
public sealed class HtmlTextReaderTests
{
    private static string Text(string html) => new ExcerptGenerator().ToPlainText(html, PostBodyFormat.Html);

    [Fact]
    public void A_quoted_attribute_may_hold_a_greater_than_sign() =>
        Text("<a title=\"a > b\" data-x='c > d' href=x>link</a> end").ShouldBe("link end");

    [Fact]
    public void Doctype_processing_instructions_and_cdata_go() =>
        Text("<!DOCTYPE html><?xml version=\"1.0\"?><p>a</p><![CDATA[b]]>c").ShouldBe("a c");

    [Fact]
    public void A_stray_less_than_sign_is_text() => Text("1 < 2 and 3 <4 and a <").ShouldBe("1 < 2 and 3 <4 and a <");

    [Fact]
    public void A_tag_cut_off_by_the_end_of_input_is_dropped() => Text("text <a href=\"x").ShouldBe("text");

    [Fact]
    public void An_unclosed_comment_runs_to_the_end() => Text("text <!-- never closed <p>hidden</p>").ShouldBe("text");

    [Fact]
    public void Abruptly_closed_comments_are_empty() => Text("a<!-->b<!--->c").ShouldBe("abc");

    [Fact]
    public void An_unclosed_script_hides_the_rest_as_a_browser_would() => Text("<p>a</p><script>var x = '<p>b</p>';").ShouldBe("a");

    [Fact]
    public void Raw_text_ends_only_at_its_own_end_tag() =>
        Text("<script>if (a</b) x = '</scripty>';</script>after").ShouldBe("after");

    [Fact]
    public void A_self_closed_non_text_element_hides_nothing() => Text("<iframe src=x /><svg/>visible").ShouldBe("visible");

    [Fact]
    public void Nested_skipped_elements_of_the_same_name_end_at_the_outer_end_tag() =>
        Text("<svg><svg></svg>hidden</svg>shown").ShouldBe("shown");

    [Fact]
    public void End_tags_without_start_tags_and_empty_end_tags_do_no_harm() => Text("a</span></>b</p>c").ShouldBe("ab c");

    [Fact]
    public void A_closing_br_is_a_line_break() => Text("a</br>b").ShouldBe("a b");

    [Fact]
    public void Unknown_entities_stay_as_written_and_legacy_ones_need_no_semicolon_as_in_a_browser() =>
        Text("&bogus; &amp &#; &copy 2024 &notit;").ShouldBe("&bogus; & &#; © 2024 ¬it;");

    [Fact]
    public void Nbsp_is_white_space() => Text("a&nbsp;&nbsp;b").ShouldBe("a b");

    [Fact]
    public void Preformatted_blocks_are_code_and_go_but_still_separate_words()
    {
        Text("Run<pre><code>npm i\n<b>x</b></code></pre>it").ShouldBe("Run it");
        Text("a<xmp><p>raw</p></xmp>b").ShouldBe("a b");
        new ExcerptGenerator().ToPlainText("Run\n\n<pre>\nnpm i\n</pre>\n\nit").ShouldBe("Run it");
    }

    [Fact]
    public void Inline_code_in_html_keeps_its_text() => Text("<p>Use <code>dotnet test</code> now</p>").ShouldBe("Use dotnet test now");
}
