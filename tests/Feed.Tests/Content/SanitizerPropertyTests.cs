using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
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
        " style=\"position:fixed", "<math><mtext><table><mglyph><style>", "<foreignObject>",
        "<div>", "</div>", "<table>", "<tr>", "<td>", "</td>", "</table>", "<tbody>", "<caption>", "<colgroup>", "<col>",
        "<li>", "</li>", "<ul>", "<dd>", "<dt>", "<h1>", "</h1>", "<h2>", "<b>", "</b>", "<i>", "<a href=x>", "</a>",
        "<ruby>", "<rt>", "<rp>", "<em>", "<span>", "</span>", "<blockquote>", "<pre>", "<hr>", "<br>", "</br>",
        "<template>", "<select>", "<plaintext>", "<iframe src=x>", "</svg>", "<rect/>", "<g>", "<desc>", "</math>",
        "<mi>", "<mpadded voffset=9px>", "<math>", "<svg/>", " class=\"fixed language-js\"", " fill=\"url(#a)\"",
        " style=\"padding:1px;margin:-1px;font-size:2em;line-height:0\"", "&#7;", "&#x2028;", "&#12;", "&#x0;", "&#xFFFE;", "&#x81;", "\u0080", "\u009F", "\u007F", "\0", "\u0001", "\u0008", "\u000B", "\u001F", "\uFFFE", "\uFFFF", "\uD800", "\uDC00", "中文", "😀", "👨‍👩‍👧", "𝑥",
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

    // Balanced by construction: whatever the input, what a reader writes after the entry stays outside every element
    // of it, in every context a reader puts an entry in (standards and quirks mode, a div, a table cell).
    [Fact]
    public void Output_leaves_nothing_open_for_what_the_reader_writes_after_it() =>
        Html.Sample(html => AssertBalanced(HtmlSanitizer.Sanitize(html, new Uri(ContentHtml.PostUrl))), iter: 5_000);

    [Fact]
    public void Output_of_markdown_bodies_leaves_nothing_open_either() =>
        Html.Sample(markdown => AssertBalanced(ContentHtml.FromMarkdown(markdown)), iter: 2_000);

    // The tree a browser builds from the output is the one its tags spell: no element closed, moved, reopened or
    // ignored by the parser, so the nesting the sanitiser judged is the nesting the reader gets.
    [Fact]
    public void A_browser_builds_exactly_the_tree_the_output_spells() =>
        Html.Sample(html => AssertParsedAsWritten(HtmlSanitizer.Sanitize(html, new Uri(ContentHtml.PostUrl))), iter: 5_000);

    [Theory]
    [InlineData("<p>Read <a href=\"https://evil.example/phish\">the rest")]
    [InlineData("<noscript><a href=\"https://evil.example/phish\"></noscript>")]
    [InlineData("<table><tr><td><a href=\"https://evil.example/phish\"><div>")]
    [InlineData("<p><b><div>x</div>y")]
    [InlineData("<svg><a href=\"https://evil.example/phish\"><text>")]
    public void The_balance_oracle_catches_what_it_is_meant_to(string unbalanced) =>
        Should.Throw<Exception>(() => AssertBalanced(unbalanced));

    private static readonly (string Before, string After)[] ReaderContexts =
    [
        ("<!DOCTYPE html><body>", ""),
        ("<body>", ""),
        ("<!DOCTYPE html><body><div id=\"reader-entry\">", "</div>"),
        ("<!DOCTYPE html><body><table><tr><td id=\"reader-entry\">", "</td><td>"),
    ];

    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser());

    internal static void AssertBalanced(string output)
    {
        foreach ((string before, string after) in ReaderContexts)
        {
            IDocument document = Parser.Value!.ParseDocument(before + output + after + "<nav id=\"reader-nav\">x</nav>");
            IElement nav = document.GetElementById("reader-nav") ?? throw new InvalidOperationException("no reader nav");
            IElement expectedParent = after.Length == 0 || after == "</div>" ? document.Body! : document.QuerySelectorAll("td").Last();
            nav.ParentElement.ShouldBe(expectedParent, $"the reader's nav is inside the entry ({before}…): {output}");
            // A formatting element left open (a link) is rebuilt by the parser around the reader's own text.
            nav.ChildNodes.Length.ShouldBe(1, $"the entry reaches into the reader's nav ({before}…): {output}");
            nav.ChildNodes[0].ShouldBeAssignableTo<IText>($"the entry reaches into the reader's nav ({before}…): {output}");
        }
    }

    private static readonly string[] VoidElements = ["br", "hr", "img", "wbr", "col", "source", "track", "input"];

    private static void AssertParsedAsWritten(string output)
    {
        var written = new List<string>();
        foreach (Match tag in TagPattern().Matches(output))
        {
            string name = tag.Groups["name"].Value;
            if (tag.Groups["end"].Success)
            {
                written.Add("-" + name);
            }
            else
            {
                written.Add("+" + name);
                if (tag.Value.EndsWith(" />", StringComparison.Ordinal) || VoidElements.Contains(name))
                {
                    written.Add("-" + name);
                }
            }
        }

        IDocument document = Parser.Value!.ParseDocument("<!DOCTYPE html><body>" + output);
        var built = new List<string>();
        Walk(document.Body!, built);
        string.Join(" ", built).ShouldBe(string.Join(" ", written), $"parsed otherwise than written: {output}");
    }

    private static void Walk(IElement parent, List<string> built)
    {
        foreach (IElement child in parent.Children)
        {
            string name = child.LocalName.ToLowerInvariant();
            built.Add("+" + name);
            Walk(child, built);
            built.Add("-" + name);
        }
    }

    [GeneratedRegex("""<(?<end>/)?(?<name>[a-z][a-z0-9:._-]*)[^>]*>""")]
    private static partial Regex TagPattern();

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
