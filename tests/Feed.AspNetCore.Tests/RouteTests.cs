using System.Net;
using Feed.AspNetCore.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Feed.AspNetCore.Tests;

/// <summary>
/// A feed links its documents (self, next, previous, first, last, archives) at the route it is mapped at, under the
/// request's PathBase, in every format; options that say otherwise are refused when the app starts. Real Kestrel.
/// </summary>
public sealed class RouteTests
{
    private const int Notes = 10; // 4 pages of 3

    public static TheoryData<FeedFormat, string> Routes()
    {
        var data = new TheoryData<FeedFormat, string>();
        // The feeds. An HTML page links its pages as the feeds do once HtmlPageUrlTemplate is ?page={page} (its default,
        // page/{page}/, is the static layout's): BlogHostTests walks the sample host's HTML listing by rel="next".
        foreach (FeedFormat format in Enum.GetValues<FeedFormat>().Where(f => f != FeedFormat.Html))
        {
            foreach (string route in new[] { "/feed.xml", "/rss", "/blog/atom" })
            {
                data.Add(format, route);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_document_links_to_the_route_the_feed_is_mapped_at(FeedFormat format, string route)
    {
        await using NotesApp app = await NotesApp.StartAsync(Notes, null, a => a.MapFeed<Note>(route, format));

        string[] ids = await WalkAsync(app, format, route, NotesApp.Site.TrimEnd('/') + route, expectedPages: 4);

        ids.Length.ShouldBe(Notes);
        ids.Distinct().Count().ShouldBe(Notes);
    }

    [Theory]
    [InlineData(FeedFormat.Rss)]
    [InlineData(FeedFormat.Atom)]
    [InlineData(FeedFormat.Json)]
    public async Task A_per_variant_route_links_each_variant_at_its_own_route(FeedFormat format)
    {
        await using NotesApp app = await NotesApp.StartAsync(Notes, null, a => a.MapFeed<Note>("/by/{tag}/feed", format, e => e.VariantRouteParameter = "tag"));

        string[] ids = await WalkAsync(app, format, "/by/odd/feed", NotesApp.Site + "by/odd/feed", expectedPages: 2);

        ids.Length.ShouldBe(5);
    }

    [Theory]
    [InlineData(FeedFormat.Rss)]
    [InlineData(FeedFormat.Atom)]
    [InlineData(FeedFormat.Json)]
    public async Task The_request_PathBase_is_part_of_every_link(FeedFormat format)
    {
        await using NotesApp app = await NotesApp.StartAsync(Notes, null, a =>
        {
            a.UsePathBase("/site");
            a.UseRouting();
            a.MapFeed<Note>("/rss", format);
        });

        string[] ids = await WalkAsync(app, format, "/site/rss", NotesApp.Site + "site/rss", expectedPages: 4);

        ids.Length.ShouldBe(Notes);
    }

    [Theory]
    [InlineData(FeedFormat.Rss)]
    [InlineData(FeedFormat.Json)]
    public async Task In_a_route_group_the_groups_prefix_is_part_of_every_link(FeedFormat format)
    {
        await using NotesApp app = await NotesApp.StartAsync(Notes, null, a =>
        {
            RouteGroupBuilder blog = a.MapGroup("/blog");
            blog.MapFeed<Note>("/feed", format);
            blog.MapFeed<Note>("/by/{tag}", format, e => e.VariantRouteParameter = "tag");
        });

        string[] all = await WalkAsync(app, format, "/blog/feed", NotesApp.Site + "blog/feed", expectedPages: 4);
        string[] odd = await WalkAsync(app, format, "/blog/by/odd", NotesApp.Site + "blog/by/odd", expectedPages: 2);

        all.Length.ShouldBe(Notes);
        odd.Length.ShouldBe(5);
    }

    [Theory]
    [InlineData(FeedFormat.Rss)]
    [InlineData(FeedFormat.Atom)]
    public async Task An_archived_feed_links_its_archives_at_its_route(FeedFormat format)
    {
        await using NotesApp app = await NotesApp.StartAsync(Notes, o => o.Archive = true, a => a.MapFeed<Note>("/blog/atom", format));
        string feed = NotesApp.Site + "blog/atom";

        using HttpResponseMessage current = await app.Client.GetAsync("/blog/atom");
        current.StatusCode.ShouldBe(HttpStatusCode.OK);
        FeedDocumentText subscription = FeedDocumentText.Read(format, await current.Content.ReadAsByteArrayAsync());
        subscription.Link("self").ShouldBe(feed);
        subscription.Link("prev-archive").ShouldBe(feed + "?archive=3"); // 10 notes: archives 1..3 of 3 are full

        using HttpResponseMessage archive = await app.Client.GetAsync("/blog/atom?archive=3");
        archive.StatusCode.ShouldBe(HttpStatusCode.OK);
        FeedDocumentText third = FeedDocumentText.Read(format, await archive.Content.ReadAsByteArrayAsync());
        third.Link("self").ShouldBe(feed + "?archive=3");
        third.Link("current").ShouldBe(feed);
        third.Link("prev-archive").ShouldBe(feed + "?archive=2");
    }

    [Fact]
    public async Task A_feed_url_in_the_options_that_is_not_the_route_is_refused_at_start_up_naming_both()
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(async () =>
        {
            await using NotesApp app = await NotesApp.StartAsync(
                Notes,
                o => o.RssUrl = new Uri("https://notes.example.net/feed.xml"),
                a => a.MapFeed<Note>("/rss", FeedFormat.Rss));
        });

        error.Message.ShouldContain("https://notes.example.net/feed.xml");
        error.Message.ShouldContain("\"/rss\"");
        error.Message.ShouldContain("RssUrl");
    }

    [Fact]
    public async Task A_page_url_template_the_endpoint_does_not_serve_is_refused_at_start_up_naming_both()
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(async () =>
        {
            await using NotesApp app = await NotesApp.StartAsync(
                Notes,
                o => o.AtomPageUrlTemplate = "atom/{page}.xml",
                a => a.MapFeed<Note>("/atom.xml", FeedFormat.Atom));
        });

        error.Message.ShouldContain("AtomPageUrlTemplate");
        error.Message.ShouldContain("https://notes.example.net/atom/2.xml");
        error.Message.ShouldContain("/atom.xml?page=2");
    }

    [Fact]
    public async Task A_feed_url_in_the_options_that_ends_with_the_route_is_kept_as_the_public_url()
    {
        // A proxy serves the app under /notes/ without telling it (no PathBase): the options say where readers find it.
        await using NotesApp app = await NotesApp.StartAsync(
            Notes,
            o => o.AtomUrl = new Uri("https://example.org/notes/atom.xml"),
            a => a.MapFeed<Note>("/atom.xml", FeedFormat.Atom));

        string[] ids = await WalkAsync(app, FeedFormat.Atom, "/atom.xml", "https://example.org/notes/atom.xml", expectedPages: 4);

        ids.Length.ShouldBe(Notes);
    }

    /// <summary>
    /// Walks <c>next</c> from page 1 at <paramref name="path"/>: every document's self link is its own URL under
    /// <paramref name="feedUrl"/>, first/last/previous agree, and every next link is served.
    /// </summary>
    private static async Task<string[]> WalkAsync(NotesApp app, FeedFormat format, string path, string feedUrl, int expectedPages)
    {
        var ids = new List<string>();
        string url = feedUrl;
        string requestPath = path;
        string? previous = null;
        for (int number = 1; ; number++)
        {
            number.ShouldBeLessThanOrEqualTo(expectedPages, "the next links must end");
            using HttpResponseMessage response = await app.Client.GetAsync(requestPath);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, requestPath);
            FeedDocumentText document = FeedDocumentText.Read(format, await response.Content.ReadAsByteArrayAsync());

            document.Link("self").ShouldBe(url, $"self of page {number} of {format} at {path}");
            if (format != FeedFormat.Json)
            {
                document.Link("first").ShouldBe(feedUrl);
                document.Link("last").ShouldBe(expectedPages == 1 ? feedUrl : $"{feedUrl}?page={expectedPages}");
                document.Link("previous").ShouldBe(previous);
            }

            ids.AddRange(document.Ids);
            string? next = document.Link("next");
            if (next is null)
            {
                number.ShouldBe(expectedPages);
                return [.. ids];
            }

            next.ShouldBe($"{feedUrl}?page={number + 1}");
            previous = url;
            url = next;
            requestPath = $"{path}?page={number + 1}";
        }
    }
}

