using Feed.Excerpts;
using Feed.Internal;
using Markdig;
using Markdig.Syntax;

namespace Feed.Tests.Excerpts;

/// <summary>Where the excerpt comes from: the body cut automatically, the author's divider, or the post's summary.</summary>
public sealed class ExcerptSourceTests
{
    private static FeedPost Post(string body, string? summary = null, PostBodyFormat format = PostBodyFormat.Markdown) => new()
    {
        Title = "T",
        Url = new Uri("https://example.org/p"),
        Published = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
        Body = body,
        Summary = summary,
        BodyFormat = format,
    };

    [Fact]
    public void A_body_without_divider_or_summary_is_cut_automatically()
    {
        var generator = new ExcerptGenerator(new ExcerptOptions { Length = 10 });

        generator.Create(Post("The quick brown fox")).ShouldBe(new Excerpt("The quick...", IsTruncated: true, ExcerptSource.Body));
        generator.Create(Post("Short")).ShouldBe(new Excerpt("Short", IsTruncated: false, ExcerptSource.Body));
    }

    [Fact]
    public void The_divider_ends_the_excerpt_without_ellipsis()
    {
        Excerpt excerpt = new ExcerptGenerator().Create(Post("First.\n\n<!--more-->\n\nSecond."));

        excerpt.ShouldBe(new Excerpt("First.", IsTruncated: false, ExcerptSource.Divider));
    }

    [Theory]
    [InlineData("A\n<!--more-->\nB")]
    [InlineData("A\n\n<!-- more -->\n\nB")]
    [InlineData("A\n\n   <!--   more   -->   \n\nB")]
    [InlineData("A\r\n\r\n<!--more-->\r\n\r\nB")]
    [InlineData("> A\n>\n> <!--more-->\n\nB")]
    [InlineData("<div>\nA\n</div>\n<!--more-->\n<p>B</p>")]
    public void The_divider_is_honoured_on_its_own_line_in_its_spellings(string body) =>
        new ExcerptGenerator().FromMarkdown(body).ShouldBe(new Excerpt("A", IsTruncated: false, ExcerptSource.Divider));

    [Theory]
    [InlineData("A <!--more--> B")]                 // inline: not on its own line
    [InlineData("A\n\n<!--more--> B")]              // text after it on the line
    [InlineData("A\n\n```\n<!--more-->\n```\n\nB")]  // quoted in a code block
    [InlineData("A\n\n    <!--more-->\n\nB")]        // an indented code block
    [InlineData("A `<!--more-->` B")]               // inline code
    [InlineData("A\n\n<!--more than this-->\n\nB")] // another comment
    [InlineData("A\n\n<!--\nmore\n-->x\n\nB")]       // not alone on its line
    public void Anything_else_is_no_divider(string body) =>
        new ExcerptGenerator().FromMarkdown(body).Source.ShouldBe(ExcerptSource.Body);

    [Fact]
    public void A_divider_before_any_text_is_ignored() =>
        new ExcerptGenerator().FromMarkdown("<!--more-->\n\n![only an image](i.png)\n\n<!--more-->\n\nText")
            .ShouldBe(new Excerpt("Text", IsTruncated: false, ExcerptSource.Body));

    [Fact]
    public void The_first_divider_counts() =>
        new ExcerptGenerator().FromMarkdown("A\n\n<!--more-->\n\nB\n\n<!--more-->\n\nC").Text.ShouldBe("A");

    [Fact]
    public void Text_before_the_divider_that_is_still_too_long_is_cut_by_the_same_rules()
    {
        var generator = new ExcerptGenerator(new ExcerptOptions { Length = 10 });

        generator.FromMarkdown("The quick brown fox\n\n<!--more-->\n\nEnd")
            .ShouldBe(new Excerpt("The quick...", IsTruncated: true, ExcerptSource.Divider));
    }

    [Fact]
    public void A_divider_far_after_the_cut_is_still_found()
    {
        string body = string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet. ", 200)) + "\n\n<!--more-->\n\nEnd";

        Excerpt excerpt = new ExcerptGenerator().FromMarkdown(body);

        excerpt.Source.ShouldBe(ExcerptSource.Divider);
        excerpt.IsTruncated.ShouldBeTrue();
    }

