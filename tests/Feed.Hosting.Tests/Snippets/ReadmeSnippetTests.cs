using Feed.Hosting.Tests.Support;

namespace Feed.Hosting.Tests.Snippets;

/// <summary>The README's code is the compiled snippet, so it cannot rot (Polly's mdsnippets idea, without the tool).</summary>
public sealed class ReadmeSnippetTests
{
    [Fact]
    public void The_README_shows_the_compiled_dependency_injection_snippet_verbatim()
    {
        string snippet = SnippetText(RepositoryFiles.Path("tests", "Feed.Hosting.Tests", "Snippets", "QuickStartSnippet.cs"), "di");
        string readme = ReadmeBlock(RepositoryFiles.Path("README.md"), "di");

        readme.ShouldBe(snippet, $"Paste this between <!-- snippet: di --> and <!-- endSnippet --> in README.md:\n```csharp\n{snippet}\n```");
    }

    [Fact]
    public void The_snippet_markers_are_found_and_hold_the_registration_and_both_endpoints()
    {
        string snippet = SnippetText(RepositoryFiles.Path("tests", "Feed.Hosting.Tests", "Snippets", "QuickStartSnippet.cs"), "di");

        snippet.ShouldStartWith("builder.Services.AddFeed<Article>(");
        snippet.ShouldContain("app.MapGet(\"/feed.xml\"");
        snippet.ShouldContain("app.MapGet(\"/atom.xml\"");
        snippet.ShouldNotContain("// end-snippet");
    }

    /// <summary>The lines between <c>// begin-snippet: name</c> and <c>// end-snippet</c>, without their common indentation.</summary>
    private static string SnippetText(string file, string name)
    {
        string[] lines = ReadLines(file);
        int begin = Array.FindIndex(lines, l => l.Trim() == $"// begin-snippet: {name}");
        int end = Array.FindIndex(lines, Math.Max(begin, 0), l => l.Trim() == "// end-snippet");
        begin.ShouldBeGreaterThanOrEqualTo(0, $"{file} has no '// begin-snippet: {name}'");
        end.ShouldBeGreaterThan(begin, $"{file} has no '// end-snippet' after the begin marker");

        string[] body = lines[(begin + 1)..end];
        int indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', body.Select(l => l.Trim().Length == 0 ? string.Empty : l[indent..]));
    }

    /// <summary>The ```csharp block right after <c>&lt;!-- snippet: name --&gt;</c>, closed by <c>&lt;!-- endSnippet --&gt;</c>.</summary>
    private static string ReadmeBlock(string file, string name)
    {
        string[] lines = ReadLines(file);
        int marker = Array.FindIndex(lines, l => l.Trim() == $"<!-- snippet: {name} -->");
        marker.ShouldBeGreaterThanOrEqualTo(0, $"README.md has no '<!-- snippet: {name} -->' marker");
        lines[marker + 1].ShouldBe("```csharp");
        int close = Array.FindIndex(lines, marker + 2, l => l == "```");
        close.ShouldBeGreaterThan(marker + 1, "the ```csharp block is not closed");
        lines[close + 1].ShouldBe("<!-- endSnippet -->");
        return string.Join('\n', lines[(marker + 2)..close]);
    }

    private static string[] ReadLines(string file) => File.ReadAllText(file).ReplaceLineEndings("\n").Split('\n');
}
