using Feed.Tool.Diagnostics;
using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests;

/// <summary>Usage errors (the command line, the config file) exit with 2 before anything is read or written.</summary>
public sealed class UsageTests : IDisposable
{
    private readonly TestSite _site = new();

    public UsageTests() => _site.Post("2024-01-01-a.md", "A", "2024-01-01");

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task No_command_is_a_usage_error()
    {
        ToolRun run = await ToolRun.RunAsync();

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldNotBeEmpty();
        run.Errors.ShouldAllBe(e => e.StartsWith("feed: error FEED0105: ", StringComparison.Ordinal));
    }

    public static TheoryData<string, string[], string> CommandLines => new()
    {
        { "unknown option", ["--bogus"], "--bogus" },
        { "page size not a number", ["--page-size", "ten"], "ten" },
        { "option without its value", ["--description"], "--description" },
    };

    [Theory]
    [MemberData(nameof(CommandLines))]
    public async Task Malformed_command_lines_exit_with_2(string name, string[] extra, string named)
    {
        ToolRun run = await _site.BuildAsync(extra);

        run.ExitCode.ShouldBe(2, $"{name}\n{run}");
        run.Errors.ShouldContain(e => e.StartsWith("feed: error FEED0105: ", StringComparison.Ordinal) && e.Contains(named, StringComparison.Ordinal), run.ToString());
        run.Stderr.ShouldContain("feed build --help");
        Directory.Exists(_site.Out).ShouldBeFalse();
    }

    [Fact]
    public async Task Missing_posts_folder_argument_and_missing_out_exit_with_2()
    {
        ToolRun noPosts = await ToolRun.RunAsync("build", "--out", _site.Out, "--site-url", TestSite.SiteUrl, "--title", "T");
        noPosts.ExitCode.ShouldBe(2, noPosts.ToString());

        ToolRun noOut = await ToolRun.RunAsync("build", _site.Posts, "--site-url", TestSite.SiteUrl, "--title", "T");
        noOut.ExitCode.ShouldBe(2, noOut.ToString());
        noOut.Stderr.ShouldContain("--out");
    }

    public static TheoryData<string, string[], string> BadSettings => new()
    {
        { "posts folder does not exist", ["build", "/no/such/folder", "--out", "OUT", "--site-url", TestSite.SiteUrl, "--title", "T"], "the posts folder '/no/such/folder' does not exist" },
        { "no site URL", ["build", "POSTS", "--out", "OUT", "--title", "T"], "the site URL is required" },
        { "no title", ["build", "POSTS", "--out", "OUT", "--site-url", TestSite.SiteUrl], "the feed title is required" },
        { "relative site URL", ["build", "POSTS", "--out", "OUT", "--site-url", "/blog/", "--title", "T"], "--site-url: '/blog/' is not an absolute http or https URL." },
        { "site URL with a query", ["build", "POSTS", "--out", "OUT", "--site-url", "https://example.org/?a=1", "--title", "T"], "must not have a query" },
        { "empty title", ["build", "POSTS", "--out", "OUT", "--site-url", TestSite.SiteUrl, "--title", " "], "--title must not be empty" },
        { "page size 0", ["build", "POSTS", "--out", "OUT", "--site-url", TestSite.SiteUrl, "--title", "T", "--page-size", "0"], "--page-size must be at least 1 (was 0)" },
        { "excerpt length -1", ["build", "POSTS", "--out", "OUT", "--site-url", TestSite.SiteUrl, "--title", "T", "--excerpt-length", "-1"], "--excerpt-length must be at least 1" },
        { "now without offset", ["build", "POSTS", "--out", "OUT", "--site-url", TestSite.SiteUrl, "--title", "T", "--now", "2025-01-01T00:00:00"], "--now: '2025-01-01T00:00:00' is not an RFC 3339 date-time" },
        { "now not a date", ["build", "POSTS", "--out", "OUT", "--site-url", TestSite.SiteUrl, "--title", "T", "--now", "tomorrow"], "--now: 'tomorrow'" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Missing_or_invalid_settings_exit_with_2(string name, string[] args, string message)
    {
        string[] resolved = args.Select(a => a == "POSTS" ? _site.Posts : a == "OUT" ? _site.Out : a).ToArray();

        ToolRun run = await ToolRun.RunAsync(resolved);

        run.ExitCode.ShouldBe(2, $"{name}\n{run}");
        run.Errors.ShouldContain(e => e.StartsWith("feed: error FEED0104: ", StringComparison.Ordinal) && e.Contains(message, StringComparison.Ordinal), run.ToString());
        Directory.Exists(_site.Out).ShouldBeFalse();
    }

    [Fact]
    public async Task Out_that_is_a_file_is_a_usage_error()
    {
        File.WriteAllText(Path.Combine(_site.Root, "file"), "x");

        ToolRun run = await ToolRun.RunAsync("build", _site.Posts, "--out", Path.Combine(_site.Root, "file"), "--site-url", TestSite.SiteUrl, "--title", "T");

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("is a file");
        File.ReadAllText(Path.Combine(_site.Root, "file")).ShouldBe("x");
    }

    [Fact]
    public async Task Help_documents_every_option_default_output_path_config_key_and_error_code()
    {
        ToolRun run = await ToolRun.RunAsync("build", "--help");

        run.ExitCode.ShouldBe(0, run.ToString());
        string help = run.Stdout;
        foreach (string option in (string[])["--out", "--config", "--site-url", "--title", "--description", "--page-size", "--excerpt-length", "--drafts", "--future", "--now", "--quiet"])
        {
            help.ShouldContain(option);
        }

        help.ShouldContain("[default: 10]");
        help.ShouldContain("[default: 350]");
        foreach (string path in (string[])["feed.xml", "feed/2.xml", "feed/archive/1.xml", "atom.xml", "atom/N.xml", "atom/archive/N.xml", ".feed-manifest"])
        {
            help.ShouldContain(path);
        }

        foreach (string key in Configuration.ConfigReader.TopLevelKeys)
        {
            help.ShouldContain(key);
        }

        foreach (var (code, _) in DiagnosticCodes.All)
        {
            help.ShouldContain(code);
        }

        help.ShouldContain("Exit codes: 0 success; 1 errors in the posts");
    }

    [Fact]
    public async Task Root_help_lists_the_build_command()
    {
        ToolRun run = await ToolRun.RunAsync("--help");

        run.ExitCode.ShouldBe(0);
        run.Stdout.ShouldContain("build");
    }
}
