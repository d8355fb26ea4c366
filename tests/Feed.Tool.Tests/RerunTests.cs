using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests;

/// <summary>Reruns: unchanged files are left alone, stale pages go, users' files stay, output is deterministic.</summary>
public sealed class RerunTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task A_rerun_on_the_same_input_changes_nothing()
    {
        _site.ManyPosts(25);
        (await _site.BuildAsync()).ExitCode.ShouldBe(0);
        var bytes = _site.Snapshot();
        var times = _site.Mtimes();
        Thread.Sleep(20); // a rewrite would now show in the modification times

        ToolRun rerun = await _site.BuildAsync();

        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        rerun.Stdout.ShouldContain("25 posts read, 0 skipped (0 draft, 0 future), 0 files written, 6 unchanged, 0 removed");
        _site.Snapshot().ShouldBe(bytes);
        _site.Mtimes().ShouldBe(times);
    }

    [Fact]
    public async Task Editing_an_old_post_rewrites_only_the_page_that_shows_it()
    {
        _site.ManyPosts(25);
        (await _site.BuildAsync()).ExitCode.ShouldBe(0);
        var before = _site.Snapshot();
        _site.Post("2024-01-01-post-1.md", "post number 1, revised", "2024-01-01T10:00:00Z", body: "Revised.");

        ToolRun run = await _site.BuildAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stdout.ShouldContain("2 files written, 4 unchanged, 0 removed");
        var after = _site.Snapshot();
        after.Where(kv => before[kv.Key] != kv.Value).Select(kv => kv.Key).ShouldBe(["atom/3.xml", "feed/3.xml"]);
    }

    [Fact]
    public async Task A_shrinking_site_removes_its_old_pages_but_never_a_users_files()
    {
        _site.ManyPosts(25);
        (await _site.BuildAsync()).ExitCode.ShouldBe(0);
        File.WriteAllText(Path.Combine(_site.Out, "index.html"), "<p>my site</p>");
        File.WriteAllText(Path.Combine(_site.Out, "feed", "notes.txt"), "my notes");
        Directory.CreateDirectory(Path.Combine(_site.Out, "images"));
        foreach (string post in Directory.GetFiles(_site.Posts).Order(StringComparer.Ordinal).Skip(5))
        {
            File.Delete(post);
        }

        ToolRun run = await _site.BuildAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stdout.ShouldContain("5 posts read, 0 skipped (0 draft, 0 future), 2 files written, 0 unchanged, 4 removed");
        _site.Snapshot().Keys.ShouldBe([".feed-manifest", "atom.xml", "feed.xml", "feed/notes.txt", "index.html"]);
        _site.Folders().ShouldBe(["feed", "images"]); // atom/ emptied and removed; feed/ keeps the user's file
        _site.ReadOut(".feed-manifest").Split('\n').Where(l => l.Length > 0 && l[0] != '#').ShouldBe(["atom.xml", "feed.xml"]);
        FeedXml.Load(Path.Combine(_site.Out, "feed.xml")).Link("next").ShouldBeNull();
    }

    [Fact]
    public async Task A_tampered_manifest_never_makes_the_tool_delete_outside_its_folder()
    {
        _site.ManyPosts(2);
        (await _site.BuildAsync()).ExitCode.ShouldBe(0);
        string outside = Path.Combine(_site.Root, "precious.txt");
        File.WriteAllText(outside, "keep me");
        File.AppendAllText(Path.Combine(_site.Out, ".feed-manifest"), "../precious.txt\n" + outside + "\nfeed/../../precious.txt\n");

        ToolRun run = await _site.BuildAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        File.ReadAllText(outside).ShouldBe("keep me");
        run.Stdout.ShouldContain("0 removed");
    }

    [Fact]
    public async Task Two_builds_of_the_same_input_are_byte_identical()
    {
        _site.ManyPosts(23);
        _site.Post("2024-06-01-中文.md", "中文 👨‍👩‍👧 标题", "2024-06-01 12:00 +08:00", "tags: [a, b]\nauthor: {name: 张三, email: z@example.org}",
            body: "正文，**加粗**，$x^2$，![图](img/a.png)");
        string other = Path.Combine(_site.Root, "out2");

        (await _site.BuildAsync()).ExitCode.ShouldBe(0);
        (await ToolRun.RunAsync(["build", _site.Posts, "--out", other, "--site-url", TestSite.SiteUrl, "--title", "Test blog", "--now", "2025-01-01T00:00:00Z"])).ExitCode.ShouldBe(0);

        var first = _site.Snapshot();
        var second = TestSite.SnapshotOf(other);
        second.Keys.ShouldBe(first.Keys);
        foreach (string key in first.Keys)
        {
            second[key].ShouldBe(first[key], key);
        }
    }

    [Fact]
    public async Task Builds_at_two_different_clock_times_are_byte_identical_even_at_the_edges_of_the_date_range()
    {
        // No --now: the injected clock is the tool's only source of time, and it is years apart between the runs.
        _site.ManyPosts(5);
        _site.Post("first.md", "The first second", "0001-01-01T00:00:01Z");
        _site.Post("east.md", "Year one, far east", "0001-01-01T14:00:01+14:00", "updated: 0001-01-02");
        _site.Post("last.md", "The last second", "9999-12-31T23:59:59Z");
        _site.Post("last-west.md", "The last day, far west", "9999-12-31T09:59:59-14:00", body: "");
        string other = Path.Combine(_site.Root, "out2");
        string[] args = ["--site-url", TestSite.SiteUrl, "--title", "Test blog", "--page-size", "3", "--future"];

        ToolRun early = await ToolRun.RunAsync(new FixedTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)), CancellationToken.None,
            ["build", _site.Posts, "--out", _site.Out, .. args]);
        ToolRun late = await ToolRun.RunAsync(new FixedTimeProvider(new DateTimeOffset(2031, 7, 9, 17, 45, 12, TimeSpan.FromHours(-5))), CancellationToken.None,
            ["build", _site.Posts, "--out", other, .. args]);
        early.ExitCode.ShouldBe(0, early.ToString());
        late.ExitCode.ShouldBe(0, late.ToString());

        var first = _site.Snapshot();
        var second = TestSite.SnapshotOf(other);
        second.Keys.ShouldBe(first.Keys);
        foreach (string key in first.Keys)
        {
            second[key].ShouldBe(first[key], key);
        }

        _site.ReadOut("atom.xml").ShouldContain("<updated>9999-12-31T23:59:59Z</updated>");
        _site.ReadOut("feed.xml").ShouldContain("<pubDate>Fri, 31 Dec 9999 23:59:59 +0000</pubDate>");
    }

    [Fact]
    public async Task No_temporary_files_are_left_behind()
    {
        _site.ManyPosts(25);
        (await _site.BuildAsync()).ExitCode.ShouldBe(0);
        _site.Post("2024-12-01-new.md", "New", "2024-12-01");
        (await _site.BuildAsync()).ExitCode.ShouldBe(0);

        _site.Snapshot().Keys.ShouldAllBe(k => !k.EndsWith(".feed-tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_leaves_the_output_folder_as_it_was()
    {
        _site.ManyPosts(12);
        (await _site.BuildAsync()).ExitCode.ShouldBe(0);
        var before = _site.Snapshot();
        var folders = _site.Folders();
        _site.ManyPosts(30, "more");
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        ToolRun run = await ToolRun.RunAsync(new FixedTimeProvider(ToolRun.DefaultNow), cancel.Token, _site.Args());

        run.ExitCode.ShouldBe(130);
        run.Stderr.ShouldContain("cancelled; nothing in the output folder was changed");
        _site.Snapshot().ShouldBe(before);
        _site.Folders().ShouldBe(folders);
    }

    [Fact]
    public async Task A_file_with_the_bytes_the_tool_would_write_is_adopted_without_rewriting()
    {
        _site.ManyPosts(3);
        (await _site.BuildAsync()).ExitCode.ShouldBe(0);
        File.Delete(Path.Combine(_site.Out, ".feed-manifest")); // e.g. the manifest was lost
        var times = _site.Mtimes();

        ToolRun run = await _site.BuildAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stdout.ShouldContain("0 files written, 2 unchanged");
        _site.Mtimes().Where(kv => kv.Key != ".feed-manifest").ShouldBe(times);
        File.Exists(Path.Combine(_site.Out, ".feed-manifest")).ShouldBeTrue();
    }
}
