using CsCheck;
using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests.Faults;

/// <summary>
/// Signals and kills at the staging and commit phases of a real build (paused there by the FEED_TEST_PAUSE hook),
/// and what the next build makes of the folder: never half old, half new, never debris, always exactly one build.
/// </summary>
public sealed class InterruptionTests : IDisposable
{
    private readonly TestSite _site = new();

    public InterruptionTests() => _site.ManyPosts(12);

    public void Dispose() => _site.Dispose();

    // Tag feeds on: a build can then write (and a killed one leave debris) in folders of tags that a later input has
    // no more, which no manifest lists.
    private string[] Args() => _site.Args("--page-size", "3", "--config", Config());

    private string Config()
    {
        string config = Path.Combine(_site.Root, "feed.json");
        if (!File.Exists(config))
        {
            File.WriteAllText(config, """{ "taxonomies": { "tags": true } }""");
        }

        return config;
    }

    // An earlier build's output, then new posts: the next build rewrites every page (the newest posts shift them all).
    private async Task<Snapshot> EarlierBuildThenNewPostsAsync()
    {
        (await ToolProcess.RunAsync(Args())).ExitCode.ShouldBe(0);
        var before = Snapshot.Of(_site.Out);
        _site.ManyPosts(4, "later");
        for (int i = 1; i <= 4; i++)
        {
            _site.Post($"2025-0{i}-01-newer-{i}.md", $"Newer {i}", $"2024-12-0{i}T10:00:00Z");
        }

        return before;
    }

    // The same, then a build killed (SIGKILL, which no handler sees) while paused at the phase: the earlier output and
    // the folder as the kill left it.
    private async Task<(Snapshot Before, Snapshot Killed)> EarlierBuildThenKillAtAsync(string phase)
    {
        Snapshot before = await EarlierBuildThenNewPostsAsync();
        using (ToolProcess build = ToolProcess.Start(Args(), pauseAt: phase))
        {
            await build.WaitForStderrAsync($"feed: paused at {phase}");
            build.Signal(9);
            (await build.WaitAsync()).ExitCode.ShouldBe(137);
        }

        return (before, Snapshot.Of(_site.Out));
    }

    private async Task<Snapshot> CleanBuildAsync()
    {
        string clean = Path.Combine(_site.Root, "clean-" + Guid.NewGuid().ToString("N"));
        string[] args = Args();
        args[Array.IndexOf(args, "--out") + 1] = clean;
        ToolRun run = await ToolProcess.RunAsync(args);
        run.ExitCode.ShouldBe(0, run.ToString());
        return Snapshot.Of(clean);
    }

    [Theory]
    [InlineData(15, 143)] // SIGTERM: kill, timeout, docker stop, a cancelled CI job
    [InlineData(1, 129)]  // SIGHUP: the terminal went away
    [InlineData(2, 130)]  // SIGINT: Ctrl-C
    public async Task A_signal_while_staging_cancels_cleanly(int signal, int exitCode)
    {
        Snapshot before = await EarlierBuildThenNewPostsAsync();
        using ToolProcess build = ToolProcess.Start(Args(), pauseAt: "staging");
        await build.WaitForStderrAsync("feed: paused at staging");
        Snapshot.Of(_site.Out).TemporaryFiles.ShouldNotBeEmpty(); // the pages are staged

        build.Signal(signal);
        ToolRun run = await build.WaitAsync();

        run.ExitCode.ShouldBe(exitCode, run.ToString());
        run.Stderr.ShouldContain("feed: cancelled; nothing in the output folder was changed.");
        Snapshot.Of(_site.Out).ShouldBe(before);
    }

    [Fact]
    public async Task A_kill_while_staging_leaves_the_old_pages_and_the_next_build_removes_the_debris()
    {
        (Snapshot before, Snapshot killed) = await EarlierBuildThenKillAtAsync("staging");
        killed.WithoutDebris().ShouldBe(before); // every page as it was
        killed.TemporaryFiles.ShouldNotBeEmpty();

        ToolRun next = await ToolProcess.RunAsync(Args());

        next.ExitCode.ShouldBe(0, next.ToString());
        next.Stderr.ShouldContain($"{_site.Out}: warning FEED0020: removed {killed.TemporaryFiles.Count} temporary files left by a build that was stopped before its commit");
        Snapshot.Of(_site.Out).ShouldBe(await CleanBuildAsync());
    }

