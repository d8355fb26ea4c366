using System.Text;
using CsCheck;
using Feed.Tool.Caching;
using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests;

/// <summary>
/// The build cache's one promise: a cached build writes exactly what a clean build of the same posts writes. Checked
/// over random sites and random edits — every format on (RSS, Atom, JSON Feed and the HTML listing), with and without taxonomy feeds, full
/// content and a feed author (whose absence makes each taxonomy feed's entries name the feed) — after each edit a
/// cached build into one folder and a clean one into a new folder, byte for byte.
/// </summary>
/// <remarks>
/// The edits are the ones a stat-based file index can get wrong: a post edited within the same second keeping its size
/// (the racy case), a post renamed, a post deleted and another written at its path (its inode may be reused) with its
/// old modification time, a touch that changes nothing, a new post (every page moves, so documents are put together
/// from the fragments of the old ones), a post moved in time or made a draft, tags changed (a taxonomy feed appears,
/// grows or goes). Each sample runs on the real file system, with its clock read ahead so that the index trusts every
/// stamp it may (<see cref="AheadClock"/>), or on a file system with one-second timestamps whose clock the test moves
/// (<see cref="CoarseClock"/>), where edits in the second of a build leave stamps exactly as they were.
/// </remarks>
public sealed class CachedBuildPropertyTests
{
    private static readonly string[] TagPool = ["rust", "go", "C#", "c", "静态网站", "RL", "rl"];

    private sealed record Site(bool Taxonomies, bool FullContent, bool Author, bool Coarse);

    private sealed record Edit(int Op, int Post, int Salt, int Tick);

