using Feed.Excerpts;

namespace Feed.Tests.Excerpts;

public sealed class ExcerptOptionsTests
{
    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var options = new ExcerptOptions();
        options.Length.ShouldBe(350);
        options.Ellipsis.ShouldBe("...");
        options.Boundary.ShouldBe(ExcerptBoundary.Word);
        options.MathPlaceholder.ShouldBe("[Math]");
        options.DisplayMathPlaceholder.ShouldBe("[Math]");
        options.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void Invalid_options_list_every_problem()
    {
        var options = new ExcerptOptions { Length = 0, Ellipsis = null!, MathPlaceholder = null! };
        // The one exception family of options: FeedGenerator and ExcerptGenerator both throw FeedOptionsException.
        FeedOptionsException ex = Should.Throw<FeedOptionsException>(() => new ExcerptGenerator(options));
        ex.ParamName.ShouldBe("options");
        ex.Message.ShouldStartWith("Invalid excerpt options (3 problems):");
        ex.Errors.Count.ShouldBe(3);
        ex.Message.ShouldContain("Excerpt.Length");
        ex.Message.ShouldContain("Excerpt.Ellipsis");
        ex.Message.ShouldContain("Excerpt.MathPlaceholder");
    }

    [Fact]
    public void Every_broken_rule_is_listed_once_each()
    {
        var options = new ExcerptOptions
        {
            Length = -3,
            Ellipsis = "\u0001",
            Boundary = (ExcerptBoundary)7,
            MathPlaceholder = null!,
            DisplayMathPlaceholder = null!,
        };

        IReadOnlyList<string> errors = [.. options.Validate().Select(error => error.ErrorMessage!)];
        options.Validate().SelectMany(error => error.MemberNames).ShouldBe(
            ["Length", "Ellipsis", "Boundary", "MathPlaceholder", "DisplayMathPlaceholder"], ignoreOrder: true);

        errors.Count.ShouldBe(5);
        errors.ShouldContain(e => e.Contains("Excerpt.Length", StringComparison.Ordinal) && e.Contains("-3", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("Excerpt.Ellipsis", StringComparison.Ordinal) && e.Contains("XML 1.0", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("Excerpt.Boundary", StringComparison.Ordinal) && e.Contains('7', StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("Excerpt.MathPlaceholder", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("Excerpt.DisplayMathPlaceholder", StringComparison.Ordinal));
    }

    [Fact]
    public void The_generator_copies_the_options()
    {
        var options = new ExcerptOptions { Length = 5 };
        var generator = new ExcerptGenerator(options);

        options.Length = 100;
        options.Ellipsis = "!";

        generator.FromMarkdown("Hello world").Text.ShouldBe("Hello...");
    }

    [Fact]
    public void Placeholders_with_forbidden_characters_are_allowed_and_cleaned() =>
        new ExcerptGenerator(new ExcerptOptions { MathPlaceholder = "<\u0001m>" }).FromMarkdown("$x$").Text.ShouldBe("<m>");
}
