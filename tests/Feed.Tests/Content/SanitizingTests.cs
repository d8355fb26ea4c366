using Feed.Content;

namespace Feed.Tests.Content;

public sealed class SanitizingTests
{
    [Theory]
    [InlineData("<p>a</p><script>alert(1)</script><p>b</p>", "<p>a</p><p>b</p>")]
    [InlineData("<p>a</p><SCRIPT type=\"text/javascript\">alert(1)</SCRIPT><p>b</p>", "<p>a</p><p>b</p>")]
    [InlineData("<p>a</p><ScRiPt>alert(1)</sCrIpT >b", "<p>a</p>b")]
    [InlineData("a<script src=\"https://evil.example/x.js\"></script>b", "ab")]
    [InlineData("a<script/src=\"x.js\">alert(1)</script>b", "ab")]
    [InlineData("a<script>if (a < b) { x = '</p>'; }</script>b", "ab")]
    [InlineData("a<script>document.write('<b>')</script >b", "ab")]
    [InlineData("a<script>not the end: </scripts> </script\tx=1>b", "ab")]
    [InlineData("<p>kept</p><script>never closed <p>shown</p>", "<p>kept</p>never closed <p>shown</p>")]
    [InlineData("<p>kept</p><script", "<p>kept</p>")]
    [InlineData("<p>kept</p><script src=\"x.js", "<p>kept</p>")]
    [InlineData("a</script>b", "ab")]
    public void Script_elements_are_removed_with_their_content(string html, string expected) =>
        ContentHtml.FromHtml(html).ShouldBe(expected);

    [Fact]
    public void Script_text_inside_attribute_values_is_escaped_not_executed() =>
        ContentHtml.FromHtml("<img alt=\"</script><script>alert(1)</script>\" title='<script>x</script>'>")
            .ShouldBe("<img alt=\"&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;\" title=\"&lt;script&gt;x&lt;/script&gt;\">");

    [Fact]
    public void A_script_split_by_a_forbidden_character_is_still_a_script() =>
        ContentHtml.FromHtml("a<scr\u0001ipt>alert(1)</script>b").ShouldBe("ab");

    [Theory]
    [InlineData("a<style>body{display:none}</style>b", "ab")]
    [InlineData("a<STYLE>p{}</style >b<style>never closed", "abnever closed")]
    [InlineData("a<object data=\"x.swf\"><param name=\"m\" value=\"x.swf\"><p>fallback</p></object>b", "a<p>fallback</p>b")]
    [InlineData("a<embed src=\"x.swf\">b<applet code=\"X\">no java</applet>", "abno java")]
    [InlineData("<base href=\"https://evil.example/\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\"><link rel=\"stylesheet\" href=\"x.css\">a", "a")]
    [InlineData("<frameset><frame src=\"x.html\"></frameset>", "")]
    [InlineData("<noscript><img src=\"https://example.org/real.png\"></noscript>", "<img src=\"https://example.org/real.png\">")]
    [InlineData("<html><head><title>T</title></head><body><p>x</p></body></html>", "<p>x</p>")]
    [InlineData("a<plaintext>b", "ab")]
    public void Active_elements_are_removed(string html, string expected) =>
        ContentHtml.FromHtml(html).ShouldBe(expected);

    [Theory]
    [InlineData("<p><iframe src=\"https://www.youtube.com/embed/x\" allowfullscreen></iframe></p>", "<p><a href=\"https://www.youtube.com/embed/x\">https://www.youtube.com/embed/x</a></p>")]
    [InlineData("<iframe title=\"A &amp; B <demo>\" src=\"/embed/1?a=1&amp;b=2\" onload=\"x()\">fallback <b>text</b></iframe>after", "<a href=\"https://example.org/embed/1?a=1&amp;b=2\">A &amp; B &lt;demo&gt;</a>after")]
    [InlineData("<IFRAME SRC=//player.example/v/1 src=\"https://evil.example/\"/>x</iframe >y", "<a href=\"https://player.example/v/1\">https://player.example/v/1</a>y")]
    [InlineData("a<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>b", "ab")]
    [InlineData("a<iframe src=\"javascript:alert(1)\"></iframe>b", "ab")]
    [InlineData("a<iframe src=\"  \"></iframe>b", "ab")]
    [InlineData("a<iframe src=\"https://x.example/\">never closed <script>alert(1)</script>", "a<a href=\"https://x.example/\">https://x.example/</a>never closed ")]
    [InlineData("a</iframe>b", "ab")]
    public void Frames_become_links_to_what_they_embedded(string html, string expected) =>
        ContentHtml.FromHtml(html).ShouldBe(expected);

