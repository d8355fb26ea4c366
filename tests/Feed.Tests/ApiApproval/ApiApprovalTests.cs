using Feed.Tests.Support;

namespace Feed.Tests.ApiApproval;

/// <summary>
/// The public surface of the Feed package, checked in as <c>Feed.approved.txt</c> (Serilog's API approval test). Any
/// change to a public type or member shows up as a diff in review, so nothing becomes public, or stops being public,
/// by accident.
/// </summary>
public sealed class ApiApprovalTests
{
    [Fact]
    public void PublicApi_Should_Not_Change_Unintentionally()
    {
        string api = PublicApi.Generate();

        string mismatch = ApprovedFile.Compare(
            Path.Combine(RepoPaths.TestProject, "ApiApproval", "Feed.approved.txt"),
            api,
            what: "The public API of the Feed assembly");

        mismatch.ShouldBeEmpty();
    }

    [Fact]
    public void Generated_api_lists_the_everyday_types_and_no_internal_ones()
    {
        // Guards the generator options themselves: a wrong namespace filter would approve an empty or partial file.
        string api = PublicApi.Generate();

        api.ShouldContain("class FeedGenerator");
        api.ShouldContain("namespace Microsoft.Extensions.DependencyInjection");
        api.ShouldContain("namespace Feed.Excerpts");
        api.ShouldNotContain("[assembly:");
        api.ShouldNotContain("Feed.Internal");
        api.ShouldNotContain("MarkdownPipelines");
    }

    [Fact]
    public void Every_experimental_id_is_listed_in_the_README_with_its_api()
    {
        // [Experimental] members and types of the Feed assembly, by id, against the README's "Experimental APIs" table.
        var byId = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (Type type in typeof(FeedGenerator).Assembly.GetExportedTypes())
        {
            Add(type, type.Name.Split('`')[0]);
            foreach (System.Reflection.MemberInfo member in type.GetMembers(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance
                | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly))
            {
                Add(member, type.Name.Split('`')[0] + "." + member.Name);
            }
        }

        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        int section = readme.IndexOf("## Experimental APIs", StringComparison.Ordinal);
        section.ShouldBeGreaterThan(0, "README.md has no '## Experimental APIs' section");
        string table = readme[section..readme.IndexOf("\n## ", section + 1, StringComparison.Ordinal)];
        // FEEDEXP0xx are the Feed assembly's ids; FEEDEXP1xx belong to the other packages (Feed.EntityFrameworkCore).
        string[] rows = [.. table.Split('\n').Where(line => line.StartsWith("| `FEEDEXP0", StringComparison.Ordinal))];

        byId.Keys.ShouldBe(rows.Select(row => row.Split('`')[1]), "ids in the assembly vs ids in the README");
        foreach ((string id, List<string> apis) in byId)
        {
            string row = rows.Single(r => r.StartsWith($"| `{id}`", StringComparison.Ordinal));
            foreach (string api in apis)
            {
                row.ShouldContain(api.Replace("FeedRenderer.", "FeedRenderer<TPost>.", StringComparison.Ordinal), customMessage: $"the README's row of {id} does not name {api}");
            }
        }

        void Add(System.Reflection.MemberInfo member, string name)
        {
            foreach (System.Diagnostics.CodeAnalysis.ExperimentalAttribute attribute in member.GetCustomAttributes(typeof(System.Diagnostics.CodeAnalysis.ExperimentalAttribute), inherit: false))
            {
                if (!byId.TryGetValue(attribute.DiagnosticId, out List<string>? list))
                {
                    byId[attribute.DiagnosticId] = list = [];
                }

                list.Add(name);
            }
        }
    }
}
