using System.Net;
using System.Net.Http.Headers;
using BlogHost;
using Feed.AspNetCore.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.AspNetCore.Tests;

/// <summary>The sample host with ASP.NET Core's output cache in memory (and response compression outside it), over real Kestrel.</summary>
public sealed class CachedBlogHostFixture : IAsyncLifetime
{
    public BlogHostInstance Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await BlogHostInstance.StartAsync(BlogHostFixture.Generated, "memory");

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// What a cached feed answers: HEAD with the body's length, validators per content coding, one answer and one cache
/// entry for every spelling of a tag and of a page number.
/// </summary>
public sealed class OutputCacheTests(CachedBlogHostFixture fixture) : IClassFixture<CachedBlogHostFixture>
{
    private BlogHostInstance Host => fixture.Host;

    [Fact]
    public async Task HEAD_after_a_cached_GET_carries_the_length_of_the_body()
    {
        using HttpResponseMessage get = await Host.Client.GetAsync("/atom.xml?page=2");
        byte[] body = await get.Content.ReadAsByteArrayAsync();
        await using (await Host.Client.GetStreamAsync("/atom.xml?page=2"))
        {
            // the second GET is served from the cache
        }

        for (int i = 0; i < 3; i++)
        {
            using HttpResponseMessage head = await Host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/atom.xml?page=2"));

            head.StatusCode.ShouldBe(HttpStatusCode.OK);
            head.Content.Headers.ContentLength.ShouldBe(body.Length, $"HEAD #{i + 1}");
            head.Headers.ETag.ShouldBe(get.Headers.ETag);
            (await head.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        }
    }

    [Theory]
    [InlineData("/feed.xml?page=2")]
    [InlineData("/tags/feeds/atom.xml")]
    public async Task ETags_differ_per_content_coding_or_are_weak_and_each_answers_304(string path)
    {
        string[] codings = ["identity", "gzip", "br"];
        var tags = new Dictionary<string, EntityTagHeaderValue>();
        foreach (string coding in codings)
        {
            using HttpResponseMessage response = await SendAsync(path, r => r.Headers.AcceptEncoding.ParseAdd(coding));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentEncoding.ShouldBe(coding == "identity" ? [] : [coding]);
            tags[coding] = response.Headers.ETag.ShouldNotBeNull();
        }

        // RFC 9110 §8.8.3: a strong validator is unique across the content codings of a representation.
        bool allWeak = tags.Values.All(tag => tag.IsWeak);
        bool allDistinct = tags.Values.Select(tag => tag.Tag.ToString()).Distinct().Count() == codings.Length;
        (allWeak || allDistinct).ShouldBeTrue($"one strong ETag for every coding: {string.Join(", ", tags.Select(t => $"{t.Key} {t.Value}"))}");

        foreach (string coding in codings)
        {
            using HttpResponseMessage conditional = await SendAsync(path, r =>
            {
                r.Headers.AcceptEncoding.ParseAdd(coding);
                r.Headers.IfNoneMatch.Add(tags[coding]);
            });

            conditional.StatusCode.ShouldBe(HttpStatusCode.NotModified, coding);
            (await conditional.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        }
    }

    [Theory]
    [InlineData("/atom.xml?page=01")]
    [InlineData("/atom.xml?page=1%00")]
    [InlineData("/atom.xml?page=2%00")]
    [InlineData("/atom.xml?page=+1")]
    [InlineData("/atom.xml?page=%2B2")]
    [InlineData("/atom.xml?page=%201")]
    [InlineData("/atom.xml?page=2%20")]
    [InlineData("/atom.xml?page=%D9%A2")] // an Arabic-Indic two
    [InlineData("/atom.xml?page=")]
    public async Task A_page_number_not_in_canonical_decimal_form_is_404_or_a_redirect_to_the_canonical_url(string pathAndQuery)
    {
        using HttpResponseMessage response = await Host.Client.GetAsync(pathAndQuery);

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
            return;
        }

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.MovedPermanently, HttpStatusCode.PermanentRedirect);
        response.Headers.Location!.AbsoluteUri.ShouldBeOneOf("https://blog.example.org/atom.xml", "https://blog.example.org/atom.xml?page=2");
    }

