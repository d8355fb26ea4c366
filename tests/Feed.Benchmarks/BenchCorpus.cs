using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Feed.Benchmarks;

/// <summary>
/// The shared benchmark corpus (<c>../shared/corpus/gen_corpus.py</c>, seed 1), generated once into a cache folder
/// and read as post bodies without their front matter. Set <c>FEED_BENCH_CORPUS</c> to use another folder of posts.
/// </summary>
internal static class BenchCorpus
{
    /// <summary>Loads the bodies of the first <paramref name="count"/> posts, in file-name order.</summary>
    public static string[] LoadBodies(int count)
    {
        string folder = Environment.GetEnvironmentVariable("FEED_BENCH_CORPUS") ?? Generate(count);
        return [.. Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Take(count)
            .Select(path => StripFrontMatter(File.ReadAllText(path, Encoding.UTF8)))];
    }

    /// <summary>Builds <paramref name="count"/> posts dated one hour apart, with the corpus's bodies.</summary>
    public static FeedPost[] LoadPosts(int count)
    {
        string[] bodies = LoadBodies(count);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return [.. bodies.Select((body, i) => new FeedPost
        {
            Title = "Post " + i.ToString(CultureInfo.InvariantCulture),
            Url = new Uri("https://blog.example.org/posts/p" + i.ToString(CultureInfo.InvariantCulture) + "/"),
            Published = start.AddHours(i),
            Body = body,
            Categories = ["bench"],
            Authors = [new FeedAuthor("Bench") { Email = "bench@example.org" }],
        })];
    }

    private static string StripFrontMatter(string text)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return text;
        }

        int end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        return end < 0 ? text : text[(end + 5)..];
    }

    private static string Generate(int count)
    {
        string folder = Path.Combine(Path.GetTempPath(), "feed-bench", "corpus-" + count.ToString(CultureInfo.InvariantCulture));
        if (Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.md").Any())
        {
            return folder;
        }

        string script = Path.Combine(FindRepositoryRoot(), "..", "shared", "corpus", "gen_corpus.py");
        using var process = Process.Start(new ProcessStartInfo("python3")
        {
            ArgumentList = { script, folder, count.ToString(CultureInfo.InvariantCulture), "--seed", "1" },
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("could not start python3");
        process.WaitForExit();
        return process.ExitCode == 0
            ? folder
            : throw new InvalidOperationException($"{script} exited with {process.ExitCode}; set FEED_BENCH_CORPUS to a folder of posts.");
    }

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Feed.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Feed.sln not found above " + AppContext.BaseDirectory + "; set FEED_BENCH_CORPUS.");
    }
}