    private static readonly Gen<Site> Sites = Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool, Gen.Bool, (t, f, a, c) => new Site(t, f, a, c));

    private static readonly Gen<Edit> Edits = Gen.Select(Gen.Int[0, 10], Gen.Int[0, 6], Gen.Int[0, 1000], Gen.Int[0, 3], (o, p, s, t) => new Edit(o, p, s, t));

    [Fact]
    public async Task Cached_builds_equal_clean_builds_under_random_edits() =>
        await Gen.Select(Sites, Edits.Array[1, 6]).SampleAsync(sample => RunAsync(sample.Item1, sample.Item2), iter: 60, threads: 1);

    // Found by the property: a file rewritten in place with the same size in the second the cache last read it keeps
    // every field of its stamp on a file system with one-second timestamps; only its being recorded as racy makes the
    // next build read it again.
    [Fact]
    public async Task A_same_size_edit_in_the_second_of_the_last_build_is_read_again() =>
        await RunAsync(new Site(Taxonomies: false, FullContent: true, Author: false, Coarse: true), [new Edit(Op: 6, Post: 5, Salt: 0, Tick: 0)]);

    // Found by the property: a taxonomy feed is titled by its term as the newest of its posts spells it ("rl" then "RL"),
    // so retagging that post retitles every page of the feed, pages whose posts did not change included.
    [Fact]
    public async Task A_taxonomy_feed_retitled_by_its_newest_post_is_written_again_on_every_page() =>
        await RunAsync(new Site(Taxonomies: true, FullContent: false, Author: true, Coarse: false), [new Edit(Op: 10, Post: 6, Salt: 239, Tick: 3)]);

    private static async Task RunAsync(Site shape, Edit[] edits)
    {
        var clock = new CoarseClock();
        FileClock.Override.Value = shape.Coarse ? clock : new AheadClock(TimeSpan.FromMinutes(5));
        try
        {
            await RunAsync(shape, edits, clock);
        }
        finally
        {
            FileClock.Override.Value = null;
        }
    }

    private static async Task RunAsync(Site shape, Edit[] edits, CoarseClock clock)
    {
        using var site = new TestSite();
        string cache = Path.Combine(site.Root, "cache");
        string config = Path.Combine(site.Root, "feed.json");
        File.WriteAllText(config, $$"""
            { "formats": ["rss", "atom", "json", "html"], "fullContent": {{(shape.FullContent ? "true" : "false")}},
              "taxonomies": { "tags": {{(shape.Taxonomies ? "true" : "false")}}, "categories": false, "authors": {{(shape.Taxonomies ? "true" : "false")}} }
              {{(shape.Author ? ", \"author\": { \"name\": \"Ann\" }" : "")}} }
            """);
        string[] extra = ["--page-size", "2", "--config", config];
        var names = new List<string>();
        void Write(string name, string title, string date, string body, string front = "")
        {
            string path = site.Post(name, title, date, front, body);
            clock.Wrote(path);
        }

        for (int i = 0; i < 7; i++)
        {
            names.Add($"p{i}.md");
            Write(names[i], $"Post {i}", $"2024-02-{10 + i:00}T08:00:00Z", $"Body {i} with *Markdown*.", Tags(i, i));
        }

        (await site.BuildAsync([.. extra, "--cache-dir", cache])).ExitCode.ShouldBe(0);
        foreach (Edit edit in edits)
        {
            clock.Tick(edit.Tick);
            string name = names[edit.Post % names.Count];
            string file = Path.Combine(site.Posts, name);
            bool exists = File.Exists(file);
            switch (edit.Op)
            {
                case 0 when exists:
                    Write(name, $"Post {edit.Post}", Date(edit.Post), $"Edited body {edit.Salt}, now longer than before.", Tags(edit.Post, edit.Salt));
                    break;
                case 1 when exists:
                    Write(name, $"Retitled {edit.Salt}", Date(edit.Post), $"Body {edit.Post} with *Markdown*.", Tags(edit.Post, edit.Post));
                    break;
                case 2 when exists:
                    Write(name, $"Post {edit.Post}", $"2024-01-{1 + (edit.Salt % 28):00}T08:00:00Z", $"Moved {edit.Salt}.", Tags(edit.Post, edit.Salt));
                    break;
                case 3 when exists:
                    File.Delete(file);
                    break;
                case 4 when exists:
                    Write(name, $"Draft {edit.Post}", "2024-02-01T08:00:00Z", "A draft.", "draft: true");
                    break;
                case 5:
                    // A new newest post: every page moves by one.
                    names.Add($"new-{edit.Salt}-{names.Count}.md");
                    Write(names[^1], $"New {edit.Salt}", $"2024-03-{1 + (edit.Salt % 28):00}T08:00:00Z", "Just *written*.", Tags(edit.Salt, edit.Salt));
                    break;
                case 6 when exists:
                    // Same size, same second, in place: the stamp a coarse file system gives is the one recorded.
                    SameSizeEdit(file, edit.Salt);
                    clock.Wrote(file);
                    break;
                case 7 when exists:
                    // Renamed: another path (and so another URL), the same inode.
                    string renamed = $"renamed-{edit.Salt}-{names.Count}.md";
                    File.Move(file, Path.Combine(site.Posts, renamed));
                    clock.Wrote(Path.Combine(site.Posts, renamed));
                    names[edit.Post % names.Count] = renamed;
                    break;
                case 8 when exists:
                    // Deleted and written again at the same path with the same size and the old modification time:
                    // the file system may give the new file the old one's inode.
                    DateTime modified = File.GetLastWriteTimeUtc(file);
                    long second = clock.ModifiedOf(file);
                    byte[] bytes = File.ReadAllBytes(file);
                    File.Delete(file);
                    File.WriteAllBytes(file, SameSize(bytes, edit.Salt));
                    File.SetLastWriteTimeUtc(file, modified);
                    clock.SetModified(file, second);
                    break;
                case 9 when exists:
                    // Touched: a new modification time, the same bytes.
                    File.SetLastWriteTimeUtc(file, File.GetLastWriteTimeUtc(file).AddSeconds(1 + edit.Salt));
                    clock.SetModified(file, clock.Second);
                    break;
                case 10 when exists:
                    Write(name, $"Post {edit.Post}", Date(edit.Post), $"Body {edit.Post} with *Markdown*.", Tags(edit.Salt, edit.Salt + 1));
                    break;
                default:
                    break;
            }

            string clean = Path.Combine(site.Root, "clean-" + Guid.NewGuid().ToString("N"));
            ToolRun cached = await site.BuildAsync([.. extra, "--cache-dir", cache]);
            ToolRun fresh = await ToolRun.RunAsync(
                ["build", site.Posts, "--out", clean, "--site-url", TestSite.SiteUrl, "--title", "Test blog",
                 "--now", "2025-01-01T00:00:00Z", .. extra, "--no-cache"]);

            cached.ExitCode.ShouldBe(fresh.ExitCode, cached.ToString());
            cached.Stderr.ShouldBe(fresh.Stderr.Replace(clean, site.Out, StringComparison.Ordinal), "the same messages");
            if (fresh.ExitCode == 0)
            {
                site.Snapshot().ShouldBe(TestSite.SnapshotOf(clean), $"after {edit} ({shape})");
            }
        }
    }

    private static string Date(int post) => $"2024-02-{10 + (post % 7):00}T08:00:00Z";

    private static string Tags(int a, int b) => $"tags: [\"{TagPool[a % TagPool.Length]}\", \"{TagPool[(b + 3) % TagPool.Length]}\"]";

    // The same number of bytes, other text: every ASCII letter of the body shifted by one.
    private static void SameSizeEdit(string file, int salt) => File.WriteAllBytes(file, SameSize(File.ReadAllBytes(file), salt));

    private static byte[] SameSize(byte[] bytes, int salt)
    {
        string text = Encoding.UTF8.GetString(bytes);
        int body = text.IndexOf("\n---\n", StringComparison.Ordinal) + 5;
        var changed = new StringBuilder(text[..body]);
        foreach (char c in text[body..])
        {
            changed.Append(c is >= 'a' and < 'z' && (salt & 1) == 0 ? (char)(c + 1) : c is > 'a' and <= 'z' ? (char)(c - 1) : c);
        }

        byte[] result = Encoding.UTF8.GetBytes(changed.ToString());
        result.Length.ShouldBe(bytes.Length);
        return result;
    }
}
