using System.Collections.Concurrent;
using System.Globalization;
using Feed.Entries;
using Feed.Paging;
using Feed.Tool.Caching;
using Feed.Tool.Configuration;
using Feed.Tool.Diagnostics;
using Feed.Tool.Output;
using Feed.Tool.Posts;
using Feed.Writers;

namespace Feed.Tool.Building;

/// <summary>
/// One run of <c>feed build</c>, in two passes so memory stays flat however large the site:
/// (1) read the front matter of every post (bodies are not kept), check everything, sort newest first;
/// (2) for each page, read the bodies of just that page's posts, make its RSS and Atom documents, and stage
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
        var progress = new ProgressReporter(settings.Quiet ? null : terminal, time, started);

        // Pass 1: front matter only.
        PostCatalog catalog = PostCatalog.Load(
            settings.PostsDir, settings.Rules, settings.IncludeDrafts, settings.IncludeFuture, now,
            (done, all) => progress.Report("reading posts", done, all), cancellationToken);
        if (catalog.Diagnostics.Count > 0)
        {
            progress.Clear();
            return Fail(stderr, catalog.Diagnostics, "the posts");
        }

        var generator = new FeedGenerator(settings.Options);
        int total = catalog.Posts.Count;
        IReadOnlyList<FeedPageRef> documents = generator.GetDocuments(total);
        Uri siteUrl = settings.Rules.SiteUrl;

        using var output = new OutputTransaction(settings.OutDir);
        BuildCache? cache = BuildCache.Open(settings);
        var problems = new ConcurrentBag<Diagnostic>();
        var buffers = new ConcurrentBag<MemoryStream>();
        int pagesDone = 0;

        // Pass 2: each page reads its own posts' bodies. Pages are independent, so they run in parallel (one per
        // core: rendering Markdown is CPU-bound); every file's bytes depend only on its page, never on timing.
        await Parallel.ForEachAsync(
            documents,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (page, ct) =>
            {
                var local = new List<Diagnostic>();

                // A document the build cache vouches for is kept as it is: its posts are neither read nor rendered.
                var formats = new List<(FeedFormat Format, string Path)>(settings.Formats.Count);
                foreach (FeedFormat format in settings.Formats)
                {
                    string path = OutputLayout.RelativePath(generator.GetUrl(format, page), siteUrl);
                    if (cache is not null && cache.TryReuse(path, cache.KeyOf(format, page, total, catalog.Posts)))
                    {
                        output.Keep(path);
                    }
                    else
                    {
                        formats.Add((format, path));
                    }
                }

                FeedEntry[]? entries = formats.Count == 0 ? null : ReadEntries(generator, catalog.Posts, page, local);
                if (entries is not null)
                {
                    MemoryStream buffer = buffers.TryTake(out MemoryStream? reused) ? reused : new MemoryStream(64 * 1024);
                    try
                    {
                        foreach (var (format, path) in formats)
                        {
                            buffer.SetLength(0);
                            FeedDocument document = generator.CreateDocument(format, page, total, entries);
                            await generator.WriteAsync(document, buffer, ct).ConfigureAwait(false);
                            output.Stage(path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), local);
                        }
                    }
                    finally
                    {
                        buffers.Add(buffer);
                    }
                }

                foreach (Diagnostic d in local)
                {
                    problems.Add(d);
                }

                progress.Report("writing pages", Interlocked.Increment(ref pagesDone), documents.Count);
            }).ConfigureAwait(false);

        progress.Clear();
        if (!problems.IsEmpty)
        {
            return Fail(stderr, problems.Order(Diagnostic.Order).ToList(), "the output");
        }

        // The point of no return: Commit is not cancellable, so Ctrl-C from here on waits for it (it only renames).
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            output.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(new Diagnostic(settings.OutDir, 0, 0, DiagnosticCodes.OutputFailed, $"cannot update the output folder: {e.Message}"));
            return InputErrors;
        }

        cache?.Save();

        if (!settings.Quiet)
        {
            double seconds = time.GetElapsedTime(started).TotalSeconds;
            int skipped = catalog.SkippedDrafts + catalog.SkippedFuture;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"feed: {catalog.Read} posts read, {skipped} skipped ({catalog.SkippedDrafts} draft, {catalog.SkippedFuture} future), " +
                $"{output.Written} files written, {output.Unchanged} unchanged, {output.Removed} removed, {seconds:0.00} s"));
        }

        return Success;
    }

    // Reads the bodies of one page's posts and makes their entries once, for every format: rendering Markdown
    // (content and excerpt) is the expensive part of a build.
    private static FeedEntry[]? ReadEntries(FeedGenerator generator, IReadOnlyList<PostHead> all, FeedPageRef page, List<Diagnostic> diagnostics)
    {
        var entries = new FeedEntry[page.Count];
        for (int i = 0; i < page.Count; i++)
        {
            PostHead head = all[page.Offset + i];
            string? body = PostReader.ReadBody(head.File, diagnostics);
            if (body is null)
            {
                return null;
            }

            try
            {
                entries[i] = generator.CreateEntry(head.ToPost(body));
                GarbageBudget.Check();
            }
            catch (ArgumentException e)
            {
                // The front matter checks should have caught whatever the library refuses; if one slips through,
                // it is still the post's problem, reported as such, never a crash.
                diagnostics.Add(new Diagnostic(head.File.DisplayPath, 1, 1, DiagnosticCodes.InvalidField, e.Message));
                return null;
            }
        }

        return entries;
    }

    private static int Fail(TextWriter stderr, IReadOnlyCollection<Diagnostic> diagnostics, string what)
    {
        foreach (Diagnostic d in diagnostics)
        {
            stderr.WriteLine(d.ToString());
        }

        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"feed: {diagnostics.Count} error{(diagnostics.Count == 1 ? "" : "s")} in {what}; nothing in the output folder was changed."));
        return InputErrors;
    }
}
