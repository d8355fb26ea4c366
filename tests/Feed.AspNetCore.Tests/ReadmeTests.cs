using Feed.Hosting.Tests.Support;

namespace Feed.AspNetCore.Tests;

/// <summary>
/// The READMEs' ASP.NET Core code is compiled code, verbatim: the repository README's is the sample host's
/// (tests/Samples/BlogHost, served by these tests), the package README's is the Native AOT sample's
/// (tests/Samples/AotHost, published and run by CI), with the usings each needs.
/// </summary>
public sealed class ReadmeTests
{
    private static readonly string[] RepositorySnippets =
    [
        RepositoryFiles.Path("tests", "Samples", "BlogHost", "BlogApp.cs"),
    ];

    private static readonly string[] PackageSnippets =
    [
        RepositoryFiles.Path("tests", "Samples", "AotHost", "Program.cs"),
        RepositoryFiles.Path("tests", "Samples", "AotHost", "Notes.cs"),
        RepositoryFiles.Path("tests", "Feed.AspNetCore.Tests", "Snippets", "CompressionSnippet.cs"),
    ];

    [Fact]
    public void The_README_shows_the_sample_hosts_code_verbatim()
    {
        IReadOnlyList<(string Marker, string Text)> blocks = ReadmeSnippets.Blocks(RepositoryFiles.Path("README.md"))
            .Where(b => b.Marker.StartsWith("snippet: aspnetcore", StringComparison.Ordinal)).ToList();

        blocks.Select(b => b.Marker).ShouldBe(["snippet: aspnetcore-usings + aspnetcore", "snippet: aspnetcore-map"]);
        foreach ((string marker, string text) in blocks)
        {
            string expected = ReadmeSnippets.Expected(marker, RepositoryFiles.Root, RepositorySnippets);
            text.ShouldBe(expected, $"Paste this under <!-- {marker} --> in README.md:\n```csharp\n{expected}\n```");
        }

        blocks[0].Text.ShouldContain("using Microsoft.AspNetCore.ResponseCompression;");
        blocks[0].Text.ShouldContain("AddFeedMediaTypes()");
    }

    [Fact]
    public void The_package_README_shows_the_native_samples_code_and_settings_verbatim()
    {
        string readme = RepositoryFiles.Path("src", "Feed.AspNetCore", "README.md");
        IReadOnlyList<(string Marker, string Text)> blocks = ReadmeSnippets.Blocks(readme);

        blocks.Select(b => b.Marker).ShouldBe(
        [
            "snippet: aspnetcore-quick-start", "file: tests/Samples/AotHost/appsettings.json", "snippet: aspnetcore-page-source",
            "snippet: compression-usings + compression",
        ]);
        foreach ((string marker, string text) in blocks)
        {
            string expected = ReadmeSnippets.Expected(marker, RepositoryFiles.Root, PackageSnippets);
            text.ShouldBe(expected, $"Paste this under <!-- {marker} --> in src/Feed.AspNetCore/README.md:\n{expected}");
        }

        ReadmeSnippets.UncheckedCSharpBlocks(readme).ShouldBeEmpty("every C# block of the package README is compiled code");
    }

    [Fact]
    public void The_package_README_has_a_row_for_every_endpoint_option()
    {
        string[] lines = File.ReadAllLines(RepositoryFiles.Path("src", "Feed.AspNetCore", "README.md"));
        int heading = Array.IndexOf(lines, "## FeedEndpointOptions");
        heading.ShouldBeGreaterThanOrEqualTo(0);
        string rows = string.Join('\n', lines.Skip(heading).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')));

        foreach (System.Reflection.PropertyInfo property in typeof(FeedEndpointOptions).GetProperties())
        {
            rows.ShouldContain($"| `{property.Name}` |", customMessage: $"no row for FeedEndpointOptions.{property.Name}");
        }
    }
}
