using Feed.Hosting.Tests.Support;
using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests;

/// <summary>
/// The package README (what nuget.org shows for Feed.Tool and its platform packages): its config and command are files
/// this test runs, in a folder laid out as the README says, on the sample posts.
/// </summary>
public sealed class ReadmeTests : IDisposable
{
    private static readonly string Readme = RepositoryFiles.Path("src", "Feed.Tool", "README.md");
    private readonly string _folder = Directory.CreateTempSubdirectory("feed-tool-readme-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_README_blocks_are_the_checked_files_verbatim()
    {
        IReadOnlyList<(string Marker, string Text)> blocks = ReadmeSnippets.Blocks(Readme);

        blocks.Select(b => b.Marker).ShouldBe(["file: tests/Feed.Tool.Tests/Readme/feed.json", "file: tests/Feed.Tool.Tests/Readme/quick-start.sh"]);
        foreach ((string marker, string text) in blocks)
        {
            text.ShouldBe(ReadmeSnippets.Expected(marker, RepositoryFiles.Root), marker);
        }
    }

    [Fact]
    public async Task The_quick_start_command_builds_every_format_and_a_feed_per_tag_then_writes_nothing_again()
    {
        string blog = RepositoryFiles.Path("tests", "Samples", "blog");
        foreach (string file in Directory.EnumerateFiles(blog, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(_folder, "posts", Path.GetRelativePath(blog, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.Copy(RepositoryFiles.Path("tests", "Feed.Tool.Tests", "Readme", "feed.json"), Path.Combine(_folder, "feed.json"));
        string[] command = File.ReadAllText(RepositoryFiles.Path("tests", "Feed.Tool.Tests", "Readme", "quick-start.sh")).Trim().Split(' ');
        command[0].ShouldBe("feed");
        string[] args = [.. command[1..].Select(arg => arg is "posts" or "site" or "feed.json" ? Path.Combine(_folder, arg) : arg), "--now", "2025-01-01T00:00:00Z"];

        ToolRun first = await ToolRun.RunAsync(args);
        ToolRun second = await ToolRun.RunAsync(args);

        first.ExitCode.ShouldBe(0, first.ToString());
        first.Stdout.ShouldStartWith("feed: 12 posts read, 2 skipped (1 draft, 1 future), ");
        first.Stderr.ShouldBeEmpty();
        foreach (string file in new[] { "feed.xml", "atom.xml", "feed.json" })
        {
            File.Exists(Path.Combine(_folder, "site", file)).ShouldBeTrue(file);
        }

        Directory.EnumerateDirectories(Path.Combine(_folder, "site", "tags")).ShouldNotBeEmpty();
        second.ExitCode.ShouldBe(0, second.ToString());
        second.Stdout.ShouldContain(" 0 files written, ");
    }
}
