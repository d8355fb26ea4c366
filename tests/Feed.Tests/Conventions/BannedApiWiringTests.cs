using System.Xml.Linq;
using Feed.Tests.Support;

namespace Feed.Tests.Conventions;

/// <summary>
/// The clock and culture bans are enforced by BannedApiAnalyzers at build time (src/BannedSymbols*.txt, error
/// RS0030); these tests make sure that wiring stays in place, since removing it would fail nothing else.
/// </summary>
public sealed class BannedApiWiringTests
{
    public static TheoryData<string, string[]> Projects => new()
    {
        { "src/Feed/Feed.csproj", ["../BannedSymbols.txt", "../BannedSymbols.Library.txt"] },
        { "src/Feed.Tool/Feed.Tool.csproj", ["../BannedSymbols.txt"] },
    };

    [Theory, MemberData(nameof(Projects))]
    public void Project_runs_the_banned_api_analyzer_with_the_shared_list(string project, string[] bannedLists)
    {
        XDocument csproj = XDocument.Load(Path.Combine(RepoPaths.Root, project));

        XElement analyzer = csproj.Descendants("PackageReference")
            .Where(e => (string?)e.Attribute("Include") == "Microsoft.CodeAnalysis.BannedApiAnalyzers")
            .ShouldHaveSingleItem();
        ((string?)analyzer.Attribute("PrivateAssets")).ShouldBe("all", "an analyzer must not become a dependency of the package");
        csproj.Descendants("AdditionalFiles").Select(e => (string?)e.Attribute("Include")).ShouldBe(bannedLists, ignoreOrder: true);
    }

    [Fact]
    public void Shared_list_bans_the_clock_and_the_current_culture_with_a_reason_each()
    {
        string[] entries = Entries("src/BannedSymbols.txt");

        string[] ids = [.. entries.Select(entry => entry.Split(';')[0])];
        ids.ShouldContain("P:System.DateTime.Now");
        ids.ShouldContain("P:System.DateTime.UtcNow");
        ids.ShouldContain("P:System.DateTime.Today");
        ids.ShouldContain("P:System.DateTimeOffset.Now");
        ids.ShouldContain("P:System.DateTimeOffset.UtcNow");
        ids.ShouldContain("M:System.String.ToLower");
        ids.ShouldContain("M:System.String.ToUpper");
        ids.ShouldContain("P:System.Globalization.CultureInfo.CurrentCulture");
        ids.ShouldNotContain("M:System.Guid.NewGuid"); // the tool names temporary files with it
        ids.ShouldBeUnique();
        entries.ShouldAllBe(entry => entry.Split(';', 2).Length == 2 && entry.Split(';', 2)[1].Length > 20);
    }

    [Fact]
    public void Library_list_bans_new_guids_with_a_reason() =>
        Entries("src/BannedSymbols.Library.txt").ShouldHaveSingleItem().ShouldStartWith("M:System.Guid.NewGuid;A new Guid differs on every run");

    private static string[] Entries(string path) =>
        [.. File.ReadAllLines(Path.Combine(RepoPaths.Root, path)).Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal))];
}
