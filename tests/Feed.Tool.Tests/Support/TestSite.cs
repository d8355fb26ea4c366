using System.Text;

namespace Feed.Tool.Tests.Support;

/// <summary>A throw-away site: a posts folder and an output folder under a fresh temporary folder.</summary>
internal sealed class TestSite : IDisposable
{
    public const string SiteUrl = "https://example.org/blog/";

    public TestSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "feed-tool-tests", Guid.NewGuid().ToString("N"));
        Posts = Path.Combine(Root, "posts");
        Out = Path.Combine(Root, "out");
        Directory.CreateDirectory(Posts);
    }

    public string Root { get; }

    public string Posts { get; }

    public string Out { get; }

    /// <summary>Writes a post file (LF line ends, UTF-8 without BOM) and returns its full path.</summary>
    public string Write(string relativePath, string content)
    {
        string path = Path.Combine(Posts, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.Replace("\r\n", "\n", StringComparison.Ordinal), new UTF8Encoding(false));
        return path;
    }

    /// <summary>Writes a minimal valid post.</summary>
    public string Post(string relativePath, string title, string date, string extraFrontMatter = "", string body = "Some text.")
    {
        string front = $"---\ntitle: {title}\ndate: {date}\n{extraFrontMatter}";
        if (!front.EndsWith('\n'))
        {
            front += "\n";
        }

        return Write(relativePath, front + "---\n\n" + body + "\n");
    }

    /// <summary>Writes <paramref name="count"/> posts, one a day from 2024-01-01.</summary>
    public void ManyPosts(int count, string prefix = "post")
    {
        for (int i = 1; i <= count; i++)
        {
            var date = new DateOnly(2024, 1, 1).AddDays(i - 1);
            Post($"{date:yyyy-MM-dd}-{prefix}-{i}.md", $"{prefix} number {i}", $"{date:yyyy-MM-dd}T10:00:00Z",
                body: $"The body of {prefix} {i}.");
        }
    }

    /// <summary>The standard arguments: build posts into out with a site URL, a title and a pinned now.</summary>
    public string[] Args(params string[] extra) =>
        ["build", Posts, "--out", Out, "--site-url", SiteUrl, "--title", "Test blog", "--now", "2025-01-01T00:00:00Z", .. extra];

    public Task<ToolRun> BuildAsync(params string[] extra) => ToolRun.RunAsync(Args(extra));

    /// <summary>Every file under out (hidden ones included), path → its bytes in Base64 (so snapshots compare by value).</summary>
    public SortedDictionary<string, string> Snapshot() => SnapshotOf(Out);

    public static SortedDictionary<string, string> SnapshotOf(string dir)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(dir))
        {
            foreach (string file in Directory.EnumerateFiles(dir, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
            {
                files[Path.GetRelativePath(dir, file).Replace('\\', '/')] = Convert.ToBase64String(File.ReadAllBytes(file));
            }
        }

        return files;
    }

    /// <summary>Every folder under out, relative.</summary>
    public List<string> Folders() => Directory.Exists(Out)
        ? Directory.EnumerateDirectories(Out, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(d => Path.GetRelativePath(Out, d).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList()
        : [];

    /// <summary>Last-write times of every file under out.</summary>
    public SortedDictionary<string, DateTime> Mtimes()
    {
        var times = new SortedDictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(Out, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            times[Path.GetRelativePath(Out, file).Replace('\\', '/')] = File.GetLastWriteTimeUtc(file);
        }

        return times;
    }

    public string ReadOut(string relativePath) => File.ReadAllText(Path.Combine(Out, relativePath), Encoding.UTF8);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
