using BenchmarkDotNet.Attributes;
using Feed.Content;
using Feed.Internal;
using Markdig;

namespace Feed.Benchmarks;

/// <summary>
/// The content sanitiser alone over the HTML of 1,000 corpus posts (rendered by Markdig once, at set-up): the pass
/// every post's full content goes through. MB/s per core = HTML MB (printed at set-up) divided by the mean time.
/// </summary>
[MemoryDiagnoser]
public class SanitizerBenchmarks
{
    private string[] _html = [];
    private Uri[] _urls = [];

    /// <summary>Loads the corpus and renders it to HTML.</summary>
    [GlobalSetup]
    public void Setup()
    {
        FeedPost[] posts = BenchCorpus.LoadPosts(1000);
        _html = [.. posts.Select(post => Markdown.ToHtml(post.Body ?? string.Empty, MarkdownPipelines.Default))];
        _urls = [.. posts.Select(post => post.Url)];
        long bytes = _html.Sum(html => (long)System.Text.Encoding.UTF8.GetByteCount(html));
        Console.WriteLine($"// corpus: {_html.Length} posts, {bytes / 1e6:F2} MB of HTML (UTF-8)");
    }

    /// <summary>Every post's HTML sanitised, its URLs made absolute.</summary>
    [Benchmark]
    public int Sanitize_1000_posts()
    {
        int total = 0;
        for (int i = 0; i < _html.Length; i++)
        {
            total += HtmlSanitizer.Sanitize(_html[i], _urls[i]).Length;
        }

        return total;
    }
}
