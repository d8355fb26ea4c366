using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Feed.Paging;
using Feed.Writers;

namespace Feed.Tests.Support;

/// <summary>
/// Golden-file cases: each folder under <c>tests/Feed.Tests/Golden</c> holds <c>options.json</c> (a
/// <see cref="FeedOptions"/>), <c>posts.json</c> (an array of <see cref="FeedPost"/>) and one expected file per
/// document and format, compared byte for byte. See <c>Golden/README.md</c> for how to re-approve.
/// </summary>
internal static class GoldenFiles
{
    /// <summary>Set to 1 to overwrite the expected files with what the code writes now (then review the diff).</summary>
    public const string ApproveVariable = "FEED_APPROVE_GOLDEN";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static string Root => Path.Combine(RepoPaths.TestProject, "Golden");

    /// <summary>One case per folder, sorted ordinally.</summary>
    public static TheoryData<string> Cases() => [.. CaseNames()];

    public static string[] CaseNames() =>
        [.. Directory.GetDirectories(Root).Select(dir => Path.GetFileName(dir)).Order(StringComparer.Ordinal)];

    public static string CaseDir(string name) => Path.Combine(Root, name);

    public static FeedOptions LoadOptions(string name) =>
        JsonSerializer.Deserialize<FeedOptions>(File.ReadAllText(Path.Combine(CaseDir(name), "options.json")), Json)
        ?? throw new InvalidDataException($"{name}/options.json is empty.");

    public static FeedPost[] LoadPosts(string name) =>
        JsonSerializer.Deserialize<FeedPost[]>(File.ReadAllText(Path.Combine(CaseDir(name), "posts.json")), Json)
        ?? throw new InvalidDataException($"{name}/posts.json is empty.");

    /// <summary>
    /// The expected file of one document: <c>expected[.page-N|.archive-N].{rss|atom}.xml</c> or
    /// <c>expected[.page-N|.archive-N].json</c> or <c>expected[.page-N|.archive-N].html</c> (page 1 has no suffix).
    /// </summary>
    public static string ExpectedFileName(FeedPage page, FeedFormat format)
    {
        string document = page.Kind == FeedPageKind.Archive ? $".archive-{page.Number}" : page.Number == 1 ? string.Empty : $".page-{page.Number}";
        return format switch
        {
            FeedFormat.Rss => $"expected{document}.rss.xml",
            FeedFormat.Atom => $"expected{document}.atom.xml",
            FeedFormat.Html => $"expected{document}.html",
            _ => $"expected{document}.json",
        };
    }

    /// <summary>The file the test writes beside an expected file when they differ: <c>*.received.xml</c> or <c>*.received.json</c>.</summary>
    public static string ReceivedFileName(string expectedFileName) =>
        Path.ChangeExtension(expectedFileName, ".received" + Path.GetExtension(expectedFileName));

    /// <summary>Every document of a case, written: file name → bytes.</summary>
    public static async Task<IReadOnlyList<(string FileName, FeedDocument Document, byte[] Bytes)>> WriteAllAsync(string name)
    {
        var generator = new FeedGenerator(LoadOptions(name));
        FeedPost[] posts = LoadPosts(name);
        var result = new List<(string, FeedDocument, byte[])>();
        foreach (FeedFormat format in Enum.GetValues<FeedFormat>())
        {
            foreach (FeedDocument document in generator.CreateDocuments(format, posts))
            {
                using var stream = new MemoryStream();
                await generator.WriteAsync(document, stream);
                result.Add((ExpectedFileName(document.Page, format), document, stream.ToArray()));
            }
        }

        return result;
    }

    /// <summary>
    /// Compares <paramref name="actual"/> with the expected file byte for byte. On a mismatch writes
    /// <c>*.received.xml</c> next to it (or, with <see cref="ApproveVariable"/>=1, overwrites the expected file).
    /// </summary>
    /// <returns>An empty string when they match, else a description of the mismatch.</returns>
    public static string Compare(string name, string fileName, byte[] actual)
    {
        string expectedPath = Path.Combine(CaseDir(name), fileName);
        string receivedPath = Path.Combine(CaseDir(name), ReceivedFileName(fileName));
        byte[]? expected = File.Exists(expectedPath) ? File.ReadAllBytes(expectedPath) : null;
        if (expected is not null && expected.AsSpan().SequenceEqual(actual))
        {
            File.Delete(receivedPath);
            return string.Empty;
        }

        if (Environment.GetEnvironmentVariable(ApproveVariable) == "1")
        {
            File.WriteAllBytes(expectedPath, actual);
            File.Delete(receivedPath);
            return string.Empty;
        }

        File.WriteAllBytes(receivedPath, actual);
        return expected is null
            ? $"{name}/{fileName} does not exist; wrote {Path.GetFileName(receivedPath)}."
            : $"{name}/{fileName} differs{FirstDifference(expected, actual)}; wrote {Path.GetFileName(receivedPath)}.";
    }

    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        string[] e = Encoding.UTF8.GetString(expected).Split('\n');
        string[] a = Encoding.UTF8.GetString(actual).Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string el = i < e.Length ? e[i] : "<end of file>";
            string al = i < a.Length ? a[i] : "<end of file>";
            if (el != al)
            {
                return $" at line {i + 1}:\n  expected: {el}\n  actual:   {al}\n";
            }
        }

        return " (in bytes that are not text)";
    }
}
