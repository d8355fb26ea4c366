using Feed.Excerpts;
using Feed.Tests.Excerpts.Specs;

namespace Feed.Tests.Content;

/// <summary>
/// Dollar math in the content HTML follows the same rule as in the excerpt (pandoc's <c>tex_math_dollars</c>): the
/// math examples of <c>ExcerptSpecs.md</c> render as many math spans as their excerpts have placeholders. Math inside
/// raw HTML is the exception: the content keeps raw HTML as written (where the site's MathJax reads it), and only the
/// excerpt replaces it, so those examples are left out here.
/// </summary>
public sealed class MathContentTests
{
    [Theory]
    [InlineData("中文$x^2$后面", "<p>中文<span class=\"math\">\\(x^2\\)</span>后面</p>")]
    [InlineData("中文$x^2$。", "<p>中文<span class=\"math\">\\(x^2\\)</span>。</p>")]
    [InlineData("中文 $x^2$后面", "<p>中文 <span class=\"math\">\\(x^2\\)</span>后面</p>")]
    [InlineData("日本語の$E=mc^2$は", "<p>日本語の<span class=\"math\">\\(E=mc^2\\)</span>は</p>")]
    [InlineData("area $\\pi r^2$, x$y$z", "<p>area <span class=\"math\">\\(\\pi r^2\\)</span>, x<span class=\"math\">\\(y\\)</span>z</p>")]
    [InlineData("It costs $5 and $6.", "<p>It costs $5 and $6.</p>")]
    [InlineData("$ 7 $ and $x $ and $1$2", "<p>$ 7 $ and $x $ and $1$2</p>")]
    [InlineData("A literal \\$x\\$ here", "<p>A literal $x$ here</p>")]
    [InlineData("$a\\$b$", "<p><span class=\"math\">\\(a\\$b\\)</span></p>")]
    [InlineData("$\\text{a $ b}$", "<p><span class=\"math\">\\(\\text{a $ b}\\)</span></p>")]
    [InlineData("显示$$ \\sum x $$公式", "<p>显示<span class=\"math\">\\(\\sum x\\)</span>公式</p>")]
    public void Inline_math_follows_the_dollar_rule(string markdown, string expected) =>
        ContentHtml.FromMarkdown(markdown).TrimEnd('\n').ShouldBe(expected);

    public static TheoryData<string> MathSpecBodies()
    {
        var data = new TheoryData<string>();
        foreach (ExcerptSpecExample example in ExcerptSpecFile.Examples)
        {
            if (!example.IsHtml && example.Id.Contains("Math", StringComparison.Ordinal)
                && !Markdig.Syntax.MarkdownObjectExtensions.Descendants<Markdig.Syntax.HtmlBlock>(Feed.Internal.MarkdownParsing.TryParse(example.Body)!).Any())
            {
                data.Add(example.Id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MathSpecBodies))]
    public void Content_and_excerpt_agree_on_what_is_math(string id)
    {
        ExcerptSpecExample example = ExcerptSpecFile.Examples.Single(e => e.Id == id);
        string excerpt = new ExcerptGenerator(new ExcerptOptions { MathPlaceholder = "\u2460", DisplayMathPlaceholder = "\u2460" })
            .ToPlainText(example.Body);
        string html = ContentHtml.FromMarkdown(example.Body);
        int spans = CountOf(html, "<span class=\"math\">") + CountOf(html, "<div class=\"math\">") + CountOf(html, "<math>");
        spans.ShouldBe(CountOf(excerpt, "\u2460"), html);
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