/// <summary>What MapFeed refuses before anything is served, and the redirects that keep one URL per document.</summary>
public sealed class RouteRefusalTests
{
    [Theory]
    [InlineData("/feed/{page}.xml", null, "{page}")]
    [InlineData("/tags/{tag}/{other}.xml", "tag", "only parameter")]
    [InlineData("/tags/{tag?}/feed.xml", "tag", "not optional")]
    [InlineData("/tags/{**tag}", "tag", "not optional, not a catch-all")]
    [InlineData("/tags/{tag=dotnet}/feed.xml", "tag", "without a default")]
    [InlineData("/feed.xml", "tag", "only parameter")]
    public async Task A_route_parameter_the_feed_gives_no_meaning_is_refused_at_mapping(string pattern, string? variant, string message)
    {
        var error = await Should.ThrowAsync<ArgumentException>(async () =>
        {
            await using NotesApp app = await NotesApp.StartAsync(3, null, a => a.MapFeed<Note>(pattern, FeedFormat.Atom, e => e.VariantRouteParameter = variant));
        });

        error.Message.ShouldContain(message);
        error.Message.ShouldContain(pattern);
    }

    [Fact]
    public async Task A_feed_that_is_not_registered_is_refused_at_mapping_naming_the_registration()
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(async () =>
        {
            await using NotesApp app = await NotesApp.StartAsync(3, null, a => a.MapFeed<Note>("/feed.xml", FeedFormat.Rss, e => e.ServiceKey = "other"));
        });

