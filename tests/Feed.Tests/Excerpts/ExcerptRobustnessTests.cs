using Feed.Excerpts;
using Feed.Internal;

namespace Feed.Tests.Excerpts;

/// <summary>Bad input never throws out of the engine: null arguments aside, any string gives an excerpt.</summary>
public sealed class ExcerptRobustnessTests
{
    public static TheoryData<string, string> Hostile => new()
    {
        { "deep quotes", new string('>', 2_000) + " x" }, // past Markdig's depth limit: it throws, the engine does not
        { "deep lists", string.Concat(Enumerable.Repeat("- ", 500)) + "x" },
        { "deep brackets", new string('[', 1_000) + "x" + new string(']', 1_000) },
        { "deep emphasis", string.Concat(Enumerable.Repeat("*a _b ", 1_000)) + string.Concat(Enumerable.Repeat("b_ a*", 1_000)) },
        { "big table", "| a | b |\n|---|---|\n" + string.Concat(Enumerable.Repeat("| *c* | d |\n", 500)) },
        { "deep html", string.Concat(Enumerable.Repeat("<div><span>", 10_000)) + "x" },
        { "unclosed everything", "<script <!-- ``` $$ [ ![ <div \"" },
        { "lone surrogates", "\uD800\uDC00\uDC00\uD800a\uD83D" },
        { "only controls", "\u0000\u0001\u0002\u001F\uFFFE\uFFFF" },
        { "only white space", " \t\r\n\u00A0\u3000\u2028" },
        { "only combining marks", new string('\u0301', 1_000) },
        { "only prepended marks", new string('\u0600', 1_000) + " \n\n<!--more-->\n\n x" },
        { "zalgo", "Z" + new string('\u0336', 5_000) + "a" + new string('\u0489', 5_000) },
        { "one long flag run", string.Concat(Enumerable.Repeat("🇯", 10_001)) },
        { "one long ZWJ chain", string.Join('\u200D', Enumerable.Repeat("👩", 5_000)) },
        { "empty", "" },

        // Math delimiters that never close, each of which would search the rest of the text if a failed search were
        // made again: a quadratic reader takes minutes on these, a linear one milliseconds.
        { "unclosed backslash math", "x " + string.Concat(Enumerable.Repeat("\\( \\[x^2 ", 20_000)) },
        { "unclosed doubled backslash math", "x " + string.Concat(Enumerable.Repeat("\\\\( \\\\[ ", 20_000)) },
        { "unclosed math in html", "<div>\n" + string.Concat(Enumerable.Repeat("\\( \\[ $x ", 20_000)) + "\n</div>" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_markdown_and_html_give_a_valid_excerpt(string name, string body)
    {
        foreach (ExcerptBoundary boundary in Enum.GetValues<ExcerptBoundary>())
        {
            var generator = new ExcerptGenerator(new ExcerptOptions { Length = 20, Boundary = boundary });

            Excerpt markdown = generator.FromMarkdown(body);
            Excerpt html = generator.FromHtml(body);
            string plain = generator.ToPlainText(body);

            XmlChars.IsValid(markdown.Text).ShouldBeTrue(name);
            XmlChars.IsValid(html.Text).ShouldBeTrue(name);
            XmlChars.IsValid(plain).ShouldBeTrue(name);
            plain.ShouldStartWith(markdown.IsTruncated ? markdown.Text[..^3] : markdown.Text, Case.Sensitive, name);
        }
    }

    [Fact]
    public void Markdown_that_markdig_refuses_is_read_as_text_with_html_in_it()
    {
        string body = new string('>', 200) + " deep <b>text</b> &amp; more";

        new ExcerptGenerator().FromMarkdown(body).Text.ShouldBe(new string('>', 200) + " deep text & more");
    }

    [Fact]
    public void Null_arguments_throw_argument_null_exception()
    {
        var generator = new ExcerptGenerator();

        Should.Throw<ArgumentNullException>(() => generator.Create(null!)).ParamName.ShouldBe("post");
        Should.Throw<ArgumentNullException>(() => generator.FromMarkdown(null!)).ParamName.ShouldBe("markdown");
        Should.Throw<ArgumentNullException>(() => generator.FromHtml(null!)).ParamName.ShouldBe("html");
        Should.Throw<ArgumentNullException>(() => generator.ToPlainText(null!)).ParamName.ShouldBe("body");
    }

    [Fact]
    public void An_undefined_body_format_reads_as_markdown() =>
        new ExcerptGenerator().ToPlainText("*a*", (PostBodyFormat)42).ShouldBe("a");

    [Fact]
    public void A_generator_is_shared_safely_between_threads()
    {
        var generator = new ExcerptGenerator(new ExcerptOptions { Length = 30 });
        string[] bodies = Enumerable.Range(0, 200)
            .Select(i => $"# Post {i}\n\n" + string.Concat(Enumerable.Repeat($"word{i} 中文{i} ", i % 17 + 1)) + (i % 3 == 0 ? "\n\n<!--more-->\n\nrest" : ""))
            .ToArray();
        Excerpt[] sequential = bodies.Select(generator.FromMarkdown).ToArray();

        var parallel = new Excerpt[bodies.Length];
        Parallel.For(0, bodies.Length * 10, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            parallel[i % bodies.Length] = generator.FromMarkdown(bodies[i % bodies.Length]));

        parallel.ShouldBe(sequential);
    }

    [Fact]
    public void A_large_plain_text_is_followed_by_a_short_excerpt_on_the_same_thread()
    {
        // The per-thread buffer grows for the big text and is given up afterwards; the next call must not see its contents.
        var generator = new ExcerptGenerator();
        string big = string.Concat(Enumerable.Repeat("big text ", 10_000));

        generator.ToPlainText(big).Length.ShouldBe(big.Length - 1);
        generator.FromMarkdown("small").ShouldBe(new Excerpt("small", IsTruncated: false, ExcerptSource.Body));
    }
}
