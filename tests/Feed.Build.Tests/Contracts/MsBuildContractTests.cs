using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Feed.Tests.ApiApproval;
using PublicApiGenerator;

namespace Feed.Build.Tests.Contracts;

/// <summary>
/// What a project file that references Feed.Build depends on, approved as plain text: the MSBuild properties it reads
/// (with the defaults its props and targets give), the items and targets it defines, and the public task types (their
/// parameters are what the targets pass). Parsed from <c>src/Feed.Build/build/*.props</c> and <c>*.targets</c>, so a
/// renamed property or a changed default is a diff in review.
/// </summary>
public sealed partial class MsBuildContractTests
{
    private static readonly XNamespace Msb = "http://schemas.microsoft.com/developer/msbuild/2003";

    private static string Root()
    {
        DirectoryInfo? folder = new(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Feed.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (Feed.sln) is not above the test's folder.");
    }

    private static string Approved(string name) => Path.Combine(Root(), "tests", "Feed.Build.Tests", "Contracts", name);

    [GeneratedRegex(@"\$\((Feed\w+)\)")]
    private static partial Regex PropertyReference();

    [GeneratedRegex(@"@\((\w+)")]
    private static partial Regex ItemReference();

    [Fact]
    public void The_msbuild_properties_items_and_targets_are_approved()
    {
        string[] files = [.. Directory.GetFiles(Path.Combine(Root(), "src", "Feed.Build", "build")).Where(f => f.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        files.ShouldNotBeEmpty();

        var properties = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var itemsDefined = new SortedSet<string>(StringComparer.Ordinal);
        var itemsRead = new SortedSet<string>(StringComparer.Ordinal);
        var targets = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            string text = File.ReadAllText(file);
            XDocument xml = XDocument.Parse(text);
            foreach (Match match in PropertyReference().Matches(text))
            {
                properties.TryAdd(match.Groups[1].Value, new SortedSet<string>(StringComparer.Ordinal));
            }

            foreach (XElement element in xml.Descendants())
            {
                XElement? parent = element.Parent;
                string name = element.Name.LocalName;
                if (parent?.Name.LocalName == "PropertyGroup" && !name.StartsWith('_') && name.StartsWith("Feed", StringComparison.Ordinal))
                {
                    // A default: <FeedX Condition="'$(FeedX)' == ''">value</FeedX>.
                    string condition = (string?)element.Attribute("Condition") ?? string.Empty;
                    string value = element.Value.Trim();
                    string set = condition.Contains($"'$({name})' == ''", StringComparison.Ordinal) ? $"default {value}" : $"set to {value} when {condition}";
                    properties.TryAdd(name, new SortedSet<string>(StringComparer.Ordinal));
                    properties[name].Add($"{set} ({Path.GetFileName(file)})");
                }
                else if (parent?.Name.LocalName == "ItemGroup" && !name.StartsWith('_'))
                {
                    itemsDefined.Add(name);
                }
                else if (name == "Target" && element.Attribute("Name") is { } target && !target.Value.StartsWith('_'))
                {
                    targets.Add($"{target.Value}{Attribute(element, "BeforeTargets")}{Attribute(element, "AfterTargets")}{Attribute(element, "DependsOnTargets")}");
                }
            }

            foreach (Match match in ItemReference().Matches(text))
            {
                if (!match.Groups[1].Value.StartsWith('_'))
                {
                    itemsRead.Add(match.Groups[1].Value);
                }
            }
        }

        var approved = new StringBuilder();
        approved.Append("# Properties a project may set (every $(Feed…) the build files read), with the defaults they give\n");
        foreach ((string name, SortedSet<string> sets) in properties)
        {
            approved.Append("property ").Append(name).Append(sets.Count == 0 ? string.Empty : ": " + string.Join("; ", sets)).Append('\n');
        }

        approved.Append("# Items the build files add to (no leading underscore)\n");
        foreach (string item in itemsDefined)
        {
            approved.Append("item ").Append(item).Append('\n');
        }

        approved.Append("# Items the build files read\n");
        foreach (string item in itemsRead)
        {
            approved.Append("reads item ").Append(item).Append('\n');
        }

        approved.Append("# Targets (no leading underscore)\n");
        foreach (string target in targets)
        {
            approved.Append("target ").Append(target).Append('\n');
        }

        ApprovedFile.Compare(Approved("msbuild.approved.txt"), approved.ToString(), "The MSBuild properties, items and targets of Feed.Build").ShouldBeEmpty();
    }

    private static string Attribute(XElement element, string name) =>
        element.Attribute(name) is { } value ? $" {name}={value.Value}" : string.Empty;

    [Fact]
    public void The_public_task_types_are_approved()
    {
        string api = typeof(FeedGenerate).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false })
            .ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
        api.ShouldContain("class FeedGenerate");
        ApprovedFile.Compare(Approved("Feed.Build.approved.txt"), api, "The public API of the Feed.Build assembly (its MSBuild tasks)").ShouldBeEmpty();
    }
}