    [Fact]
    public async Task Every_spelling_of_a_tag_gets_the_one_feed_of_the_tag_from_one_cache_entry()
    {
        // The generated posts are tagged "dotnet"; one more is tagged "DotNet". Every spelling is the one tag.
        string[] expected;
        await using (AsyncServiceScope scope = Host.Services.CreateAsyncScope())
        {
            BlogDb db = scope.ServiceProvider.GetRequiredService<BlogDb>();
            Post post = BlogApp.GeneratedPosts(BlogHostFixture.Generated + 1).Last();
            post.FeedId = "tag:blog.example.org,2019:spelled-DotNet";
            post.Slug = "spelled-dotnet";
            post.Title = "Spelled DotNet";
            post.Tags = [new PostTag { Name = "DotNet" }];
            db.Posts.Add(post);
            await db.SaveChangesAsync();

            expected = [.. (await db.Posts.Include(p => p.Tags).ToListAsync())
                .Where(p => p.Tags.Any(t => t.Name.Equals("dotnet", StringComparison.OrdinalIgnoreCase)))
                .OrderByDescending(p => p.PublishedTicks).ThenBy(p => p.FeedId, StringComparer.Ordinal)
                .Take(10).Select(p => p.FeedId)];
        }

        expected.ShouldContain("tag:blog.example.org,2019:spelled-DotNet");
        int renders = Host.Renders.Count;
        var titles = new HashSet<string>(StringComparer.Ordinal);
        foreach (string spelling in new[] { "DotNet", "dotnet", "DOTNET", "dotNET", "dotnet" })
        {
            (HttpResponseMessage response, byte[] body) = await GetFollowingRedirectsAsync($"/tags/{spelling}/atom.xml");
            using (response)
            {
                response.StatusCode.ShouldBe(HttpStatusCode.OK, spelling);
                FeedDocumentText document = FeedDocumentText.Read(FeedFormat.Atom, body);
                document.Ids.ShouldBe(expected, spelling);
                titles.Add(document.Title);
            }
        }

        titles.Count.ShouldBe(1);
        (Host.Renders.Count - renders).ShouldBe(1, "one render serves every spelling from the cache");
    }

    private async Task<(HttpResponseMessage Response, byte[] Body)> GetFollowingRedirectsAsync(string url)
    {
        for (int hops = 0; ; hops++)
        {
            hops.ShouldBeLessThan(3, "at most one redirect");
            HttpResponseMessage response = await Host.Client.GetAsync(url);
            if (response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.PermanentRedirect)
            {
                url = response.Headers.Location!.PathAndQuery;
                response.Dispose();
                continue;
            }

            return (response, await response.Content.ReadAsByteArrayAsync());
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string url, Action<HttpRequestMessage> configure)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        configure(request);
        return await Host.Client.SendAsync(request);
    }
}

/// <summary>The output-cache rules MapFeed adds to whatever policy a host gives, on minimal apps over real Kestrel.</summary>
public sealed class OutputCachePolicyTests
{
    [Fact]
    public async Task Query_parameters_that_select_no_document_share_the_documents_entry()
    {
        var renders = new RenderCounter();
        await using NotesApp app = await StartAsync(renders, compressionInside: false);

        foreach (string url in new[] { "/notes.atom?page=2", "/notes.atom?page=2&utm_source=mail", "/notes.atom?utm_campaign=x&page=2", "/notes.atom?PAGE=2" })
        {
            using HttpResponseMessage response = await app.Client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            await Task.Delay(50); // the entry is stored after the response completes
        }

        renders.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_body_coded_inside_the_output_cache_is_not_stored_so_no_client_gets_a_coding_it_did_not_ask_for()
    {
        var renders = new RenderCounter();
        await using NotesApp app = await StartAsync(renders, compressionInside: true);

        using var gzip = new HttpRequestMessage(HttpMethod.Get, "/notes.atom");
        gzip.Headers.AcceptEncoding.ParseAdd("gzip");
        using HttpResponseMessage coded = await app.Client.SendAsync(gzip);
        await Task.Delay(50);
        using HttpResponseMessage plain = await app.Client.GetAsync("/notes.atom");

        coded.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
        plain.Content.Headers.ContentEncoding.ShouldBeEmpty();
        plain.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        System.Text.Encoding.UTF8.GetString(await plain.Content.ReadAsByteArrayAsync()).ShouldStartWith("<?xml");
        renders.Count.ShouldBe(2);
    }

    private static Task<NotesApp> StartAsync(RenderCounter renders, bool compressionInside) => NotesApp.StartAsync(
        10,
        options => options.Extensions.Add(renders),
        app =>
        {
            if (compressionInside)
            {
                app.UseOutputCache();
                app.UseResponseCompression();
            }
            else
            {
                app.UseResponseCompression();
                app.UseOutputCache();
            }

            app.MapFeed<Note>("/notes.atom", FeedFormat.Atom).CacheOutput();
        },
        services =>
        {
            services.AddOutputCache();
            services.AddResponseCompression(options => options.AddFeedMediaTypes());
        });
}
