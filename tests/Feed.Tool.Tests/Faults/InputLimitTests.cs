using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests.Faults;

/// <summary>
/// Hostile input, through the real process: each one ends, in bounded time, with a clear located error (or a
/// warning, for what is merely skipped), never a crash (exit 134), a hang, or a page written.
/// </summary>
public sealed partial class InputLimitTests : IDisposable
{
    private readonly TestSite _site = new();

    public InputLimitTests() => _site.Post("2024-01-01-fine.md", "Fine", "2024-01-01");

    public void Dispose() => _site.Dispose();

    private Task<ToolRun> BuildAsync(params string[] extra) => ToolProcess.RunAsync(_site.Args(extra));

    private string Bad(string name, string frontMatter, string body = "Body.\n") =>
        _site.Write(name, $"---\ntitle: T\ndate: 2024-02-01\n{frontMatter}---\n{body}");

    private void AssertFailedWith(ToolRun run, string path, int line, string code, string messagePart)
    {
        run.ExitCode.ShouldBe(1, run.ToString());
        run.Errors.ShouldContain(e => e.StartsWith($"{path}({line},", StringComparison.Ordinal) && e.Contains($"error {code}: ", StringComparison.Ordinal)
            && e.Contains(messagePart, StringComparison.Ordinal), run.ToString());
        Directory.Exists(_site.Out).ShouldBeFalse(run.ToString());
    }

    private string WriteConfig(string json) => WriteConfig(Encoding.UTF8.GetBytes(json));

    private string WriteConfig(byte[] utf8)
    {
        string config = Path.Combine(_site.Root, "feed.json");
        File.WriteAllBytes(config, utf8);
        return config;
    }

    // Bad settings, on the command line or in the config file, are a usage error: exit code 2, and that one error.
    private static void AssertUsageError(ToolRun run, string errorStart)
    {
        run.ExitCode.ShouldBe(2, run.ToString());
        run.Errors.ShouldHaveSingleItem().ShouldStartWith(errorStart);
    }

    [Fact]
    public async Task A_recursive_alias_used_as_a_key_is_an_error_not_a_stack_overflow()
    {
        string path = Bad("2024-02-01-loop.md", "? &a [*a]\n: x\n");

        ToolRun run = await BuildAsync();

        AssertFailedWith(run, path, 4, "FEED0004", "the alias *a is inside the node it names");
    }

    [Fact]
    public async Task A_billion_laughs_used_as_a_key_is_an_error_at_once()
    {
        // Sixteen levels of nine aliases each: 9^16 values once expanded, in 19 lines.
        var yaml = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 16; i++)
        {
            yaml.Append($"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 9))}]\n");
        }

        yaml.Append("? *l15\n: boom\n");
        string path = Bad("2024-02-01-laughs.md", yaml.ToString());
        var clock = Stopwatch.StartNew();

