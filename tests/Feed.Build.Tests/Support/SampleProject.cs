using System.Security.Cryptography;
using System.Text;

namespace Feed.Build.Tests.Support;

/// <summary>
/// A throw-away project folder: the repository's sample posts under <c>posts/</c>, its <c>feed.json</c> beside them,
/// and an output folder, as the package's targets would pass them to the tasks (full paths).
/// </summary>
internal sealed class SampleProject : IDisposable
{
    public SampleProject()
    {
        Root = Path.Combine(Path.GetTempPath(), "feed-build-tests", Guid.NewGuid().ToString("N"));
        Posts = Path.Combine(Root, "posts");
        Out = Path.Combine(Root, "bin", "Debug", "net10.0") + Path.DirectorySeparatorChar;
        Config = Path.Combine(Root, "feed.json");
        string samples = Path.Combine(AppContext.BaseDirectory, "Samples");
        foreach (string file in Directory.EnumerateFiles(Path.Combine(samples, "blog"), "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(Posts, Path.GetRelativePath(Path.Combine(samples, "blog"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.Copy(Path.Combine(samples, "feed.json"), Config);
    }

    public string Root { get; }

    public string Posts { get; }

    public string Out { get; }

    public string Config { get; }

    public string Post(string name) => Path.Combine(Posts, name);

    public string Output(string relative) => Path.Combine(Out, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Replaces the line of a post that starts with <paramref name="prefix"/>.</summary>
    public void ReplaceLine(string post, string prefix, string replacement)
    {
        string path = Post(post);
        string[] lines = File.ReadAllText(path, Encoding.UTF8).Split('\n');
        int index = Array.FindIndex(lines, l => l.StartsWith(prefix, StringComparison.Ordinal));
        index.ShouldBeGreaterThanOrEqualTo(0, $"{post} has no line starting with {prefix}");
        lines[index] = replacement;
        File.WriteAllText(path, string.Join('\n', lines), new UTF8Encoding(false));
    }

    /// <summary>Every file under the output folder with the SHA-256 of its bytes, keyed by path relative to it.</summary>
    public SortedDictionary<string, string> Snapshot() =>
        new(Directory.EnumerateFiles(Out, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Out, f).Replace(Path.DirectorySeparatorChar, '/'), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);

    public FeedGenerate Task(RecordingBuildEngine engine) => new()
    {
        BuildEngine = engine,
        PostsDir = Posts + Path.DirectorySeparatorChar,
        OutputDir = Out,
        ConfigFile = Config,
        Now = "2025-01-01T00:00:00Z",
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
