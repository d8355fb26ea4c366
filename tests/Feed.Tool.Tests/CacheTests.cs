using System.Reflection;
using Feed.Tool.Caching;
using Feed.Tool.Posts;
using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests;

/// <summary>
/// The build cache (--cache-dir): a cached build writes exactly what a clean one writes, keeps untouched documents,
/// and ignores a cache that is damaged, stale or for other settings.
/// </summary>
public sealed class CacheTests : IDisposable
{
    private readonly TestSite _site = new();

    private string Cache => Path.Combine(_site.Root, "cache");

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task An_unchanged_rebuild_keeps_every_document_and_one_edit_renders_only_its_page()
    {
        _site.ManyPosts(25);
        (await _site.BuildAsync("--cache-dir", Cache)).ExitCode.ShouldBe(0);
        BuildCache cache = OpenCache();
        cache.Loaded.ShouldBeTrue();

        // Every document of the unchanged site is vouched for by the cache: nothing to read, parse or render.
        ToolRun rerun = await _site.BuildAsync("--cache-dir", Cache);
        rerun.Stdout.ShouldContain("0 files written, 6 unchanged, 0 removed");

        _site.Post("2024-01-01-post-1.md", "post number 1, revised", "2024-01-01T10:00:00Z", body: "Revised.");
        ToolRun edited = await _site.BuildAsync("--cache-dir", Cache);
        edited.Stdout.ShouldContain("2 files written, 4 unchanged, 0 removed");
    }

    [Fact]
    public async Task The_file_index_spares_reading_only_files_whose_stamp_is_old_enough_and_unchanged()
    {
        _site.ManyPosts(5);

        // Just written: every stamp is within the racy window of the build that read it, so none is trusted yet.
        (await _site.BuildAsync("--cache-dir", Cache)).ExitCode.ShouldBe(0);
        LoadWithIndex().Unread.ShouldBe(0);

        FileClock.Override.Value = new AheadClock(TimeSpan.FromMinutes(5));
        try
        {
            // Old enough now: this build reads them once more and records them as clean; the next one reads none.
            (await _site.BuildAsync("--cache-dir", Cache)).ExitCode.ShouldBe(0);
            LoadWithIndex().Unread.ShouldBe(5);

            // An edit changes its file's stamp: that file alone is read.
            _site.Post("2024-01-03-post-3.md", "post number 3", "2024-01-03T10:00:00Z", body: "Edited.");
            PostCatalog edited = LoadWithIndex();
            edited.Unread.ShouldBe(4);
            edited.Posts.Single(p => p.File.RelativePath == "2024-01-03-post-3.md").FileHash
                .ShouldBe(System.IO.Hashing.XxHash128.HashToUInt128(File.ReadAllBytes(Path.Combine(_site.Posts, "2024-01-03-post-3.md"))));
        }
        finally
        {
            FileClock.Override.Value = null;
        }
    }

