using Feed.Content;
using Feed.Tests.Support;

namespace Feed.Tests.Content;

/// <summary>Every example of <c>Content/Specs/ContentSpecs.md</c> is a test case: a post body and the HTML its feed entry carries.</summary>
public sealed class ContentSpecTests
{
    private static readonly Lazy<IReadOnlyList<SpecExample>> Cached = new(() =>
        SpecFile.Parse(File.ReadAllText(SpecFile.Locate("Content", "Specs", "ContentSpecs.md")), "ContentSpecs.md"));

    public static TheoryData<string> Examples => new(Cached.Value.Select(example => example.Id));

    [Theory]
    [MemberData(nameof(Examples))]
    public void Spec_example(string id)
    {
        SpecExample example = Cached.Value.Single(e => e.Id == id);
        bool markdown = example.Words.Contains("markdown");
        example.Words.ShouldAllBe(word => word == "markdown", $"ContentSpecs.md line {example.Line}: unknown word");

        // Markdig ends its HTML with a line break, which the spec's block format cannot show.
        string html = markdown ? ContentHtml.FromMarkdown(example.Input).TrimEnd('\n') : ContentHtml.FromHtml(example.Input);

        html.ShouldBe(example.Expected, $"{example.Id}: body\n{example.Input}");
        HtmlSanitizer.Sanitize(html, new Uri(ContentHtml.PostUrl)).ShouldBe(html, $"{example.Id}: sanitising the output again changes it");
    }

    [Fact]
    public void The_spec_file_has_examples_of_html_and_markdown_bodies()
    {
        IReadOnlyList<SpecExample> examples = Cached.Value;

        examples.Count.ShouldBeGreaterThan(40);
        examples.ShouldContain(e => e.Words.Contains("markdown"));
        examples.Select(e => e.Id).ShouldBeUnique();
    }
}
