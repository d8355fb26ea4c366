using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests.Faults;

/// <summary>
/// The build cache never changes a build's result, through the real process: a post saved while a build runs is
/// never cached under the hash of what the build first read, and a cache that cannot be read or written (a full
/// disk, a read-only one, an I/O error, no permission) is one warning while the build goes on as with --no-cache.
/// </summary>
public sealed class CacheFailureTests : IDisposable
{
    private readonly TestSite _site = new();

    public CacheFailureTests()
    {
        // Bodies of a few KB, so the rendered entries outgrow the cache's write buffer during the build.
        string paragraph = string.Concat(Enumerable.Repeat("Words of a long enough post, with *emphasis* and a [link](https://example.org/). ", 40));
        for (int i = 1; i <= 30; i++)
        {
            _site.Post($"2024-01-{i:00}-post-{i}.md", $"Post {i}", $"2024-01-{i:00}T10:00:00Z", body: $"{paragraph}\n\n{paragraph} {i}");
        }
    }

    public void Dispose() => _site.Dispose();

    private string[] Args(string cacheDir, params string[] extra) => _site.Args(["--page-size", "5", "--cache-dir", cacheDir, .. extra]);

    // What a build without a cache writes for the posts as they are now.
    private async Task<Snapshot> CleanBuildAsync()
    {
        string clean = Path.Combine(_site.Root, "clean-" + Guid.NewGuid().ToString("N"));
        string[] args = _site.Args("--page-size", "5", "--no-cache");
        args[Array.IndexOf(args, "--out") + 1] = clean;
        ToolRun run = await ToolProcess.RunAsync(args);
        run.ExitCode.ShouldBe(0, run.ToString());
        return Snapshot.Of(clean);
    }

    private static void AssertCacheWarning(ToolRun run, string cacheDir, string because)
    {
        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stderr.Split('\n').Count(l => l.Contains("warning FEED0062", StringComparison.Ordinal)).ShouldBe(1, run.ToString());
        run.Stderr.ShouldContain($"{cacheDir}: warning FEED0062: the build cache cannot be used ({because}", Case.Sensitive, run.ToString());
    }

    [Fact]
    public async Task A_post_saved_while_a_build_waits_for_the_lock_is_never_cached_under_what_it_first_read()
    {
        // The race: a build reads every post (pass 1: front matter and hash), waits for another build's lock, then reads
        // the bodies of the posts it renders (pass 2). A post saved in between, then saved back, must not leave a cache
        // that vouches for the saved-in-between text.
        string cache = Path.Combine(_site.Root, "cache");
        string edited = _site.Post("2024-02-01-edited.md", "Edited", "2024-02-01T10:00:00Z", body: "EDIT1: the first text.");
        string edit1 = File.ReadAllText(edited);
        using ToolProcess holder = ToolProcess.Start(Args(cache), pauseAt: "staging");
        await holder.WaitForStderrAsync("feed: paused at staging");

        using ToolProcess racer = ToolProcess.Start(Args(cache));
        await racer.WaitForStderrAsync("feed: waiting for"); // pass 1 is done: it hashed EDIT1
        File.WriteAllText(edited, edit1.Replace("EDIT1: the first text.", "EDIT2: the second text.", StringComparison.Ordinal));
        holder.Signal(15);
        (await holder.WaitAsync()).ExitCode.ShouldBe(143);
        ToolRun raced = await racer.WaitAsync();

        raced.ExitCode.ShouldBe(1, raced.ToString());
        raced.Errors.ShouldHaveSingleItem().ShouldStartWith($"{edited}: error FEED0061: the post changed while the build was running", Case.Sensitive, raced.ToString());

        File.WriteAllText(edited, edit1); // saved back: the bytes, and the hash, of what the racer first read
        ToolRun next = await ToolProcess.RunAsync(Args(cache));
        next.ExitCode.ShouldBe(0, next.ToString());
        Snapshot.Of(_site.Out).ShouldBe(await CleanBuildAsync());
        _site.ReadOut("feed.xml").ShouldContain("EDIT1");
    }

