using System.Globalization;
using Feed.Tool.Templates;

namespace Feed.Tool.Tests.Templates.Specs;

/// <summary>Every example of <c>TemplateSpecs.md</c> is a test case.</summary>
public sealed class TemplateSpecTests
{
    public static TheoryData<string> Examples => new(TemplateSpecFile.Examples.Select(example => example.Id));

    [Theory]
    [MemberData(nameof(Examples))]
    public void Spec_example(string id)
    {
        TemplateSpecExample example = TemplateSpecFile.Examples.Single(e => e.Id == id);

        TemplateExpansion expansion = TemplateExpander.Expand(
            example.Body, example.FirstLine, example.Dialect, SpecSite.Instance, SpecSite.PostSourcePath, SpecSite.PostUrl);

        expansion.Body.ShouldBe(example.ExpectedBody, $"{example.Id}: body\n{example.Body}");
        string[] notes = [.. expansion.Notes.Select(n => string.Create(CultureInfo.InvariantCulture, $"{n.Line}:{n.Column} {n.Message}"))];
        notes.ShouldBe(example.ExpectedNotes, $"{example.Id}: notes");
        expansion.RemovedCount.ShouldBe(example.ExpectedRemoved, $"{example.Id}: removed");
    }

    [Fact]
    public void The_spec_file_has_examples_of_every_dialect()
    {
        IReadOnlyList<TemplateSpecExample> examples = TemplateSpecFile.Examples;

        examples.ShouldContain(e => e.Dialect == TemplateDialect.Jekyll);
        examples.ShouldContain(e => e.Dialect == TemplateDialect.Hugo);
        examples.ShouldContain(e => e.Dialect == TemplateDialect.Hexo);
        examples.ShouldContain(e => e.ExpectedNotes.Count > 0);
        examples.Select(e => e.Id).ShouldBeUnique();
    }

    [Fact]
    public void An_example_without_a_dialect_is_reported_with_its_line()
    {
        string fence = new('`', 32);
        var ex = Should.Throw<FormatException>(() => TemplateSpecFile.Parse($"# T\n\n{fence} example\nbody\n.\nbody\n{fence}\n"));

        ex.Message.ShouldContain("line 3");
    }
}
