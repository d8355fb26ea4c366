using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests.Faults;

/// <summary>
/// The output folder under concurrency and tampering, through the real process: one build at a time, nothing touched
/// outside --out, no debris, stale pages removed, archive changes named.
/// </summary>
public sealed class OutputFolderTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private string[] Args(params string[] extra) => _site.Args([.. extra.Contains("--page-size") ? [] : (string[])["--page-size", "3"], .. extra]);

    private async Task<Snapshot> CleanBuildAsync(params string[] extra)
    {
        string clean = Path.Combine(_site.Root, "clean-" + Guid.NewGuid().ToString("N"));
        string[] args = Args(extra);
        args[Array.IndexOf(args, "--out") + 1] = clean;
        (await ToolProcess.RunAsync(args)).ExitCode.ShouldBe(0);
        return Snapshot.Of(clean);
    }

    [Fact]
    public async Task A_second_build_waits_for_the_first_then_gives_up_naming_it()
    {
        _site.ManyPosts(10);
        using ToolProcess first = ToolProcess.Start(Args(), pauseAt: "staging");
        await first.WaitForStderrAsync("feed: paused at staging");

        ToolRun second = await ToolProcess.RunAsync(Args("--lock-timeout", "1"));

        second.ExitCode.ShouldBe(1, second.ToString());
        second.Stderr.ShouldContain($"feed: waiting for process {first.Id} (");
        second.Errors.ShouldHaveSingleItem().ShouldStartWith(
            $"{_site.Out}: error FEED0019: another build has been writing this folder for more than 1 s: process {first.Id} (");

        first.Signal(15);
        (await first.WaitAsync()).ExitCode.ShouldBe(143);
        ToolRun third = await ToolProcess.RunAsync(Args());
        third.ExitCode.ShouldBe(0, third.ToString());
        Snapshot.Of(_site.Out).ShouldBe(await CleanBuildAsync());
    }

    [Fact]
    public async Task Two_builds_at_once_both_succeed_one_after_the_other()
    {
        _site.ManyPosts(30);
        using ToolProcess a = ToolProcess.Start(Args());
        using ToolProcess b = ToolProcess.Start(Args());

        ToolRun runA = await a.WaitAsync();
        ToolRun runB = await b.WaitAsync();

        runA.ExitCode.ShouldBe(0, runA.ToString());
        runB.ExitCode.ShouldBe(0, runB.ToString());
        Snapshot.Of(_site.Out).ShouldBe(await CleanBuildAsync());
        ToolRun again = await ToolProcess.RunAsync(Args());
        again.ExitCode.ShouldBe(0, again.ToString());
        again.Stdout.ShouldContain("0 files written, 20 unchanged, 0 removed");
    }

    [Fact]
    public async Task A_manifest_line_through_a_symbolic_link_never_deletes_outside_the_output_folder()
    {
        _site.ManyPosts(4);
        (await ToolProcess.RunAsync(Args())).ExitCode.ShouldBe(0);
        string elsewhere = Path.Combine(_site.Root, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        string secret = Path.Combine(elsewhere, "secret.txt");
        File.WriteAllText(secret, "not yours");
        string link = Path.Combine(_site.Out, "link");
        Directory.CreateSymbolicLink(link, elsewhere);
        File.AppendAllText(Path.Combine(_site.Out, ".feed-manifest"), "link/secret.txt\n");

        ToolRun run = await ToolProcess.RunAsync(Args());

        run.ExitCode.ShouldBe(0, run.ToString());
        File.ReadAllText(secret).ShouldBe("not yours");
        new DirectoryInfo(link).LinkTarget.ShouldBe(elsewhere);
        run.Stderr.ShouldContain($"{link}/secret.txt: warning FEED0020: .feed-manifest lists this file, but {link} is a symbolic link or not a folder");
        File.ReadAllText(Path.Combine(_site.Out, ".feed-manifest")).ShouldNotContain("link/");
    }

    [Fact]
    public async Task A_page_folder_that_is_a_symbolic_link_is_never_written_through()
    {
        _site.ManyPosts(10);
        string elsewhere = Path.Combine(_site.Root, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        Directory.CreateDirectory(_site.Out);
        Directory.CreateSymbolicLink(Path.Combine(_site.Out, "feed"), elsewhere);

        ToolRun run = await ToolProcess.RunAsync(Args());

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Errors.ShouldContain(e => e.StartsWith($"{_site.Out}/feed/2.xml: error FEED0012: {_site.Out}/feed is a symbolic link", StringComparison.Ordinal), run.ToString());
        Directory.EnumerateFileSystemEntries(elsewhere).ShouldBeEmpty();
        Snapshot.Of(_site.Out).Files.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_manifest_that_is_a_folder_is_an_error_and_leaves_no_debris()
    {
        _site.ManyPosts(4);
        Directory.CreateDirectory(Path.Combine(_site.Out, ".feed-manifest"));
        Snapshot before = Snapshot.Of(_site.Out);

        ToolRun run = await ToolProcess.RunAsync(Args());

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Errors.ShouldHaveSingleItem().ShouldStartWith($"{_site.Out}/.feed-manifest: error FEED0012: this is not a regular file");
        Snapshot.Of(_site.Out).ShouldBe(before);
    }

    [Fact]
    public async Task Hundreds_of_stale_pages_are_removed_and_their_emptied_folders_with_them()
    {
        _site.ManyPosts(150);
        (await ToolProcess.RunAsync(Args("--page-size", "1", "--future"))).ExitCode.ShouldBe(0);
        foreach (string post in Directory.GetFiles(_site.Posts).Order(StringComparer.Ordinal).Skip(1))
        {
            File.Delete(post);
        }

        ToolRun run = await ToolProcess.RunAsync(Args("--page-size", "1", "--future"));

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stdout.ShouldContain("2 files written, 0 unchanged, 298 removed");
        Snapshot.Of(_site.Out).ShouldBe(await CleanBuildAsync("--page-size", "1", "--future"));
        Snapshot.Of(_site.Out).Folders.ShouldBeEmpty(); // feed/ and atom/ emptied, so removed
    }

    [Fact]
    public async Task Archives_that_change_are_named_with_why()
    {
        string config = Path.Combine(_site.Root, "feed.json");
        File.WriteAllText(config, """{ "archive": true, "formats": ["atom"] }""");
        _site.ManyPosts(10);
        (await ToolProcess.RunAsync(Args("--config", config))).ExitCode.ShouldBe(0);

        _site.Post("2024-12-31-newest.md", "Newest", "2024-12-31");
        ToolRun appended = await ToolProcess.RunAsync(Args("--config", config));
        _site.Post("2023-06-01-older.md", "Older", "2023-06-01");
        ToolRun inserted = await ToolProcess.RunAsync(Args("--config", config));

        appended.ExitCode.ShouldBe(0, appended.ToString());
        appended.Stderr.ShouldNotContain("FEED0018"); // archives stay as they are when posts are added after them
        inserted.ExitCode.ShouldBe(0, inserted.ToString());
        string[] warnings = inserted.Stderr.Split('\n').Where(l => l.Contains("warning FEED0018", StringComparison.Ordinal)).ToArray();
        warnings.ShouldNotBeEmpty(inserted.ToString());
        warnings[0].ShouldStartWith($"{_site.Out}/atom/archive/1.xml: warning FEED0018: this archive changed (1 post moved in ({TestSite.SiteUrl}posts/older/), 1 post moved out (");
        warnings[0].ShouldContain("a post was added, removed or re-dated before the newest archive); readers that already have it will not fetch it again");
    }
}