    [Theory]
    [InlineData("EIO", "Input/output error")]
    [InlineData("EACCES", "Access to the path")]
    [InlineData("ENOSPC", "No space left on device")]
    public async Task A_cache_that_fails_is_a_warning_and_the_build_writes_what_a_build_without_it_writes(string fault, string because)
    {
        string cache = Path.Combine(_site.Root, "cache");
        var faulty = new Dictionary<string, string> { ["FEED_TEST_CACHE_FAULT"] = fault };

        // Cold (no cache yet), then warm (a cache from a good build, and a new post that moves every page).
        ToolRun cold = await ToolProcess.RunAsync(faulty, Args(cache));
        AssertCacheWarning(cold, cache, because);
        Snapshot.Of(_site.Out).ShouldBe(await CleanBuildAsync());

        (await ToolProcess.RunAsync(Args(cache))).ExitCode.ShouldBe(0);
        _site.Post("2024-03-01-newest.md", "Newest", "2024-03-01T10:00:00Z");
        ToolRun warm = await ToolProcess.RunAsync(faulty, Args(cache));
        AssertCacheWarning(warm, cache, because);
        Snapshot.Of(_site.Out).ShouldBe(await CleanBuildAsync());
    }

    [TmpfsFact]
    public async Task A_full_cache_disk_is_a_warning_and_the_build_writes_what_a_build_without_it_writes()
    {
        using TmpfsMount disk = TmpfsMount.Create(Path.Combine(_site.Root, "disk"), 256);
        string cache = Path.Combine(disk.Path, "cache");
        disk.Fill();

        ToolRun full = await ToolProcess.RunAsync(Args(cache));

        AssertCacheWarning(full, cache, "No space left on device");
        Snapshot.Of(_site.Out).ShouldBe(await CleanBuildAsync());
        (await ToolProcess.RunAsync(Args(cache))).ExitCode.ShouldBe(0, "and again, on every retry");

        disk.Free();
        ToolRun freed = await ToolProcess.RunAsync(Args(cache));
        freed.ExitCode.ShouldBe(0, freed.ToString());
        freed.Stderr.ShouldNotContain("FEED0062");
        Snapshot.Of(_site.Out).ShouldBe(await CleanBuildAsync());
    }

    [TmpfsFact]
    public async Task A_cache_disk_that_fills_between_builds_keeps_the_cache_it_had_and_the_output_right()
    {
        using TmpfsMount disk = TmpfsMount.Create(Path.Combine(_site.Root, "disk"), 1024);
        string cache = Path.Combine(disk.Path, "cache");
        (await ToolProcess.RunAsync(Args(cache))).ExitCode.ShouldBe(0);
        disk.Fill();
        for (int i = 1; i <= 10; i++)
        {
            _site.Post($"2024-03-{i:00}-more-{i}.md", $"More {i}", $"2024-03-{i:00}T10:00:00Z", body: File.ReadAllText(Path.Combine(_site.Posts, "2024-01-01-post-1.md"))[40..]);
        }

        ToolRun full = await ToolProcess.RunAsync(Args(cache));

        AssertCacheWarning(full, cache, "No space left on device");
        Snapshot.Of(_site.Out).ShouldBe(await CleanBuildAsync());

        disk.Free();
        ToolRun freed = await ToolProcess.RunAsync(Args(cache));
        freed.ExitCode.ShouldBe(0, freed.ToString());
        freed.Stderr.ShouldNotContain("FEED0062");
        Snapshot.Of(_site.Out).ShouldBe(await CleanBuildAsync());
        ToolRun again = await ToolProcess.RunAsync(Args(cache));
        again.Stdout.ShouldContain(" 0 files written");
    }

    [TmpfsFact]
    public async Task A_read_only_cache_disk_is_a_warning_and_the_build_writes_what_a_build_without_it_writes()
    {
        using TmpfsMount disk = TmpfsMount.Create(Path.Combine(_site.Root, "disk"), 1024);
        string cache = Path.Combine(disk.Path, "cache");
        (await ToolProcess.RunAsync(Args(cache))).ExitCode.ShouldBe(0);
        disk.SetReadOnly(true);
        _site.Post("2024-03-01-newest.md", "Newest", "2024-03-01T10:00:00Z");

        ToolRun run = await ToolProcess.RunAsync(Args(cache));

        AssertCacheWarning(run, cache, "Read-only file system");
        Snapshot.Of(_site.Out).ShouldBe(await CleanBuildAsync());
        disk.SetReadOnly(false);
    }
}
