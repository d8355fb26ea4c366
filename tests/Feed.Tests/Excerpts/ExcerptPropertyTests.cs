using System.Globalization;
using CsCheck;
using Feed.Excerpts;
using Feed.Internal;

namespace Feed.Tests.Excerpts;

/// <summary>
/// The invariants over random Markdown, random HTML and random Unicode: an excerpt never exceeds the length
/// plus the ellipsis, never splits a grapheme, never holds a character XML 1.0 forbids, is a prefix of the whole text
/// before its ellipsis, and in word mode never ends inside a word unless the giant-token fallback applied.
/// </summary>
public sealed class ExcerptPropertyTests
{
    private const int Iterations = 2_000;

    private static readonly string[] Emoji =
    [
        "💡", "👍🏽", "👍🏿", "👨\u200D👩\u200D👧", "👩🏽\u200D💻", "🏳️\u200D🌈", "🇯🇵", "🇫🇷", "🇺", "1\uFE0F\u20E3", "❤️", "𝑥", "😀",
    ];

    private static readonly string[] MarkdownSyntax =
    [
        "# ", "## ", "\n", "\n\n", "  \n", "*", "**", "_", "~~", "`", "``", "\n```\n", "\n~~~\n", "\n    ", "\n> ", "\n- ",
        "\n1. ", "[", "]", "(", ")", "](https://x.org/a)", "![", "<", ">", "<b>", "</b>", "<div>", "</div>", "<p>",
        "<script>", "</script>", "<style>", "</style>", "<svg>", "</svg>", "<math>", "</math>", "<!--", "-->",
        "\n<!--more-->\n", "\n\n<!-- more -->\n\n", "<!--more-->", "<br>", "&amp;", "&gt;", "&#x1F4A1;", "&nbsp;", "&",
        "$", "$$", "\n$$\n", "\\", "|", "\n|---|---|\n", "\n---\n", "[^1]", "\n[^1]: ", "\n[x]: https://x.org\n", ":::",
        "<https://x.org>", "www.x.org", "^", "~", "==", "- [ ] ", "\t", "\r\n", "\"", "'", "（", "「", "“",
        "\n+---+---+\n", "\n+===+\n", "\n| a | b |\n", "\n^^^\n", "\n^^ ", "\n: ", "\n*[HTML]: ", "{#id .c}", "\n---\nt: x\n---\n",
        "\n<pre>\n", "</pre>", "<br/>", "<hr>", "<iframe/>", "<math display=\"block\">", "]: ", "\n<div>\n\n", "\n</div>\n",
    ];

