using System.Globalization;
using BenchmarkDotNet.Attributes;
using Feed.Hosting;
using Feed.Paging;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.Benchmarks;

/// <summary>
/// What a host does per request: resolve the registered <see cref="FeedRenderer{TPost}"/> from a real
/// <see cref="ServiceProvider"/> and write page 2 of a 1,000-post feed from that page's 10 rows held in memory
/// (the database path), as RSS 2.0 or Atom 1.0, with and without full content, with the entry cache warm or off.
/// </summary>
[MemoryDiagnoser]
public class HostedPageBenchmarks
{
    private const int Total = 1000;
    private ServiceProvider _services = null!;
    private Article[] _rows = [];
    private FeedPage _page = null!;

    /// <summary>Whether entries carry the full HTML content (the default) or the excerpt only.</summary>
    [Params(true, false)]
    public bool FullContent { get; set; }

    /// <summary>
    /// The renderer's entry cache: 256 (the default, what <c>AddFeed</c> registers; steady state, every post already
    /// rendered once) or 0 (every request renders every post: the cold cost).
    /// </summary>
    [Params(256, 0)]
    public int EntryCache { get; set; }

    /// <summary>The format written.</summary>
    [Params(FeedFormat.Rss, FeedFormat.Atom)]
    public FeedFormat Format { get; set; }

    /// <summary>Registers the feed the way the README shows and loads one page's rows.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        Action<FeedOptions> configure = options =>
        {
            options.Title = "Bench";
            options.SiteUrl = new Uri("https://blog.example.org/");
            options.FullContent = FullContent;
            options.Authors.Add(new FeedAuthor("Bench"));
        };
        Func<Article, FeedPost> map = article => new FeedPost
        {
            Title = article.Title,
            Url = new Uri("https://blog.example.org/posts/" + article.Slug + "/"),
            Published = article.PublishedAt,
            Body = article.Markdown,
        };
        if (EntryCache == 256) // the default capacity
        {
            services.AddFeed(map).Configure(configure); // the README's registration
        }
        else
        {
            var options = new FeedOptions();
            configure(options);
            services.AddSingleton(new FeedRenderer<Article>(new FeedGenerator(options), map, EntryCache));
        }

        _services = services.BuildServiceProvider();

        FeedRenderer<Article> feed = _services.GetRequiredService<FeedRenderer<Article>>();
        _page = feed.Generator.Paging.TryGetPage(2, Total, out FeedPage? page) ? page : throw new InvalidOperationException("no page 2");
        string[] bodies = BenchCorpus.LoadBodies(_page.Count);
        var newest = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _rows = [.. bodies.Select((body, i) => new Article(
            "Post " + (_page.Offset + i).ToString(CultureInfo.InvariantCulture),
            "p" + (_page.Offset + i).ToString(CultureInfo.InvariantCulture),
            newest.AddHours(-(_page.Offset + i)),
            body))];
    }

    /// <summary>Disposes the container.</summary>
    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>One request: resolve the singleton, map the rows, render, write the bytes.</summary>
    [Benchmark]
    public async Task<long> Render_page_of_10()
    {
        FeedRenderer<Article> feed = _services.GetRequiredService<FeedRenderer<Article>>();
        var output = new CountingStream();
        await feed.WritePageAsync(Format, _page, _rows, output);
        return output.Length;
    }

    /// <summary>A host's own post type, not Feed's.</summary>
    public sealed record Article(string Title, string Slug, DateTimeOffset PublishedAt, string Markdown);
}
