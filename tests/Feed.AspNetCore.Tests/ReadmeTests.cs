using Feed.Hosting.Tests.Support;

namespace Feed.AspNetCore.Tests;

/// <summary>The README's ASP.NET Core integration is the sample host's code, verbatim: compiled, and served by these tests.</summary>
public sealed class ReadmeTests
{
    [Theory]
    [InlineData("BlogApp.cs", "aspnetcore")]
    [InlineData("BlogApp.cs", "aspnetcore-map")]
    public void The_README_shows_the_sample_hosts_code_verbatim(string file, string name)
    {
        string snippet = SnippetText(RepositoryFiles.Path("tests", "Samples", "BlogHost", file), name);
        string readme = ReadmeBlock(RepositoryFiles.Path("README.md"), $"snippet: {name}");

        snippet.ShouldContain(name switch
        {
            "aspnetcore" => "AddFeed<Post>",
            "aspnetcore-source" => "IFeedPageSource<Post>",
            _ => "app.MapFeed<Post>(\"/tags/{tag}/atom.xml\"",
        });
        readme.ShouldBe(snippet, $"Paste this between <!-- snippet: {name} --> and <!-- endSnippet --> in README.md:\n```csharp\n{snippet}\n```");
    }

    private static string SnippetText(string file, string name)
    {
        string[] lines = File.ReadAllText(file).ReplaceLineEndings("\n").Split('\n');
        int begin = Array.FindIndex(lines, l => l.Trim() == $"// begin-snippet: {name}");
        begin.ShouldBeGreaterThanOrEqualTo(0, $"{file} has no '// begin-snippet: {name}'");
        int end = Array.FindIndex(lines, begin, l => l.Trim() == "// end-snippet");
        end.ShouldBeGreaterThan(begin);
        string[] body = lines[(begin + 1)..end];
        int indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', body.Select(l => l.Trim().Length == 0 ? string.Empty : l[indent..]));
    }

    private static string ReadmeBlock(string file, string marker)
    {
        string[] lines = File.ReadAllText(file).ReplaceLineEndings("\n").Split('\n');
        int at = Array.FindIndex(lines, l => l.Trim() == $"<!-- {marker} -->");
        at.ShouldBeGreaterThanOrEqualTo(0, $"README.md has no '<!-- {marker} -->' marker");
        lines[at + 1].ShouldBe("```csharp");
        int close = Array.FindIndex(lines, at + 2, l => l == "```");
        lines[close + 1].ShouldBe("<!-- endSnippet -->");
        return string.Join('\n', lines[(at + 2)..close]);
    }
}
