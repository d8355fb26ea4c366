using Feed.Content;
using Feed.Internal;
using Markdig;

namespace Feed.Tests.Content;

public sealed class TextAndRendererTests
{
    [Fact]
    public void Xml_forbidden_characters_are_removed_from_text_and_attributes()
    {
        string html = ContentHtml.FromHtml("<p title=\"a\u0001b\uFFFE\">x\u0000y\u000Bz\u001F\uFFFF \uD800lone \uDC00low</p>");
        html.ShouldBe("<p title=\"ab\">xy z lone low</p>"); // the vertical tab separates words: a space
        XmlChars.IsValid(html).ShouldBeTrue();
    }

    [Fact]
    public void Xml_forbidden_characters_spelled_as_references_in_a_srcset_do_not_come_back() =>
        ContentHtml.FromHtml("<img srcset=\"a&#7;b.png 2x, c&#xFFFE;.png\">")
            .ShouldBe("<img srcset=\"https://example.org/posts/nice-flow/a%07b.png 2x, https://example.org/posts/nice-flow/c%EF%BF%BE.png\">"); // as href and src: percent-encoded

    [Fact]
    public void Xml_forbidden_characters_are_removed_from_markdown_bodies() =>
        XmlChars.IsValid(ContentHtml.FromMarkdown("Terminal \u001B[31mred\u001B[0m and a bell\u0007.\n")).ShouldBeTrue();

    [Fact]
    public void Chinese_emoji_and_entities_in_text_come_through_untouched()
    {
        const string Html = "<p>中文标题：你好，世界！😀 👨‍👩‍👧 𝑥 &amp; &copy; &#x1F4A1; café</p>";
        ContentHtml.FromHtml(Html).ShouldBeSameAs(Html);
        ContentHtml.FromMarkdown("中文**加粗**😀 👨‍👩‍👧\n").ShouldBe("<p>中文<strong>加粗</strong>😀 👨‍👩‍👧</p>\n");
    }

    [Fact]
    public void Non_ascii_urls_keep_their_characters() =>
        ContentHtml.FromHtml("<img src=\"图片/猫.png\" alt=\"猫\">", "https://example.org/文章/")
            .ShouldBe("<img src=\"https://example.org/%E6%96%87%E7%AB%A0/图片/猫.png\" alt=\"猫\">");

    [Fact]
    public void Html_that_needs_nothing_is_returned_as_the_same_string()
    {
        const string Html = "<p>Already <a href=\"https://example.org/x\">absolute</a>.</p>\n<img src=\"https://example.org/a.png\" alt=\"a\" />";
        ContentHtml.FromHtml(Html).ShouldBeSameAs(Html);
    }

    [Fact]
    public void Markdown_is_rendered_with_the_shared_pipeline()
    {
        const string Markdown = "---\ntitle: front matter is not content\n---\n# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nH~2~O and ~~gone~~\n";
        string html = ContentHtml.FromMarkdown(Markdown);
        html.ShouldBe(Markdig.Markdown.ToHtml(Markdown, MarkdownPipelines.Default));
        html.ShouldNotContain("front matter");
        html.ShouldContain("<table>");
        html.ShouldContain("<sub>2</sub>");
        html.ShouldContain("<del>gone</del>");
    }

    [Fact]
    public void An_already_parsed_markdown_body_gives_the_same_html()
    {
        const string Markdown = "See [x](../x/) and[^1].\n\n<span onclick=\"x\">raw</span>\n\n[^1]: Note.\n";
        FeedPost post = ContentHtml.Post(Markdown, PostBodyFormat.Markdown);
        var parsed = Markdig.Markdown.Parse(Markdown, MarkdownPipelines.Default);
        string fromParsed = HtmlContentRenderer.Instance.Render(post, parsed);
        fromParsed.ShouldBe(HtmlContentRenderer.Instance.Render(post));
        fromParsed.ShouldContain("href=\"https://example.org/posts/x/\"");
        fromParsed.ShouldNotContain("onclick");
        // Rendering only reads the document: a second render of the same tree is identical.
        HtmlContentRenderer.Instance.Render(post, parsed).ShouldBe(fromParsed);
    }

    [Fact]
    public void A_parsed_document_is_ignored_for_html_bodies()
    {
        FeedPost post = ContentHtml.Post("<p>html body</p>", PostBodyFormat.Html);
        HtmlContentRenderer.Instance.Render(post, Markdig.Markdown.Parse("*other*", MarkdownPipelines.Default))
            .ShouldBe("<p>html body</p>");
    }

