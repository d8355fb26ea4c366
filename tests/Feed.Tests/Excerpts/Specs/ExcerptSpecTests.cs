using Feed.Excerpts;

namespace Feed.Tests.Excerpts.Specs;

/// <summary>Every example of <c>ExcerptSpecs.md</c> is a test case.</summary>
public sealed class ExcerptSpecTests
{
    public static TheoryData<string> Examples => new(ExcerptSpecFile.Examples.Select(example => example.Id));

    [Theory]
    [MemberData(nameof(Examples))]
    public void Spec_example(string id)
    {
        ExcerptSpecExample example = ExcerptSpecFile.Examples.Single(e => e.Id == id);
        var generator = new ExcerptGenerator(example.Options);

        Excerpt excerpt = example.IsHtml ? generator.FromHtml(example.Body) : generator.FromMarkdown(example.Body);

        excerpt.Text.ShouldBe(example.ExpectedText, $"{example.Id}: body\n{example.Body}");
        excerpt.IsTruncated.ShouldBe(example.ExpectedTruncated, example.Id);
        excerpt.Source.ShouldBe(example.ExpectedSource, example.Id);

        string plain = generator.ToPlainText(example.Body, example.IsHtml ? PostBodyFormat.Html : PostBodyFormat.Markdown);
        string kept = excerpt.IsTruncated ? excerpt.Text[..^example.Options.Ellipsis.Length] : excerpt.Text;
        plain.ShouldStartWith(kept, Case.Sensitive, example.Id);
        ClusterBoundaries(plain).ShouldContain(kept.Length, $"{example.Id}: the excerpt ends inside a user-perceived character of the whole text");
    }

    private static HashSet<int> ClusterBoundaries(string text)
    {
        var boundaries = new HashSet<int> { 0, text.Length };
        for (int i = 0; i < text.Length; i += System.Globalization.StringInfo.GetNextTextElementLength(text, i))
        {
            boundaries.Add(i);
        }

        return boundaries;
    }

    [Fact]
    public void The_spec_file_has_examples_of_every_part()
    {
        IReadOnlyList<ExcerptSpecExample> examples = ExcerptSpecFile.Examples;

        examples.Count.ShouldBeGreaterThan(50);
        examples.ShouldContain(e => e.IsHtml);
        examples.ShouldContain(e => e.ExpectedTruncated);
        examples.ShouldContain(e => e.ExpectedSource == ExcerptSource.Divider);
        examples.ShouldContain(e => e.Options.Boundary == ExcerptBoundary.Character);
        examples.Select(e => e.Id).ShouldBeUnique();
    }

    [Fact]
    public void The_spec_is_read_from_the_copy_in_the_test_output_folder()
    {
        string path = ExcerptSpecFile.Locate();

        Path.GetDirectoryName(path).ShouldBe(Path.Combine(AppContext.BaseDirectory, "Excerpts", "Specs"));
        File.ReadAllText(path).ShouldContain("```````````````````````````````` example");
    }

    [Fact]
    public void A_malformed_example_is_reported_with_its_line()
    {
        string fence = new('`', 32);
        var ex = Should.Throw<FormatException>(() => ExcerptSpecFile.Parse($"# T\n\n{fence} example\nno dot line\n{fence}\n"));

        ex.Message.ShouldContain("line 3"); // the line that opens the example
    }
}
