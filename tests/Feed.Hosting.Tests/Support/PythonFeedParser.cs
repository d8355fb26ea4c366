using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Feed.Hosting.Tests.Support;

/// <summary>
/// Reads a feed with Python's feedparser (python3-feedparser, installed by .ci/run): an independent parser that
/// shares no code with .NET. A missing feedparser fails the test rather than skipping it.
/// </summary>
public static class PythonFeedParser
{
    private const string Script = """
        import sys, json, calendar, feedparser
        d = feedparser.parse(sys.stdin.buffer.read())
        def when(t):
            return calendar.timegm(t) if t else None
        print(json.dumps({
            "bozo": bool(d.bozo),
            "error": str(d.get("bozo_exception", "")),
            "version": d.get("version", ""),
            "encoding": d.get("encoding", ""),
            "title": d.feed.get("title"),
            "links": [{"rel": l.get("rel"), "href": l.get("href"), "type": l.get("type")} for l in d.feed.get("links", [])],
            "entries": [{
                "id": e.get("id"),
                "title": e.get("title"),
                "link": e.get("link"),
                "published": when(e.get("published_parsed")),
                "updated": when(e.get("updated_parsed")),
                "summary": e.get("summary"),
                "content": [c.get("value") for c in e.get("content", [])],
                "tags": [t.get("term") for t in e.get("tags", [])],
            } for e in d.entries],
        }))
        """;

    public static async Task<ParsedFeed> ParseAsync(byte[] xml)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.BaseStream.WriteAsync(xml);
        process.StandardInput.Close();
        await process.WaitForExitAsync();

        string stdout = await output;
        string stderr = await errors;
        process.ExitCode.ShouldBe(0, $"feedparser failed (is python3-feedparser installed?):\n{stderr}");
        return JsonSerializer.Deserialize<ParsedFeed>(stdout) ?? throw new InvalidOperationException("feedparser printed nothing.");
    }
}

public sealed record ParsedFeed(
    [property: JsonPropertyName("bozo")] bool Bozo,
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("encoding")] string Encoding,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("links")] IReadOnlyList<ParsedLink> Links,
    [property: JsonPropertyName("entries")] IReadOnlyList<ParsedEntry> Entries)
{
    public string? Link(string rel) => Links.SingleOrDefault(l => l.Rel == rel)?.Href;
}

public sealed record ParsedLink(
    [property: JsonPropertyName("rel")] string? Rel,
    [property: JsonPropertyName("href")] string? Href,
    [property: JsonPropertyName("type")] string? Type);

public sealed record ParsedEntry(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("link")] string? Link,
    [property: JsonPropertyName("published")] long? Published,
    [property: JsonPropertyName("updated")] long? Updated,
    [property: JsonPropertyName("summary")] string? Summary,
    [property: JsonPropertyName("content")] IReadOnlyList<string?> Content,
    [property: JsonPropertyName("tags")] IReadOnlyList<string?> Tags);