    [Fact]
    public async Task A_kill_while_staging_a_new_tag_leaves_no_debris_in_its_folder_once_the_tag_is_gone()
    {
        UseInput(0);
        (await ToolProcess.RunAsync(Args())).ExitCode.ShouldBe(0);
        UseInput(1); // its posts are tagged 'gamma', which no build had before
        using (ToolProcess build = ToolProcess.Start(Args(), pauseAt: "staging"))
        {
            await build.WaitForStderrAsync("feed: paused at staging");
            build.Signal(9);
            (await build.WaitAsync()).ExitCode.ShouldBe(137);
        }

        Snapshot killed = Snapshot.Of(_site.Out);
        killed.TemporaryFiles.ShouldContain(f => f.StartsWith("tags/gamma/", StringComparison.Ordinal));

        UseInput(2); // and no post is tagged 'gamma' any more
        ToolRun next = await ToolProcess.RunAsync(Args());

        next.ExitCode.ShouldBe(0, next.ToString());
        next.Stderr.ShouldContain($"{_site.Out}: warning FEED0020: removed {killed.TemporaryFiles.Count} temporary files left by a build that was stopped before its commit");
        Snapshot.Of(_site.Out).ShouldBe(await CleanBuildAsync());
    }

    [Fact]
    public async Task A_kill_while_staging_new_html_pages_leaves_no_debris_in_their_folders_once_the_pages_are_gone()
    {
        // HTML pages sit in a folder each (page/5/index.html): folders no manifest lists until a build commits them.
        File.WriteAllText(Path.Combine(_site.Root, "feed.json"), """{ "formats": ["rss", "html"], "taxonomies": { "tags": true } }""");
        UseInput(0);
        (await ToolProcess.RunAsync(Args())).ExitCode.ShouldBe(0);
        UseInput(1); // 20 posts: pages 5 to 7, which no build had before
        using (ToolProcess build = ToolProcess.Start(Args(), pauseAt: "staging"))
        {
            await build.WaitForStderrAsync("feed: paused at staging");
            build.Signal(9);
            (await build.WaitAsync()).ExitCode.ShouldBe(137);
        }

        Snapshot killed = Snapshot.Of(_site.Out);
        killed.TemporaryFiles.ShouldContain(f => f.StartsWith("page/7/", StringComparison.Ordinal));

        UseInput(2); // 5 posts: two pages again
        ToolRun next = await ToolProcess.RunAsync(Args());

        next.ExitCode.ShouldBe(0, next.ToString());
        next.Stderr.ShouldContain($"{_site.Out}: warning FEED0020: removed {killed.TemporaryFiles.Count} temporary files left by a build that was stopped before its commit");
        Snapshot.Of(_site.Out).ShouldBe(await CleanBuildAsync());
    }

    [Fact]
    public async Task A_signal_during_the_commit_lets_it_finish()
    {
        await EarlierBuildThenNewPostsAsync();
        using ToolProcess build = ToolProcess.Start(Args(), pauseAt: "commit");
        await build.WaitForStderrAsync("feed: paused at commit");

        build.Signal(15);
        ToolRun run = await build.WaitAsync();

        run.ExitCode.ShouldBe(0, run.ToString()); // the build was complete: the signal only ended the pause
        Snapshot.Of(_site.Out).ShouldBe(await CleanBuildAsync());
    }

    [Fact]
    public async Task A_kill_during_the_commit_is_completed_by_the_next_build()
    {
        (Snapshot before, Snapshot killed) = await EarlierBuildThenKillAtAsync("commit");
        killed.Files.Keys.ShouldContain(".feed-journal");
        killed.WithoutDebris().ShouldNotBe(before); // half old, half new: one page is already in place

        ToolRun next = await ToolProcess.RunAsync(Args());

        next.ExitCode.ShouldBe(0, next.ToString());
        next.Stderr.ShouldContain($"{_site.Out}: warning FEED0020: an earlier build was interrupted while putting its files in place; its commit was completed first");
        next.Stdout.ShouldContain("0 files written"); // the completed commit was this input's build already
        Snapshot.Of(_site.Out).ShouldBe(await CleanBuildAsync());
    }

