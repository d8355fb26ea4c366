using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests;

/// <summary>End to end: posts in, feed files out, run in-process through <see cref="Program.RunAsync"/>.</summary>
public sealed class BuildTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Builds_english_and_chinese_posts_into_rss_and_atom()
    {
        _site.Post("2024-03-01-hello.md", "Hello, world", "2024-03-01T10:00:00Z", body: "An English post about feeds.");
        _site.Post("2024-03-02-你好世界.md", "你好，世界", "2024-03-02T10:00:00+08:00", "lang: zh-CN\ntags: [中文, 博客]",
            body: "这是一篇中文文章，讲的是订阅源。");

        ToolRun run = await _site.BuildAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stderr.ShouldBeEmpty();
        run.Stdout.ShouldStartWith("feed: 2 posts read, 0 skipped (0 draft, 0 future), 2 files written, 0 unchanged, 0 removed, ");
        _site.Snapshot().Keys.ShouldBe([".feed-manifest", "atom.xml", "feed.xml"]);
        foreach (string file in (string[])["feed.xml", "atom.xml"])
        {
            FeedXml feed = FeedXml.Load(Path.Combine(_site.Out, file));
            feed.Entries.Select(e => e.Title).ShouldBe(["你好，世界", "Hello, world"], file);
            feed.Entries.Select(e => e.Url).ShouldBe(
                [
                    TestSite.SiteUrl + "posts/%E4%BD%A0%E5%A5%BD%E4%B8%96%E7%95%8C/",
                    TestSite.SiteUrl + "posts/hello/",
                ], file);
            feed.Entries[0].Excerpt.ShouldContain("这是一篇中文文章");
            feed.Entries[1].Excerpt.ShouldContain("An English post about feeds.");
        }
    }

    [Fact]
    public async Task Drafts_are_left_out_unless_asked_for()
    {
        _site.Post("2024-01-01-live.md", "Live", "2024-01-01");
        _site.Post("2024-01-02-wip.md", "Work in progress", "2024-01-02", "draft: true");

        ToolRun without = await _site.BuildAsync();
        without.ExitCode.ShouldBe(0, without.ToString());
        without.Stdout.ShouldContain("2 posts read, 1 skipped (1 draft, 0 future)");
        FeedXml.Load(Path.Combine(_site.Out, "feed.xml")).Entries.Select(e => e.Title).ShouldBe(["Live"]);

        ToolRun with = await _site.BuildAsync("--drafts");
        with.ExitCode.ShouldBe(0, with.ToString());
        with.Stdout.ShouldContain("2 posts read, 0 skipped (0 draft, 0 future), 2 files written");
        FeedXml.Load(Path.Combine(_site.Out, "atom.xml")).Entries.Select(e => e.Title).ShouldBe(["Work in progress", "Live"]);
    }

    [Fact]
    public async Task Future_posts_are_left_out_until_their_date_or_with_future()
    {
        _site.Post("2024-06-01-past.md", "Past", "2024-06-01T00:00:00Z");
        _site.Post("2025-06-01-later.md", "Later", "2025-06-01T00:00:00Z");

        // --now pins the clock...
        ToolRun pinned = await _site.BuildAsync(); // --now 2025-01-01T00:00:00Z
        pinned.Stdout.ShouldContain("1 skipped (0 draft, 1 future)");
        FeedXml.Load(Path.Combine(_site.Out, "feed.xml")).Entries.Select(e => e.Title).ShouldBe(["Past"]);

        ToolRun future = await _site.BuildAsync("--future");
        future.Stdout.ShouldContain("0 skipped (0 draft, 0 future)");
        FeedXml.Load(Path.Combine(_site.Out, "feed.xml")).Entries.Select(e => e.Title).ShouldBe(["Later", "Past"]);

        // ... and without it, "now" comes from the injected clock.
        string[] noNow = ["build", _site.Posts, "--out", _site.Out, "--site-url", TestSite.SiteUrl, "--title", "T"];
        ToolRun afterDate = await ToolRun.RunAsync(new FixedTimeProvider(new DateTimeOffset(2025, 6, 1, 0, 0, 1, TimeSpan.Zero)), CancellationToken.None, noNow);
        afterDate.Stdout.ShouldContain("0 skipped (0 draft, 0 future)");
        ToolRun beforeDate = await ToolRun.RunAsync(new FixedTimeProvider(new DateTimeOffset(2025, 5, 31, 23, 59, 59, TimeSpan.Zero)), CancellationToken.None, noNow);
        beforeDate.Stdout.ShouldContain("1 skipped (0 draft, 1 future)");
    }

    [Fact]
    public async Task More_divider_ends_the_excerpt_and_the_content_keeps_everything()
    {
        _site.Post("2024-01-01-divided.md", "Divided", "2024-01-01",
            body: "The opening paragraph.\n\n<!--more-->\n\nThe rest, only in the full post.");

        (await _site.BuildAsync()).ExitCode.ShouldBe(0);

        foreach (string file in (string[])["feed.xml", "atom.xml"])
        {
            FeedXml.Entry entry = FeedXml.Load(Path.Combine(_site.Out, file)).Entries.ShouldHaveSingleItem();
            entry.Excerpt.ShouldContain("The opening paragraph.", customMessage: file);
            entry.Excerpt.ShouldNotContain("The rest", customMessage: file);
            entry.Content.ShouldNotBeNull(file).ShouldContain("The rest, only in the full post.");
        }
    }

    [Fact]
    public async Task Front_matter_summary_replaces_the_excerpt()
    {
        _site.Post("2024-01-01-summarised.md", "Summarised", "2024-01-01",
            "summary: A hand-written summary, in the author's words.", body: "The body starts differently.");

        (await _site.BuildAsync()).ExitCode.ShouldBe(0);

        foreach (string file in (string[])["feed.xml", "atom.xml"])
        {
            FeedXml.Entry entry = FeedXml.Load(Path.Combine(_site.Out, file)).Entries.ShouldHaveSingleItem();
            entry.Excerpt.ShouldContain("A hand-written summary, in the author's words.", customMessage: file);
            entry.Excerpt.ShouldNotContain("The body starts", customMessage: file);
        }
    }

    [Fact]
    public async Task Every_page_is_written_where_the_documents_link_to_it()
    {
        _site.ManyPosts(25);

        ToolRun run = await _site.BuildAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stdout.ShouldContain("25 posts read, 0 skipped (0 draft, 0 future), 6 files written");
        _site.Snapshot().Keys.ShouldBe([".feed-manifest", "atom.xml", "atom/2.xml", "atom/3.xml", "feed.xml", "feed/2.xml", "feed/3.xml"]);
        LinkAssertions.EveryLinkPointsAtAWrittenFile(_site.Out, TestSite.SiteUrl);

        FeedXml first = FeedXml.Load(Path.Combine(_site.Out, "feed.xml"));
        first.Link("self").ShouldBe(TestSite.SiteUrl + "feed.xml");
        first.Link("next").ShouldBe(TestSite.SiteUrl + "feed/2.xml");
        FeedXml.Load(Path.Combine(_site.Out, "atom/3.xml")).Link("previous").ShouldBe(TestSite.SiteUrl + "atom/2.xml");

        // The pages partition the posts, newest first.
        var titles = new List<string>();
        foreach (string page in (string[])["feed.xml", "feed/2.xml", "feed/3.xml"])
        {
            titles.AddRange(FeedXml.Load(Path.Combine(_site.Out, page)).Entries.Select(e => e.Title));
        }

        titles.ShouldBe(Enumerable.Range(1, 25).Reverse().Select(i => $"post number {i}"));
    }

    [Fact]
    public async Task Archive_mode_writes_archives_where_the_documents_link_to_them()
    {
        _site.ManyPosts(25);
        string config = Path.Combine(_site.Root, "feed.json");
        File.WriteAllText(config, """{ "archive": true, "pageSize": 10 }""");

        ToolRun run = await _site.BuildAsync("--config", config);

        run.ExitCode.ShouldBe(0, run.ToString());
        var files = _site.Snapshot().Keys.ToList();
        files.ShouldContain("feed.xml");
        files.ShouldContain("atom.xml");
        files.Where(f => f.StartsWith("feed/archive/", StringComparison.Ordinal)).ShouldNotBeEmpty();
        files.Where(f => f.StartsWith("atom/archive/", StringComparison.Ordinal)).ShouldNotBeEmpty();
        files.ShouldAllBe(f => f == ".feed-manifest" || f == "feed.xml" || f == "atom.xml" || f.Contains("/archive/"));
        LinkAssertions.EveryLinkPointsAtAWrittenFile(_site.Out, TestSite.SiteUrl);
    }

    [Fact]
    public async Task Permalink_template_page_bundles_and_relative_links()
    {
        _site.Post("trips/2024-05-06-lisbon/index.md", "Lisbon", "2024-05-06T09:00:00+01:00",
            body: "![Tram 28](tram.jpg)\n\nSee [the previous trip](../porto/).");
        _site.Post("2024-05-07-own-permalink.md", "Own permalink", "2024-05-07", "permalink: /notes/{slug}.html");
        string config = Path.Combine(_site.Root, "feed.json");
        File.WriteAllText(config, """{ "permalink": "/{year}/{month}/{day}/{slug}/" }""");

        ToolRun run = await _site.BuildAsync("--config", config);

        run.ExitCode.ShouldBe(0, run.ToString());
        FeedXml.Load(Path.Combine(_site.Out, "atom.xml")).Entries.Select(e => e.Url).ShouldBe(
        [
            TestSite.SiteUrl + "notes/own-permalink.html",
            TestSite.SiteUrl + "2024/05/06/lisbon/",
        ]);
    }

    [Fact]
    public async Task Relative_urls_in_a_page_bundle_resolve_against_the_posts_url()
    {
        _site.Post("trips/2024-05-06-lisbon/index.md", "Lisbon", "2024-05-06T09:00:00+01:00",
            body: "![Tram 28](tram.jpg)\n\nSee [the previous trip](../porto/).");

        (await _site.BuildAsync()).ExitCode.ShouldBe(0);

        // Relative URLs in the body are made absolute against the post's own URL (readers ignore xml:base).
        string content = FeedXml.Load(Path.Combine(_site.Out, "atom.xml")).Entries.ShouldHaveSingleItem().Content.ShouldNotBeNull();
        content.ShouldContain(TestSite.SiteUrl + "posts/lisbon/tram.jpg");
        content.ShouldContain(TestSite.SiteUrl + "posts/porto/");
    }

    [Fact]
    public async Task An_empty_posts_folder_makes_one_empty_page_per_format()
    {
        ToolRun run = await _site.BuildAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stdout.ShouldContain("0 posts read");
        _site.Snapshot().Keys.ShouldBe([".feed-manifest", "atom.xml", "feed.xml"]);
        FeedXml.Load(Path.Combine(_site.Out, "feed.xml")).Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task Quiet_prints_nothing_on_success()
    {
        _site.Post("2024-01-01-a.md", "A", "2024-01-01");

        ToolRun run = await _site.BuildAsync("--quiet");

        run.ExitCode.ShouldBe(0);
        run.Stdout.ShouldBeEmpty();
        run.Stderr.ShouldBeEmpty();
        File.Exists(Path.Combine(_site.Out, "feed.xml")).ShouldBeTrue();
    }

    [Fact]
    public async Task Hidden_folders_and_other_files_are_not_posts()
    {
        _site.Post("2024-01-01-a.md", "A", "2024-01-01");
        _site.Write(".obsidian/template.md", "not a post");
        _site.Write("images/readme.txt", "not a post");

        ToolRun run = await _site.BuildAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stdout.ShouldContain("1 posts read");
    }
}
