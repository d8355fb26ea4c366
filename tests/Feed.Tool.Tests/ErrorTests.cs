using System.Text;
using System.Text.RegularExpressions;
using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests;

/// <summary>
/// Every kind of input error: exit code 1, an MSBuild-style message naming the file, line and column, and an
/// output folder left exactly as it was (a previous build's files, a user's own files, no new files or folders).
/// </summary>
public sealed partial class ErrorTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    /// <summary>A broken post: its file name, its content, and the error expected for it.</summary>
    public sealed record Case(string File, string Content, string Code, int Line, int Column, string MessagePart);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["no front matter"] = new("2024-02-01-plain.md", "# Just Markdown\n\nNo front matter here.\n", "FEED0003", 1, 1, "no front matter"),
        ["front matter not closed"] = new("2024-02-01-open.md", "---\ntitle: Open\ndate: 2024-02-01\n\nBody.\n", "FEED0003", 1, 1, "not closed"),
        ["broken YAML"] = new("2024-02-01-yaml.md", "---\ntitle: [unclosed\ndate: 2024-02-01\n---\nBody.\n", "FEED0004", 2, 8, "not closed"),
        ["repeated key"] = new("2024-02-01-twice.md", "---\ntitle: One\ntitle: Two\ndate: 2024-02-01\n---\n", "FEED0004", 3, 1, "duplicate key 'title'"),
        ["front matter not a mapping"] = new("2024-02-01-list.md", "---\n- title\n- date\n---\n", "FEED0004", 2, 1, "mapping"),
        ["missing title"] = new("2024-02-01-untitled.md", "---\ndate: 2024-02-01\n---\nBody.\n", "FEED0005", 1, 1, "no 'title'"),
        ["missing date"] = new("2024-02-01-undated.md", "---\ntitle: Undated\n---\nBody.\n", "FEED0005", 1, 1, "no 'date'"),
        ["empty title"] = new("2024-02-01-empty.md", "---\ntitle: \"  \"\ndate: 2024-02-01\n---\n", "FEED0005", 2, 8, "'title' is empty"),
        ["title is a list"] = new("2024-02-01-list-title.md", "---\ntitle: [a, b]\ndate: 2024-02-01\n---\n", "FEED0006", 2, 8, "single value"),
        ["impossible date"] = new("2024-02-30-leap.md", "---\ntitle: Leap\ndate: 2024-02-30\n---\n", "FEED0007", 3, 7, "not a valid calendar date"),
        ["date never set"] = new("2024-02-01-zero.md", "---\ntitle: Zero\ndate: 0001-01-01\n---\n", "FEED0007", 3, 7, "never set"),
        ["updated never set"] = new("2024-02-01-zero-upd.md", "---\ntitle: Zero\ndate: 2024-02-01\nupdated: 0001-01-01T00:00:00Z\n---\n", "FEED0007", 4, 10, "never set"),
        ["date before year 1 in UTC"] = new("2024-02-01-early.md", "---\ntitle: Early\ndate: 0001-01-01T00:00:00+08:00\n---\n", "FEED0007", 3, 7, "outside the range of dates"),
        ["date in words"] = new("2024-02-01-words.md", "---\ntitle: Words\ndate: last tuesday\n---\n", "FEED0007", 3, 7, "'last tuesday' is not a date"),
        ["invalid updated"] = new("2024-02-01-upd.md", "---\ntitle: Upd\ndate: 2024-02-01\nupdated: 2024-02-01T25:00:00Z\n---\n", "FEED0007", 4, 10, "'updated'"),
        ["tags as a mapping"] = new("2024-02-01-tags.md", "---\ntitle: Tags\ndate: 2024-02-01\ntags: {a: 1}\n---\n", "FEED0006", 4, 7, "'tags' must be a name or a list"),
        ["draft not a boolean"] = new("2024-02-01-draft.md", "---\ntitle: Draft\ndate: 2024-02-01\ndraft: maybe\n---\n", "FEED0006", 4, 8, "'draft' must be true or false"),
        ["id not a URI"] = new("2024-02-01-id.md", "---\ntitle: Id\ndate: 2024-02-01\nid: my-post\n---\n", "FEED0006", 4, 5, "not an absolute URI"),
        ["invalid lang"] = new("2024-02-01-lang.md", "---\ntitle: Lang\ndate: 2024-02-01\nlang: simplified chinese\n---\n", "FEED0006", 4, 7, "not a language tag"),
        ["author uri javascript"] = new("2024-02-01-js.md", "---\ntitle: Js\ndate: 2024-02-01\nauthor:\n  name: Eve\n  uri: javascript:alert(1)\n---\n", "FEED0006", 6, 8, "'author.uri' must be an absolute http or https URL (was 'javascript:alert(1)')"),
        ["author url data"] = new("2024-02-01-data.md", "---\ntitle: Data\ndate: 2024-02-01\nauthors:\n  - name: Eve\n    url: data:text/html,x\n---\n", "FEED0006", 6, 10, "must be an absolute http or https URL"),
        ["author without a name"] = new("2024-02-01-author.md", "---\ntitle: Author\ndate: 2024-02-01\nauthor:\n  email: a@example.org\n---\n", "FEED0006", 5, 3, "needs a non-empty 'name'"),
        ["slug escapes"] = new("2024-02-01-up.md", "---\ntitle: Up\ndate: 2024-02-01\nslug: ../../etc\n---\n", "FEED0010", 4, 7, "would escape"),
        ["slug with a slash"] = new("2024-02-01-sl.md", "---\ntitle: Slash\ndate: 2024-02-01\nslug: a/b\n---\n", "FEED0010", 4, 7, "would escape"),
        ["permalink escapes"] = new("2024-02-01-pl.md", "---\ntitle: P\ndate: 2024-02-01\npermalink: /../../outside/\n---\n", "FEED0011", 4, 12, "escape the site URL"),
        ["permalink to another site"] = new("2024-02-01-pe.md", "---\ntitle: P\ndate: 2024-02-01\npermalink: https://evil.example/x/\n---\n", "FEED0011", 4, 12, "another site"),
        ["permalink with an unknown placeholder"] = new("2024-02-01-pu.md", "---\ntitle: P\ndate: 2024-02-01\npermalink: /{category}/{slug}/\n---\n", "FEED0011", 4, 12, "'{category}'"),
        ["Chinese file, bad date"] = new("2024-02-01-中文.md", "---\ntitle: 中文标题\ndate: 2024年2月1日\n---\n正文。\n", "FEED0007", 3, 7, "is not a date"),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Broken_post_is_reported_with_file_line_and_column_and_nothing_is_written(string name)
    {
        Case c = Cases[name];
        await PrepareEarlierBuildAsync();
        var before = _site.Snapshot();
        var beforeTimes = _site.Mtimes();
        var beforeFolders = _site.Folders();
        string path = _site.Write(c.File, c.Content);

        ToolRun run = await _site.BuildAsync();

        run.ExitCode.ShouldBe(1, run.ToString());
        string expectedStart = $"{path}({c.Line},{c.Column}): error {c.Code}: ";
        run.Errors.ShouldContain(e => e.StartsWith(expectedStart, StringComparison.Ordinal) && e.Contains(c.MessagePart, StringComparison.Ordinal),
            $"expected an error starting '{expectedStart}' containing '{c.MessagePart}'\n{run}");
        run.Stderr.ShouldContain("nothing in the output folder was changed");
        run.Stdout.ShouldBeEmpty();
        AssertUntouched(before, beforeTimes, beforeFolders);
    }

    [Fact]
    public async Task Invalid_utf8_is_reported_where_the_bad_byte_is()
    {
        await PrepareEarlierBuildAsync();
        var before = _site.Snapshot();
        string path = Path.Combine(_site.Posts, "2024-02-01-latin1.md");
        byte[] head = Encoding.UTF8.GetBytes("---\ntitle: Caf");
        File.WriteAllBytes(path, [.. head, 0xE9, .. "\ndate: 2024-02-01\n---\n"u8]); // "é" in Latin-1

        ToolRun run = await _site.BuildAsync();

        run.ExitCode.ShouldBe(1);
        run.Errors.ShouldHaveSingleItem().ShouldStartWith($"{path}(2,11): error FEED0002: ");
        _site.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task An_unreadable_file_is_reported()
    {
        await PrepareEarlierBuildAsync();
        var before = _site.Snapshot();
        // A dangling symbolic link: listed as a *.md file, fails to open (root can read any real file, so a
        // permission test would not fail here).
        string path = Path.Combine(_site.Posts, "2024-02-01-gone.md");
        File.CreateSymbolicLink(path, Path.Combine(_site.Posts, "no-such-file.md")); // inside the posts folder: followed

        ToolRun run = await _site.BuildAsync();

        run.ExitCode.ShouldBe(1);
        run.Errors.ShouldHaveSingleItem().ShouldStartWith($"{path}: error FEED0001: cannot read the file");
        _site.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task Duplicate_urls_are_reported_on_the_later_file()
    {
        await PrepareEarlierBuildAsync();
        var before = _site.Snapshot();
        _site.Post("2024-03-01-same.md", "First", "2024-03-01");
        string second = _site.Post("2024-03-02-other.md", "Second", "2024-03-02", "slug: same");

        ToolRun run = await _site.BuildAsync();

        run.ExitCode.ShouldBe(1);
        string error = run.Errors.ShouldHaveSingleItem();
        error.ShouldStartWith($"{second}(4,7): error FEED0008: the URL {TestSite.SiteUrl}posts/same/ is also the URL of ");
        error.ShouldContain("2024-03-01-same.md");
        _site.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task Duplicate_ids_are_reported()
    {
        await PrepareEarlierBuildAsync();
        var before = _site.Snapshot();
        _site.Post("2024-03-01-a.md", "A", "2024-03-01", "id: tag:example.org,2024:post");
        string second = _site.Post("2024-03-02-b.md", "B", "2024-03-02", "id: tag:example.org,2024:post");

        ToolRun run = await _site.BuildAsync();

        run.ExitCode.ShouldBe(1);
        run.Errors.ShouldHaveSingleItem().ShouldStartWith($"{second}(4,5): error FEED0009: the id 'tag:example.org,2024:post' is also the id of ");
        _site.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task Every_problem_in_every_file_is_reported_in_path_order()
    {
        await PrepareEarlierBuildAsync();
        var before = _site.Snapshot();
        string b = _site.Write("b/2024-02-01-two-problems.md", "---\ntitle: [x\n---\n");
        string a = _site.Write("a/2024-02-01-bad.md", "---\ntitle: A\ndate: soon\ndraft: perhaps\nlang: '?'\n---\n");
        string c = _site.Write("c.md", "no front matter");

        ToolRun run = await _site.BuildAsync();

        run.ExitCode.ShouldBe(1);
        run.Errors.Select(e => e[..e.IndexOf(": error", StringComparison.Ordinal)]).ShouldBe(
        [
            $"{a}(3,7)", $"{a}(4,8)", $"{a}(5,7)",
            $"{b}(3,1)",
            $"{c}(1,1)",
        ], run.ToString());
        run.Stderr.ShouldContain("feed: 5 errors in the posts; nothing in the output folder was changed.");
        _site.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task Drafts_are_checked_too()
    {
        await PrepareEarlierBuildAsync();
        string path = _site.Write("2024-02-01-draft.md", "---\ntitle: Draft\ndate: someday\ndraft: true\n---\n");

        ToolRun run = await _site.BuildAsync();

        run.ExitCode.ShouldBe(1);
        run.Errors.ShouldHaveSingleItem().ShouldStartWith($"{path}(3,7): error FEED0007: ");
    }

    [Fact]
    public async Task A_file_the_tool_did_not_write_is_never_overwritten()
    {
        _site.Post("2024-01-01-a.md", "A", "2024-01-01");
        Directory.CreateDirectory(_site.Out);
        string theirs = Path.Combine(_site.Out, "atom.xml");
        File.WriteAllText(theirs, "<feed>someone else's</feed>");
        var before = _site.Snapshot();

        ToolRun run = await _site.BuildAsync();

        run.ExitCode.ShouldBe(1);
        run.Errors.ShouldHaveSingleItem().ShouldStartWith($"{theirs}: error FEED0012: the file exists but was not written by feed");
        _site.Snapshot().ShouldBe(before); // feed.xml was staged but never put in place
        _site.Folders().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_file_where_a_folder_is_needed_rolls_everything_back()
    {
        _site.ManyPosts(5);
        (await _site.BuildAsync()).ExitCode.ShouldBe(0);
        File.WriteAllText(Path.Combine(_site.Out, "feed"), "a file where the tool needs a folder");
        var before = _site.Snapshot();
        var beforeFolders = _site.Folders();
        _site.ManyPosts(15, "more");

        ToolRun run = await _site.BuildAsync();

        run.ExitCode.ShouldBe(1);
        run.Errors.ShouldContain(e => e.Contains("error FEED0012: ", StringComparison.Ordinal) && e.Contains("is a file where feed needs a folder", StringComparison.Ordinal), run.ToString());
        _site.Snapshot().ShouldBe(before);
        _site.Folders().ShouldBe(beforeFolders); // atom/ was created for atom/2.xml, then removed again
    }

    // A successful build into --out, plus a user's own files there: what every error must leave alone.
    private async Task PrepareEarlierBuildAsync()
    {
        _site.ManyPosts(12);
        ToolRun first = await _site.BuildAsync();
        first.ExitCode.ShouldBe(0, first.ToString());
        File.WriteAllText(Path.Combine(_site.Out, "robots.txt"), "User-agent: *\n");
        File.WriteAllText(Path.Combine(_site.Out, "feed", "README.txt"), "mine\n");
    }

    private void AssertUntouched(SortedDictionary<string, string> before, SortedDictionary<string, DateTime> beforeTimes, List<string> beforeFolders)
    {
        _site.Snapshot().ShouldBe(before);
        _site.Mtimes().ShouldBe(beforeTimes);
        _site.Folders().ShouldBe(beforeFolders);
        TempFile().IsMatch(string.Join("\n", _site.Snapshot().Keys)).ShouldBeFalse();
    }

    [GeneratedRegex(@"\.feed-tmp$", RegexOptions.Multiline)]
    private static partial Regex TempFile();
}