    private static readonly Gen<string> UnicodeAtom = Gen.Frequency(
        (6, Gen.Char["abcdefghijklmnopqrstuvwxyz"].Array[1, 8].Select(cs => new string(cs))),
        (4, Gen.Const(" ")),
        (2, Gen.OneOf("\n", "\t", "\r", "\u00A0", "\u3000", "\u2028", "\u200B", "  ")),
        (2, Gen.Char['\0', '\u001F'].Select(c => c.ToString())),
        (3, Gen.Char['\u0300', '\u036F'].Select(c => c.ToString())),
        (4, Gen.Char['\u4E00', '\u9FFF'].Array[1, 6].Select(cs => new string(cs))),
        (2, Gen.Char['\u3040', '\u30FF'].Array[1, 4].Select(cs => new string(cs))),
        (1, Gen.OneOf("，", "。", "、", "！", "（", "）", "「", "」", "ｗ")),
        (2, Gen.Char['\u05D0', '\u05EA'].Array[1, 5].Select(cs => new string(cs))),
        (2, Gen.Char['\u0627', '\u064A'].Array[1, 5].Select(cs => new string(cs))),
        (1, Gen.Char['\u0900', '\u097F'].Array[1, 4].Select(cs => new string(cs))),
        (1, Gen.Char['\u0E01', '\u0E5B'].Array[1, 6].Select(cs => new string(cs))),
        (1, Gen.Char['\uAC00', '\uD7A3'].Array[1, 3].Select(cs => new string(cs))),
        (3, Gen.OneOf(Emoji)),
        (1, Gen.OneOf("\u200D", "\uFE0F", "\uFFFE", "\uFFFF", "\uFFFD", "\u0600", "\u094D")),
        (1, Gen.Char['\uD800', '\uDFFF'].Select(c => c.ToString())),
        (1, Gen.Char.Select(c => c.ToString())),
        (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)),
        (1, Gen.OneOf("\"", "'", "(", "[", "«", "“", "¿")));

    private static readonly Gen<string> UnicodeText = UnicodeAtom.Array[0, 80].Select(string.Concat);

    private static readonly Gen<string> MarkdownText =
        Gen.Frequency((3, UnicodeAtom), (2, Gen.OneOf(MarkdownSyntax))).Array[0, 100].Select(string.Concat);

    private static readonly Gen<ExcerptOptions> Options =
        Gen.Select(Gen.Int[1, 40], Gen.Enum<ExcerptBoundary>(), Gen.OneOf("...", "", "…", " [more]"), Gen.OneOf("[Math]", "", "∑"))
            .Select((length, boundary, ellipsis, math) => new ExcerptOptions
            {
                Length = length,
                Boundary = boundary,
                Ellipsis = ellipsis,
                MathPlaceholder = math,
                DisplayMathPlaceholder = math,
            });

    [Fact]
    public void Random_markdown_meets_the_excerpt_invariants() =>
        Gen.Select(MarkdownText, Options).Sample((body, options) => AssertInvariants(body, PostBodyFormat.Markdown, options), iter: Iterations);

    [Fact]
    public void Random_unicode_meets_the_excerpt_invariants() =>
        Gen.Select(UnicodeText, Options).Sample((body, options) => AssertInvariants(body, PostBodyFormat.Markdown, options), iter: Iterations);

    [Fact]
    public void Random_html_meets_the_excerpt_invariants() =>
        Gen.Select(MarkdownText, Options).Sample((body, options) => AssertInvariants(body, PostBodyFormat.Html, options), iter: Iterations);

    [Fact]
    public void Plain_text_has_single_spaces_and_no_ends() =>
        Gen.Select(MarkdownText, Gen.Bool).Sample((body, html) =>
        {
            string plain = new ExcerptGenerator().ToPlainText(body, html ? PostBodyFormat.Html : PostBodyFormat.Markdown);

            XmlChars.IsValid(plain).ShouldBeTrue();
            plain.ShouldNotStartWith(" ");
            plain.ShouldNotEndWith(" ");
            plain.ShouldNotContain("  ");
            plain.Any(c => c != ' ' && char.IsWhiteSpace(c)).ShouldBeFalse();
        }, iter: Iterations);

    private static void AssertInvariants(string body, PostBodyFormat format, ExcerptOptions options)
    {
        var generator = new ExcerptGenerator(options);
        Excerpt excerpt = format == PostBodyFormat.Html ? generator.FromHtml(body) : generator.FromMarkdown(body);
        string plain = generator.ToPlainText(body, format);

        // Never a character XML 1.0 forbids.
        XmlChars.IsValid(excerpt.Text).ShouldBeTrue();

        // The ellipsis is there exactly when the text was cut.
        string kept = excerpt.Text;
        if (excerpt.IsTruncated)
        {
            excerpt.Text.ShouldEndWith(options.Ellipsis, Case.Sensitive);
            kept = excerpt.Text[..^options.Ellipsis.Length];
        }

        // Never longer than the length (plus the ellipsis) in grapheme clusters.
        Graphemes(kept).ShouldBeLessThanOrEqualTo(options.Length);

        // A prefix of the whole text, ending on a grapheme boundary of it.
        plain.ShouldStartWith(kept, Case.Sensitive);
        ClusterBoundaries(plain).ShouldContain(kept.Length);

        if (excerpt.Source == ExcerptSource.Body)
        {
            // Without a divider the excerpt is the whole text, or the whole text cut: and the early stop of the
            // engine (it reads only what decides the cut) gives the same cut as cutting the whole text.
            ExcerptCutter.Cut cut = ExcerptCutter.Find(plain, options.Length, options.Boundary);
            excerpt.IsTruncated.ShouldBe(cut.Truncated);
            kept.Length.ShouldBe(cut.Length);
            if (!excerpt.IsTruncated)
            {
                kept.ShouldBe(plain);
            }

            if (excerpt.IsTruncated && options.Boundary == ExcerptBoundary.Word && !cut.FellBack)
            {
                EndsOnWordBoundary(plain, kept.Length).ShouldBeTrue($"cut at {kept.Length} of \"{plain}\"");
            }

            if (cut.FellBack)
            {
                Graphemes(kept).ShouldBe(options.Length); // the fallback cuts exactly at the character limit
            }
        }
        else
        {
            excerpt.Source.ShouldBe(ExcerptSource.Divider); // a divider before any text is no divider
        }

        kept.ShouldNotEndWith(" ");
        if (plain.Length > 0)
        {
            kept.ShouldNotBeEmpty();
        }
    }

    /// <summary>The test's own word-boundary oracle: a space, U+200B, or a CJK character on either side of the cut.</summary>
    private static bool EndsOnWordBoundary(string text, int end)
    {
        if (end == 0 || end >= text.Length)
        {
            return true;
        }

        string left = LastCluster(text[..end]);
        string right = StringInfo.GetNextTextElement(text, end);
        return left is " " or "\u200B" || right is " " or "\u200B"
            || TextScripts.IsCjk(char.ConvertToUtf32(left, 0)) || TextScripts.IsCjk(char.ConvertToUtf32(right, 0));
    }

    private static string LastCluster(string text)
    {
        int start = ClusterBoundaries(text).Where(b => b < text.Length).Max();
        return text[start..];
    }

    private static int Graphemes(string text) => new StringInfo(text).LengthInTextElements;

    private static HashSet<int> ClusterBoundaries(string text)
    {
        var boundaries = new HashSet<int> { 0 };
        for (int i = 0; i < text.Length;)
        {
            i += StringInfo.GetNextTextElementLength(text, i);
            boundaries.Add(i);
        }

        return boundaries;
    }
}
