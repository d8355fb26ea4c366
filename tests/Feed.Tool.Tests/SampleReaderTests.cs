using System.Text.Json;
using Feed.Testing;
using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests;

/// <summary>
/// What a reader shows for every entry of the sample blog, in every format the tool writes: the title as the author
/// wrote it (markup characters included, never entity-escaped twice), every author's name (the post's, else the
/// site's), and the date. RSS and Atom are read by Universal Feed Parser, which shares no code with .NET; JSON Feed by
/// its own spec's shape.
/// </summary>
public sealed class SampleReaderTests : IDisposable
{
    private const string MarkupTitle = "Generic <T> & \"quotes\" in R&D";
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "Samples");
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [FeedparserFact]
    public async Task Readers_show_every_title_author_and_date_of_the_sample_blog()
    {
        ToolRun run = await ToolRun.RunAsync(
            "build", Path.Combine(Samples, "blog"), "--out", _site.Out, "--config", Path.Combine(Samples, "feed.json"),
            "--now", "2025-01-01T00:00:00Z", "--formats", "rss,atom,json");
        run.ExitCode.ShouldBe(0, run.ToString());

        foreach ((string format, string[] files) in new[]
        {
            ("rss", new[] { "feed.xml", "feed/2.xml", "feed/3.xml" }),
            ("atom", new[] { "atom.xml", "atom/2.xml", "atom/3.xml" }),
        })
        {
            IReadOnlyList<ParsedFeed> feeds = Feedparser.Parse([.. files.Select(f => Path.Combine(_site.Out, f))]);
            feeds.ShouldAllBe(f => !f.Bozo, format);
            ParsedEntry[] entries = [.. feeds.SelectMany(f => f.Entries)];

            entries.Length.ShouldBe(10, format);
            entries.ShouldAllBe(e => !string.IsNullOrWhiteSpace(e.Title) && e.Published != null && e.Authors.Length > 0, format);
            entries.Count(e => e.Title == MarkupTitle).ShouldBe(1, $"{format}: the title with markup characters, as written");
            entries.ShouldNotContain(e => e.Title!.Contains("&amp;", StringComparison.Ordinal) || e.Title.Contains("&lt;", StringComparison.Ordinal), format);

            ParsedEntry paging = entries.Single(e => e.Title == "Paging feeds with RFC 5005");
            // Atom has one author element per name; RSS names both in one dc:creator, which every reader shows whole.
            string.Join(", ", paging.Authors).ShouldBe("Ada Lin, Sam Park", format);
            paging.Published.ShouldBe("2024-06-18T19:00:00Z", format);

            // A post without authors shows the site's author, never the feed's title.
            entries.Single(e => e.Title == "中文排版的几个小细节").Authors.ShouldBe(["Ada Lin"], format);
        }

        List<JsonElement> items = [];
        foreach (string file in (string[])["feed.json", "feed/2.json", "feed/3.json"])
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_site.Out, file)));
            items.AddRange(document.RootElement.GetProperty("items").EnumerateArray().Select(i => i.Clone()));
        }

        items.Count.ShouldBe(10);
        items.ShouldAllBe(i => i.GetProperty("authors").GetArrayLength() > 0 && i.GetProperty("date_published").GetString()!.Length > 0);
        items.Count(i => i.GetProperty("title").GetString() == MarkupTitle).ShouldBe(1);
        JsonElement two = items.Single(i => i.GetProperty("title").GetString() == "Paging feeds with RFC 5005");
        two.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ShouldBe(["Ada Lin", "Sam Park"]);
    }
}
