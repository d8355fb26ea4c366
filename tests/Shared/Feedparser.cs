using System.Diagnostics;
using System.Text.Json;

#pragma warning disable IDE0130 // One file compiled into every test project that reads feeds back (see its .csproj).
namespace Feed.Testing;
#pragma warning restore IDE0130

/// <summary>
/// The independent parser of the round-trip tests: Universal Feed Parser (Debian <c>python3-feedparser</c>), run by
/// <c>/usr/bin/python3</c>. It shares no code with .NET, so it catches what our own reader would forgive.
/// </summary>
/// <remarks>
/// One policy for every test project: <c>.ci/run</c> installs python3-feedparser; under <c>CI=true</c> a test that
/// needs it fails when it is missing (a CI run must not pass by skipping); elsewhere such a test is skipped with
/// <see cref="MissingReason"/> (<see cref="FeedparserFactAttribute"/>, <see cref="FeedparserTheoryAttribute"/>).
/// </remarks>
internal static class Feedparser
{
    public const string Python = "/usr/bin/python3";

    public const string MissingReason =
        "python3-feedparser is not installed (apt-get install python3-feedparser; .ci/run installs it), so the independent-parser round trip cannot run.";

    private static readonly Lazy<bool> Available = new(() => File.Exists(Python) && Run("import feedparser", []).ExitCode == 0);

    // Prints, per file, what a typical consumer sees: the feed's title, date and links, and each entry's identity,
    // title, link, dates (UTC, seconds), authors, tags, summary and content. Dates come from feedparser's own parsing.
    private const string Script = """
        import calendar, json, sys, time, feedparser
        def iso(t):
            return None if t is None else time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(calendar.timegm(t)))
        out = []
        for path in sys.argv[1:]:
            d = feedparser.parse(path)
            f = d.feed
            out.append({
                'bozo': bool(d.bozo), 'error': repr(d.get('bozo_exception')) if d.bozo else None, 'version': d.version,
                'encoding': d.get('encoding'), 'title': f.get('title'), 'updated': iso(f.get('updated_parsed')),
                'links': [{'rel': l.get('rel'), 'href': l.get('href'), 'type': l.get('type')} for l in f.get('links', [])],
                'entries': [{
                    'id': e.get('id'), 'title': e.get('title'), 'link': e.get('link'),
                    'published': iso(e.get('published_parsed')), 'updated': iso(e.get('updated_parsed')),
                    'authors': [a.get('name') for a in e.get('authors', []) if a.get('name')],
                    'tags': [t.get('term') for t in e.get('tags', [])],
                    'summary': e.get('summary'),
                    'content': [c.get('value') for c in e.get('content', [])],
                    'enclosures': [x.get('href') for x in e.get('enclosures', [])],
                } for e in d.entries],
            })
        json.dump(out, sys.stdout)
        """;

    /// <summary>Gets whether python3-feedparser can be run here.</summary>
    public static bool IsAvailable => Available.Value;

    /// <summary>Gets whether a missing feedparser skips a test (here) rather than failing it (under <c>CI=true</c>).</summary>
    public static bool SkipWhenMissing =>
        !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses every file in one process.</summary>
    /// <exception cref="InvalidOperationException">feedparser is missing or failed.</exception>
    public static IReadOnlyList<ParsedFeed> Parse(params string[] paths)
    {
        if (!IsAvailable)
        {
            throw new InvalidOperationException(MissingReason);
        }

        (int exitCode, string output, string error) = Run(Script, paths);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"feedparser failed ({exitCode}): {error}");
        }

        return JsonSerializer.Deserialize<ParsedFeed[]>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("feedparser printed nothing.");
    }

    /// <summary>Parses one document given as bytes (saved to a temporary file first, as a reader would fetch it).</summary>
    public static ParsedFeed Parse(byte[] document)
    {
        string path = Path.Combine(Path.GetTempPath(), $"feed-{Guid.NewGuid():N}.xml");
        File.WriteAllBytes(path, document);
        try
        {
            return Parse(path)[0];
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (int ExitCode, string Output, string Error) Run(string script, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using Process process = Process.Start(start)!;
            Task<string> error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, string.Empty, ex.Message);
        }
    }
}

internal sealed record ParsedFeed(
    bool Bozo, string? Error, string Version, string? Encoding, string? Title, string? Updated, ParsedLink[] Links, ParsedEntry[] Entries)
{
    public string? Link(string rel) => Links.FirstOrDefault(l => l.Rel == rel)?.Href;
}

internal sealed record ParsedLink(string? Rel, string? Href, string? Type);

/// <summary>One entry as feedparser reads it; dates as <c>yyyy-MM-ddTHH:mm:ssZ</c> in UTC.</summary>
internal sealed record ParsedEntry(
    string? Id, string? Title, string? Link, string? Published, string? Updated, string[] Authors, string[] Tags,
    string? Summary, string[] Content, string[] Enclosures);

/// <summary>A fact that needs python3-feedparser: skipped where it is missing, except under <c>CI=true</c>, where it fails.</summary>
internal sealed class FeedparserFactAttribute : FactAttribute
{
    public FeedparserFactAttribute()
    {
        if (!Feedparser.IsAvailable && Feedparser.SkipWhenMissing)
        {
            Skip = Feedparser.MissingReason;
        }
    }
}

/// <summary>A theory that needs python3-feedparser: skipped where it is missing, except under <c>CI=true</c>, where it fails.</summary>
internal sealed class FeedparserTheoryAttribute : TheoryAttribute
{
    public FeedparserTheoryAttribute()
    {
        if (!Feedparser.IsAvailable && Feedparser.SkipWhenMissing)
        {
            Skip = Feedparser.MissingReason;
        }
    }
}