    /// <summary>
    /// Any interleaving of builds (of changing input) with kills and signals at either phase ends, after one more
    /// plain build, in a folder equal to a clean build of the last input. Kept small: a few short sequences.
    /// </summary>
    [Fact]
    public void Any_interleaving_of_kills_and_rebuilds_ends_in_a_clean_build()
    {
        Gen<(int, string, int)> step = Gen.Select(Gen.Int[0, 2], Gen.OneOf("none", "staging", "commit"), Gen.OneOf(9, 15));
        Gen.Select(step.Array[1, 2], Gen.Int[0, 2]).Sample(
            steps => RunSteps(steps.Item1, steps.Item2).GetAwaiter().GetResult(),
            iter: 2,
            threads: 1,
            print: steps => string.Join(", ", steps.Item1.Select(s => $"input {s.Item1} {(s.Item2 == "none" ? "to the end" : $"signal {s.Item3} at {s.Item2}")}")) + $", then input {steps.Item2}");
    }

    private async Task RunSteps((int Input, string PauseAt, int Signal)[] steps, int last)
    {
        if (Directory.Exists(_site.Out))
        {
            Directory.Delete(_site.Out, recursive: true);
        }

        foreach (var (input, pauseAt, signal) in steps)
        {
            UseInput(input);
            using ToolProcess build = ToolProcess.Start(Args(), pauseAt == "none" ? null : pauseAt);
            if (pauseAt != "none")
            {
                // A build with nothing to change has no commit to pause in: it just ends.
                if (await build.WaitForStderrOrExitAsync($"feed: paused at {pauseAt}"))
                {
                    build.Signal(signal);
                }
            }

            ToolRun run = await build.WaitAsync();
            run.ExitCode.ShouldBeOneOf([0, 137, 143], run.ToString());
        }

        UseInput(last);
        ToolRun final = await ToolProcess.RunAsync(Args());
        final.ExitCode.ShouldBe(0, final.ToString());
        Snapshot.Of(_site.Out).ShouldBe(await CleanBuildAsync());
    }

    // Three inputs that differ in every way a rebuild cares about: more pages, fewer pages, edited posts, and tags
    // that come and go (so do their feeds' folders).
    private void UseInput(int input)
    {
        foreach (string file in Directory.GetFiles(_site.Posts))
        {
            File.Delete(file);
        }

        int count = input switch { 0 => 12, 1 => 20, _ => 5 };
        string prefix = input == 2 ? "edited" : "post";
        string[][] tags = input switch
        {
            0 => [["alpha"], ["alpha", "beta"]],
            1 => [["gamma"], ["alpha", "gamma"], ["delta"]],
            _ => [["alpha"]],
        };
        for (int i = 1; i <= count; i++)
        {
            var date = new DateOnly(2024, 1, 1).AddDays(i - 1);
            _site.Post($"{date:yyyy-MM-dd}-{prefix}-{i}.md", $"{prefix} number {i}", $"{date:yyyy-MM-dd}T10:00:00Z",
                $"tags: [{string.Join(", ", tags[i % tags.Length])}]", body: $"The body of {prefix} {i}.");
        }
    }
}

/// <summary>Every file (hidden ones included, with its bytes) and every folder under a folder.</summary>
internal sealed record Snapshot(SortedDictionary<string, string> Files, List<string> Folders)
{
    public static Snapshot Of(string dir) => new(
        TestSite.SnapshotOf(dir),
        Directory.Exists(dir)
            ? Directory.EnumerateDirectories(dir, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
                .Select(d => Path.GetRelativePath(dir, d).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList()
            : []);

    /// <summary>Gets the temporary files of a stopped build.</summary>
    public List<string> TemporaryFiles => Files.Keys.Where(k => k.EndsWith(".feed-tmp", StringComparison.Ordinal)).ToList();

    /// <summary>The snapshot without what a killed build leaves (temporary files, the lock file, the journal).</summary>
    public Snapshot WithoutDebris() => this with
    {
        Files = new SortedDictionary<string, string>(
            Files.Where(kv => !kv.Key.EndsWith(".feed-tmp", StringComparison.Ordinal) && kv.Key is not (".feed-lock" or ".feed-journal"))
                .ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal),
    };

    public bool Equals(Snapshot? other) =>
        other is not null && Files.SequenceEqual(other.Files) && Folders.SequenceEqual(other.Folders, StringComparer.Ordinal);

    public override int GetHashCode() => Files.Count;

    public override string ToString() => string.Join("\n", Files.Keys) + "\nfolders: " + string.Join(", ", Folders);
}
