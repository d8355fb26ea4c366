using System.Collections.Concurrent;
using System.IO.Hashing;
using Feed.Internal;
using Feed.Tool.Caching;
using Feed.Tool.Diagnostics;
using Feed.Tool.Output;
using Feed.Tool.Posts;
using Feed.Writers.Fragments;

namespace Feed.Tool.Building;

/// <summary>
/// Writes the documents of one page (one per format the build cache could not keep) and stages them: each entry as
/// cheaply as the cache allows — its bytes copied from a document already in <c>--out</c> (a fragment), else its entry
/// from the entry store formatted, else its post read, rendered and formatted — and each document's fragments
/// recorded for the next build.
/// </summary>
/// <remarks>
/// The output is the same whichever way each entry comes: a fragment is the bytes the entry has in any document of the
/// same feed and format (the library's <c>Writers/Fragments/EntryFragments.cs</c>), and a stored entry is the entry of
/// the same post file with the same settings. The cached-build-equals-clean-build property tests check it over random
/// edits. Thread-safe: pages are written in parallel.
/// </remarks>
internal sealed class PageWriter(
    RenderContext render, PostRules rules, BuildCache? cache, EntryStore? store, OutputTransaction output, ConcurrentDictionary<string, Uri> urls)
{
    private readonly ConcurrentBag<PooledBufferStream> _buffers = [];

    /// <summary>Writes and stages the documents of <paramref name="page"/> in <paramref name="formats"/>.</summary>
    /// <param name="generator">The feed's generator.</param>
    /// <param name="posts">The feed's posts, newest first.</param>
    /// <param name="page">The page.</param>
    /// <param name="formats">The documents to write: format, URL and path under <c>--out</c>.</param>
    /// <param name="diagnostics">Receives the problems (a post changed since the first pass, a file in the way).</param>
    /// <param name="cancellationToken">Stops between posts.</param>
    /// <returns>A task that completes when the documents are staged.</returns>
    public async Task WriteAsync(
        FeedGenerator generator, IReadOnlyList<CatalogPost> posts, FeedPage page, IReadOnlyList<(FeedFormat Format, Uri Url, string Path)> formats,
        List<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        int count = page.Count;
        var ofPage = new CatalogPost[count];
        var entryKeys = new UInt128[count];
        for (int i = 0; i < count; i++)
        {
            ofPage[i] = posts[page.Offset + i];
            entryKeys[i] = store?.KeyOf(ofPage[i]) ?? default;
        }

        // Which entries have fragments in --out, per format; the others need their entry.
        var plans = new Plan[formats.Count];
        var entries = new FeedEntry?[count];
        bool[] needEntry = new bool[count];
        for (int f = 0; f < formats.Count; f++)
        {
            var (format, url, path) = formats[f];
            var plan = new Plan(format, url, path, cache is not null && store is not null && generator.CanSplice(format), count);
            if (plan.Splices)
            {
                string context = generator.GetFragmentContext(format);
                for (int i = 0; i < count; i++)
                {
                    plan.Keys[i] = BuildCache.FragmentKey(entryKeys[i], context);
                    if (cache!.TryGetFragment(plan.Keys[i], out BuildCache.Fragment fragment))
                    {
                        plan.Found[i] = fragment;
                    }
                }
            }

            for (int i = 0; i < count; i++)
            {
                needEntry[i] |= plan.Found[i] is null;
            }

            plans[f] = plan;
        }

        for (int i = 0; i < count; i++)
        {
            if (needEntry[i] && (entries[i] = Entry(generator, ofPage[i], entryKeys[i], diagnostics, cancellationToken)) is null)
            {
                return;
            }
        }

        PooledBufferStream buffer = _buffers.TryTake(out PooledBufferStream? reused) ? reused : new PooledBufferStream();
        var ranges = new List<FragmentRange>(count);
        try
        {
            foreach (Plan plan in plans)
            {
                buffer.Reset();
                if (!plan.Splices)
                {
                    FeedDocument document = generator.CreateDocument(plan.Format, page, Entries(generator, ofPage, entryKeys, entries, diagnostics, cancellationToken)!);
                    try
                    {
                        await generator.WriteAsync(document, buffer, cancellationToken).ConfigureAwait(false);
                    }
                    catch (FeedTemplateException e)
                    {
                        // The page template failed on this page: the build stops before anything is changed.
                        diagnostics.Add(new Diagnostic(e.Path, e.Line, e.Column, DiagnosticCodes.TemplateFailed, $"{e.Reason} (writing {plan.Path})"));
                        return;
                    }

                    Stage(plan, buffer, []);
                    continue;
                }

                using FragmentBytes? bytes = Read(plan, out int[] at);
                var spliced = new SplicedEntry[count];
                bool anyFragment = false;
                for (int i = 0; i < count; i++)
                {
                    if (bytes is not null && plan.Found[i] is { } fragment)
                    {
                        CatalogPost post = ofPage[i];
                        spliced[i] = SplicedEntry.FromFragment(post.EffectiveId, post.Published, post.Updated, fragment.HasContent, bytes.Items[at[i]]);
                        anyFragment = true;
                    }
                    else
                    {
                        // A fragment that could not be read after all (a file changed since the index was written): its entry.
                        entries[i] ??= Entry(generator, ofPage[i], entryKeys[i], diagnostics, cancellationToken);
                        if (entries[i] is null)
                        {
                            return;
                        }

                        spliced[i] = SplicedEntry.FromEntry(entries[i]!);
                    }
                }

                FeedDocument written = anyFragment
                    ? generator.CreateSplicedDocument(plan.Format, page, spliced)
                    : generator.CreateDocument(plan.Format, page, [.. entries.Select(e => e!)]);
                generator.WriteWithFragments(written, buffer, ranges);

                // The document's order is the newest-first one: its entries are known by their (unique) ids.
                var byId = new Dictionary<string, int>(count, StringComparer.Ordinal);
                for (int i = 0; i < count; i++)
                {
                    byId[spliced[i].Id] = i;
                }

                var fragments = new BuildCache.Fragment[ranges.Count];
                for (int k = 0; k < ranges.Count; k++)
                {
                    int i = byId[written.Spliced is { } order ? order[k].Id : written.Entries[k].Id];
                    FragmentRange range = ranges[k];
                    ulong checksum = XxHash64.HashToUInt64(buffer.WrittenSpan.Slice(range.Offset, range.Length));
                    fragments[k] = new BuildCache.Fragment(plan.Keys[i], 0, range.Offset, range.Length, checksum, spliced[i].HasContent);
                }

                Stage(plan, buffer, fragments);
            }
        }
        finally
        {
            _buffers.Add(buffer);
        }

        void Stage(Plan plan, PooledBufferStream bytes, BuildCache.Fragment[] fragments)
        {
            if (plan.Format != FeedFormat.Html)
            {
                urls[plan.Path] = plan.Url; // a WebSub topic for --changed-list; an HTML page is none
            }

            int before = diagnostics.Count;
            output.Stage(plan.Path, bytes.WrittenSpan, diagnostics);
            if (diagnostics.Count == before)
            {
                cache?.Wrote(plan.Path, fragments);
            }
        }
    }

    // The fragments a plan found, read from --out (at[i]: where entry i's bytes are among them); null when there are
    // none or any could not be read (then every entry is formatted).
    private FragmentBytes? Read(Plan plan, out int[] at)
    {
        at = new int[plan.Found.Length];
        var found = new List<BuildCache.Fragment>(plan.Found.Length);
        for (int i = 0; i < plan.Found.Length; i++)
        {
            if (plan.Found[i] is { } fragment)
            {
                at[i] = found.Count;
                found.Add(fragment);
            }
        }

        return found.Count == 0 ? null : cache!.Read(found);
    }

    // Every entry of the page (those not made yet are made now).
    private FeedEntry[]? Entries(
        FeedGenerator generator, CatalogPost[] ofPage, UInt128[] keys, FeedEntry?[] entries, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        for (int i = 0; i < entries.Length; i++)
        {
            if ((entries[i] ??= Entry(generator, ofPage[i], keys[i], diagnostics, cancellationToken)) is null)
            {
                return null;
            }
        }

        return [.. entries.Select(e => e!)];
    }

    // A post's entry: from the entry store when an earlier build (or another feed of this one) made it with the same
    // settings, else by reading the post again and rendering its Markdown (content and excerpt), the expensive part.
    private FeedEntry? Entry(FeedGenerator generator, CatalogPost post, UInt128 key, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        // A signal waits for at most the post being rendered, not the rest of its page.
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            if (store is not null && store.TryGet(key, out FeedEntry? stored))
            {
                return stored;
            }

            if (PostReader.ReadPost(post, rules, diagnostics) is not var (head, body))
            {
                return null;
            }

            FeedEntry entry = generator.CreateEntry(head.ToPost(render.Expand(post, body)));
            store?.Add(key, entry);
            GarbageBudget.Check();
            return entry;
        }
        catch (ArgumentException e)
        {
            // The front matter checks should have caught whatever the library refuses; if one slips through,
            // it is still the post's problem, reported as such, never a crash.
            diagnostics.Add(new Diagnostic(post.File.DisplayPath, 1, 1, DiagnosticCodes.InvalidField, e.Message));
            return null;
        }
    }

    // One document to write: its format, URL and path, whether it is written from fragments, and per entry the
    // fragment's key and where an earlier build left it.
    private sealed class Plan(FeedFormat format, Uri url, string path, bool splices, int count)
    {
        public FeedFormat Format { get; } = format;

        public Uri Url { get; } = url;

        public string Path { get; } = path;

        public bool Splices { get; } = splices;

        public UInt128[] Keys { get; } = new UInt128[count];

        public BuildCache.Fragment?[] Found { get; } = new BuildCache.Fragment?[count];
    }
}
