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
        var ex = Should.Throw<ArgumentException>(() => new ExcerptGenerator(options));
        ex.Message.ShouldContain("Excerpt.Length");
        ex.Message.ShouldContain("Excerpt.Ellipsis");
        ex.Message.ShouldContain("Excerpt.MathPlaceholder");
    }
}
