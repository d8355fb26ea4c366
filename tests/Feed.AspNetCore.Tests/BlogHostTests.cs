using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using BlogHost;
using Feed.AspNetCore.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.AspNetCore.Tests;

/// <summary>One sample host for the tests of a class: 10 sample posts and 45 generated ones, 6 pages of 10.</summary>
public sealed class BlogHostFixture : IAsyncLifetime
{
    public const int Generated = 45;

    public BlogHostInstance Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await BlogHostInstance.StartAsync(Generated);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>The sample host's feeds over real Kestrel and a real SQLite database, read back by feedparser.</summary>
public sealed class BlogHostTests(BlogHostFixture fixture) : IClassFixture<BlogHostFixture>
{
    private BlogHostInstance Host => fixture.Host;

    public static TheoryData<string, string, string, string?> Feeds => new()
    {
        { "/feed.xml", "application/rss+xml; charset=utf-8", "rss20", null },
        { "/atom.xml", "application/atom+xml; charset=utf-8", "atom10", null },
        { "/tags/feeds/feed.xml", "application/rss+xml; charset=utf-8", "rss20", "feeds" },
        { "/tags/c%23/atom.xml", "application/atom+xml; charset=utf-8", "atom10", "c#" },
        { "/tags/%E9%9D%99%E6%80%81%E7%BD%91%E7%AB%99/atom.xml", "application/atom+xml; charset=utf-8", "atom10", "静态网站" },
    };

    [FeedparserTheory]
    [MemberData(nameof(Feeds))]
    public async Task Walking_next_from_page_1_reads_every_post_once_with_feedparser(string path, string contentType, string version, string? tag)
    {
        string[] expected = await FeedIdsAsync(tag);
        expected.Length.ShouldBeGreaterThan(10, "more than one page");

        var seen = new List<string>();
        string? url = path;
        for (int pages = 1; url is not null; pages++)
        {
            pages.ShouldBeLessThanOrEqualTo(10, "the next links must end");
            using HttpResponseMessage response = await Host.Client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            response.Content.Headers.ContentType!.ToString().ShouldBe(contentType);
            byte[] body = await response.Content.ReadAsByteArrayAsync();
            response.Content.Headers.ContentLength.ShouldBe(body.Length);

            ParsedFeed parsed = Feedparser.Parse(body);
            parsed.Bozo.ShouldBeFalse(parsed.Error);
            parsed.Version.ShouldBe(version);
            parsed.Title.ShouldBe(tag is null ? "Notes from the Feed sample blog" : $"Notes tagged “{tag}”");
            new Uri(parsed.Link("self")!).PathAndQuery.ShouldBe(url);
            seen.AddRange(parsed.Entries.Select(e => e.Id!));
            string? next = parsed.Link("next");
            url = next is null ? null : new Uri(next).PathAndQuery;
        }

        seen.ShouldBe(expected); // newest first, each once
    }

    [Theory]
    [InlineData("/feed.json", null)]
    [InlineData("/tags/c%23/feed.json", "c#")]
    public async Task The_JSON_feed_walks_by_next_url_to_every_post_once(string path, string? tag)
    {
        string[] expected = await FeedIdsAsync(tag);
        var seen = new List<string>();
        string? url = path;
        for (int pages = 1; url is not null; pages++)
        {
            pages.ShouldBeLessThanOrEqualTo(10, "the next_url links must end");
            using HttpResponseMessage response = await Host.Client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            response.Content.Headers.ContentType!.ToString().ShouldBe("application/feed+json; charset=utf-8");
            using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
            System.Text.Json.JsonElement root = json.RootElement;
            root.GetProperty("version").GetString().ShouldBe("https://jsonfeed.org/version/1.1");
            new Uri(root.GetProperty("feed_url").GetString()!).PathAndQuery.ShouldBe(url);
            seen.AddRange(root.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!));
            url = root.TryGetProperty("next_url", out System.Text.Json.JsonElement next) ? new Uri(next.GetString()!).PathAndQuery : null;
        }

        seen.ShouldBe(expected);
    }

