using System.Collections.Concurrent;
using System.Globalization;
using Feed.Tool.Caching;
using Feed.Tool.Configuration;
using Feed.Tool.Diagnostics;
using Feed.Tool.Output;
using Feed.Tool.Posts;

namespace Feed.Tool.Building;

/// <summary>
/// One run of <c>feed build</c>, in two passes so memory stays flat however large the site:
/// (1) read the front matter of every post (bodies are not kept), check everything, sort newest first;
/// (2) for each page, read the bodies of just that page's posts, make its documents in every format, and stage
/// the bytes. Only when every page is staged without a problem is anything in <c>--out</c> changed.
/// </summary>
internal static class FeedBuild
{
    /// <summary>Exit code: success.</summary>
    public const int Success = 0;

    /// <summary>Exit code: the posts (or the output folder) have problems; nothing was changed.</summary>
    public const int InputErrors = 1;

    /// <summary>Exit code: the command line or the config file is wrong.</summary>
    public const int UsageErrors = 2;

    /// <summary>Exit code: cancelled (Ctrl-C), the conventional 128 + SIGINT; nothing was changed.</summary>
    public const int Cancelled = 130;

    /// <summary>Runs a build.</summary>
    /// <param name="settings">The resolved settings.</param>
    /// <param name="stdout">Receives the summary line.</param>
    /// <param name="stderr">Receives errors.</param>
    /// <param name="time">
    /// The clock: "now" for skipping future posts when <c>--now</c> is not given (the only place the tool reads the
    /// time of day), and the elapsed time of the summary line.
    /// </param>
    /// <param name="terminal">Where progress goes on an interactive terminal; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Ctrl-C.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(
        BuildSettings settings, TextWriter stdout, TextWriter stderr, TimeProvider time, TextWriter? terminal,
        CancellationToken cancellationToken)
    {
        long started = time.GetTimestamp();
        DateTimeOffset now = settings.Now ?? time.GetUtcNow();
        // Disposed on every way out, a cancellation included, so no message ever starts after a half-drawn progress line.
        using var progress = new ProgressReporter(settings.Quiet ? null : terminal, time, started);

        // The build cache's file index, opened before any post is looked at: the file system's time now is the line its
        // racy stamps are judged by (see Caching/FileIndex.cs).
        var health = new CacheHealth();
        FileIndex? fileIndex;
        try
        {
            fileIndex = settings.CacheDir is null || SettingsFingerprint.Compute(settings) is null
                ? null
                : FileIndex.Open(Path.GetFullPath(settings.CacheDir), Path.GetFullPath(settings.OutDir), health);
        }
        catch (Files.NotRegularFileException e)
        {
            return Fail(stderr, [e.ToDiagnostic(Path.Join(settings.CacheDir, Path.GetFileName(e.Path)), "its build cache")], "the build cache");
        }

        // Pass 1: front matter only (a post the file index vouches for is not even read).
        PostCatalog catalog = PostCatalog.Load(
            settings.PostsDir, settings.Rules, settings.IncludeDrafts, settings.IncludeFuture, settings.SkipInvalid, now, fileIndex,
            (done, all) => progress.Report("reading posts", done, all), cancellationToken);
        if (catalog.Diagnostics.Any(d => !d.IsWarning))
        {
            progress.Clear();
            return Fail(stderr, catalog.Diagnostics, "the posts");
        }

        progress.Clear();
        foreach (Diagnostic warning in catalog.Diagnostics)
        {
            stderr.WriteLine(warning.ToString());
        }

        var site = new FeedGenerator(settings.Options);
        var feedProblems = new List<Diagnostic>();
        IReadOnlyList<FeedSet> feeds = FeedSets.Create(site, catalog.Posts, settings, feedProblems);
        if (feedProblems.Count > 0)
        {
            return Fail(stderr, feedProblems, "the posts");
        }

        // Every document of every feed (the site's, then those of each tag, category, author): one job each.
        (FeedSet Feed, FeedPage Page)[] documents =
            [.. feeds.SelectMany(feed => feed.Generator.Paging.GetPages(feed.Posts.Count).Select(page => (feed, page)))];
        Uri siteUrl = settings.Rules.SiteUrl;
        var urls = new ConcurrentDictionary<string, Uri>(StringComparer.Ordinal);

        using OutputTransaction? output = OpenOutput(settings, stderr, time, cancellationToken, out int failed);
        if (output is null)
        {
            return failed;
        }

        BuildCache? cache;
        EntryStore? opened;
        try
        {
            cache = BuildCache.Open(settings, health);
            opened = cache?.OpenEntryStore();
        }
        catch (Files.NotRegularFileException e)
        {
            // A link or a special file where the cache keeps a file: never read or written through, and said, since
            // it is not what a cache folder holds by accident.
            return Fail(stderr, [e.ToDiagnostic(Path.Join(settings.CacheDir, Path.GetFileName(e.Path)), "its build cache")], "the build cache");
        }

        using EntryStore? entryStore = opened;

        // The file index, now that the output folder's lock is held (the cache's files are written under it).
        if (fileIndex is not null && catalog.IndexEntries is { } indexEntries)
        {
            fileIndex.RemoveOrphans();
            fileIndex.Save(indexEntries, catalog.IndexUnchanged);
            catalog = catalog with { IndexEntries = null };
        }

        var problems = new ConcurrentBag<Diagnostic>();
        var templateNotes = new ConcurrentBag<Diagnostic>();
        var render = new RenderContext(settings, catalog.Links, templateNotes);
        var pages = new PageWriter(render, catalog.Rules, cache, entryStore, output, urls);
        int pagesDone = 0;

        // Pass 2: each page reads its own posts' bodies. Pages are independent, so they run in parallel (one per
        // core: rendering Markdown is CPU-bound); every file's bytes depend only on its page, never on timing.
        await Parallel.ForEachAsync(
            documents,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (job, ct) =>
            {
                (FeedGenerator generator, IReadOnlyList<CatalogPost> posts) = job.Feed;
                FeedPage page = job.Page;
                var local = new List<Diagnostic>();

                // A document the build cache vouches for is kept as it is: its posts are neither read nor rendered.
                var formats = new List<(FeedFormat Format, Uri Url, string Path)>(settings.Formats.Count);
                foreach (FeedFormat format in settings.Formats)
                {
                    Uri url = generator.Paging.GetUrl(format, page);
                    string path = OutputLayout.RelativePath(url, siteUrl);
                    if (cache is null || !cache.TryReuse(path, cache.KeyOf(generator.Fingerprint, format, url, page, posts)) || !output.TryKeep(path))
                    {
                        formats.Add((format, url, path));
                    }
                }

                if (formats.Count > 0)
                {
                    await pages.WriteAsync(generator, posts, page, formats, local, ct).ConfigureAwait(false);
                }

                foreach (Diagnostic d in local)
                {
                    problems.Add(d);
                }

                progress.Report("writing pages", Interlocked.Increment(ref pagesDone), documents.Length);
                await TestHooks.PauseAsync("pages", stderr, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);

        progress.Clear();
        if (!problems.IsEmpty)
        {
            ReportCache(cache, settings, stderr);
            return Fail(stderr, problems.Order(Diagnostic.Order).ToList(), "the output");
        }

        await TestHooks.PauseAsync("staging", stderr, cancellationToken).ConfigureAwait(false);

        // The point of no return: Commit is not cancellable, so a signal from here on waits for it (it only renames).
        cancellationToken.ThrowIfCancellationRequested();
        int notesBefore = output.Notes.Count;
        try
        {
            output.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(new Diagnostic(settings.OutDir, 0, 0, DiagnosticCodes.OutputFailed,
                $"cannot update the output folder: {e.Message} The next build completes the update."));
            return InputErrors;
        }

        cache?.Save();
        if (entryStore?.Used == true)
        {
            entryStore.Save(catalog.Posts.Select(entryStore.KeyOf));
        }
        ReportCache(cache, settings, stderr);
        foreach (Diagnostic note in output.Notes.Skip(notesBefore))
        {
            stderr.WriteLine(note.ToString());
        }

        // A post in several feeds is expanded once per page it is rendered on: print each note once.
        foreach (Diagnostic note in templateNotes.Distinct().Order(Diagnostic.Order))
        {
            stderr.WriteLine(note.ToString());
        }

        foreach (var (path, reason) in output.ChangedArchives.OrderBy(a => a.Path, StringComparer.Ordinal))
        {
            stderr.WriteLine(Diagnostic.Warning(Path.Join(settings.OutDir, path), 0, 0, DiagnosticCodes.ArchiveChanged,
                $"this archive changed ({reason}); readers that already have it will not fetch it again (RFC 5005 section 4)."));
        }

        if (settings.ChangedList is not null && !ChangedList.Write(settings, output.Changed, urls, stdout, stderr))
        {
            return InputErrors;
        }

        if (!settings.Quiet)
        {
            double seconds = time.GetElapsedTime(started).TotalSeconds;
            stdout.WriteLine(SummaryLine(catalog, render.RemovedTags, output.Written, output.Unchanged, output.Removed, seconds));
        }

        return Success;
    }

    /// <summary>
    /// The summary line: posts read and skipped (and why), the files the convention does not read (never skipped
    /// without a word), template tags removed, files written.
    /// </summary>
    internal static string SummaryLine(PostCatalog catalog, int removedTags, int written, int unchanged, int removed, double seconds)
    {
        var line = new System.Text.StringBuilder();
        int skipped = catalog.SkippedDrafts + catalog.SkippedFuture + catalog.SkippedExpired + catalog.SkippedInvalid;
        line.Append(CultureInfo.InvariantCulture, $"feed: {catalog.Read} posts read, {skipped} skipped ({catalog.SkippedDrafts} draft, {catalog.SkippedFuture} future");
        if (catalog.SkippedExpired > 0)
        {
            line.Append(CultureInfo.InvariantCulture, $", {catalog.SkippedExpired} expired");
        }

        if (catalog.SkippedInvalid > 0)
        {
            line.Append(CultureInfo.InvariantCulture, $", {catalog.SkippedInvalid} invalid");
        }

        line.Append("), ");
        int notRead = catalog.NotRead.Values.Sum() + catalog.ListPages;
        if (notRead > 0)
        {
            IEnumerable<string> kinds = catalog.NotRead.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Value} {p.Key}"));
            if (catalog.ListPages > 0)
            {
                kinds = kinds.Prepend(string.Create(CultureInfo.InvariantCulture, $"{catalog.ListPages} list page{(catalog.ListPages == 1 ? "" : "s")}"));
            }

            line.Append(CultureInfo.InvariantCulture, $"{notRead} other file{(notRead == 1 ? "" : "s")} not read ({string.Join(", ", kinds)}), ");
        }

        if (removedTags > 0)
        {
            line.Append(CultureInfo.InvariantCulture, $"{removedTags} template tag{(removedTags == 1 ? "" : "s")} removed, ");
        }

        line.Append(CultureInfo.InvariantCulture, $"{written} files written, {unchanged} unchanged, {removed} removed, {seconds:0.00} s");
        return line.ToString();
    }

    // The warning of a build cache that failed in this build (once, whatever failed and however often).
    private static void ReportCache(BuildCache? cache, BuildSettings settings, TextWriter stderr)
    {
        if (cache?.Health.Warning(settings.CacheDir!) is { } warning)
        {
            stderr.WriteLine(warning.ToString());
        }
    }

    // Opens --out: creates it if missing, takes its lock (waiting for another build up to --lock-timeout), completes
    // or rolls back an interrupted build and says so. Null (with the exit code) when the build cannot go on.
    private static OutputTransaction? OpenOutput(
        BuildSettings settings, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken, out int exitCode)
    {
        exitCode = InputErrors;
        OutputTransaction output;
        try
        {
            output = new OutputTransaction(settings.OutDir, settings.LockTimeout, time, stderr, cancellationToken);
        }
        catch (OutputLockedException e)
        {
            stderr.WriteLine(new Diagnostic(settings.OutDir, 0, 0, DiagnosticCodes.OutputLocked,
                $"another build has been writing this folder for more than {settings.LockTimeout.TotalSeconds:0} s: {e.Holder}. Wait for it, or raise --lock-timeout."));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(new Diagnostic(settings.OutDir, 0, 0, DiagnosticCodes.OutputFailed, $"cannot open the output folder: {e.Message}"));
            return null;
        }

        foreach (Diagnostic note in output.Notes)
        {
            stderr.WriteLine(note.ToString());
        }

        if (output.Problems.Count > 0)
        {
            output.Dispose();
            Fail(stderr, output.Problems, "the output");
            return null;
        }

        return output;
    }

    private static int Fail(TextWriter stderr, IReadOnlyCollection<Diagnostic> diagnostics, string what)
    {
        foreach (Diagnostic d in diagnostics)
        {
            stderr.WriteLine(d.ToString());
        }

        int errors = diagnostics.Count(d => !d.IsWarning);
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"feed: {errors} error{(errors == 1 ? "" : "s")} in {what}; nothing in the output folder was changed."));
        return InputErrors;
    }
}