    [Fact]
    public void Html_bodies_honour_the_divider_too()
    {
        var generator = new ExcerptGenerator();

        generator.Create(Post("<p>First</p>\n<!--more-->\n<p>Second</p>", format: PostBodyFormat.Html))
            .ShouldBe(new Excerpt("First", IsTruncated: false, ExcerptSource.Divider));
        generator.FromHtml("<p>First <!--more--> inline</p>").Source.ShouldBe(ExcerptSource.Body);
        generator.FromHtml("<p>First</p>\n<script>\n<!--more-->\n</script>\n<p>Second</p>").Source.ShouldBe(ExcerptSource.Body);
    }

    [Fact]
    public void A_summary_replaces_the_body_rendered_by_the_same_rules_and_never_cut()
    {
        var generator = new ExcerptGenerator(new ExcerptOptions { Length = 5 });

        Excerpt excerpt = generator.Create(Post("Body text", summary: "A *long* summary with `code`, $x$ and &amp;\nmore"));

        excerpt.ShouldBe(new Excerpt("A long summary with code, [Math] and & more", IsTruncated: false, ExcerptSource.Summary));
    }

    [Fact]
    public void A_summary_is_read_in_the_body_format() =>
        new ExcerptGenerator().Create(Post("<p>Body</p>", summary: "<p>The <b>summary</b></p><script>x</script>", format: PostBodyFormat.Html))
            .ShouldBe(new Excerpt("The summary", IsTruncated: false, ExcerptSource.Summary));

    [Theory]
    [InlineData("")]
    [InlineData("  \n\t ")]
    public void A_blank_summary_is_no_summary(string summary) =>
        new ExcerptGenerator().Create(Post("Body", summary: summary)).ShouldBe(new Excerpt("Body", IsTruncated: false, ExcerptSource.Body));

    [Fact]
    public void A_summary_wins_over_a_divider() =>
        new ExcerptGenerator().Create(Post("A\n\n<!--more-->\n\nB", summary: "S")).Source.ShouldBe(ExcerptSource.Summary);

    [Fact]
    public void An_html_post_body_is_read_as_html_and_a_markdown_one_as_markdown()
    {
        var generator = new ExcerptGenerator();

        generator.Create(Post("<p>*not emphasis*</p>", format: PostBodyFormat.Html)).Text.ShouldBe("*not emphasis*");
        generator.Create(Post("*emphasis*")).Text.ShouldBe("emphasis");
    }

    [Fact]
    public void A_body_parsed_once_by_the_caller_gives_the_same_excerpt()
    {
        var generator = new ExcerptGenerator(new ExcerptOptions { Length = 12 });
        FeedPost post = Post("# Title\n\nSome *text* and more text\n\n<!--more-->\n\nRest");
        MarkdownDocument parsed = Markdown.Parse(post.Body, MarkdownPipelines.Default);

        Excerpt fromParsed = generator.Create(post, parsed);

        fromParsed.ShouldBe(generator.Create(post));
        fromParsed.ShouldBe(new Excerpt("Title Some...", IsTruncated: true, ExcerptSource.Divider));
    }

    [Fact]
    public void A_parsed_body_is_ignored_for_html_bodies_and_summaries()
    {
        var generator = new ExcerptGenerator();
        MarkdownDocument other = Markdown.Parse("Something else", MarkdownPipelines.Default);

        generator.Create(Post("<p>Html</p>", format: PostBodyFormat.Html), other).Text.ShouldBe("Html");
        generator.Create(Post("Body", summary: "Summary"), other).Text.ShouldBe("Summary");
    }

    [Fact]
    public void To_plain_text_is_the_whole_text_ignoring_the_divider() =>
        new ExcerptGenerator(new ExcerptOptions { Length = 3 }).ToPlainText("First.\n\n<!--more-->\n\nSecond *part*.")
            .ShouldBe("First. Second part.");
}
