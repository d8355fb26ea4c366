using System.Globalization;
using System.Net;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests.Html;

/// <summary>The sample blog's HTML pages (formats: [..., "html"]), read back with an HTML5 parser and checked against its RSS feed.</summary>
public sealed class HtmlPageTests : IDisposable
{
    private const string Site = "https://blog.example.org/";
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "Samples");
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Sample_blog_writes_index_html_and_a_page_per_feed_page()
    {
        ToolRun run = await BuildSamplesAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        _site.Snapshot().Keys.Where(k => k.EndsWith(".html", StringComparison.Ordinal))
            .ShouldBe(["index.html", "page/2/index.html", "page/3/index.html"]);
    }

    [Fact]
    public async Task Every_page_parses_as_HTML5_without_a_single_parse_error()
    {
        (await BuildSamplesAsync()).ExitCode.ShouldBe(0);
        foreach (string file in HtmlFiles())
        {
            var errors = new List<string>();
            var parser = new HtmlParser(new HtmlParserOptions { IsStrictMode = false });
            parser.Error += (_, e) => errors.Add($"{((AngleSharp.Html.Dom.Events.HtmlErrorEvent)e).Position}: {((AngleSharp.Html.Dom.Events.HtmlErrorEvent)e).Message}");
            IHtmlDocument document = parser.ParseDocument(File.ReadAllText(Path.Combine(_site.Out, file)));
            errors.ShouldBeEmpty($"{file}: {string.Join("; ", errors)}");
            document.DocumentElement.GetAttribute("lang").ShouldBe("en");
            document.QuerySelectorAll("h1").Length.ShouldBe(1, file);
            document.QuerySelectorAll("script, iframe, object, embed, img, link[rel=stylesheet]").ShouldBeEmpty(file);
        }
    }

    [Fact]
    public async Task Page_text_equals_the_feed_xml_entries_entry_for_entry()
    {
        (await BuildSamplesAsync()).ExitCode.ShouldBe(0);
        string[] feeds = ["feed.xml", "feed/2.xml", "feed/3.xml"];
        string[] pages = ["index.html", "page/2/index.html", "page/3/index.html"];
        int compared = 0;
        for (int i = 0; i < feeds.Length; i++)
        {
            XElement[] items = [.. XDocument.Load(Path.Combine(_site.Out, feeds[i])).Descendants("item")];
            IElement[] articles = [.. Parse(pages[i]).QuerySelectorAll("main article")];
            articles.Length.ShouldBe(items.Length, pages[i]);
            for (int j = 0; j < items.Length; j++)
            {
                XElement item = items[j];
                IElement article = articles[j];
                var link = (IHtmlAnchorElement)article.QuerySelector("h2 a")!;
                link.TextContent.ShouldBe((string)item.Element("title")!);
                link.Href.ShouldBe((string)item.Element("link")!);

                // The RSS description is the excerpt escaped once as HTML (README, "Summaries are plain text").
                article.QuerySelector("p.excerpt")!.TextContent.ShouldBe(WebUtility.HtmlDecode((string)item.Element("description")!));

                DateTimeOffset published = DateTimeOffset.ParseExact((string)item.Element("pubDate")!, "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture);
                var time = article.QuerySelector("time")!;
                DateTimeOffset.Parse(time.GetAttribute("datetime")!, CultureInfo.InvariantCulture).ShouldBe(published);
                // The feed's language (en), or the post's own when it has one (its article says so).
                time.TextContent.ShouldBe(article.GetAttribute("lang") is "zh-CN"
                    ? $"{published.Year}年{published.Month}月{published.Day}日"
                    : published.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture));
                compared++;
            }
        }

        compared.ShouldBe(10);
    }

    [Fact]
    public async Task Following_next_from_index_html_walks_every_post_exactly_once_and_the_numbers_reach_every_page()
    {
        (await BuildSamplesAsync()).ExitCode.ShouldBe(0);
        var seen = new List<string>();
        var visited = new List<string>();
        string? file = "index.html";
        while (file is not null)
        {
            visited.Add(file);
            IHtmlDocument page = Parse(file);
            seen.AddRange(page.QuerySelectorAll("main article h2 a").Cast<IHtmlAnchorElement>().Select(a => a.Href));

            // Every numbered link is a page that was written, and the current one says so.
            var numbers = page.QuerySelectorAll("nav a:not([rel])").Cast<IHtmlAnchorElement>().ToList();
            numbers.Select(a => a.TextContent).ShouldBe(["1", "2", "3"], file);
            numbers.ShouldAllBe(a => File.Exists(Path.Combine(_site.Out, FileOf(a.Href))));
            FileOf(numbers.Single(a => a.GetAttribute("aria-current") == "page").Href).ShouldBe(file);

            string? next = page.QuerySelector("nav a[rel=next]")?.GetAttribute("href");
            page.QuerySelector("head link[rel=next]")?.GetAttribute("href").ShouldBe(next);
            file = next is null ? null : FileOf(next);
            visited.Count.ShouldBeLessThan(10, "the next links loop");
        }

        visited.ShouldBe(["index.html", "page/2/index.html", "page/3/index.html"]);
        string[] posts = [.. new[] { "feed.xml", "feed/2.xml", "feed/3.xml" }
            .SelectMany(f => XDocument.Load(Path.Combine(_site.Out, f)).Descendants("item").Select(i => (string)i.Element("link")!))];
        seen.ShouldBe(posts); // the same posts, in the same order, each once
        seen.Distinct().Count().ShouldBe(10);
    }

    [Fact]
    public async Task Every_page_links_the_feeds_for_autodiscovery()
    {
        (await BuildSamplesAsync()).ExitCode.ShouldBe(0);
        foreach (string file in HtmlFiles())
        {
            var alternates = Parse(file).QuerySelectorAll("head link[rel=alternate]")
                .Select(l => (l.GetAttribute("type"), l.GetAttribute("href"))).ToList();
            alternates.ShouldBe([("application/rss+xml", Site + "feed.xml"), ("application/atom+xml", Site + "atom.xml")], file);
        }
    }

    private Task<ToolRun> BuildSamplesAsync() => ToolRun.RunAsync(
        "build", Path.Combine(Samples, "blog"), "--out", _site.Out, "--config", Path.Combine(Samples, "feed.json"), "--now", "2025-01-01T00:00:00Z");

    private IEnumerable<string> HtmlFiles() =>
        _site.Snapshot().Keys.Where(k => k.EndsWith(".html", StringComparison.Ordinal));

    private IHtmlDocument Parse(string file) => new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_site.Out, file)));

    private static string FileOf(string url)
    {
        url.ShouldStartWith(Site);
        string relative = Uri.UnescapeDataString(url[Site.Length..]);
        return relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative;
    }
}
