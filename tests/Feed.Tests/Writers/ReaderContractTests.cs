using System.Xml.Linq;
using Feed.Tests.Support;

namespace Feed.Tests.Writers;

/// <summary>
/// What every reader must be shown the same way in every format: titles as text, the same author fallback, no bidi
/// controls in plain text, only http(s) URLs, and one entry per id.
/// </summary>
public sealed class ReaderContractTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    private static string Write(FeedGenerator generator, FeedFormat format, params FeedPost[] posts)
    {
        generator.Paging.TryGetPage(1, posts.Length, out FeedPage? page).ShouldBeTrue();
        return generator.WriteToString(generator.CreateDocument(format, page, [.. posts.Select(generator.CreateEntry)]));
    }

    [Theory]
    [InlineData("Generic <T> & \"quotes\" in R&D")]
    [InlineData("Q&A with AT&T")]
    [InlineData("&amp; is how you write &")]
    [InlineData("Closing </b> tags")]
    public void Every_atom_text_construct_is_type_text_holding_the_text_as_is(string title)
    {
        FeedOptions options = TestData.Options();
        options.Title = title;
        options.Description = title;
        options.Copyright = title;
        var generator = new FeedGenerator(options);

        XDocument atom = XDocument.Parse(Write(generator, FeedFormat.Atom, TestData.Post(1) with { Title = title }));

        XElement feed = atom.Root!;
        foreach (XElement construct in new[] { feed.Element(Atom + "title")!, feed.Element(Atom + "subtitle")!, feed.Element(Atom + "rights")!, feed.Element(Atom + "entry")!.Element(Atom + "title")! })
        {
            construct.Attribute("type")!.Value.ShouldBe("text");
            construct.Value.ShouldBe(title);
        }

        feed.Element(Atom + "entry")!.Element(Atom + "summary")!.Attribute("type")!.Value.ShouldBe("text");
        feed.Element(Atom + "entry")!.Element(Atom + "content")!.Attribute("type")!.Value.ShouldBe("html");
    }

    [Fact]
    public void A_variant_credits_entries_without_authors_to_its_feed_never_to_its_own_title()
    {
        FeedOptions options = TestData.Options();
        options.Authors = [];
        var site = new FeedGenerator(options);
        FeedGenerator tag = site.CreateVariant(o => o.Title = "Example Blog (tag: news)");
        var renderer = new FeedRenderer<FeedPost>(site, post => post).CreateVariant(o => o.Title = "Example Blog: news");

        foreach (FeedGenerator generator in new[] { site, tag, renderer.Generator })
        {
            XDocument rss = XDocument.Parse(Write(generator, FeedFormat.Rss, TestData.Post(1)));
            rss.Descendants("item").Single().Element(Dc + "creator")!.Value.ShouldBe("Example Blog");
            XDocument atom = XDocument.Parse(Write(generator, FeedFormat.Atom, TestData.Post(1)));
            atom.Root!.Element(Atom + "entry")!.Element(Atom + "author")!.Element(Atom + "name")!.Value.ShouldBe("Example Blog");
            atom.Root!.Element(Atom + "author")!.Element(Atom + "name")!.Value.ShouldBe("Example Blog");
            string json = Write(generator, FeedFormat.Json, TestData.Post(1));
            System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("items")[0].GetProperty("authors")[0].GetProperty("name").GetString().ShouldBe("Example Blog");
        }

        tag.Fingerprint.ShouldNotBe(new FeedGenerator(tag.Options).Fingerprint); // the credited name is part of what it writes
    }

    [Fact]
    public void Json_items_name_the_feed_authors_when_the_post_has_none()
    {
        var generator = new FeedGenerator(TestData.Options());
        using var json = System.Text.Json.JsonDocument.Parse(Write(generator, FeedFormat.Json, TestData.Post(1)));

        json.RootElement.GetProperty("items")[0].GetProperty("authors")[0].GetProperty("name").GetString().ShouldBe("Ann Example");
        json.RootElement.GetProperty("authors")[0].GetProperty("name").GetString().ShouldBe("Ann Example");
    }

    [Fact]
    public void Rss_names_every_author_of_an_item_in_one_dc_creator()
    {
        var generator = new FeedGenerator(TestData.Options());
        FeedPost post = TestData.Post(1) with { Authors = [new FeedAuthor("Ada Lin"), new FeedAuthor("Bo Chen") { Email = "bo@example.com" }] };

        XDocument rss = XDocument.Parse(Write(generator, FeedFormat.Rss, post));

        rss.Descendants("item").Single().Elements(Dc + "creator").Select(e => e.Value).ShouldBe(["Ada Lin, Bo Chen"]);
    }

    [Fact]
    public void Bidi_controls_are_removed_from_every_plain_text_field_and_kept_in_content()
    {
        const string Rlo = "\u202E", Lri = "\u2066", Pdi = "\u2069", Rle = "\u202B";
        FeedOptions options = TestData.Options();
        options.Title = "Blog" + Rlo;
        options.Description = Rle + "About";
        options.Authors = [new FeedAuthor(Rlo + "Ann")];
        var generator = new FeedGenerator(options);
        FeedPost post = TestData.Post(1) with
        {
            Title = "Invoice " + Rlo + "gnp.exe",
            Categories = [Lri + "tag" + Pdi],
            Authors = [new FeedAuthor("Eve" + Rlo)],
            Summary = "A " + Rlo + "summary",
            Body = "<p dir=\"rtl\">" + Rlo + "kept</p>",
            BodyFormat = PostBodyFormat.Html,
        };

        FeedEntry entry = generator.CreateEntry(post);
        entry.Title.ShouldBe("Invoice gnp.exe");
        entry.Categories.ShouldBe(["tag"]);
        entry.Authors.Single().Name.ShouldBe("Eve");
        entry.Excerpt.Text.ShouldBe("A summary");
        entry.ContentHtml!.ShouldContain(Rlo); // content HTML is the sanitizer's: right-to-left text may need it

        foreach (FeedFormat format in Enum.GetValues<FeedFormat>())
        {
            string written = Write(generator, format, post);
            written.Count(c => c == '\u202E').ShouldBeLessThanOrEqualTo(1, format.ToString()); // the content's own, at most
            written.ShouldNotContain(Rle);
            written.ShouldNotContain(Lri);
        }
    }

    [Theory]
    [InlineData("javascript:alert(1)//x/")]
    [InlineData("data:text/html,<b>x</b>")]
    [InlineData("ftp://example.com/post/")]
    public void A_post_url_that_is_not_http_is_refused_naming_the_post(string url)
    {
        var generator = new FeedGenerator(TestData.Options());

        ArgumentException error = Should.Throw<ArgumentException>(() => generator.CreateEntry(TestData.Post(1) with { Url = new Uri(url) }));

        error.Message.ShouldContain("Url must be an http or https URL");
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/plain,x")]
    public void An_author_uri_that_is_not_http_is_refused_in_a_post_and_in_the_options(string uri)
    {
        var generator = new FeedGenerator(TestData.Options());
        Should.Throw<ArgumentException>(() => generator.CreateEntry(TestData.Post(1) with { Authors = [new FeedAuthor("A") { Uri = new Uri(uri) }] }))
            .Message.ShouldContain("Authors[0].Uri must be an absolute http or https URL");

        FeedOptions options = TestData.Options();
        options.Authors = [new FeedAuthor("A") { Uri = new Uri(uri) }];
        Should.Throw<FeedOptionsException>(() => new FeedGenerator(options)).Errors.Single().MemberNames.ShouldBe(["Authors[0].Uri"]);
    }

    [Theory]
    [InlineData("Icon")]
    [InlineData("Logo")]
    [InlineData("Hub")]
    [InlineData("SiteUrl")]
    public void A_feed_url_that_is_not_http_is_refused_naming_the_property(string property)
    {
        FeedOptions options = TestData.Options();
        typeof(FeedOptions).GetProperty(property)!.SetValue(options, new Uri("javascript:alert(1)"));

        FeedOptionsException error = Should.Throw<FeedOptionsException>(() => new FeedGenerator(options));

        error.Errors.ShouldContain(e => e.MemberNames.Single() == property && e.ErrorMessage!.StartsWith(property + " must be an absolute http or https URL", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_posts_with_one_id_in_a_document_are_an_error_naming_both()
    {
        var generator = new FeedGenerator(TestData.Options());
        FeedEntry a = generator.CreateEntry(TestData.Post(1) with { Id = "urn:x", Title = "First" });
        FeedEntry b = generator.CreateEntry(TestData.Post(2) with { Id = "urn:x", Title = "Second" });
        generator.Paging.TryGetPage(1, 2, out FeedPage? page).ShouldBeTrue();

        ArgumentException error = Should.Throw<ArgumentException>(() => generator.CreateDocument(FeedFormat.Rss, page, [a, b]));

        error.Message.ShouldContain("\"urn:x\"");
        error.Message.ShouldContain("\"First\" (https://example.com/blog/posts/1/)");
        error.Message.ShouldContain("\"Second\" (https://example.com/blog/posts/2/)");
    }
}
