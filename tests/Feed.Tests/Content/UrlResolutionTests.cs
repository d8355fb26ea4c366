using Feed.Content;

namespace Feed.Tests.Content;

public sealed class UrlResolutionTests
{
    [Theory]
    [InlineData("pic.png", "https://example.org/posts/nice-flow/pic.png")]
    [InlineData("./pic.png", "https://example.org/posts/nice-flow/pic.png")]
    [InlineData("../images/pic.png", "https://example.org/posts/images/pic.png")]
    [InlineData("../../../../pic.png", "https://example.org/pic.png")]
    [InlineData("a/./b/../c.png", "https://example.org/posts/nice-flow/a/c.png")]
    [InlineData("a/..", "https://example.org/posts/nice-flow/")]
    [InlineData("/images/pic.png", "https://example.org/images/pic.png")]
    [InlineData("/a/b/../c.png", "https://example.org/a/c.png")]
    [InlineData("//cdn.example.net/x.png", "https://cdn.example.net/x.png")]
    [InlineData("?page=2", "https://example.org/posts/nice-flow/?page=2")]
    [InlineData("../x.png?v=1#top", "https://example.org/posts/x.png?v=1#top")]
    [InlineData("  pic.png\n", "https://example.org/posts/nice-flow/pic.png")]
    [InlineData("https://other.example/x.png", "https://other.example/x.png")]
    [InlineData("HTTP://Other.Example/../x", "HTTP://Other.Example/../x")]
    [InlineData("mailto:me@example.org", "mailto:me@example.org")]
    [InlineData("tel:+4912345", "tel:+4912345")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", "data:image/png;base64,iVBORw0KGgo=")]
    public void Src_is_resolved_against_the_post_url(string src, string expected) =>
        ContentHtml.FromHtml($"<img src=\"{src}\">").ShouldBe($"<img src=\"{expected}\">");

    [Theory]
    [InlineData("ftp://files.example/a")]
    [InlineData("ws://x.example/")]
    [InlineData("data:image/bmp;base64,Qk0=")]
    public void A_source_outside_the_allowed_schemes_is_dropped(string src) =>
        ContentHtml.FromHtml($"<img src=\"{src}\" alt=\"a\">").ShouldBe("<img alt=\"a\">");

    [Theory]
    [InlineData("#fn:1", "https://example.org/posts/nice-flow/#user-content-fn:1")]
    [InlineData("#", "https://example.org/posts/nice-flow/#")]
    [InlineData("", "https://example.org/posts/nice-flow/")]
    public void Same_document_links_lead_to_the_post(string href, string expected) =>
        ContentHtml.FromHtml($"<a href=\"{href}\">x</a>").ShouldBe($"<a href=\"{expected}\">x</a>");

    [Fact]
    public void A_fragment_link_replaces_the_fragment_and_keeps_the_query_of_the_post_url() =>
        ContentHtml.FromHtml("<a href=\"#fn1\">1</a>", "https://example.org/p?id=7#top")
            .ShouldBe("<a href=\"https://example.org/p?id=7#user-content-fn1\">1</a>");

    [Fact]
    public void Svg_references_inside_the_document_stay_fragments_prefixed_like_the_ids()
    {
        const string Svg = "<svg><use href=\"#icon\" xlink:href=\"#icon\"></use><image href=\"i.png\"></image></svg>";
        ContentHtml.FromHtml(Svg).ShouldBe(
            "<svg><use href=\"#user-content-icon\" xlink:href=\"#user-content-icon\"></use><image href=\"https://example.org/posts/nice-flow/i.png\"></image></svg>");
    }

    [Fact]
    public void Protocol_relative_urls_take_the_scheme_of_the_post() =>
        ContentHtml.FromHtml("<img src=\"//cdn.example.net/x.png\">", "http://example.org/p/")
            .ShouldBe("<img src=\"http://cdn.example.net/x.png\">");

    [Fact]
    public void A_post_url_without_a_trailing_slash_resolves_against_its_directory() =>
        ContentHtml.FromHtml("<a href=\"other\">o</a><a href=\"#s\">s</a>", "https://example.org/posts/nice-flow.html")
            .ShouldBe("<a href=\"https://example.org/posts/other\">o</a><a href=\"https://example.org/posts/nice-flow.html#user-content-s\">s</a>");

    [Theory]
    [InlineData("poster", "video", "poster.jpg", "https://example.org/posts/nice-flow/poster.jpg")]
    [InlineData("cite", "blockquote", "/sources/1", "https://example.org/sources/1")]
    [InlineData("src", "track", "/a.vtt", "https://example.org/a.vtt")]
    [InlineData("cite", "del", "why.html", "https://example.org/posts/nice-flow/why.html")]
    public void Poster_cite_and_other_url_attributes_are_resolved(string attribute, string element, string value, string expected) =>
        ContentHtml.FromHtml($"<{element} {attribute}=\"{value}\"></{element}>")
            .ShouldBe($"<{element} {attribute}=\"{expected}\"{(element is "video" ? " controls" : "")}>{(element is "track" ? "" : $"</{element}>")}");

    [Fact]
    public void Every_url_in_srcset_is_resolved_and_descriptors_kept() =>
        ContentHtml.FromHtml("<img srcset=\"a.png 1x,  /b.png 2x,//cdn.example.net/c.png 640w , https://x.example/d.png\">")
            .ShouldBe("<img srcset=\"https://example.org/posts/nice-flow/a.png 1x, https://example.org/b.png 2x, https://cdn.example.net/c.png 640w, https://x.example/d.png\">");

    [Fact]
    public void Srcset_keeps_commas_inside_urls_and_drops_trailing_ones() =>
        ContentHtml.FromHtml("<source srcset=\"x,y.png 2x, z.png,\">")
            .ShouldBe("<source srcset=\"https://example.org/posts/nice-flow/x,y.png 2x, https://example.org/posts/nice-flow/z.png\">");

    [Fact]
    public void Srcset_with_character_references_is_decoded_resolved_and_escaped_again() =>
        ContentHtml.FromHtml("<img srcset=\"a.png?w=1&amp;h=2 1x,b&#46;png 2x\">")
            .ShouldBe("<img srcset=\"https://example.org/posts/nice-flow/a.png?w=1&amp;h=2 1x, https://example.org/posts/nice-flow/b.png 2x\">");

    [Fact]
    public void Character_references_in_a_url_are_decoded_and_the_url_written_escaped()
    {
        // Markdig writes '&' in URLs as "&amp;"; a reader decodes the value, and so does the sanitiser, which writes
        // the URL it judged, escaped again: what the reader decodes is exactly the resolved URL.
        ContentHtml.FromHtml("<a href=\"../q?a=1&amp;b=2\">q</a>")
            .ShouldBe("<a href=\"https://example.org/posts/q?a=1&amp;b=2\">q</a>");
        // A '#' spelled as a reference is read as one: the fragment is prefixed like any other.
        ContentHtml.FromHtml("<a href=\"&#35;fn1\">1</a>")
            .ShouldBe("<a href=\"https://example.org/posts/nice-flow/#user-content-fn1\">1</a>");
        ContentHtml.FromHtml("<img src=\"&#x2F;&#x2F;cdn.example.net/x.png\">")
            .ShouldBe("<img src=\"https://cdn.example.net/x.png\">");
        // Controls a reference can spell, which XML cannot carry, are percent-encoded as the URL parser would; the
        // tab and newlines it ignores go, and so do the controls and spaces it strips at either end.
        ContentHtml.FromHtml("<a href=\"&#7;x&#7;y&Tab;z&NewLine;&#x81;&#xFFFE;&#32;\">q</a>")
            .ShouldBe("<a href=\"https://example.org/posts/nice-flow/x%07yz%C2%81%EF%BF%BE\">q</a>");
        ContentHtml.FromHtml("<a href=\"jav&#1;ascript:alert(1)\">q</a>")
            .ShouldBe("<a href=\"https://example.org/posts/nice-flow/jav%01ascript:alert(1)\">q</a>");
    }

    [Fact]
    public void A_reference_the_post_url_contributes_an_ampersand_to_is_escaped() =>
        ContentHtml.FromHtml("<a href=\"#x\">x</a>", "https://example.org/p?a=1&b=2")
            .ShouldBe("<a href=\"https://example.org/p?a=1&amp;b=2#user-content-x\">x</a>");

    [Fact]
    public void Unquoted_and_single_quoted_values_are_written_double_quoted() =>
        ContentHtml.FromHtml("<a href=pic.png title='say \"hi\"'>x</a>")
            .ShouldBe("<a href=\"https://example.org/posts/nice-flow/pic.png\" title=\"say &quot;hi&quot;\">x</a>");

    [Fact]
    public void Non_url_attributes_are_not_resolved() =>
        ContentHtml.FromHtml("<img alt=\"pic.png\" class=\"language-pic.png\" title=\"lazy.png\">")
            .ShouldBe("<img alt=\"pic.png\" class=\"language-pic.png\" title=\"lazy.png\">");

    [Fact]
    public void Markdown_links_images_and_footnotes_are_resolved()
    {
        string html = ContentHtml.FromMarkdown("See [the other post](../other/) and ![chart](chart.png \"Chart\").[^1]\n\n[^1]: A note.\n");
        html.ShouldContain("<a href=\"https://example.org/posts/other/\">the other post</a>");
        html.ShouldContain("<img src=\"https://example.org/posts/nice-flow/chart.png\" alt=\"chart\" title=\"Chart\" />");
        html.ShouldContain("href=\"https://example.org/posts/nice-flow/#user-content-fn:1\"");
        html.ShouldContain("href=\"https://example.org/posts/nice-flow/#user-content-fnref:1\"");
        html.ShouldNotContain("href=\"#");
    }

    [Fact]
    public void Raw_html_inside_markdown_is_resolved_too()
    {
        string html = ContentHtml.FromMarkdown("Text with <img src=\"raw.png\"> inline.\n\n<figure><img src=\"/fig.png\" srcset=\"fig@2x.png 2x\"></figure>\n");
        html.ShouldContain("<img src=\"https://example.org/posts/nice-flow/raw.png\">");
        html.ShouldContain("<figure><img src=\"https://example.org/fig.png\" srcset=\"https://example.org/posts/nice-flow/fig@2x.png 2x\"></figure>");
    }

    [Fact]
    public void A_relative_post_url_is_rejected()
    {
        var post = ContentHtml.Post("<a href=\"x\">x</a>", PostBodyFormat.Html) with { Url = new Uri("posts/x/", UriKind.Relative) };
        Should.Throw<ArgumentException>(() => Feed.Content.HtmlContentRenderer.Instance.Render(post))
            .Message.ShouldContain("not absolute");
    }

    // Defence in depth: the options refuse a post URL that is not http(s), and the sanitiser never resolves against
    // one either (a javascript: base would turn "#fn1" into a script URL).
    [Theory]
    [InlineData("javascript:alert(1)//x")]
    [InlineData("data:text/html,x")]
    [InlineData("file:///home/me/post.html")]
    public void Relative_references_are_not_resolved_against_a_post_url_that_is_not_http(string postUrl) =>
        HtmlSanitizer.Sanitize("<a href=\"x\">x</a><a href=\"#f\">f</a><a href=\"\">e</a><img src=\"a.png\" alt=\"a\"><a href=\"https://ok.example/\">ok</a>", new Uri(postUrl))
            .ShouldBe("xfe<img alt=\"a\"><a href=\"https://ok.example/\">ok</a>");
}
