using CsCheck;
using Feed.Excerpts;

namespace Feed.Tests.Excerpts;

/// <summary>
/// Parsing only the start of a Markdown body (for speed on long posts) must give exactly the excerpt the whole parse gives: the prefix
/// result is kept only when nothing after the cut can change it, else the whole body is parsed.
/// </summary>
public sealed class PrefixParseTests
{
    /// <summary>6,000 cases by default; set FEED_PREFIX_ITERATIONS to search longer (it has run clean at 100,000).</summary>
    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("FEED_PREFIX_ITERATIONS"), out int n) ? n : 6_000;

    private static readonly string Filler = string.Concat(Enumerable.Range(0, 30).Select(i => $"Paragraph {i} has some words in it.\n\n"));

    /// <summary>Blocks that let a prefix parse decide, alone or when they straddle the cut.</summary>
    private static readonly string[] Blocks =
    [
        "Plain words in a paragraph.", "Some *emphasis* and **strong** and `code` here.", "中文的段落\n在这里换行。",
        "日本語の文章です。", "A [link](https://x.org) and a [ref][r] and [r] and [^1] note.", "Image ![alt](a.png). Next.",
        "Abbreviation HTML here.", "Math $x^2$ inline.", "$$\na+b\n\nc\n$$", "# Heading", "Setext\n===", "\n===",
        "<!--more-->", "<!-- more -->", "x <!--more--> inline", "```\ncode\n\n<!--more-->\n\nmore code\n```",
        "```\nunclosed code\n\n", "~~~\ntilde\n\n~~~", "    indented\n\n    code", "<!--\ncomment\n\n-->", "<!--more\n\n-->",
        "<script>\nvar s = 1;\n\n</script>", "<div>\nblock\n\n</div>", "<pre>\npre\n\ntext\n</pre>", "<?php\n\n?>",
        "Term\n:   Definition", "Term two", "- item\n\n  continued", "1. one\n2. two\n\n   - nested", "a. alpha\nb. beta",
        "> quote\n>\n> more", "> quote\n\nlazy", "::: note\ninside\n\n:::", "::: open", ":::", "^^^\nfigure\n\n^^^ caption",
        "^^ footer", "| a | b |\n|---|---|\n| 1 | 2 |", "---", "***", "- [ ] task", "www.x.org autolink", "<https://x.org/a>",
        "\"\"cited\"\"", "Text with a trailing space  ", "\t\ttabbed line", "\r\nCRLF text\r\n", "  \n\t\n",
        string.Concat(Enumerable.Repeat("> ", 10)) + "quote", "Note: a colon line", "[x]", "[x][y]", "[^2]", "\\[escaped\\]",
        "<b>bold</b> and <img src=\"a.png\">.", "<span>open inline", "</div>", "<!--", "-->", "[unclosed", "*open emphasis",
        "<?php > visible &amp\n\nmore &amp; ?>", "<![CDATA[ > text &amp\n\n]]>", "<!DOCTYPE x> after &lt;\n\ntext",
        "<textarea>\nkept\n\n</textarea>", "<style>\np {}\n\n</style> tail", "A &amp; B &#x1F4A1; &nbsp;", "- <!-- more -->",
        "<b>bold\nacross</b> lines", "Line ending in a backslash\\", "# Heading {#id .class}", "1) one\n\n   para",
        "[link](https://x.org \"title\n\nbroken\")", "Hard  \nbreak", "[^3]: A note.", "[^4]: A note\n    going on.",
        "[^5]: Lazy\nnote", "x^2^ and ^^ caret", "i += 1; a+-b",
    ];

    /// <summary>Blocks that reach back over the cut, or make Markdig refuse the body: the prefix must be refused.</summary>
    private static readonly string[] ReachingBack =
    [
        "[r]: https://x.org/r", "[^1]: The note.\n\n    More of the note.", "*[HTML]: Hyper Text", "> [r]: https://q.org",
        "- [r]: https://l.org", "[^2]:\n    note", ":   Definition after a blank", "~   Tilde definition", "  :   indented definition",
        "+---+---+\n| a | b |\n+---+---+", "+ ---", "---\ntitle: x\n\n---", new string('>', 130) + " deep",
        string.Concat(Enumerable.Repeat("- ", 70)) + "deep list", string.Concat(Enumerable.Repeat("> ", 40)) + "quote",
        "[multi\nline]: https://m.org", "*[CSS]: Cascading", "[^2]: Second note.", "Term\n\n\n:   two blank lines before", "\t:   tabbed definition", "^^ :   in a footer",
        "*[^x]: abbreviation of ^x", "[^e]:\n\n:   definition after an empty note", "[^q]: [r]: https://r.org", "- +---+",
        "[^g]: +---+\n| a |\n+---+",
        string.Concat(Enumerable.Repeat("[", 300)), string.Concat(Enumerable.Repeat(":::\n", 3)), "]: stray", "*[",
    ];

    private static readonly Gen<string> Words =
        Gen.OneOf(Gen.Char["abcdefghij "].Array[5, 60].Select(cs => new string(cs)), Gen.Char['\u4E00', '\u4E40'].Array[3, 30].Select(cs => new string(cs)));

    private static readonly Gen<string> Block = Gen.Frequency((16, Gen.OneOf(Blocks)), (12, Words), (1, Gen.OneOf(ReachingBack)));

    private static readonly Gen<string> Separator = Gen.Frequency((6, Gen.Const("\n\n")), (2, Gen.Const("\n")), (1, Gen.OneOf("\n \n", "\r\n\r\n", "\n\n\n", "\n\t\n")));

    /// <summary>An opening paragraph whose text a definition or a definition list after the cut would change.</summary>
    private static readonly Gen<string> Lead = Gen.OneOf(
        "", "", "See [r] and [x][r] now.", "A claim[^1] here, [ ^2] there.", "Use HTML and CSS here.", "中文\n中文 term lines",
        "*Start [r]* of it.", "Before [^1]: inline.", TermsThen("\n\n:   definition"), TermsThen("\n\n[^9]: late note\n\n~   definition"),
        "[^0]: early note\n\n" + TermsThen("\n\n[^9]: late note\n\n:   definition"), TermsThen("\n\nNot a definition."));

    private static readonly Gen<string> MarkdownBody =
        Gen.Select(Lead, Gen.Select(Block, Separator).Array[1, 60]).Select((lead, parts) => lead + "\n\n" + string.Concat(parts.Select(p => p.Item1 + p.Item2)));

    /// <summary>Two lines that a definition list would turn into two terms, long enough to reach past the first cut.</summary>
    private static string TermsThen(string after) => "中文\n中文" + string.Concat(Enumerable.Repeat(" term", 50)) + after;

    [Fact]
    public void The_prefix_parse_gives_exactly_the_excerpt_of_the_whole_parse()
    {
        int decided = 0, total = 0;
        Gen.Select(MarkdownBody, Gen.Int[1, 60], Gen.Enum<ExcerptBoundary>()).Sample((body, length, boundary) =>
        {
            var generator = new ExcerptGenerator(new ExcerptOptions { Length = length, Boundary = boundary });
            Excerpt whole = generator.FromMarkdown(body, parsed: null, prefixFirst: false);

            total++;
            if (generator.TryFromPrefix(body, out Excerpt? prefix))
            {
                decided++;
                prefix.ShouldBe(whole, $"body:\n{body}");
            }

            generator.FromMarkdown(body).ShouldBe(whole, $"body:\n{body}");
        }, iter: Iterations);

        // The prefix path must really be exercised, not refused every time.
        decided.ShouldBeGreaterThan(total / 10, $"{decided} of {total} decided by the prefix");
    }

    [Fact]
    public void A_long_plain_body_is_decided_by_its_prefix()
    {
        var generator = new ExcerptGenerator(new ExcerptOptions { Length = 20 });

        generator.TryFromPrefix(Filler, out Excerpt? excerpt).ShouldBeTrue();

        excerpt.ShouldBe(new Excerpt("Paragraph 0 has some...", IsTruncated: true, ExcerptSource.Body));
        excerpt.ShouldBe(generator.FromMarkdown(Filler, parsed: null, prefixFirst: false));
    }

    [Theory]
    [InlineData("Early [ref] link.\n\n", "\n\n[ref]: https://x.org", "Early ref link.")] // reference defined at the end
    [InlineData("Early claim[^1] here.\n\n", "\n\n[^1]: The note.", "Early claim here.")] // footnote defined at the end
    [InlineData("Early HTML word.\n\n", "\n\n*[HTML]: Hyper Text Markup Language", "Early HTML word.")] // abbreviation
    [InlineData("Early [ref] link.\n\n", "\n\n> [ref]: https://x.org", "Early ref link.")] // a definition inside a quote
    public void A_definition_after_the_cut_makes_the_whole_body_parse(string start, string end, string expectedStart)
    {
        var generator = new ExcerptGenerator(new ExcerptOptions { Length = 30 });
        string body = start + Filler + end;

        generator.TryFromPrefix(body, out _).ShouldBeFalse();

        Excerpt excerpt = generator.FromMarkdown(body);
        excerpt.Text.ShouldStartWith(expectedStart[..10]);
        excerpt.ShouldBe(generator.FromMarkdown(body, parsed: null, prefixFirst: false));
        generator.ToPlainText(body).ShouldStartWith(expectedStart);
    }

    [Fact]
    public void A_divider_after_the_cut_still_ends_the_excerpt()
    {
        var generator = new ExcerptGenerator(new ExcerptOptions { Length = 10 });
        string body = Filler + "<!--more-->\n\nAfter.";

        Excerpt excerpt = generator.FromMarkdown(body);

        generator.TryFromPrefix(body, out _).ShouldBeFalse();
        excerpt.Source.ShouldBe(ExcerptSource.Divider);
        excerpt.ShouldBe(generator.FromMarkdown(body, parsed: null, prefixFirst: false));
    }

    [Fact]
    public void A_divider_comment_opened_before_the_cut_and_closed_after_it_is_seen()
    {
        var generator = new ExcerptGenerator(new ExcerptOptions { Length = 10 });
        string intro = string.Concat(Enumerable.Repeat("Intro words ", 10));
        string body = intro + "\n\n<!--more\n\n-->\n\n" + Filler;

        // The first cut falls inside the comment and is refused; a longer prefix holds the whole comment and decides.
        Excerpt excerpt = generator.FromMarkdown(body);
        excerpt.ShouldBe(new Excerpt("Intro...", IsTruncated: true, ExcerptSource.Divider));
        excerpt.ShouldBe(generator.FromMarkdown(body, parsed: null, prefixFirst: false));
    }

    [Fact]
    public void A_divider_before_the_cut_is_decided_by_the_prefix()
    {
        var generator = new ExcerptGenerator(new ExcerptOptions { Length = 50 });
        string body = "First words.\n\n<!--more-->\n\n" + Filler + Filler;

        generator.TryFromPrefix(body, out Excerpt? excerpt).ShouldBeTrue();

        excerpt.ShouldBe(new Excerpt("First words.", IsTruncated: false, ExcerptSource.Divider));
    }

    [Theory]
    [InlineData("```\ncode\n\n")] // a fence still open at the cut
    [InlineData("<script>\nvar a;\n\n")] // an HTML block that only its end tag closes
    [InlineData("- item\n\n  ")] // a list item that goes on after the blank line
    [InlineData("::: note\n\n")] // a custom container
    [InlineData("$$\na\n\n")] // display math
    public void A_block_open_at_the_cut_gives_the_same_excerpt(string opener)
    {
        var generator = new ExcerptGenerator(new ExcerptOptions { Length = 20 });
        string body = "Before the block there is text enough to fill it.\n\n" + opener + Filler + "\n```\n</script>\n:::\n$$\n";

        generator.TryFromPrefix(body, out Excerpt? prefix).ShouldBeTrue();

        prefix.ShouldBe(generator.FromMarkdown(body, parsed: null, prefixFirst: false));
        prefix.Text.ShouldBe("Before the block...");
    }

    [Fact]
    public void A_definition_list_after_the_cut_turns_the_last_paragraph_into_terms_so_the_prefix_is_refused()
    {
        var generator = new ExcerptGenerator(new ExcerptOptions { Length = 12 });
        string terms = "中文\n中文" + string.Concat(Enumerable.Repeat(" word", 20));
        string body = terms + "\n\n:   definition\n\n" + Filler;

        generator.TryFromPrefix(body, out _).ShouldBeFalse();

        Excerpt whole = generator.FromMarkdown(body, parsed: null, prefixFirst: false);
        whole.Text.ShouldStartWith("中文 中文"); // two terms, a block space: not the CJK line-break rule of one paragraph
        generator.FromMarkdown(body).ShouldBe(whole);
    }

    [Fact]
    public void Front_matter_closed_only_after_the_cut_makes_the_whole_body_parse()
    {
        var generator = new ExcerptGenerator(new ExcerptOptions { Length = 10 });
        string body = "---\ntitle: Hidden\n\n" + Filler + "---\n\nVisible text after the front matter.";

        generator.TryFromPrefix(body, out _).ShouldBeFalse();

        generator.FromMarkdown(body).Text.ShouldBe("Visible...");
    }

    [Fact]
    public void Nesting_past_markdigs_limit_after_the_cut_makes_the_whole_body_parse()
    {
        var generator = new ExcerptGenerator(new ExcerptOptions { Length = 10 });
        string body = "Some *stars* here.\n\n" + Filler + new string('>', 200) + " deep\n";

        generator.TryFromPrefix(body, out _).ShouldBeFalse();

        // Markdig refuses the whole body, so the engine reads it as text: the stars stay.
        Excerpt excerpt = generator.FromMarkdown(body);
        excerpt.Text.ShouldBe("Some *star...");
        excerpt.ShouldBe(generator.FromMarkdown(body, parsed: null, prefixFirst: false));
    }

    [Theory]
    [InlineData("+---+---+\n| a | b |\n+---+---+\n")]
    [InlineData("- +\u3000---+\n  | a |\n  +---+\n")]
    public void A_grid_table_anywhere_makes_the_whole_body_parse(string table)
    {
        var generator = new ExcerptGenerator(new ExcerptOptions { Length = 10 });

        generator.TryFromPrefix(Filler + table, out _).ShouldBeFalse();
        generator.TryFromPrefix(table + "\n" + Filler, out _).ShouldBeFalse();
        generator.TryFromPrefix(Filler + "A sum: i += 1, and x+-y.\n\n" + Filler, out _).ShouldBeTrue();
    }

    [Fact]
    public void A_short_body_is_parsed_whole()
    {
        var generator = new ExcerptGenerator(new ExcerptOptions { Length = 350 });

        generator.TryFromPrefix(Filler, out _).ShouldBeFalse(); // 1 KB is less than twice 3 x 350 characters
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("text", 0)]
    [InlineData("> > quote", 4)]
    [InlineData("- - - item", 6)]
    [InlineData("---", 0)]
    [InlineData("1. 2) a. iv. item", 13)]
    [InlineData("civil. war", 7)]
    [InlineData("\t- x", 6)]
    [InlineData("^^ footer", 3)]
    [InlineData("^^^ figure", 0)]
    [InlineData("-\0> x", 7)]
    [InlineData("[^note]: > x", 11)]
    public void The_container_prefix_of_a_line_is_counted_in_columns(string line, int columns) =>
        MarkdownPrefix.ScanLinePrefix(line).Columns.ShouldBe(columns);

    [Theory]
    [InlineData(":   definition", true)]
    [InlineData("  ~ definition", true)]
    [InlineData("> - :   definition", true)]
    [InlineData("Note: a colon", false)]
    [InlineData("~~~ fence", false)]
    public void A_definition_marker_is_seen_in_the_container_prefix(string line, bool marker) =>
        MarkdownPrefix.ScanLinePrefix(line).DefinitionMarker.ShouldBe(marker);

    [Theory]
    [InlineData("+---+---+", true)]
    [InlineData("> + :--+", true)]
    [InlineData("- +===+", true)]
    [InlineData("[^1]: +---+", true)]
    [InlineData("+ item", false)]
    [InlineData("i += 1; x+-y", false)]
    public void A_grid_table_opening_is_seen_after_the_container_prefix(string line, bool grid) =>
        MarkdownPrefix.ScanLinePrefix(line).GridTable.ShouldBe(grid);

    [Fact]
    public void Footnote_definitions_after_the_cut_are_let_through_only_when_nothing_before_can_refer_to_them()
    {
        var generator = new ExcerptGenerator(new ExcerptOptions { Length = 20 });
        string notes = "\n[^1]: The first note.\n\n[^2]: The second.\n";

        generator.TryFromPrefix(Filler + Filler + notes, out Excerpt? plain).ShouldBeTrue();
        plain.ShouldBe(generator.FromMarkdown(Filler + Filler + notes, parsed: null, prefixFirst: false));

        foreach (string reference in new[] { "A claim[^1] here.", "A claim [ ^1] here.", "A claim [text][^1] here.", "A claim [\n^1] here." })
        {
            string body = reference + "\n\n" + Filler + Filler + notes;
            generator.TryFromPrefix(body, out _).ShouldBeFalse(reference);
            generator.FromMarkdown(body).ShouldBe(generator.FromMarkdown(body, parsed: null, prefixFirst: false), reference);
        }
    }

    [Fact]
    public void A_definition_list_after_a_footnote_after_the_cut_still_reaches_back_so_the_prefix_is_refused()
    {
        var generator = new ExcerptGenerator(new ExcerptOptions { Length = 12 });
        string terms = "中文\n中文" + string.Concat(Enumerable.Repeat(" word", 20));
        string body = "[^0]: An early note.\n\n" + terms + "\n\n[^1]: A note after the cut.\n\n:   definition\n\n" + Filler;

        generator.TryFromPrefix(body, out _).ShouldBeFalse();

        Excerpt whole = generator.FromMarkdown(body, parsed: null, prefixFirst: false);
        whole.Text.ShouldStartWith("中文 中文"); // the footnote went into the group before the paragraph: it still became terms
        generator.FromMarkdown(body).ShouldBe(whole);
    }

    [Theory]
    [InlineData("a\n\nb", 0, 2)]
    [InlineData("a\n\nb", 3, -1)]
    [InlineData("a\r\n\r\nb", 0, 3)]
    [InlineData("a\r\rb", 0, 2)]
    [InlineData("a\n  \t\nb", 0, 2)]
    [InlineData("a\nb\nc", 0, -1)]
    [InlineData("a\nb\n\n", 0, 4)]
    public void A_cut_is_the_start_of_a_blank_line(string body, int from, int cut) =>
        MarkdownPrefix.FindCut(body, from).ShouldBe(cut);
}
