using Feed.Hosting.Tests.Support;
using Feed.Tool.Tests.Html.Snippets;
using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests.Html;

/// <summary>Feed.Liquid's README: its quick start is the compiled snippet, and running it writes the pages the template lays out.</summary>
public sealed class LiquidQuickStartTests : IDisposable
{
    private static readonly string[] SnippetFiles = [RepositoryFiles.Path("tests", "Feed.Tool.Tests", "Html", "Snippets", "LiquidQuickStart.cs")];
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void The_package_README_shows_the_compiled_quick_start_verbatim()
    {
        string readme = RepositoryFiles.Path("src", "Feed.Liquid", "README.md");
        IReadOnlyList<(string Marker, string Text)> blocks = ReadmeSnippets.Blocks(readme);

        blocks.Select(b => b.Marker).ShouldBe(["snippet: liquid-usings + liquid-quick-start"]);
        foreach ((string marker, string text) in blocks)
        {
            string expected = ReadmeSnippets.Expected(marker, RepositoryFiles.Root, SnippetFiles);
            text.ShouldBe(expected, $"Paste this under <!-- {marker} --> in src/Feed.Liquid/README.md:\n{expected}");
        }

        ReadmeSnippets.UncheckedCSharpBlocks(readme).ShouldBeEmpty("every C# block of the package README is compiled code");
    }

    [Fact]
    public async Task The_quick_start_writes_every_page_through_the_template()
    {
        string template = _site.Write("page.liquid",
            "<!DOCTYPE html><title>{{ site.title }} {{ page.number }}/{{ page.count }}</title>" +
            "{% for e in entries %}<h2>{{ e.title }}</h2>{% endfor %}");
        IReadOnlyList<string> files = await LiquidQuickStart.WriteAsync(Posts(12), template, _site.Out, CancellationToken.None);

        files.ShouldContain("index.html");
        files.ShouldContain("page/2/index.html");
        files.ShouldContain("feed.xml");
        _site.ReadOut("index.html").ShouldStartWith("<!DOCTYPE html><title>Example blog 1/2</title><h2>Post 12 &lt;b&gt;</h2>");
        _site.ReadOut("page/2/index.html").ShouldContain("<h2>Post 1 &lt;b&gt;</h2>");
    }

    [Fact]
    public async Task The_READMEs_template_lists_each_page()
    {
        string readme = File.ReadAllText(RepositoryFiles.Path("src", "Feed.Liquid", "README.md"));
        int start = readme.IndexOf("```liquid\n", StringComparison.Ordinal) + "```liquid\n".Length;
        string template = _site.Write("page.liquid", readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)]);

        await LiquidQuickStart.WriteAsync(Posts(5), template, _site.Out, CancellationToken.None);

        string html = _site.ReadOut("index.html");
        html.ShouldContain("<title>Example blog, page 1 of 1</title>");
        html.ShouldContain("<h2><a href=\"https://blog.example.org/posts/5/\">Post 5 &lt;b&gt;</a></h2><p>Body 5.</p>");
    }

    [Fact]
    public async Task A_template_error_names_the_file_and_line_and_writes_nothing()
    {
        string template = _site.Write("page.liquid", "ok\n{% if %}\n");

        FeedTemplateException error = await Should.ThrowAsync<FeedTemplateException>(() =>
            LiquidQuickStart.WriteAsync([], template, _site.Out, CancellationToken.None));

        error.Line.ShouldBe(2);
        error.Message.ShouldContain("page.liquid");
        (Directory.Exists(_site.Out) ? Directory.GetFileSystemEntries(_site.Out) : []).ShouldBeEmpty();
    }

    private static FeedPost[] Posts(int count) => [.. Enumerable.Range(1, count).Select(i => new FeedPost
    {
        Title = $"Post {i} <b>",
        Url = new Uri($"https://blog.example.org/posts/{i}/"),
        Published = new DateTimeOffset(2025, 1, i, 0, 0, 0, TimeSpan.Zero),
        Body = $"Body {i}.",
    })];
}
