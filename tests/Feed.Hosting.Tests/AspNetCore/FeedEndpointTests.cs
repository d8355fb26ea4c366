using System.Net;
using System.ServiceModel.Syndication;
using Feed.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.Hosting.Tests.AspNetCore;

/// <summary>
/// Feeds served over HTTP by a real Kestrel app (<see cref="LoopbackApp"/>), read back with HttpClient, Python's
/// feedparser and System.ServiceModel.Syndication, following the RFC 5005 paging links from page 1 to the end.
/// </summary>
public sealed class FeedEndpointTests(LoopbackApp app) : IClassFixture<LoopbackApp>
{
    public static TheoryData<string, string, string> Feeds => new()
    {
        { "/feed.xml", "application/rss+xml; charset=utf-8", "rss20" },
        { "/atom.xml", "application/atom+xml; charset=utf-8", "atom10" },
    };

    [FeedparserTheory]
    [MemberData(nameof(Feeds))]
    public async Task Every_page_is_served_with_its_content_type_and_the_paging_links_reach_every_entry(string path, string contentType, string version)
    {
        FeedFormat format = version == "rss20" ? FeedFormat.Rss : FeedFormat.Atom;
        var feed = app.Services.GetRequiredService<FeedRenderer<Article>>();
        Uri[] pageUrls = [.. feed.Generator.Paging.GetPages(LoopbackApp.ArticleCount).Select(page => feed.Generator.Paging.GetUrl(format, page))];
        pageUrls.Length.ShouldBe(3);
        pageUrls[0].ShouldBe(new Uri("https://blog.example.org" + path));

        var ids = new List<string>();
        Uri? url = pageUrls[0];
        Uri? previousSelf = null;
        for (int number = 1; url is not null; number++)
        {
            url.ShouldBe(pageUrls[number - 1]);
            byte[] body = await GetAsync(url, contentType);

            // The independent parser: no errors, the right format, every entry and every paging link.
            ParsedFeed parsed = Feedparser.Parse(body);
            parsed.Bozo.ShouldBeFalse(parsed.Error);
            parsed.Version.ShouldBe(version);
            parsed.Encoding.ShouldBe("utf-8");
            parsed.Title.ShouldBe("Example blog");
            parsed.Link("self").ShouldBe(url.AbsoluteUri);
            parsed.Link("first").ShouldBe(pageUrls[0].AbsoluteUri);
            parsed.Link("last").ShouldBe(pageUrls[^1].AbsoluteUri);
            parsed.Link("previous").ShouldBe(previousSelf?.AbsoluteUri);

            // The .NET oracle agrees.
            SyndicationFeed syndication = FeedXml.Load(body);
            syndication.Link("self").ShouldBe(url);
            syndication.Ids().ShouldBe(parsed.Entries.Select(e => e.Id!));

            ids.AddRange(parsed.Entries.Select(e => e.Id!));
            previousSelf = url;
            string? next = parsed.Link("next");
            url = next is null ? null : new Uri(next);
            number.ShouldBeLessThanOrEqualTo(3, "the next links must end");
        }

        ids.ShouldBe(app.Store.All.Select(a => $"https://blog.example.org/posts/{a.Slug}/")); // all 23, newest first, none twice
    }

