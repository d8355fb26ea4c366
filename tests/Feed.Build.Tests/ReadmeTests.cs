using System.Text.RegularExpressions;
using System.Xml.Linq;
using Feed.Build.Tests.Support;
using Feed.Hosting.Tests.Support;

namespace Feed.Build.Tests;

/// <summary>
/// The package README (what nuget.org shows) says what the package does: its project lines and config are files the
/// tests use, its config builds the sample posts, and its table lists every property the targets read.
/// </summary>
public sealed partial class ReadmeTests
{
    private static readonly string Readme = RepositoryFiles.Path("src", "Feed.Build", "README.md");

    [Fact]
    public void The_README_blocks_are_the_checked_files_verbatim()
    {
        IReadOnlyList<(string Marker, string Text)> blocks = ReadmeSnippets.Blocks(Readme);

        blocks.Select(b => b.Marker).ShouldBe(["file: tests/Feed.Build.Tests/Readme/PackageReference.xml", "file: tests/Feed.Build.Tests/Readme/feed.json"]);
        foreach ((string marker, string text) in blocks)
        {
            text.ShouldBe(ReadmeSnippets.Expected(marker, RepositoryFiles.Root), marker);
        }
    }

    [Fact]
    public void The_package_reference_names_this_package_at_its_version_as_a_private_asset()
    {
        XElement reference = XElement.Load(RepositoryFiles.Path("tests", "Feed.Build.Tests", "Readme", "PackageReference.xml")).Element("PackageReference")!;
        string version = XElement.Load(RepositoryFiles.Path("Directory.Build.props")).Descendants("Version").Single().Value;

        ((string?)reference.Attribute("Include")).ShouldBe("Feed.Build");
        ((string?)reference.Attribute("Version")).ShouldBe(version);
        ((string?)reference.Attribute("PrivateAssets")).ShouldBe("all");
    }

    [Fact]
    public void The_README_config_is_read_without_a_problem_and_builds_the_sample_posts_in_every_format()
    {
        string config = RepositoryFiles.Path("tests", "Feed.Build.Tests", "Readme", "feed.json");
        using var project = new SampleProject();
        File.Copy(config, project.Config, overwrite: true);
        var engine = new RecordingBuildEngine();
        project.Task(engine).Execute().ShouldBeTrue(string.Join("\n", engine.Errors.Select(e => e.Message)));
        engine.Warnings.ShouldBeEmpty(); // no unknown key, no near miss

        foreach (string file in new[] { "feed.xml", "atom.xml", "feed.json" })
        {
            File.Exists(project.Output(file)).ShouldBeTrue(file);
        }
    }

    [Fact]
    public void The_README_table_lists_every_property_the_targets_read()
    {
        string targets = File.ReadAllText(RepositoryFiles.Path("src", "Feed.Build", "build", "Feed.Build.targets"))
            + File.ReadAllText(RepositoryFiles.Path("src", "Feed.Build", "build", "Feed.Build.props"));
        string[] properties = [.. PropertyReference().Matches(targets).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal)];
        string readme = File.ReadAllText(Readme);

        properties.ShouldNotBeEmpty();
        properties.ShouldAllBe(property => readme.Contains($"| `{property}` |"), $"the README's table misses one of {string.Join(", ", properties)}");
    }

    // $(FeedSomething): a property a project sets; $(_Feed…) are the package's own.
    [GeneratedRegex(@"\$\((Feed[A-Za-z]+)\)")]
    private static partial Regex PropertyReference();
}
