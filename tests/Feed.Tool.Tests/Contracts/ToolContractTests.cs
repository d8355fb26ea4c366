using System.CommandLine;
using System.Globalization;
using System.Reflection;
using System.Text;
using Feed.Tests.ApiApproval;
using Feed.Tool.Building;
using Feed.Tool.Cli;
using Feed.Tool.Configuration;
using Feed.Tool.Diagnostics;
using Feed.Tool.Tests.Support;
using PublicApiGenerator;

namespace Feed.Tool.Tests.Contracts;

/// <summary>
/// The contracts of the <c>feed</c> command that scripts and CI files depend on, each approved as plain text in this
/// folder: its flags (from System.CommandLine's own tree), its config keys and what each accepts (as the config reader
/// itself says when given a value of no type it takes), its error codes, its exit codes, and its assembly surface
/// (none: the tool is a program). A change to any of them is a diff in review (<c>FEED_APPROVE_API=1</c> rewrites
/// the files; CI fails when a run changed one).
/// </summary>
public sealed class ToolContractTests
{
    private static string Approved(string name) => Path.Combine(RepoRoot(), "tests", "Feed.Tool.Tests", "Contracts", name);

    private static string RepoRoot()
    {
        DirectoryInfo? folder = new(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Feed.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (Feed.sln) is not above the test's folder.");
    }

    private static void Approve(string name, string actual, string what) =>
        ApprovedFile.Compare(Approved(name), actual, what).ShouldBeEmpty();

    [Fact]
    public void The_command_line_is_approved()
    {
        RootCommand root = FeedCommand.Create(TextWriter.Null, TextWriter.Null, TimeProvider.System, interactive: false);
        var text = new StringBuilder();
        Describe(root, "feed", text);
        Approve("cli.approved.txt", text.ToString(), "The feed command line (commands, options, arguments)");
    }

    private static void Describe(Command command, string path, StringBuilder text)
    {
        text.Append("command ").Append(path).Append('\n');
        foreach (Argument argument in command.Arguments)
        {
            text.Append("  argument ").Append(argument.Name).Append(' ').Append(TypeName(argument.ValueType))
                .Append(" arity ").Append(Arity(argument.Arity)).Append(argument.Hidden ? " hidden" : string.Empty).Append('\n');
        }

        foreach (Option option in command.Options.OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            text.Append("  option ").Append(option.Name);
            foreach (string alias in option.Aliases.Order(StringComparer.Ordinal))
            {
                text.Append('|').Append(alias);
            }

            text.Append(' ').Append(TypeName(option.ValueType)).Append(" arity ").Append(Arity(option.Arity))
                .Append(option.Required ? " required" : string.Empty)
                .Append(option.Recursive ? " recursive" : string.Empty)
                .Append(option.Hidden ? " hidden" : string.Empty);
            if (option.HasDefaultValue && option.GetDefaultValue() is { } value && value is not bool { } and not false)
            {
                text.Append(" default ").Append(Convert.ToString(value, CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        foreach (Command sub in command.Subcommands.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            Describe(sub, path + " " + sub.Name, text);
        }
    }

    private static string Arity(ArgumentArity arity) =>
        arity.MaximumNumberOfValues == 100_000
            ? $"{arity.MinimumNumberOfValues}..*"
            : $"{arity.MinimumNumberOfValues}..{arity.MaximumNumberOfValues}";

    private static string TypeName(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? TypeName(inner) + "?"
        : type.IsArray ? TypeName(type.GetElementType()!) + "[]"
        : type.IsGenericType ? $"{type.Name.Split('`')[0]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
        : type.Name;

    [Fact]
    public void The_config_keys_and_what_each_accepts_are_approved()
    {
        // Every key the reader knows, given a value no key takes (a list of lists): what it says is the type it wants.
        var text = new StringBuilder();
        foreach (string key in ConfigReader.TopLevelKeys)
        {
            Probe($$"""{"{{key}}": [[]]}""", key, text);
        }

        foreach ((string parent, string field) in new[] { ("author", "AuthorKeys"), ("excerpt", "ExcerptKeys"), ("taxonomies", "TaxonomyKeys") })
        {
            var keys = (string[])typeof(ConfigReader).GetField(field, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
            foreach (string key in keys)
            {
                Probe($$$"""{"{{{parent}}}": {"{{{key}}}": [[]]}}""", parent + "." + key, text);
            }
        }

        Probe("""{"colour": 1}""", "(an unknown key)", text);
        Approve("config.approved.txt", text.ToString(), "The config keys of feed.json and the value each takes");
    }

    private static void Probe(string json, string key, StringBuilder text)
    {
        var diagnostics = new List<Diagnostic>();
        ConfigReader.Parse(Encoding.UTF8.GetBytes(json), "feed.json", diagnostics);
        text.Append(key).Append(": ");
        text.Append(diagnostics.Count == 0 ? "(accepted [[]])" : $"{diagnostics[0].Code} {diagnostics[0].Message}");
        text.Append('\n');
    }

    [Fact]
    public void The_error_codes_are_approved()
    {
        var text = new StringBuilder();
        foreach ((string code, string description) in DiagnosticCodes.All)
        {
            text.Append(code).Append(' ').Append(description).Append('\n');
        }

        // Every code the tool defines is in the table --help prints.
        string[] defined = [.. typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)];
        defined.Order(StringComparer.Ordinal).ShouldBe(DiagnosticCodes.All.Select(pair => pair.Key).Order(StringComparer.Ordinal));
        DiagnosticCodes.All.Select(pair => pair.Key).ShouldBeUnique();
        Approve("error-codes.approved.txt", text.ToString(), "The feed tool's error codes and what each means");
    }

    [Fact]
    public async Task The_exit_codes_are_approved_and_are_what_runs_return()
    {
        var text = new StringBuilder();
        foreach (FieldInfo field in typeof(FeedBuild).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(int)))
        {
            text.Append((int)field.GetRawConstantValue()!).Append(' ').Append(field.Name).Append('\n');
        }

        string details = FeedCommand.BuildDetails;
        int start = details.IndexOf("Exit codes:", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, "feed build --help says nothing of exit codes");
        int end = details.IndexOf("\n\n", start, StringComparison.Ordinal);
        text.Append("help: ").Append(string.Join(' ', details[start..(end < 0 ? details.Length : end)].Split('\n', StringSplitOptions.TrimEntries))).Append('\n');
        Approve("exit-codes.approved.txt", text.ToString(), "The feed tool's exit codes");

        (await ToolRun.RunAsync("build", "--no-such-flag")).ExitCode.ShouldBe(FeedBuild.UsageErrors);
        using var site = new TestSite();
        site.Write("2024-01-01-bad.md", "---\ndate: 2024-01-01\n---\nNo title.\n");
        (await site.BuildAsync()).ExitCode.ShouldBe(FeedBuild.InputErrors);
        site.Post("2024-01-01-bad.md", "Good", "2024-01-01");
        (await site.BuildAsync()).ExitCode.ShouldBe(FeedBuild.Success);
    }

    [Fact]
    public void The_tool_assembly_has_no_public_surface()
    {
        // The tool is a program: everything in it is internal (Feed.Build reaches it through InternalsVisibleTo, and
        // ships it in its own package). An empty approved file says so.
        string api = typeof(FeedCommand).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false })
            .ReplaceLineEndings("\n").Trim('\n');
        Approve("Feed.Tool.approved.txt", api + "\n", "The public API of the Feed.Tool assembly");
    }
}
