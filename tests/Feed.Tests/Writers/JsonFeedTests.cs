using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Feed.Tests.Support;

namespace Feed.Tests.Writers;

/// <summary>JSON Feed 1.1 documents: the spec's rules (<see cref="JsonFeedRules"/>), paging by <c>next_url</c>, and their texts.</summary>
public sealed class JsonFeedTests
{
    [Fact]
    public async Task Every_golden_json_document_keeps_the_json_feed_rules()
    {
        int checkedDocuments = 0;
        foreach (string name in GoldenFiles.CaseNames())
        {
            foreach ((string file, FeedDocument document, byte[] bytes) in await GoldenFiles.WriteAllAsync(name))
            {
                if (document.Format != FeedFormat.Json)
                {
                    continue;
                }

                JsonFeedRules.Check(bytes).ShouldBeEmpty($"{name}/{file}");
                checkedDocuments++;
            }
        }

        checkedDocuments.ShouldBeGreaterThan(GoldenFiles.CaseNames().Length); // every case, and the paged ones' pages
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(9, 3)]
    [InlineData(23, 5)]
    [InlineData(10, 10)]
    public async Task Following_next_url_from_page_1_sees_every_post_once_newest_first(int count, int pageSize)
    {
        var generator = new FeedGenerator(TestData.Options(pageSize));
        FeedPost[] posts = TestData.Posts(count);
        var byUrl = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (FeedDocument document in generator.CreateDocuments(FeedFormat.Json, posts))
        {
            using var stream = new MemoryStream();
            await generator.WriteAsync(document, stream);
            byUrl.Add(generator.Paging.GetUrl(FeedFormat.Json, document.Page).AbsoluteUri, stream.ToArray());
        }

        var seen = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        string? url = new Uri(TestData.Site, "feed.json").AbsoluteUri;
        while (url is not null)
        {
            visited.Add(url).ShouldBeTrue($"next_url leads back to {url}");
            byUrl.TryGetValue(url, out byte[]? bytes).ShouldBeTrue($"next_url {url} is not a document of the feed");
            JsonFeedRules.Check(bytes!).ShouldBeEmpty(url);
            using JsonDocument json = JsonDocument.Parse(bytes);
            json.RootElement.GetProperty("feed_url").GetString().ShouldBe(url);
            seen.AddRange(json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            url = json.RootElement.TryGetProperty("next_url", out JsonElement next) ? next.GetString() : null;
        }

        visited.Count.ShouldBe(byUrl.Count, "every page is reached from page 1");
        seen.ShouldBe([.. posts.Reverse().Select(p => p.Url.AbsoluteUri)]);
    }

    [Fact]
    public async Task Pages_and_archives_of_an_archived_feed_keep_the_rules_and_the_subscription_document_has_no_next_url()
    {
        var generator = new FeedGenerator(TestData.Options(pageSize: 3, archive: true));
        IReadOnlyList<FeedDocument> documents = generator.CreateDocuments(FeedFormat.Json, TestData.Posts(8));
        documents.Count.ShouldBe(3);
        foreach (FeedDocument document in documents)
        {
            using var stream = new MemoryStream();
            await generator.WriteAsync(document, stream);
            JsonFeedRules.Check(stream.ToArray()).ShouldBeEmpty();
            using JsonDocument json = JsonDocument.Parse(stream.ToArray());
            json.RootElement.TryGetProperty("next_url", out _).ShouldBeFalse("RFC 5005 archive links have no JSON Feed field");
        }
    }

    [Fact]
    public void An_item_carries_the_excerpt_as_summary_and_the_content_as_html_or_else_the_excerpt_as_text()
    {
        FeedPost post = TestData.Post(1) with
        {
            Categories = ["feeds", "c#"],
            Language = "de",
            Updated = TestData.Start.AddDays(2),
            Authors = [new FeedAuthor("Bob") { Email = "bob@example.com", Uri = new Uri("https://example.com/bob/") }],
        };
        JsonElement full = Item(TestData.Options(), post);
        full.GetProperty("id").GetString().ShouldBe("https://example.com/blog/posts/1/");
        full.GetProperty("url").GetString().ShouldBe("https://example.com/blog/posts/1/");
        full.GetProperty("title").GetString().ShouldBe("Post 1");
        full.GetProperty("summary").GetString().ShouldBe("Body of post 1, with emphasis.");
        full.GetProperty("content_html").GetString().ShouldBe("<p>Body of post 1, with <em>emphasis</em>.</p>\n");
        full.TryGetProperty("content_text", out _).ShouldBeFalse();
        full.GetProperty("date_published").GetString().ShouldBe("2024-03-01T10:30:00Z");
        full.GetProperty("date_modified").GetString().ShouldBe("2024-03-03T09:30:00Z");
        full.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["feeds", "c#"]);
        full.GetProperty("language").GetString().ShouldBe("de");
        JsonElement author = full.GetProperty("authors").EnumerateArray().Single();
        author.GetProperty("name").GetString().ShouldBe("Bob");
        author.GetProperty("url").GetString().ShouldBe("https://example.com/bob/");
        author.TryGetProperty("email", out _).ShouldBeFalse("JSON Feed has no e-mail field");

        FeedOptions excerptOnly = TestData.Options();
        excerptOnly.FullContent = false;
        JsonElement brief = Item(excerptOnly, TestData.Post(1));
        brief.TryGetProperty("content_html", out _).ShouldBeFalse();
        brief.GetProperty("content_text").GetString().ShouldBe("Body of post 1, with emphasis.");
        brief.GetProperty("authors").EnumerateArray().Single().GetProperty("name").GetString().ShouldBe("Ann Example", "the feed's author stands in");
    }

