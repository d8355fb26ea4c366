using Feed.Excerpts;

namespace Feed.Tests.Excerpts;

/// <summary>The examples table of issue 2, verbatim: default options unless the row says otherwise.</summary>
public sealed class ExcerptIssueExamplesTests
{
    public static TheoryData<string, int?, ExcerptBoundary, string, bool> Rows => new()
    {
        { "# Hello\n\nWorld *wide* web.", null, ExcerptBoundary.Word, "Hello World wide web.", false },
        { "The quick brown fox jumps over the lazy dog", 18, ExcerptBoundary.Word, "The quick brown...", true },
        { "The quick brown fox jumps over the lazy dog", 18, ExcerptBoundary.Character, "The quick brown fo...", true },
        { "不得不说,flow模型是一个在设计上非常精巧的模型。", 10, ExcerptBoundary.Word, "不得不说,flow模...", true },
        { "💡 Flow", 1, ExcerptBoundary.Word, "💡...", true },
        { "Let $x^2$ be\n\n$$\na+b\n$$", null, ExcerptBoundary.Word, "Let [Math] be [Math]", false },
        { "Intro ![alt](a.png)\n\n~~~\ncode\n~~~\n\nEnd", null, ExcerptBoundary.Word, "Intro End", false },
        { "A &gt; B &amp; C <b>bold</b>", null, ExcerptBoundary.Word, "A > B & C bold", false },
        { "具体参考[官方教程](https://x.org/)。", null, ExcerptBoundary.Word, "具体参考官方教程。", false },
        { "First.\n\n<!--more-->\n\nSecond.", null, ExcerptBoundary.Word, "First.", false },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Issue_table_row(string body, int? length, ExcerptBoundary boundary, string expected, bool truncated)
    {
        var options = new ExcerptOptions { Boundary = boundary };
        if (length is { } l)
        {
            options.Length = l;
        }

        Excerpt excerpt = new ExcerptGenerator(options).FromMarkdown(body);

        excerpt.Text.ShouldBe(expected);
        excerpt.IsTruncated.ShouldBe(truncated);
    }

    [Fact]
    public void The_divider_row_is_not_cut_and_says_so()
    {
        Excerpt excerpt = new ExcerptGenerator().FromMarkdown("First.\n\n<!--more-->\n\nSecond.");

        excerpt.ShouldBe(new Excerpt("First.", IsTruncated: false, ExcerptSource.Divider));
    }
}
