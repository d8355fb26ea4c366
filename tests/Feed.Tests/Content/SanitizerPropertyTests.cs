using System.Text.RegularExpressions;
using CsCheck;
using Feed.Content;
using Feed.Internal;

namespace Feed.Tests.Content;

public sealed partial class SanitizerPropertyTests
{
    // Pieces that tokenizers trip over: tag openers and closers, quotes, every spelling of a script URL, comments,
    // raw-text elements, forbidden characters, surrogates, CJK and emoji.
    private static readonly string[] Pieces =
    [
        "<", ">", "/", "/>", "</", "=", "\"", "'", " ", "\t", "\n", "\r", "\f", "&", "#", ";", ",", ":", "-", "--", "!",
        "<script>", "</script>", "<SCRIPT", "<scr", "ipt>", "script", "<script src=x>", "</script ", "<style>", "</style>",
        "<a href=", "<a href=\"", "<img src=", "<img srcset=\"", "<iframe srcdoc=\"", "<svg>", "<svg onload=", "<p>",
        "</p>", "<noscript>", "</noscript>", "<xmp>", "<textarea>", "<title>", "<object>", "<set attributeName=on",
        " onclick=", " onerror=", " ONLOAD=", "on", "href", "src", "srcset", "style=\"", "formaction=", "xlink:href=",
        "javascript:", "JaVaScRiPt:", "java\tscript:", "jav&#x61;script:", "jav&#x61script", "&#106;", "&#0000106",
        "&colon;", "&Tab;", "&NewLine;", "&#58;", "&#x3A;", "vbscript:", "data:text/html,", "data:image/png;base64,",
        "alert(1)", "expression(", "url(", "<!--", "-->", "--!>", "<!-->", "<!", "<?", "?>", "<![CDATA[", "]]>",
        "<!DOCTYPE html>", "#fn1", "//cdn.example/x.png", "../", "./", "?q=1", "&amp;", "&quot;", "&lt;", "&gt;",
        "ms-msdt:", "search-ms:", "file:", "intent:", "view-source:", "blob:", "data:image/svg+xml,", "<svg><a><set attributeName=href to=",
        "<animate attributeName=xlink:href values=", "<form action=", "<input type=password>", "<button>", " id=", " name=",
        " style=\"position:fixed", "<math><mtext><table><mglyph><style>", "<foreignObject>", "&#7;", "&#x2028;", "&#12;", "&#x0;", "&#xFFFE;", "&#x81;", "\u0080", "\u009F", "\u007F", "\0", "\u0001", "\u0008", "\u000B", "\u001F", "\uFFFE", "\uFFFF", "\uD800", "\uDC00", "中文", "😀", "👨‍👩‍👧", "𝑥",
    ];

    private static readonly Gen<string> Html =
        Gen.Frequency(
                (4, Gen.OneOf(Pieces)),
                (1, Gen.Char.Select(c => c.ToString())),
                (1, Gen.String))
            .Array[0, 40]
            .Select(string.Concat);

    [Fact]
    public void Output_never_carries_script_handlers_script_urls_or_forbidden_characters() =>
        Html.Sample(html =>
        {
            string output = HtmlSanitizer.Sanitize(html, new Uri(ContentHtml.PostUrl));
            AssertHarmless(output);
            // The writers' own clean-up finds nothing left to remove, so it cannot change what was checked.
            FeedText.Clean(output).ShouldBe(output);
        }, iter: 20_000);

    [Fact]
    public void Output_of_markdown_bodies_is_harmless_too() =>
        Html.Sample(markdown => AssertHarmless(ContentHtml.FromMarkdown(markdown)), iter: 3_000);

    // A second pass changes nothing: every value is written in the one form the next reading decodes back to itself
    // (URL attributes: HtmlSanitizer.CanonicalUrl).
    [Fact]
    public void Sanitising_is_idempotent() =>
        Html.Sample(html =>
        {
            string once = HtmlSanitizer.Sanitize(html, new Uri(ContentHtml.PostUrl));
            AssertHarmless(once);
            HtmlSanitizer.Sanitize(once, new Uri(ContentHtml.PostUrl)).ShouldBe(once);
        }, iter: 10_000);

    [Fact]
    public void The_oracle_itself_catches_what_it_is_meant_to()
    {
        Should.Throw<Exception>(() => AssertHarmless("<p>x</p><script>alert(1)</script>"));
        Should.Throw<Exception>(() => AssertHarmless("<img src=\"x\" onerror=\"alert(1)\">"));
        Should.Throw<Exception>(() => AssertHarmless("<a href=\"jav&#x61;script&colon;alert(1)\">x</a>"));
        Should.Throw<Exception>(() => AssertHarmless("<a href=\"search-ms:x\">x</a>"));
        Should.Throw<Exception>(() => AssertHarmless("<p>a\u0001</p>"));
        Should.Throw<Exception>(() => AssertHarmless("a < b"));
        AssertHarmless("<p title=\"a\">javascript: in text is fine &lt;script&gt;</p>");
    }

    // The invariant the sanitiser promises, checked by parsers that share no code with it: every '<' opens a
    // canonical tag (lower-case name, double-quoted values without '<' or '>'), and the DOM a browser builds from it
    // (BrowserOracle: AngleSharp) holds nothing active.
    private static void AssertHarmless(string output)
    {
        XmlChars.IsValid(output).ShouldBeTrue();
        output.ShouldNotContain("<script", Case.Insensitive);
        int from = 0;
        while ((from = output.IndexOf('<', from)) >= 0)
        {
            int end = output.IndexOf('>', from);
            end.ShouldBeGreaterThan(from, $"an unterminated '<' at {from}");
            string tag = output[from..(end + 1)];
            CanonicalTag().IsMatch(tag).ShouldBeTrue($"not a canonical tag: {tag}");
            from = end + 1;
        }

        BrowserOracle.AssertHarmless(output);
    }

    [GeneratedRegex("""^</?[a-z][a-z0-9:._-]*(?<attribute> [a-z0-9:._-]+(="[^"<>]*")?)*( /)?>$""")]
    private static partial Regex CanonicalTag();
}