    [Fact]
    public void The_document_is_utf8_without_bom_with_the_spec_fields_in_a_fixed_order_and_readable_text()
    {
        FeedOptions options = TestData.Options(pageSize: 1);
        options.Icon = new Uri("https://example.com/icon.png");
        var generator = new FeedGenerator(options);
        FeedPost post = TestData.Post(1) with { Title = "Fish & <chips> 静态 😀 \"q\" \\" };
        string text = generator.WriteToString(generator.CreatePage(FeedFormat.Json, [post, TestData.Post(0)], 1));

        text.ShouldStartWith("{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n  \"title\": \"Example Blog\",\n  \"home_page_url\": \"https://example.com/blog/\",\n  \"feed_url\": \"https://example.com/blog/feed.json\",\n  \"description\": \"Posts from the example blog.\",\n  \"next_url\": \"https://example.com/blog/feed.json?page=2\",\n  \"favicon\": \"https://example.com/icon.png\",\n  \"authors\": [");
        text.ShouldEndWith("}\n");
        text.ShouldContain("\"title\": \"Fish & <chips> 静态"); // not \u003C: the document is never inlined in HTML
        text.ShouldNotContain("\r");
        JsonDocument.Parse(text).RootElement.GetProperty("items")[0].GetProperty("title").GetString().ShouldBe(post.Title);
    }

    [Fact]
    public void Forbidden_characters_are_removed_and_the_document_stays_valid()
    {
        FeedPost hostile = TestData.Post(1) with
        {
            Title = "A\u0001B\uFFFEC \uD800 😀",
            Authors = [new FeedAuthor("N\u0002ame")],
            Categories = ["c\u0003at", "  ", "c\u0003at"],
            Body = "Body\u0007 text ]]> <b>x</b>",
        };
        var generator = new FeedGenerator(TestData.Options());
        byte[] bytes = Encoding.UTF8.GetBytes(generator.WriteToString(generator.CreatePage(FeedFormat.Json, [hostile], 1)));
        JsonFeedRules.Check(bytes).ShouldBeEmpty();
        JsonElement item = JsonDocument.Parse(bytes).RootElement.GetProperty("items")[0];
        item.GetProperty("title").GetString().ShouldBe("ABC  😀");
        item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["cat"]);
        item.GetProperty("authors")[0].GetProperty("name").GetString().ShouldBe("Name");
    }

    [Fact]
    public void Json_has_its_own_urls_and_content_type()
    {
        FeedOptions options = TestData.Options(pageSize: 1);
        options.JsonUrl = new Uri("https://example.com/blog/tags/x/feed.json");
        var generator = new FeedGenerator(options);
        generator.Paging.TryGetPage(2, 3, out FeedPage? page).ShouldBeTrue();
        generator.Paging.GetUrl(FeedFormat.Json, page!).AbsoluteUri.ShouldBe("https://example.com/blog/tags/x/feed.json?page=2");
        FeedMediaTypes.GetContentType(FeedFormat.Json).ShouldBe("application/feed+json; charset=utf-8");

        options.JsonUrl = new Uri("ftp://example.com/feed.json");
        Should.Throw<FeedOptionsException>(() => new FeedGenerator(options)).Message.ShouldContain("JsonUrl");
    }

    [Fact]
    public void A_hub_is_announced_in_every_format()
    {
        FeedOptions options = TestData.Options(pageSize: 1);
        options.Hub = new Uri("https://hub.example.com/");
        var generator = new FeedGenerator(options);
        FeedPost[] posts = TestData.Posts(2);
        foreach (int number in new[] { 1, 2 })
        {
            XNamespace atom = "http://www.w3.org/2005/Atom";
            XDocument rss = XDocument.Parse(generator.WriteToString(generator.CreatePage(FeedFormat.Rss, posts, number)));
            XElement rssHub = rss.Root!.Element("channel")!.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "hub");
            rssHub.Attribute("href")!.Value.ShouldBe("https://hub.example.com/");
            rssHub.Attribute("type").ShouldBeNull();

            XDocument feed = XDocument.Parse(generator.WriteToString(generator.CreatePage(FeedFormat.Atom, posts, number)));
            feed.Root!.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "hub").Attribute("href")!.Value.ShouldBe("https://hub.example.com/");

            using JsonDocument json = JsonDocument.Parse(generator.WriteToString(generator.CreatePage(FeedFormat.Json, posts, number)));
            JsonElement hub = json.RootElement.GetProperty("hubs").EnumerateArray().Single();
            hub.GetProperty("type").GetString().ShouldBe("WebSub");
            hub.GetProperty("url").GetString().ShouldBe("https://hub.example.com/");
        }

        options.Hub = new Uri("/hub", UriKind.Relative);
        Should.Throw<FeedOptionsException>(() => new FeedGenerator(options)).Message.ShouldContain("Hub");
    }

    private static JsonElement Item(FeedOptions options, FeedPost post)
    {
        var generator = new FeedGenerator(options);
        using JsonDocument json = JsonDocument.Parse(generator.WriteToString(generator.CreatePage(FeedFormat.Json, [post], 1)));
        return json.RootElement.GetProperty("items")[0].Clone();
    }
}