        error.Message.ShouldContain("AddKeyedFeed<Note>(\"other\", map)");
    }

    [Fact]
    public async Task A_variant_whose_ConfigureVariant_moves_its_url_is_a_server_error_not_a_wrong_link()
    {
        await using NotesApp app = await NotesApp.StartAsync(10, null, a => a.MapFeed<Note>("/by/{tag}.atom", FeedFormat.Atom, e =>
        {
            e.VariantRouteParameter = "tag";
            e.ConfigureVariant = (options, tag) => options.AtomUrl = new Uri($"https://notes.example.net/elsewhere/{tag}.atom");
        }));

        using HttpResponseMessage response = await app.Client.GetAsync("/by/odd.atom");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/by/ODD/feed", "https://notes.example.net/by/odd/feed")]
    [InlineData("/by/Odd/feed?page=2", "https://notes.example.net/by/odd/feed?page=2")]
    [InlineData("/by/%EF%BD%8F%EF%BD%84%EF%BD%84/feed", "https://notes.example.net/by/odd/feed")] // full-width ｏｄｄ
    [InlineData("/by/%20odd%20/feed", "https://notes.example.net/by/odd/feed")]
    [InlineData("/by/o%C2%ADdd/feed", "https://notes.example.net/by/odd/feed")] // a soft hyphen inside
    [InlineData("/by/odd/feed?page=1", "https://notes.example.net/by/odd/feed")]
    [InlineData("/by/No-Such-Tag/feed", "https://notes.example.net/by/no-such-tag/feed")] // redirected, then 404
    [InlineData("/feed.xml?page=1&utm_source=x", "https://notes.example.net/feed.xml")]
    public async Task Another_spelling_of_a_document_is_a_permanent_redirect_to_its_one_url(string path, string location)
    {
        await using NotesApp app = await NotesApp.StartAsync(10, null, a =>
        {
            a.MapFeed<Note>("/by/{tag}/feed", FeedFormat.Atom, e => e.VariantRouteParameter = "tag");
            a.MapFeed<Note>("/feed.xml", FeedFormat.Rss);
        });

        using HttpResponseMessage response = await app.Client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        response.Headers.Location!.AbsoluteUri.ShouldBe(location);
        app.Source.Queries.ShouldBeEmpty("the page source sees only the one spelling");
    }

    [Fact]
    public async Task An_unknown_variant_is_404_and_a_known_one_is_asked_for_by_its_normalized_value()
    {
        await using NotesApp app = await NotesApp.StartAsync(10, null, a => a.MapFeed<Note>("/by/{tag}/feed", FeedFormat.Atom, e => e.VariantRouteParameter = "tag"));

        using HttpResponseMessage unknown = await app.Client.GetAsync("/by/no-such-tag/feed");
        using HttpResponseMessage known = await app.Client.GetAsync("/by/even/feed");

        using HttpResponseMessage slash = await app.Client.GetAsync("/by/a%EF%BC%8Fb/feed"); // a／b: normalized, a/b
        using HttpResponseMessage blank = await app.Client.GetAsync("/by/%C2%AD%E2%80%8B/feed"); // nothing but ignorables

        slash.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        blank.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        known.StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Source.Queries.Select(q => q.Variant).ShouldBe(["no-such-tag", "even"]);
    }
}