        ToolRun run = await BuildAsync();

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Errors.ShouldHaveSingleItem().ShouldStartWith($"{path}(");
        run.Errors[0].ShouldContain("error FEED0004: the front matter stands for more than 100,000 values once its aliases are expanded");
        clock.Elapsed.ShouldBeLessThan(ToolProcess.Limit); // the run itself is bounded by ToolProcess too
    }

    [Fact]
    public async Task Flow_lists_nested_100000_deep_are_an_error_at_their_line()
    {
        string path = Bad("2024-02-01-deep.md", "tags: " + new string('[', 100_000) + new string(']', 100_000) + "\n");

        ToolRun run = await BuildAsync();

        AssertFailedWith(run, path, 4, "FEED0004", "nested more than 64 deep");
    }

    [Theory]
    [InlineData("0001-01-01T00:30:00+01:00")]
    [InlineData("9999-12-31T23:30:00-01:00")]
    public async Task A_date_whose_utc_time_is_out_of_range_is_an_error_at_its_line(string date)
    {
        string path = _site.Write("2024-02-01-edge.md", $"---\ntitle: Edge\ndate: {date}\n---\nBody.\n");

        ToolRun run = await BuildAsync();

        AssertFailedWith(run, path, 3, "FEED0007", "is outside the range of dates");
    }

    [Fact]
    public async Task A_date_out_of_range_in_the_configured_time_zone_is_an_error_at_its_line()
    {
        string path = _site.Write("2024-02-01-zone.md", "---\ntitle: Zone\ndate: 0001-01-01\n---\nBody.\n");
        string config = WriteConfig("""{ "timeZone": "Asia/Shanghai" }""");

        ToolRun run = await BuildAsync("--config", config);

        AssertFailedWith(run, path, 3, "FEED0007", "is outside the range of dates");
    }

    [Fact]
    public async Task A_now_out_of_range_is_a_usage_error()
    {
        ToolRun run = await ToolProcess.RunAsync(
            "build", _site.Posts, "--out", _site.Out, "--site-url", TestSite.SiteUrl, "--title", "T", "--now", "0001-01-01T00:00:00+01:00");

        AssertUsageError(run, "feed: error FEED0104: --now: '0001-01-01T00:00:00+01:00' is outside the range of dates");
    }

    [Fact]
    public async Task Invalid_utf8_inside_a_config_string_is_an_error_at_the_byte()
    {
        string config = WriteConfig([.. "{\n  \"title\": \"Caf"u8, 0xE9, .. "\"\n}\n"u8]);

        ToolRun run = await BuildAsync("--config", config);

        AssertUsageError(run, $"{config}(2,16): error FEED0101: the config file is not valid UTF-8");
    }

    [Fact]
    public async Task A_lone_surrogate_escape_in_the_config_is_an_error_at_its_string()
    {
        string config = WriteConfig("{\n  \"description\": \"\\ud800\"\n}\n");

        ToolRun run = await BuildAsync("--config", config);

        AssertUsageError(run, $"{config}(2,18): error FEED0103: this string escapes half of a surrogate pair");
    }

    [Fact]
    public async Task An_empty_out_is_a_usage_error()
    {
        ToolRun run = await ToolProcess.RunAsync("build", _site.Posts, "--out", "", "--site-url", TestSite.SiteUrl, "--title", "T");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Errors.ShouldHaveSingleItem().ShouldBe("feed: error FEED0104: --out must name a folder (it is created if missing).");
    }

    [Fact]
    public async Task A_fifo_named_like_a_post_is_skipped_with_a_warning_and_never_opened()
    {
        string fifo = Path.Combine(_site.Posts, "p.md");
        Run("mkfifo", fifo);

        ToolRun run = await BuildAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stderr.ShouldContain($"{fifo}: warning FEED0016: not a regular file");
        run.Stdout.ShouldContain("feed: 1 posts read");
    }

    [Fact]
    public async Task Two_folder_links_back_to_the_posts_folder_are_each_reported_once()
    {
        Directory.CreateSymbolicLink(Path.Combine(_site.Posts, "a"), ".");
        Directory.CreateSymbolicLink(Path.Combine(_site.Posts, "b"), _site.Posts);

        ToolRun run = await BuildAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        string[] lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldBe(
        [
            $"{Path.Combine(_site.Posts, "a")}: warning FEED0017: this link leads to a folder already read (the posts folder itself); it is not followed again.",
            $"{Path.Combine(_site.Posts, "b")}: warning FEED0017: this link leads to a folder already read (the posts folder itself); it is not followed again.",
        ], run.ToString());
        run.Stdout.ShouldContain("feed: 1 posts read");
    }

    [Fact]
    public async Task A_linked_folder_is_read_once()
    {
        string elsewhere = Path.Combine(_site.Root, "notes");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, "2024-03-01-note.md"), "---\ntitle: Note\ndate: 2024-03-01\n---\nA note.\n");
        Directory.CreateSymbolicLink(Path.Combine(_site.Posts, "notes"), elsewhere);
        Directory.CreateSymbolicLink(Path.Combine(_site.Posts, "notes-again"), elsewhere);

        ToolRun run = await BuildAsync("--follow-external-links"); // it is outside the posts folder

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stdout.ShouldContain("feed: 2 posts read");
        run.Stderr.ShouldContain($"{Path.Combine(_site.Posts, "notes-again")}: warning FEED0017: this link leads to a folder already read (notes)");
    }

    [Fact]
    public async Task A_list_nested_3000_deep_is_an_error_at_the_line_that_goes_too_deep()
    {
        string body = string.Concat(Enumerable.Range(0, 3000).Select(i => new string(' ', 2 * i) + "- x\n"));
        string path = _site.Write("2024-02-01-nested.md", "---\ntitle: Nested\ndate: 2024-02-01\n---\n" + body);

        ToolRun run = await BuildAsync();

        // Line 5 is the body's first; the 101st item, at depth 101, is on line 105.
        AssertFailedWith(run, path, 105, "FEED0015", "nested more than 100 deep");
    }

    [Fact]
    public async Task Brackets_nested_too_deep_are_an_error()
    {
        string path = _site.Write("2024-02-01-brackets.md", "---\ntitle: B\ndate: 2024-02-01\n---\nText\n" + string.Concat(Enumerable.Repeat("[a](", 20_000)) + "\n");

        ToolRun run = await BuildAsync();

        AssertFailedWith(run, path, 6, "FEED0015", "brackets are nested more than 100 deep");
    }

    [Fact]
    public async Task A_front_matter_error_and_markdown_too_deep_are_reported_in_one_run()
    {
        string deep = string.Concat(Enumerable.Repeat("> ", 500)) + "quote\n";
        string both = _site.Write("2024-02-01-both.md", "---\ntitle: [unclosed\ndate: 2024-02-01\n---\n" + deep);
        string other = _site.Write("2024-02-02-other.md", "---\ntitle: Other\ndate: someday\n---\nFine.\n");
        string third = _site.Write("2024-02-03-third.md", "---\ntitle: Third\ndate: 2024-02-03\n---\n" + deep);

        ToolRun run = await BuildAsync();

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Errors.Select(e => e[..e.IndexOf(": error", StringComparison.Ordinal)] + " " + e.Split(' ')[2]).ShouldBe(
        [
            $"{both}(2,8) FEED0004:",
            $"{both}(5,1) FEED0015:",
            $"{other}(3,7) FEED0007:",
            $"{third}(5,1) FEED0015:",
        ], run.ToString());
    }

    [Fact]
    public async Task A_config_permalink_to_another_site_is_reported_once_at_the_configs_line()
    {
        _site.ManyPosts(40);
        string config = WriteConfig("{\n  \"permalink\": \"https://evil.org/{slug}\"\n}\n");

        ToolRun run = await BuildAsync("--config", config);

        AssertUsageError(run, $"{config}(2,16): error FEED0103: 'permalink': the permalink 'https://evil.org/{{slug}}' points to another site");
    }

    [Fact]
    public async Task File_names_cannot_break_or_forge_a_diagnostic_line()
    {
        string newline = _site.Write("bad\nname.md", "no front matter\n");
        string forged = _site.Write("a(1,2): error FEED9999: fake.md", "no front matter\n");
        string bidi = _site.Write("x\u202Edm.txt.md", "no front matter\n");

        ToolRun run = await BuildAsync();

        run.ExitCode.ShouldBe(1, run.ToString());
        string[] lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(4, run.ToString()); // three errors and the summary
        foreach (string line in lines[..3])
        {
            // The MSBuild canonical format ends the origin at the first ':' (ORIGIN: [SUBCATEGORY ]error CODE: TEXT).
            Match m = CanonicalError().Match(line);
            m.Success.ShouldBeTrue(line);
            m.Groups["code"].Value.ShouldBe("FEED0003", line);
        }

        lines.ShouldContain($"{_site.Posts}/bad%0Aname.md(1,1): error FEED0003: the file has no front matter: its first line must be '---', followed by YAML (title, date, ...) and a closing '---' line.");
        lines.ShouldContain(l => l.StartsWith($"{_site.Posts}/a%281,2%29%3A error FEED9999%3A fake.md(1,1): error FEED0003: ", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith($"{_site.Posts}/x%E2%80%AEdm.txt.md(1,1): error FEED0003: ", StringComparison.Ordinal));
        _ = newline;
        _ = forged;
        _ = bidi;
    }

    [Fact]
    public async Task A_file_name_that_is_not_utf8_is_named_as_such_not_as_missing()
    {
        // The shell writes the byte 0xE9 ("é" in Latin-1) into the name; .NET cannot write such a name itself.
        Run("sh", "-c", "printf -- '---\\ntitle: Latin\\ndate: 2024-02-01\\n---\\nBody.\\n' > \"$1/$(printf 'caf\\351.md')\"", "sh", _site.Posts);

        ToolRun run = await BuildAsync();

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Errors.ShouldHaveSingleItem().ShouldBe(
            $"{_site.Posts}/caf%E9.md: error FEED0001: the file name is not valid UTF-8 (its bytes are shown as %XX), so it cannot be opened; rename it.");
    }

    [Fact]
    public async Task A_200_MB_post_is_refused_by_the_size_guard_before_it_is_read()
    {
        string path = Path.Combine(_site.Posts, "2024-02-01-huge.md");
        using (var huge = new FileStream(path, FileMode.CreateNew))
        {
            huge.Write("---\ntitle: Huge\ndate: 2024-02-01\n---\n"u8);
            huge.SetLength(200L * 1024 * 1024); // sparse: costs no disk
        }

        ToolRun run = await BuildAsync();

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Errors.ShouldHaveSingleItem().ShouldBe($"{path}: error FEED0014: the post is 200 MB, more than --max-post-size (16 MB); split it, or raise the limit.");
    }

    [Fact]
    public async Task The_post_size_limit_is_configurable()
    {
        string path = _site.Post("2024-02-01-long.md", "Long", "2024-02-01", body: new string('x', 1_500_000));

        ToolRun refused = await BuildAsync("--max-post-size", "1");
        ToolRun allowed = await BuildAsync("--max-post-size", "2");

        refused.ExitCode.ShouldBe(1, refused.ToString());
        refused.Errors.ShouldHaveSingleItem().ShouldStartWith($"{path}: error FEED0014: the post is 1.4 MB, more than --max-post-size (1 MB)");
        allowed.ExitCode.ShouldBe(0, allowed.ToString());
    }

    private static void Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(info)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"{file}: {error}");
    }

    [GeneratedRegex(@"^(?<origin>[^:]*): (?<category>error|warning) (?<code>[^: ]*): (?<text>.*)$")]
    private static partial Regex CanonicalError();
}
