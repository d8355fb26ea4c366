using BenchmarkDotNet.Attributes;
using Feed.Excerpts;

namespace Feed.Benchmarks;

/// <summary>
/// The excerpt engine alone over 1,000 corpus posts (about 6 MB of Markdown). MB/s per core = corpus MB (printed at
/// set-up) divided by the mean time: one thread, one call per post.
/// </summary>
[MemoryDiagnoser]
public class ExcerptBenchmarks
{
    private readonly ExcerptGenerator _excerpts = new();
    private string[] _bodies = [];

    /// <summary>Loads the corpus.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _bodies = BenchCorpus.LoadBodies(1000);
        long chars = _bodies.Sum(body => (long)System.Text.Encoding.UTF8.GetByteCount(body));
        Console.WriteLine($"// corpus: {_bodies.Length} posts, {chars / 1e6:F2} MB of Markdown (UTF-8)");
    }

    /// <summary>The default excerpt (350 characters, word boundary) of every post.</summary>
    [Benchmark]
    public int Excerpt_1000_posts()
    {
        int total = 0;
        foreach (string body in _bodies)
        {
            total += _excerpts.FromMarkdown(body).Text.Length;
        }

        return total;
    }

    /// <summary>The whole visible text of every post (no cut): the walker's full cost.</summary>
    [Benchmark]
    public int PlainText_1000_posts()
    {
        int total = 0;
        foreach (string body in _bodies)
        {
            total += _excerpts.ToPlainText(body).Length;
        }

        return total;
    }
}
