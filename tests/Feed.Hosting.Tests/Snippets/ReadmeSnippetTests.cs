using Feed.Hosting.Tests.Support;

namespace Feed.Hosting.Tests.Snippets;

/// <summary>The README's code is the compiled snippet, so it cannot rot (Polly's mdsnippets idea, without the tool).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ReadmeSnippetTests
{
    [Fact]
    public void The_README_shows_the_compiled_quick_start_verbatim()
    {
        string snippet = SnippetText(RepositoryFiles.Path("tests", "Feed.Hosting.Tests", "Snippets", "LibrarySnippet.cs"), "quick-start");
        string readme = ReadmeBlock(RepositoryFiles.Path("README.md"), "snippet: quick-start", "csharp");

        readme.ShouldBe(snippet, $"Paste this between <!-- snippet: quick-start --> and <!-- endSnippet --> in README.md:\n```csharp\n{snippet}\n```");
    }

    [Fact]
    public void The_README_shows_what_the_quick_start_really_prints()
    {
        TextWriter original = Console.Out;
        var captured = new StringWriter { NewLine = "\n" };
        Console.SetOut(captured);
        try
        {
            LibrarySnippet.Run();
        }
        finally
        {
            Console.SetOut(original);
        }

        string printed = captured.ToString().TrimEnd('\n');
        string readme = ReadmeBlock(RepositoryFiles.Path("README.md"), "output: quick-start", "text");

        readme.ShouldBe(printed, $"Paste this between <!-- output: quick-start --> and <!-- endSnippet --> in README.md:\n```text\n{printed}\n```");
    }

    [Fact]
    public void The_README_shows_the_compiled_dependency_injection_snippet_verbatim()
    {
        string snippet = SnippetText(RepositoryFiles.Path("tests", "Feed.Hosting.Tests", "Snippets", "QuickStartSnippet.cs"), "di");
        string readme = ReadmeBlock(RepositoryFiles.Path("README.md"), "snippet: di", "csharp");

        readme.ShouldBe(snippet, $"Paste this between <!-- snippet: di --> and <!-- endSnippet --> in README.md:\n```csharp\n{snippet}\n```");
    }

    [Fact]
    public void The_README_shows_the_compiled_folder_snippet_verbatim()
    {
        string snippet = SnippetText(RepositoryFiles.Path("tests", "Feed.Hosting.Tests", "Snippets", "FolderSnippet.cs"), "folder");
        string readme = ReadmeBlock(RepositoryFiles.Path("README.md"), "snippet: folder", "csharp");

        readme.ShouldBe(snippet, $"Paste this between <!-- snippet: folder --> and <!-- endSnippet --> in README.md:\n```csharp\n{snippet}\n```");
    }

    [Fact]
    public async Task The_README_shows_what_the_folder_snippet_prints_and_the_files_are_there()
    {
        string wwwroot = Directory.CreateTempSubdirectory("feed-snippet-").FullName;
        TextWriter original = Console.Out;
        var captured = new StringWriter { NewLine = "\n" };
        Console.SetOut(captured);
        try
        {
            await FolderSnippet.RunAsync(wwwroot, Sample.Articles(5), CancellationToken.None);
            string printed = captured.ToString().TrimEnd('\n');
            string readme = ReadmeBlock(RepositoryFiles.Path("README.md"), "output: folder", "text");

            readme.ShouldBe(printed, $"Paste this between <!-- output: folder --> and <!-- endSnippet --> in README.md:\n```text\n{printed}\n```");
            foreach (string file in printed.Split(' '))
            {
                File.Exists(Path.Combine(wwwroot, "feeds", file)).ShouldBeTrue(file);
            }
        }
        finally
        {
            Console.SetOut(original);
            Directory.Delete(wwwroot, recursive: true);
        }
    }

    [Fact]
    public void The_snippet_markers_are_found_and_hold_the_registration_and_both_endpoints()
    {
        string snippet = SnippetText(RepositoryFiles.Path("tests", "Feed.Hosting.Tests", "Snippets", "QuickStartSnippet.cs"), "di");

        snippet.ShouldStartWith("builder.Services\n    .AddFeed<Article>(");
        snippet.ShouldContain("app.MapGet(\"/feed.xml\"");
        snippet.ShouldContain("app.MapGet(\"/atom.xml\"");
        snippet.ShouldNotContain("// end-snippet");
    }

    [Theory]
    [InlineData("snippet: quick-start", "csharp")]
    [InlineData("output: quick-start", "text")]
    [InlineData("snippet: di", "csharp")]
    public void The_package_README_shows_the_same_checked_code_and_output(string marker, string language)
    {
        // The package README (src/Feed/README.md, what nuget.org shows) repeats the repository README's blocks, which
        // the tests above compile and run.
        ReadmeBlock(RepositoryFiles.Path("src", "Feed", "README.md"), marker, language)
            .ShouldBe(ReadmeBlock(RepositoryFiles.Path("README.md"), marker, language));
    }

    [Theory]
    [InlineData(typeof(FeedPost))]
    [InlineData(typeof(FeedOptions))]
    public void The_package_README_has_a_row_for_every_property(Type type)
    {
        string[] lines = ReadLines(RepositoryFiles.Path("src", "Feed", "README.md"));
        int heading = Array.IndexOf(lines, "## " + type.Name);
        heading.ShouldBeGreaterThanOrEqualTo(0, $"the package README has no '## {type.Name}' section");
        string[] rows = [.. lines.Skip(heading + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|'))];
        string firstColumns = string.Join('\n', rows.Select(r => r.Split('|')[1]));

        foreach (System.Reflection.PropertyInfo property in type.GetProperties())
        {
            firstColumns.ShouldContain($"`{property.Name}`", customMessage: $"no row for {type.Name}.{property.Name}");
        }
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

    /// <summary>The ```language block right after <c>&lt;!-- marker --&gt;</c>, closed by <c>&lt;!-- endSnippet --&gt;</c>.</summary>
    private static string ReadmeBlock(string file, string marker, string language)
    {
        string[] lines = ReadLines(file);
        int at = Array.FindIndex(lines, l => l.Trim() == $"<!-- {marker} -->");
        at.ShouldBeGreaterThanOrEqualTo(0, $"README.md has no '<!-- {marker} -->' marker");
        lines[at + 1].ShouldBe("```" + language);
        int close = Array.FindIndex(lines, at + 2, l => l == "```");
        close.ShouldBeGreaterThan(at + 1, $"the ```{language} block is not closed");
        lines[close + 1].ShouldBe("<!-- endSnippet -->");
        return string.Join('\n', lines[(at + 2)..close]);
    }

    private static string[] ReadLines(string file) => File.ReadAllText(file).ReplaceLineEndings("\n").Split('\n');
}

/// <summary>Tests that replace <see cref="Console.Out"/> run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
