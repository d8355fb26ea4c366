using BenchmarkDotNet.Attributes;
using Feed.Entries;
using Feed.Paging;

namespace Feed.Benchmarks;

/// <summary>
/// One page of 10 posts (the default page size), from posts to bytes: entries (excerpt + content HTML) and the
/// document, written as RSS 2.0 and as Atom 1.0; and the write alone from ready entries.
/// </summary>
[MemoryDiagnoser]
public class PageWriteBenchmarks
{
    private FeedGenerator _generator = null!;
    private FeedPost[] _posts = [];
    private FeedEntry[] _entries = [];
    private FeedPage _page = null!;
    private const int Total = 1000;

    /// <summary>Loads 10 corpus posts and builds the generator.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _generator = new FeedGenerator(new FeedOptions
        {
            Title = "Bench",
            SiteUrl = new Uri("https://blog.example.org/"),
            Authors = { new FeedAuthor("Bench") },
        });
        _posts = BenchCorpus.LoadPosts(10);
        _entries = [.. _posts.Select(_generator.CreateEntry)];
        _page = _generator.Paging.TryGetPage(2, Total, out FeedPage? page) ? page : throw new InvalidOperationException("no page 2");
    }

    /// <summary>Posts to entries to both documents to bytes.</summary>
    [Benchmark]
    public async Task<long> Page_of_10_from_posts_both_formats()
    {
        FeedEntry[] entries = [.. _posts.Select(_generator.CreateEntry)];
        return await WriteBoth(entries);
    }

    /// <summary>Only the writing: ready entries to both documents to bytes.</summary>
    [Benchmark]
    public Task<long> Page_of_10_from_entries_both_formats() => WriteBoth(_entries);

    private async Task<long> WriteBoth(IReadOnlyList<FeedEntry> entries)
    {
        long bytes = 0;
        foreach (FeedFormat format in (FeedFormat[])[FeedFormat.Rss, FeedFormat.Atom])
        {
            var counter = new CountingStream();
            await _generator.WriteAsync(_generator.CreateDocument(format, _page, entries), counter);
            bytes += counter.Length;
        }

        return bytes;
    }
}