    [Fact]
    public void A_markdown_body_markdig_refuses_goes_out_as_preformatted_text()
    {
        string markdown = string.Concat(Enumerable.Repeat("> ", 20_000)) + "<script>x</script> & more";
        string html = ContentHtml.FromMarkdown(markdown);
        html.ShouldStartWith("<pre>&gt; &gt; ");
        html.ShouldEndWith("&gt; &lt;script&gt;x&lt;/script&gt; &amp; more</pre>");
    }

    [Fact]
    public void C1_controls_cannot_join_a_script_url_after_the_check()
    {
        // The writers remove U+007F–U+009F from every text (FeedText.Clean); the check must see the text as they
        // will leave it, or "java", U+0080, "script:" would become "javascript:" after it.
        string html = ContentHtml.FromHtml("<a href=\"java\u0080script:alert(1)\" title=\"x\u009Fy\">t\u007F</a><img srcset=\"a&#x81;.png\">");
        html.ShouldBe("t<img srcset=\"https://example.org/posts/nice-flow/a%C2%81.png\">"); // the link lost its href: unwrapped
        FeedText.Clean(html).ShouldBeSameAs(html);
    }

    [Fact]
    public void Html_bodies_are_not_treated_as_markdown() =>
        ContentHtml.FromHtml("<p>*not emphasis* and a_b_c</p>").ShouldBe("<p>*not emphasis* and a_b_c</p>");

    [Fact]
    public void An_unknown_body_format_is_rejected() =>
        Should.Throw<ArgumentException>(() => HtmlContentRenderer.Instance.Render(ContentHtml.Post("x", (PostBodyFormat)7)));

    [Fact]
    public void A_null_post_is_rejected() =>
        Should.Throw<ArgumentNullException>(() => HtmlContentRenderer.Instance.Render(null!));

    [Theory]
    [InlineData("<p>Hi <a href=\"../x/\">x</a> <img srcset=\"a.png 1x, b.png 2x\" src=//cdn.example.net/c.png></p><script>x</script>")]
    [InlineData("<P CLASS=lead>a<BR/>b<Input Disabled type=checkbox><hr   /></P ><!-- c -->1 < 2")]
    [InlineData("<a href=\"&#35;fn1\" title='&quot;q&quot; &eacute;'>1</a><img srcset=\"a.png?w=1&amp;h=2 1x,b&#46;png 2x\">")]
    [InlineData("<svg><use href=\"#i\"></use></svg><a href>same page</a><a href=\"\">too</a>")]
    public void Sanitising_twice_changes_nothing_more(string html)
    {
        string once = ContentHtml.FromHtml(html);
        ContentHtml.FromHtml(once).ShouldBe(once);
    }

    [Fact]
    public void Rendering_a_markdown_post_twice_gives_the_same_html()
    {
        const string Markdown = "# T\n\n[a](a/) ![b](b.png) <b onclick=x>c</b>[^1]\n\n[^1]: n\n";
        ContentHtml.FromMarkdown(Markdown).ShouldBe(ContentHtml.FromMarkdown(Markdown));
        string once = ContentHtml.FromMarkdown(Markdown);
        ContentHtml.FromHtml(once).ShouldBe(once);
    }

    [Fact]
    public void Rendering_is_safe_from_many_threads_at_once()
    {
        string[] expected = Enumerable.Range(0, 64)
            .Select(i => ContentHtml.FromMarkdown($"Post {i}: [link](p{i}.html) <script>{i}</script>\n"))
            .ToArray();
        string[] actual = new string[expected.Length];
        Parallel.For(0, expected.Length, i => actual[i] = ContentHtml.FromMarkdown($"Post {i}: [link](p{i}.html) <script>{i}</script>\n"));
        actual.ShouldBe(expected);
        actual[5].ShouldBe("<p>Post 5: <a href=\"https://example.org/posts/nice-flow/p5.html\">link</a> </p>\n");
    }

    [Fact]
    public void A_long_body_with_many_urls_grows_the_buffers_correctly()
    {
        var builder = new System.Text.StringBuilder();
        for (int i = 0; i < 2000; i++)
        {
            builder.Append("<a href=\"p").Append(i).Append("\">中文").Append(i).Append("</a>");
        }

        string html = ContentHtml.FromHtml(builder.ToString());
        html.Length.ShouldBeGreaterThan(builder.Length);
        html.ShouldStartWith("<a href=\"https://example.org/posts/nice-flow/p0\">中文0</a>");
        html.ShouldEndWith("<a href=\"https://example.org/posts/nice-flow/p1999\">中文1999</a>");
    }
}