    [Fact]
    public async Task The_HTML_listing_walks_by_rel_next_to_every_post_once_with_HEAD_ETag_and_304_as_the_feeds()
    {
        string[] expected = await FeedIdsAsync(null);
        var links = new List<string>();
        string? url = "/";
        for (int pages = 1; url is not null; pages++)
        {
            pages.ShouldBeLessThanOrEqualTo(10, "the next links must end");
            using HttpResponseMessage response = await Host.Client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            response.Content.Headers.ContentType!.ToString().ShouldBe("text/html; charset=utf-8");
            string html = await response.Content.ReadAsStringAsync();
            html.ShouldStartWith("<!DOCTYPE html>");
            html.ShouldContain("<link rel=\"alternate\" type=\"application/feed+json\"");
            links.AddRange(System.Text.RegularExpressions.Regex.Matches(html, "<h2><a href=\"([^\"]+)\">").Select(m => m.Groups[1].Value));
            var next = System.Text.RegularExpressions.Regex.Match(html, "<link rel=\"next\" href=\"([^\"]+)\">");
            url = next.Success ? new Uri(System.Net.WebUtility.HtmlDecode(next.Groups[1].Value)).PathAndQuery : null;
        }

        links.Count.ShouldBe(expected.Length);
        links.Distinct().Count().ShouldBe(expected.Length);

        using HttpResponseMessage get = await Host.Client.GetAsync("/?page=2");
        EntityTagHeaderValue etag = get.Headers.ETag.ShouldNotBeNull();
        using HttpResponseMessage head = await Host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/?page=2"));
        head.Headers.ETag.ShouldBe(etag);
        head.Content.Headers.ContentLength.ShouldBe((await get.Content.ReadAsByteArrayAsync()).Length);
        using HttpResponseMessage notModified = await SendAsync("/?page=2", r => r.Headers.IfNoneMatch.Add(etag));
        notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await Host.Client.GetAsync("/?page=99")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task HEAD_has_the_headers_of_GET_and_no_body()
    {
        using HttpResponseMessage get = await Host.Client.GetAsync("/atom.xml?page=2");
        byte[] body = await get.Content.ReadAsByteArrayAsync();

        using HttpResponseMessage head = await Host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/atom.xml?page=2"));

        head.StatusCode.ShouldBe(HttpStatusCode.OK);
        head.Content.Headers.ContentType!.ToString().ShouldBe("application/atom+xml; charset=utf-8");
        head.Content.Headers.ContentLength.ShouldBe(body.Length);
        head.Headers.ETag.ShouldBe(get.Headers.ETag);
        head.Content.Headers.LastModified.ShouldBe(get.Content.Headers.LastModified);
        (await head.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_matching_If_None_Match_or_If_Modified_Since_is_304_without_rendering()
    {
        using HttpResponseMessage first = await Host.Client.GetAsync("/feed.xml?page=3");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        EntityTagHeaderValue etag = first.Headers.ETag.ShouldNotBeNull();
        etag.IsWeak.ShouldBeTrue(); // one validator for the identity, gzip and Brotli codings of the page (RFC 9110 §8.8.3)
        DateTimeOffset lastModified = first.Content.Headers.LastModified.ShouldNotBeNull();
        int renders = Host.Renders.Count;

        using HttpResponseMessage byTag = await SendAsync("/feed.xml?page=3", r => r.Headers.IfNoneMatch.Add(etag));
        using HttpResponseMessage byList = await SendAsync("/feed.xml?page=3", r => r.Headers.TryAddWithoutValidation("If-None-Match", $"\"other\", {etag.Tag}"));
        using HttpResponseMessage byDate = await SendAsync("/feed.xml?page=3", r => r.Headers.IfModifiedSince = lastModified);
        using HttpResponseMessage headByTag = await SendAsync("/feed.xml?page=3", r => r.Headers.IfNoneMatch.Add(etag), HttpMethod.Head);

        foreach (HttpResponseMessage response in new[] { byTag, byList, byDate, headByTag })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotModified);
            response.Headers.ETag.ShouldBe(etag);
            response.Headers.CacheControl!.ToString().ShouldBe("public, max-age=300");
            response.Headers.Vary.ShouldContain("Accept-Encoding");
            (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        }

        Host.Renders.Count.ShouldBe(renders, "a 304 renders nothing");

        // A stale tag or an older date is a 200 with the page, rendered once each.
        using HttpResponseMessage stale = await SendAsync("/feed.xml?page=3", r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\"")));
        using HttpResponseMessage older = await SendAsync("/feed.xml?page=3", r => r.Headers.IfModifiedSince = lastModified.AddSeconds(-1));
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        older.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stale.Content.ReadAsByteArrayAsync()).ShouldBe(await first.Content.ReadAsByteArrayAsync());
        Host.Renders.Count.ShouldBe(renders + 2);
    }

    [Fact]
    public async Task A_changed_post_changes_the_ETag_of_its_page()
    {
        using HttpResponseMessage before = await Host.Client.GetAsync("/atom.xml?page=5");
        EntityTagHeaderValue etag = before.Headers.ETag.ShouldNotBeNull();
        string slug;
        await using (AsyncServiceScope scope = Host.Services.CreateAsyncScope())
        {
            BlogDb db = scope.ServiceProvider.GetRequiredService<BlogDb>();
            slug = await db.Posts.OrderByDescending(p => p.PublishedTicks).ThenBy(p => p.FeedId).Skip(41).Select(p => p.Slug).FirstAsync();

            // Only the title changes, not the updated time: the ETag follows every field of the page's posts.
            Post post = await db.Posts.SingleAsync(p => p.Slug == slug);
            post.Title = "Retitled without a new date";
            await db.SaveChangesAsync();
        }

        using HttpResponseMessage after = await SendAsync("/atom.xml?page=5", r => r.Headers.IfNoneMatch.Add(etag));

        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.Headers.ETag.ShouldNotBe(etag);
        (await after.Content.ReadAsStringAsync()).ShouldContain("Retitled without a new date");
    }

    [Theory]
    [InlineData("/feed.xml?page=0")]
    [InlineData("/feed.xml?page=7")]
    [InlineData("/feed.xml?page=2&page=3")]
    [InlineData("/atom.xml?page=abc")]
    [InlineData("/atom.xml?page=-1")]
    [InlineData("/atom.xml?page=2147483647")]
    [InlineData("/atom.xml?page=99999999999")]
    [InlineData("/atom.xml?archive=1")]
    [InlineData("/tags/no-such-tag/feed.xml")]
    [InlineData("/tags/no-such-tag/atom.xml?page=2")]
    [InlineData("/tags/feeds/atom.xml?page=9")]
    public async Task A_page_out_of_range_or_an_unknown_tag_is_404_without_a_body(string pathAndQuery)
    {
        int renders = Host.Renders.Count;

        using HttpResponseMessage response = await Host.Client.GetAsync(pathAndQuery);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        Host.Renders.Count.ShouldBe(renders);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Feeds_are_compressed_for_clients_that_ask(string encoding)
    {
        using HttpResponseMessage plain = await Host.Client.GetAsync("/feed.xml");
        byte[] identity = await plain.Content.ReadAsByteArrayAsync();

        using HttpResponseMessage compressed = await SendAsync("/feed.xml", r => r.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding)));

        compressed.StatusCode.ShouldBe(HttpStatusCode.OK);
        compressed.Content.Headers.ContentEncoding.ShouldBe([encoding]);
        compressed.Headers.Vary.ShouldContain("Accept-Encoding");
        byte[] bytes = await compressed.Content.ReadAsByteArrayAsync();
        bytes.Length.ShouldBeLessThan(identity.Length / 2);
        using Stream decoded = encoding == "br"
            ? new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var copy = new MemoryStream();
        await decoded.CopyToAsync(copy);
        copy.ToArray().ShouldBe(identity);
    }

    private async Task<HttpResponseMessage> SendAsync(string url, Action<HttpRequestMessage> configure, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        configure(request);
        return await Host.Client.SendAsync(request);
    }

    private async Task<string[]> FeedIdsAsync(string? tag)
    {
        await using AsyncServiceScope scope = Host.Services.CreateAsyncScope();
        BlogDb db = scope.ServiceProvider.GetRequiredService<BlogDb>();
        IQueryable<Post> posts = tag is null ? db.Posts : db.Posts.Where(p => p.Tags.Any(t => t.Name == tag));
        return [.. await posts.OrderByDescending(p => p.PublishedTicks).ThenBy(p => p.FeedId).Select(p => p.FeedId).ToListAsync()];
    }
}