    [Fact]
    public async Task The_cache_vouches_only_for_the_same_key_and_an_untouched_file()
    {
        _site.ManyPosts(5);
        (await _site.BuildAsync("--cache-dir", Cache)).ExitCode.ShouldBe(0);

        BuildCache cache = OpenCache();
        var posts = Feed.Tool.Posts.PostCatalog.Load(_site.Posts, Settings().Rules, false, false, ToolRun.DefaultNow, null, CancellationToken.None).Posts;
        var generator = new FeedGenerator(Settings().Options);
        var paging = generator.Paging;
        var page = paging.GetPages(posts.Count)[0];
        string feed = generator.Fingerprint;
        UInt128 key = cache.KeyOf(feed, FeedFormat.Rss, paging.GetUrl(FeedFormat.Rss, page), page, posts);

        cache.TryReuse("feed.xml", key).ShouldBeTrue();
        cache.TryReuse("feed.xml", cache.KeyOf(feed, FeedFormat.Atom, paging.GetUrl(FeedFormat.Atom, page), page, posts)).ShouldBeFalse();
        cache.TryReuse("feed.xml", cache.KeyOf(feed, FeedFormat.Rss, paging.GetUrl(FeedFormat.Rss, page), paging.GetPages(posts.Count + 1)[0], [.. posts, posts[0]])).ShouldBeFalse();
        FeedOptions other = Settings().Options;
        other.Title = "Another title";
        cache.TryReuse("feed.xml", cache.KeyOf(new FeedGenerator(other).Fingerprint, FeedFormat.Rss, paging.GetUrl(FeedFormat.Rss, page), page, posts)).ShouldBeFalse();

        string file = Path.Combine(_site.Out, "feed.xml");
        File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddSeconds(-1));
        cache.TryReuse("feed.xml", key).ShouldBeFalse();
        File.Delete(file);
        cache.TryReuse("feed.xml", key).ShouldBeFalse();
    }

    [Fact]
    public async Task A_hand_edited_output_file_is_made_again()
    {
        _site.ManyPosts(5);
        (await _site.BuildAsync("--cache-dir", Cache)).ExitCode.ShouldBe(0);
        var built = _site.Snapshot();
        File.WriteAllText(Path.Combine(_site.Out, "atom.xml"), "edited by hand");

        ToolRun run = await _site.BuildAsync("--cache-dir", Cache);

        run.Stdout.ShouldContain("1 files written, 1 unchanged");
        _site.Snapshot().ShouldBe(built);
    }

    [Fact]
    public async Task A_damaged_index_is_ignored_and_replaced()
    {
        _site.ManyPosts(25);
        (await _site.BuildAsync("--cache-dir", Cache)).ExitCode.ShouldBe(0);
        var built = _site.Snapshot();
        string index = Directory.GetFiles(Cache, "pages-*.bin").ShouldHaveSingleItem();
        byte[] good = File.ReadAllBytes(index);

        // Every one-byte change and every truncation is caught by the checksum or the format checks.
        UInt128 fingerprint = SettingsFingerprint.Compute(Settings())!.Value;
        BuildCache.Parse(good, fingerprint).ShouldNotBeNull();
        for (int i = 0; i < good.Length; i++)
        {
            byte[] bad = (byte[])good.Clone();
            bad[i] ^= 0x41;
            BuildCache.Parse(bad, fingerprint).ShouldBeNull($"byte {i} flipped");
            BuildCache.Parse(good[..i], fingerprint).ShouldBeNull($"cut at {i}");
        }

        // A page key stored under a damaged index must not be trusted: the build is cold and its bytes are right.
        File.WriteAllBytes(index, good[..(good.Length / 2)]);
        Directory.Delete(_site.Out, recursive: true);
        ToolRun run = await _site.BuildAsync("--cache-dir", Cache);
        run.Stdout.ShouldContain("6 files written, 0 unchanged");
        _site.Snapshot().ShouldBe(built);
        BuildCache.Parse(File.ReadAllBytes(index), fingerprint).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_cache_for_other_settings_or_another_tool_is_not_used()
    {
        _site.ManyPosts(5);
        (await _site.BuildAsync("--cache-dir", Cache)).ExitCode.ShouldBe(0);
        byte[] index = File.ReadAllBytes(Directory.GetFiles(Cache, "pages-*.bin").ShouldHaveSingleItem());
        UInt128 fingerprint = SettingsFingerprint.Compute(Settings())!.Value;

        BuildCache.Parse(index, fingerprint).ShouldNotBeNull();
        BuildCache.Parse(index, SettingsFingerprint.Compute(Settings("--title", "Other"))!.Value).ShouldBeNull();
        BuildCache.Parse(index, SettingsFingerprint.Compute(Settings("--excerpt-length", "20"))!.Value).ShouldBeNull();

        // The same cache folder with other settings: every document is made again, with the new description.
        ToolRun run = await _site.BuildAsync("--cache-dir", Cache, "--description", "Other");
        run.Stdout.ShouldContain("2 files written, 0 unchanged", Case.Sensitive, run.ToString());
        _site.ReadOut("feed.xml").ShouldContain("<description>Other</description>");
    }

    [Fact]
    public async Task A_new_post_moves_every_page_and_renders_only_itself()
    {
        _site.ManyPosts(25);
        (await _site.BuildAsync("--cache-dir", Cache)).ExitCode.ShouldBe(0);
        Directory.GetFiles(Cache, "entries-*.bin").ShouldHaveSingleItem();

        // Newest first, 10 a page: the new post pushes one post onto each next page, so every document changes.
        _site.Post("brand-new.md", "Brand new", "2024-12-31T08:00:00Z", body: "Just *written*.");
        ToolRun run = await _site.BuildAsync("--cache-dir", Cache);
        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stdout.ShouldContain("6 files written, 0 unchanged", Case.Sensitive, run.ToString());

        string clean = Path.Combine(_site.Root, "clean");
        (await ToolRun.RunAsync(["build", _site.Posts, "--out", clean, "--site-url", TestSite.SiteUrl, "--title", "Test blog",
            "--now", "2025-01-01T00:00:00Z", "--no-cache"])).ExitCode.ShouldBe(0);
        _site.Snapshot().ShouldBe(TestSite.SnapshotOf(clean));
    }

    [Fact]
    public void The_entry_store_reads_back_what_it_stored_and_only_that()
    {
        string dir = Path.Combine(_site.Root, "store");
        var generator = new FeedGenerator(new FeedOptions { Title = "T", SiteUrl = new Uri(TestSite.SiteUrl) });
        FeedEntry first = generator.CreateEntry(new FeedPost
        {
            Title = "One", Url = new Uri(TestSite.SiteUrl + "one/"), Published = DateTimeOffset.UnixEpoch,
            Body = "中文 and an emoji 😀, <b>bold</b> & a [link](x/).",
        });
        FeedEntry second = generator.CreateEntry(new FeedPost
        {
            Title = "Two", Url = new Uri(TestSite.SiteUrl + "two/"), Published = DateTimeOffset.UnixEpoch, Body = string.Empty,
            Categories = ["静态网站", "C#"], Language = "zh", Authors = [new FeedAuthor("Ann") { Email = "ann@example.org" }],
            Properties = new Dictionary<string, string> { ["enclosure"] = "https://example.org/a.mp3", ["duration"] = "12:00" },
        });
        UInt128 fingerprint = 42;
        using (EntryStore store = EntryStore.Open(dir, "/site/out", fingerprint))
        {
            store.TryGet(1, out _).ShouldBeFalse();
            store.Add(1, first);
            store.Add(2, second);
            store.TryGet(1, out FeedEntry? sameBuild).ShouldBeTrue(); // another feed of the same build
            sameBuild.ShouldBe(first);
            store.Save([1, 2, 3]);
        }

        using (EntryStore store = EntryStore.Open(dir, "/site/out", fingerprint))
        {
            store.TryGet(1, out FeedEntry? entry).ShouldBeTrue();
            entry.ShouldBe(first);
            store.TryGet(2, out entry).ShouldBeTrue();
            entry.ShouldBe(second);
            store.TryGet(3, out _).ShouldBeFalse();
            store.Reused.ShouldBe(2);
            store.Save([1]); // the second post is gone
        }

        using (EntryStore store = EntryStore.Open(dir, "/site/out", fingerprint))
        {
            store.TryGet(1, out _).ShouldBeTrue();
            store.TryGet(2, out _).ShouldBeFalse();
        }

        // Other settings, another output folder: nothing is found.
        using (EntryStore store = EntryStore.Open(dir, "/site/out", 43))
        {
            store.TryGet(1, out _).ShouldBeFalse();
        }

        using (EntryStore store = EntryStore.Open(dir, "/other/out", fingerprint))
        {
            store.TryGet(1, out _).ShouldBeFalse();
        }
    }

    [Fact]
    public void The_entry_store_appends_while_most_of_it_is_live_and_rewrites_when_it_is_not()
    {
        string dir = Path.Combine(_site.Root, "store");
        var generator = new FeedGenerator(new FeedOptions { Title = "T", SiteUrl = new Uri(TestSite.SiteUrl) });
        FeedEntry Entry(int i) => generator.CreateEntry(new FeedPost
        {
            Title = $"Post {i}", Url = new Uri(TestSite.SiteUrl + $"p{i}/"), Published = DateTimeOffset.UnixEpoch,
            Body = string.Concat(Enumerable.Repeat($"Paragraph of post {i}. ", 20)),
        });
        string File() => Directory.GetFiles(dir, "entries-*.bin").ShouldHaveSingleItem();

        using (EntryStore store = EntryStore.Open(dir, "/site/out", 9))
        {
            for (int i = 1; i <= 10; i++)
            {
                store.Add((UInt128)i, Entry(i));
            }

            store.Save([.. Enumerable.Range(1, 10).Select(i => (UInt128)i)]);
        }

        long first = new FileInfo(File()).Length;
        using (EntryStore store = EntryStore.Open(dir, "/site/out", 9))
        {
            store.Add(11, Entry(11)); // one new post, every old one still published: appended
            store.Save([.. Enumerable.Range(1, 11).Select(i => (UInt128)i)]);
        }

        long appended = new FileInfo(File()).Length;
        appended.ShouldBeGreaterThan(first);
        using (EntryStore store = EntryStore.Open(dir, "/site/out", 9))
        {
            for (int i = 1; i <= 11; i++)
            {
                store.TryGet((UInt128)i, out FeedEntry? entry).ShouldBeTrue($"post {i}");
                entry.ShouldBe(Entry(i));
            }

            store.Save([2, 11]); // most posts gone: rewritten without them
        }

        new FileInfo(File()).Length.ShouldBeLessThan(first);
        using (EntryStore store = EntryStore.Open(dir, "/site/out", 9))
        {
            store.TryGet(2, out FeedEntry? two).ShouldBeTrue();
            two.ShouldBe(Entry(2));
            store.TryGet(11, out _).ShouldBeTrue();
            store.TryGet(1, out _).ShouldBeFalse();
        }

        Directory.GetFiles(dir, "*.tmp").ShouldBeEmpty();
    }

    [Fact]
    public void Every_damaged_byte_and_every_truncation_of_the_entry_store_is_caught()
    {
        string dir = Path.Combine(_site.Root, "store");
        var generator = new FeedGenerator(new FeedOptions { Title = "T", SiteUrl = new Uri(TestSite.SiteUrl) });
        FeedEntry entry = generator.CreateEntry(new FeedPost
        {
            Title = "One", Url = new Uri(TestSite.SiteUrl + "one/"), Published = DateTimeOffset.UnixEpoch, Body = "Some *text*.",
        });
        using (EntryStore store = EntryStore.Open(dir, "/site/out", 7))
        {
            store.Add(1, entry);
            store.Save([1]);
        }

        string file = Directory.GetFiles(dir, "entries-*.bin").ShouldHaveSingleItem();
        byte[] good = File.ReadAllBytes(file);
        for (int i = 0; i < good.Length; i++)
        {
            byte[] bad = (byte[])good.Clone();
            bad[i] ^= 0x41;
            File.WriteAllBytes(file, bad);
            using (EntryStore store = EntryStore.Open(dir, "/site/out", 7))
            {
                store.TryGet(1, out _).ShouldBeFalse($"byte {i} flipped");
            }

            File.WriteAllBytes(file, good[..i]);
            using (EntryStore store = EntryStore.Open(dir, "/site/out", 7))
            {
                store.TryGet(1, out _).ShouldBeFalse($"cut at {i}");
            }
        }

        File.WriteAllBytes(file, good);
        using (EntryStore store = EntryStore.Open(dir, "/site/out", 7))
        {
            store.TryGet(1, out FeedEntry? read).ShouldBeTrue();
            read.ShouldBe(entry);
        }
    }

    [Fact]
    public async Task Temporary_files_a_killed_build_left_in_the_cache_are_removed_by_the_next_build()
    {
        _site.ManyPosts(3);
        (await _site.BuildAsync("--cache-dir", Cache)).ExitCode.ShouldBe(0);
        string[] stores = [.. Directory.GetFiles(Cache, "*.bin")];
        stores.Length.ShouldBe(3); // the pages, the entries, the file index
        foreach (string store in stores)
        {
            File.WriteAllText(store + ".0123456789abcdef0123456789abcdef.tmp", "left by a killed build");
        }

        string other = Path.Combine(Cache, "entries-00000000000000000000000000000000.bin.0123.tmp");
        File.WriteAllText(other, "another output folder's build, maybe running");

        (await _site.BuildAsync("--cache-dir", Cache)).ExitCode.ShouldBe(0);
        Directory.GetFiles(Cache, "*.tmp").ShouldBe([other]);
    }

    [Fact]
    public void The_fingerprint_reads_every_setting_that_exists()
    {
        // A new option must be added to SettingsFingerprint, or a cached page would survive a change to it.
        Type[] types = [typeof(FeedOptions), typeof(Excerpts.ExcerptOptions), typeof(FeedAuthor), typeof(Feed.Tool.Posts.PostRules), typeof(Configuration.BuildSettings), typeof(Configuration.Taxonomies)];
        foreach (Type type in types)
        {
            string[] properties = [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.Name != "EqualityContract").Select(p => p.Name).Order(StringComparer.Ordinal)];
            properties.ShouldBe(SettingsFingerprint.Fields[type.Name].Order(StringComparer.Ordinal).ToArray(), type.Name);
        }

        SettingsFingerprint.Compute(Settings()).ShouldBe(SettingsFingerprint.Compute(Settings()));
        SettingsFingerprint.Compute(Settings("--description", "x")).ShouldNotBe(SettingsFingerprint.Compute(Settings()));
        SettingsFingerprint.ToolIdentity.ShouldContain("Feed.Tool ");
    }

    [Fact]
    public async Task The_cache_folder_must_be_outside_the_output_folder()
    {
        _site.ManyPosts(2);

        ToolRun inside = await _site.BuildAsync("--cache-dir", Path.Combine(_site.Out, "cache"));
        ToolRun same = await _site.BuildAsync("--cache-dir", _site.Out);
        ToolRun empty = await _site.BuildAsync("--cache-dir", "");

        inside.ExitCode.ShouldBe(2);
        inside.Stderr.ShouldContain("is inside --out");
        same.ExitCode.ShouldBe(2);
        empty.ExitCode.ShouldBe(2);
        Directory.Exists(_site.Out).ShouldBeFalse();
    }

    [Fact]
    public async Task No_cache_builds_write_no_cache()
    {
        _site.ManyPosts(2);
        (await _site.BuildAsync("--cache-dir", Cache, "--no-cache")).ExitCode.ShouldBe(0);
        Directory.Exists(Cache).ShouldBeFalse();
    }

    // The first pass of a build with its file index, as the build opens it (nothing is saved: only a build does).
    private PostCatalog LoadWithIndex()
    {
        var index = FileIndex.Open(Path.GetFullPath(Cache), Path.GetFullPath(_site.Out), new CacheHealth());
        return PostCatalog.Load(_site.Posts, Settings().Rules, false, false, false, ToolRun.DefaultNow, index, null, CancellationToken.None);
    }

    private BuildCache OpenCache() => BuildCache.Open(Settings() with { CacheDir = Cache }).ShouldNotBeNull();

    private Configuration.BuildSettings Settings(params string[] extra)
    {
        var values = new Configuration.CommandLineValues
        {
            PostsDir = _site.Posts,
            OutDir = _site.Out,
            SiteUrl = TestSite.SiteUrl,
            Title = extra.Contains("--title") ? extra[Array.IndexOf(extra, "--title") + 1] : "Test blog",
            Description = extra.Contains("--description") ? extra[Array.IndexOf(extra, "--description") + 1] : null,
            ExcerptLength = extra.Contains("--excerpt-length") ? int.Parse(extra[Array.IndexOf(extra, "--excerpt-length") + 1], System.Globalization.CultureInfo.InvariantCulture) : null,
            Now = "2025-01-01T00:00:00Z",
        };
        return Configuration.SettingsResolver.Resolve(values, []).ShouldNotBeNull();
    }
}