    [Fact]
    public void Empty_source_attributes_are_dropped() =>
        ContentHtml.FromHtml("<img src=\"\" alt=\"a\"><video poster=\" \" src></video>")
            .ShouldBe("<img alt=\"a\"><video controls></video>");

    [Theory]
    [InlineData("<img src=\"x.png\" onerror=\"alert(1)\">")]
    [InlineData("<img src=\"x.png\" ONERROR=alert(1)>")]
    [InlineData("<img src=\"x.png\" onError = 'alert(1)' >")]
    [InlineData("<img src=\"x.png\"/onerror=alert(1)>")]
    [InlineData("<img src=\"x.png\"\nonload\n=\nalert(1)>")]
    [InlineData("<img src=\"x.png\" onfoo>")]
    public void Event_handler_attributes_are_removed(string html) =>
        ContentHtml.FromHtml(html).ShouldBe("<img src=\"https://example.org/posts/nice-flow/x.png\">");

    [Fact]
    public void Event_handlers_are_removed_from_every_element_and_from_markdown_attributes()
    {
        ContentHtml.FromHtml("<body onload=\"x()\"><svg onload=\"x()\"><a onclick=\"x()\" href=\"https://e.example/\">e</a></svg></body>")
            .ShouldBe("<svg><a href=\"https://e.example/\">e</a></svg>");
        // Markdig's generic attributes let Markdown spell any attribute.
        ContentHtml.FromMarkdown("[x](y){onclick=\"alert(1)\"} and <b onmouseover=\"alert(2)\">b</b>\n")
            .ShouldBe("<p><a href=\"https://example.org/posts/nice-flow/y\">x</a> and <b>b</b></p>\n");
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData(" \t\njavascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("jav&#x61;script:alert(1)")]
    [InlineData("jav&#x61script:alert(1)")]
    [InlineData("jav&#97;script:alert(1)")]
    [InlineData("&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)")]
    [InlineData("&#0000106;avascript:alert(1)")]
    [InlineData("javascript&colon;alert(1)")]
    [InlineData("java&Tab;script:alert(1)")]
    [InlineData("java&NewLine;script:alert(1)")]
    [InlineData("&#x09;javascript:alert(1)")]
    [InlineData("&#1;javascript:alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("VBScript&#58;msgbox(1)")]
    [InlineData("livescript:x")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("DATA:TEXT/HTML,x")]
    [InlineData("da&#x74;a:text/html,x")]
    [InlineData("data:application/xhtml+xml,x")]
    [InlineData("data:image/svg+xml,<svg onload=alert(1)>")]
    [InlineData("data:,alert(1)")]
    public void Dangerous_urls_are_dropped(string url)
    {
        string escaped = url.Replace("\"", "&quot;", StringComparison.Ordinal);
        ContentHtml.FromHtml($"<a href=\"{escaped}\" title=\"t\">x</a>").ShouldBe("x"); // a link without its href: unwrapped
        ContentHtml.FromHtml($"<img src=\"{escaped}\" alt=\"a\">").ShouldBe("<img alt=\"a\">");
        ContentHtml.FromHtml($"<blockquote cite=\"{escaped}\">q</blockquote>").ShouldBe("<blockquote>q</blockquote>");
        ContentHtml.FromHtml($"<svg><a xlink:href=\"{escaped}\"><text>x</text></a></svg>").ShouldBe("<svg><text>x</text></svg>");
    }

    [Fact]
    public void Dangerous_urls_are_dropped_from_markdown_links_and_autolinks()
    {
        ContentHtml.FromMarkdown("[click](javascript:alert(1)) and <javascript:alert(2)>\n")
            .ShouldBe("<p>click and javascript:alert(2)</p>\n");
    }

    [Fact]
    public void A_srcset_with_one_dangerous_candidate_is_dropped() =>
        ContentHtml.FromHtml("<img src=\"a.png\" srcset=\"a.png 1x, javascript:alert(1) 2x\">")
            .ShouldBe("<img src=\"https://example.org/posts/nice-flow/a.png\">");

    [Fact]
    public void A_srcset_with_a_data_document_is_dropped() =>
        ContentHtml.FromHtml("<img srcset=\"data:text/html,x 2x\">").ShouldBe("<img>");

    [Fact]
    public void Raster_image_data_urls_stay() =>
        ContentHtml.FromHtml("<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">")
            .ShouldBe("<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">");

    [Theory]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">x</p>")]
    [InlineData("<p style=\"width: expression(alert(1))\">x</p>")]
    [InlineData("<p style=\"-moz-binding: url(x.xml#b)\">x</p>")]
    [InlineData("<p style=\"behavior: url(x.htc)\">x</p>")]
    [InlineData("<p style=\"w\\idth: expr\\65 ssion(alert(1))\">x</p>")]
    [InlineData("<p style=\"width: expr/**/ession(alert(1))\">x</p>")]
    public void Dangerous_inline_styles_are_dropped(string html) =>
        ContentHtml.FromHtml(html).ShouldBe("<p>x</p>");

    [Fact]
    public void Ordinary_inline_styles_stay() =>
        ContentHtml.FromMarkdown("| a |\n|--:|\n| 1 |\n").ShouldContain("<td style=\"text-align: right;\">1</td>");

    [Fact]
    public void Svg_animation_goes_so_nothing_can_rewrite_a_link_or_a_handler()
    {
        ContentHtml.FromHtml("<svg><animate attributeName=\"href\" values=\"https://a.example/;javascript:alert(1)\"></animate></svg>")
            .ShouldBe("<svg></svg>");
        ContentHtml.FromHtml("<svg><set attributeName=\"onmouseover\" to=\"alert(1)\"></set></svg>")
            .ShouldBe("<svg></svg>");
        ContentHtml.FromHtml("<a xlink:href=\"javascript:alert(1)\">x</a>").ShouldBe("x");
    }

    [Fact]
    public void The_first_of_repeated_attributes_counts_as_in_a_browser() =>
        ContentHtml.FromHtml("<a href=\"javascript:alert(1)\" href=\"https://ok.example/\" HREF=\"x\">x</a>")
            .ShouldBe("x");

    [Theory]
    [InlineData("a<!-- comment -->b", "ab")]
    [InlineData("a<!--more-->b", "ab")]
    [InlineData("a<!-->b", "ab")]
    [InlineData("a<!--->b", "ab")]
    [InlineData("a<!-- x --!>b", "ab")]
    [InlineData("a<!-- x --->b", "ab")]
    [InlineData("a<!-- never closed <script>alert(1)</script>", "a")]
    [InlineData("a<!--[if IE]><script>alert(1)</script><![endif]-->b", "ab")]
    [InlineData("<!DOCTYPE html>a<?xml version=\"1.0\"?>b<![CDATA[c]]>d", "abd")]
    [InlineData("a</3 b>c", "ac")]
    [InlineData("a</>b", "ab")]
    public void Comments_and_declarations_are_dropped(string html, string expected) =>
        ContentHtml.FromHtml(html).ShouldBe(expected);

    [Theory]
    [InlineData("a < b && c > d", "a &lt; b && c > d")]
    [InlineData("1<2", "1&lt;2")]
    [InlineData("x <", "x &lt;")]
    [InlineData("x </", "x &lt;/")]
    [InlineData("<<p>>", "&lt;<p>></p>")]
    public void A_less_than_sign_that_starts_no_tag_is_escaped(string html, string expected) =>
        ContentHtml.FromHtml(html).ShouldBe(expected);

    [Theory]
    [InlineData("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>", "<p title=\"&lt;/noscript&gt;&lt;img src=x onerror=alert(1)&gt;\"></p>")]
    [InlineData("<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">", "<svg></svg><img src=\"https://example.org/posts/nice-flow/1\">\">")]
    [InlineData("<xmp><p title=\"</xmp><script>alert(1)</script>\"></xmp>", "<p title=\"&lt;/xmp&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"></p>")]
    [InlineData("<scr<script>ipt>alert(1)</script>", "ipt>alert(1)")]
    [InlineData("<a\"b onclick=x>t</a\"b>", "t")]
    public void Parser_differential_tricks_come_out_harmless(string html, string expected) =>
        ContentHtml.FromHtml(html).ShouldBe(expected);

    [Fact]
    public void Tags_are_written_back_in_one_canonical_form() =>
        ContentHtml.FromHtml("<P CLASS=footnotes>a<BR/>b<Input Disabled type=checkbox></P ><hr   />")
            .ShouldBe("<p class=\"footnotes\">a<br />b<input disabled type=\"checkbox\"></p><hr />");

    [Fact]
    public void A_tag_is_judged_on_its_first_256_attribute_names()
    {
        // Keeps the duplicate check linear per tag on hostile input; no real tag comes close.
        string attributes = string.Concat(Enumerable.Range(0, 100_000).Select(i => $" a{i}=\"{i}\""));
        ContentHtml.FromHtml($"<p title=\"early\"{attributes} lang=\"late\">t</p>").ShouldBe("<p title=\"early\">t</p>");
    }

    [Fact]
    public void Attributes_the_policy_does_not_name_are_dropped() =>
        ContentHtml.FromHtml("<p @click=\"x\" :class=\"y\" a\"b=\"c\" data-ok=\"1\" aria-label=\"l\" xml:lang=\"en\">t</p>")
            .ShouldBe("<p aria-label=\"l\" xml:lang=\"en\">t</p>");

    [Fact]
    public void Task_lists_and_media_embeds_from_markdown_survive()
    {
        string html = ContentHtml.FromMarkdown("- [x] done\n\n![v](https://www.youtube.com/watch?v=dQw4w9WgXcQ)\n");
        html.ShouldContain("<input disabled=\"disabled\" type=\"checkbox\" checked=\"checked\" />");
        html.ShouldContain("<p><a href=\"https://www.youtube.com/embed/dQw4w9WgXcQ\">https://www.youtube.com/embed/dQw4w9WgXcQ</a></p>");
    }

    [Theory]
    [InlineData("&#&#1;x80;", "&amp;#x80;")]
    [InlineData("&&#1;#x80;", "&amp;#x80;")]
    [InlineData("&<font>#x80;</font>", "&amp;#x80;")]
    public void Nothing_removed_can_complete_a_numeric_reference(string html, string expected)
    {
        string once = ContentHtml.FromHtml(html);
        once.ShouldBe(expected);
        ContentHtml.FromHtml(once).ShouldBe(once);
    }

    // The class allow-list is what the library's own Markdown output uses: every class it writes stays.
    [Fact]
    public void Every_class_of_the_librarys_own_markdown_output_is_kept()
    {
        const string Markdown = "Text[^1] and $x$.\n\n- [x] done\n\n```csharp\nx\n```\n\n```mermaid\ngraph TD\n```\n\n```nomnoml\n[a]\n```\n\n$$\ny\n$$\n\n[^1]: Note.\n";
        string raw = Markdig.Markdown.ToHtml(Markdown, Feed.Internal.MarkdownPipelines.Default);
        string[] classes = [.. System.Text.RegularExpressions.Regex.Matches(raw, "class=\"([^\"]*)\"").SelectMany(m => m.Groups[1].Value.Split(' '))];
        classes.ShouldNotBeEmpty();
        classes.ShouldContain("footnote-ref");
        classes.ShouldContain("task-list-item");
        classes.ShouldContain("language-csharp");
        classes.ShouldContain("math");
        foreach (string name in classes.Distinct())
        {
            HtmlPolicy.IsAllowedClass(name).ShouldBeTrue($"the Markdown output's class {name} is dropped");
        }

        ContentHtml.FromMarkdown(Markdown).ShouldBe(HtmlSanitizer.Sanitize(raw, new Uri(ContentHtml.PostUrl)));
        string sanitised = ContentHtml.FromMarkdown(Markdown);
        foreach (string name in classes.Distinct())
        {
            sanitised.ShouldContain(name);
        }
    }
}