    [FeedparserTheory]
    [MemberData(nameof(Feeds))]
    public async Task The_entries_arrive_intact(string path, string contentType, string version)
    {
        FeedFormat format = version == "rss20" ? FeedFormat.Rss : FeedFormat.Atom;
        byte[] body = await GetAsync(new Uri("https://blog.example.org" + path + "?page=2"), contentType);

        ParsedFeed parsed = Feedparser.Parse(body);
        parsed.Bozo.ShouldBeFalse(parsed.Error);
        parsed.Entries.Length.ShouldBe(10);

        // Page 2 starts with article 14, which shares its timestamp with article 13 on page 1.
        ParsedEntry first = parsed.Entries[0];
        first.Title.ShouldBe("Article 14: <notes> & \"quotes\"");
        first.Link.ShouldBe("https://blog.example.org/posts/post-014/");
        first.Published.ShouldBe(Iso(Sample.Start.AddDays(13)));
        first.Summary.ShouldBe("Article 14 follows the one before with a chart. It has two paragraphs.");
        first.Content.ShouldHaveSingleItem().ShouldNotBeNull()
            .ShouldContain("<a href=\"https://blog.example.org/posts/post-013/\">the one before</a>");

        // Article 10 was edited a day later: Atom's updated says so, and RSS carries it as atom:updated.
        ParsedEntry edited = parsed.Entries.Single(e => e.Title!.StartsWith("Article 10:", StringComparison.Ordinal));
        edited.Published.ShouldBe(Iso(Sample.Start.AddDays(10)));
        edited.Updated.ShouldBe(Iso(Sample.Start.AddDays(11).AddHours(3)));

        // The bytes over HTTP are the renderer's own page 2 made from all posts: the database path changed nothing.
        var feed = app.Services.GetRequiredService<FeedRenderer<Article>>();
        body.ShouldBe(System.Text.Encoding.UTF8.GetBytes(feed.RenderPage(format, 2, Sample.Articles(LoopbackApp.ArticleCount))));
    }

    [Theory]
    [InlineData("/feed.xml?page=0")]
    [InlineData("/feed.xml?page=4")]
    [InlineData("/atom.xml?page=4")]
    [InlineData("/atom.xml?page=-2")]
    [InlineData("/atom.xml?page=2147483647")]
    [InlineData("/releases.xml?page=4")]
    public async Task A_page_out_of_range_is_404(string pathAndQuery)
    {
        using HttpResponseMessage response = await app.Client.GetAsync(pathAndQuery);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_page_is_served_from_that_pages_rows_alone()
    {
        int before = app.Store.RowsRead;

        await GetAsync(new Uri("https://blog.example.org/atom.xml?page=3"), "application/atom+xml; charset=utf-8");

        (app.Store.RowsRead - before).ShouldBe(3);
    }

    [FeedparserTheory]
    [InlineData("/releases.xml", "application/rss+xml; charset=utf-8")]
    [InlineData("/releases.atom", "application/atom+xml; charset=utf-8")]
    public async Task A_second_keyed_feed_of_another_type_is_served_beside_the_first(string path, string contentType)
    {
        var seen = new List<string>();
        for (Uri? url = new("https://blog.example.org" + path); url is not null;)
        {
            byte[] body = await GetAsync(url, contentType);
            ParsedFeed parsed = Feedparser.Parse(body);
            parsed.Bozo.ShouldBeFalse(parsed.Error);
            parsed.Title.ShouldBe("Example releases");
            FeedXml.Load(body).Ids().ShouldBe(parsed.Entries.Select(e => e.Id!));
            seen.AddRange(parsed.Entries.Select(e => e.Title!));
            string? next = parsed.Link("next");
            url = next is null ? null : new Uri(next);
            seen.Count.ShouldBeLessThanOrEqualTo(LoopbackApp.ReleaseCount);
        }

        seen.ShouldBe(["Feed 1.4.0", "Feed 1.3.0", "Feed 1.2.0", "Feed 1.1.0", "Feed 1.0.0"]);
    }

    /// <summary>GETs a feed URL's path and query from the loopback app (the feed's links name the public site).</summary>
    private async Task<byte[]> GetAsync(Uri feedUrl, string contentType)
    {
        using HttpResponseMessage response = await app.Client.GetAsync(feedUrl.PathAndQuery);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, feedUrl.ToString());
        response.Content.Headers.ContentType!.ToString().ShouldBe(contentType);
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        body.AsSpan(0, 3).SequenceEqual("\uFEFF"u8).ShouldBeFalse("no byte-order mark");
        return body;
    }

    private static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
