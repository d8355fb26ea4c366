using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Feed.Tests.Support;
using Feed.Writers;

namespace Feed.Tests.Writers;

/// <summary>The output rules of the writers: encoding, namespaces, dates, identities, authors.</summary>
public sealed class XmlShapeTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Fh = "http://purl.org/syndication/history/1.0";

    private static (FeedGenerator Generator, FeedDocument Document) Page(FeedFormat format, FeedOptions options, IEnumerable<FeedPost> posts, int number = 1)
    {
        var generator = new FeedGenerator(options);
        return (generator, generator.CreatePage(format, posts, number));
    }

    private static string Write(FeedFormat format, FeedOptions options, IEnumerable<FeedPost> posts, int number = 1)
    {
        (FeedGenerator generator, FeedDocument document) = Page(format, options, posts, number);
        return generator.WriteToString(document);
    }

    [Theory]
    [InlineData(FeedFormat.Rss)]
    [InlineData(FeedFormat.Atom)]
    public async Task Bytes_are_utf8_without_bom_declared_utf8_with_lf_and_two_space_indent(FeedFormat format)
    {
        (FeedGenerator generator, FeedDocument document) = Page(format, TestData.Options(), TestData.Posts(2));
        using var stream = new MemoryStream();
        await generator.WriteAsync(document, stream);
        byte[] bytes = stream.ToArray();

        bytes.AsSpan(0, 3).SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }).ShouldBeFalse("no byte-order mark");
        string text = new UTF8Encoding(false, true).GetString(bytes);
        text.ShouldStartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<");
        text.ShouldNotContain("\r");
        text.ShouldEndWith(">\n");
        text.ShouldContain("\n  <");
        text.ShouldNotContain("\t");
        text.ShouldBe(generator.WriteToString(document), "WriteToString gives the same text as WriteAsync");
    }

    [Fact]
    public async Task The_stream_is_left_open_and_cancellation_is_honoured()
    {
        (FeedGenerator generator, FeedDocument document) = Page(FeedFormat.Rss, TestData.Options(), TestData.Posts(1));
        using var stream = new MemoryStream();
        await generator.WriteAsync(document, stream);
        stream.CanWrite.ShouldBeTrue();

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var other = new MemoryStream();
        await Should.ThrowAsync<OperationCanceledException>(() => generator.WriteAsync(document, other, cancelled.Token));
        other.Length.ShouldBe(0);
    }

    [Fact]
    public void Indent_off_writes_no_line_breaks_of_its_own()
    {
        FeedOptions options = TestData.Options();
        options.Indent = false;
        options.FullContent = false; // rendered HTML has line ends of its own
        string text = Write(FeedFormat.Atom, options, TestData.Posts(2));
        text.TrimEnd('\n').Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public void Rss_declares_every_namespace_once_on_the_root_with_conventional_prefixes()
    {
        FeedPost named = TestData.Post(1) with { Authors = [new FeedAuthor("Name Only")] };
        string text = Write(FeedFormat.Rss, TestData.Options(), [named]);

        text.ShouldNotContain("a10");
        text.ShouldContain("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:fh=\"http://purl.org/syndication/history/1.0\">");
        CountOf(text, "xmlns").ShouldBe(4);
        text.ShouldContain("<atom:link rel=\"self\" type=\"application/rss+xml\" href=\"https://example.com/blog/feed.xml\" />");
        text.ShouldContain("<content:encoded>");
        text.ShouldContain("<dc:creator>Name Only</dc:creator>");
        text.ShouldContain("<fh:complete />");
    }

    [Fact]
    public void Unused_namespaces_are_not_declared()
    {
        FeedOptions options = TestData.Options(pageSize: 1);
        options.FullContent = false;
        string rss = Write(FeedFormat.Rss, options, TestData.Posts(2));
        rss.ShouldContain("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">");
        CountOf(rss, "xmlns").ShouldBe(2); // dc: every item names its author

        Write(FeedFormat.Rss, options, []).ShouldNotContain("xmlns:dc", customMessage: "no items, an e-mail author: no dc:creator anywhere");

        string atom = Write(FeedFormat.Atom, options, TestData.Posts(2));
        atom.ShouldContain("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">");
        CountOf(atom, "xmlns").ShouldBe(1);
    }

    [Fact]
    public void Rss_dates_are_rfc822_with_four_digit_years_and_numeric_zones()
    {
        FeedPost utc = TestData.Post(1) with { Published = new DateTimeOffset(2025, 3, 2, 13, 15, 0, TimeSpan.Zero) };
        FeedPost china = TestData.Post(2) with { Published = new DateTimeOffset(2025, 3, 9, 8, 5, 9, TimeSpan.FromHours(8)) };
        XDocument rss = XDocument.Parse(Write(FeedFormat.Rss, TestData.Options(), [utc, china]));

        rss.Descendants("pubDate").Select(e => e.Value).ShouldBe(["Sun, 09 Mar 2025 08:05:09 +0800", "Sun, 02 Mar 2025 13:15:00 +0000"]);
        rss.Descendants("lastBuildDate").Single().Value.ShouldBe("Sun, 09 Mar 2025 08:05:09 +0800");
    }

    [Fact]
    public void Atom_dates_are_rfc3339_and_the_feed_date_is_the_newest_entry_update()
    {
        FeedPost updated = TestData.Post(1) with { Updated = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero) };
        FeedPost china = TestData.Post(2) with { Published = new DateTimeOffset(2024, 12, 9, 8, 5, 9, TimeSpan.FromHours(8)) };
        XDocument atom = XDocument.Parse(Write(FeedFormat.Atom, TestData.Options(), [updated, china]));

        atom.Root!.Element(Atom + "updated")!.Value.ShouldBe("2025-01-02T03:04:05Z");
        atom.Descendants(Atom + "published").Select(e => e.Value).ShouldBe(["2024-12-09T08:05:09+08:00", "2024-03-01T10:30:00Z"]);
        atom.Descendants(Atom + "entry").Select(e => e.Element(Atom + "updated")!.Value).ShouldBe(["2024-12-09T08:05:09+08:00", "2025-01-02T03:04:05Z"]);
    }

    [Fact]
    public void An_empty_feed_is_deterministic_and_dated_by_the_option_when_given()
    {
        var generator = new FeedGenerator(TestData.Options());
        FeedDocument rss = generator.CreatePage(FeedFormat.Rss, [], 1);
        FeedDocument atom = generator.CreatePage(FeedFormat.Atom, [], 1);

        rss.Updated.ShouldBe(DateTimeOffset.UnixEpoch);
        generator.WriteToString(rss).ShouldNotContain("lastBuildDate");
        generator.WriteToString(atom).ShouldContain("<updated>1970-01-01T00:00:00Z</updated>");
        generator.WriteToString(atom).ShouldContain("<fh:complete />");

        FeedOptions options = TestData.Options();
        options.EmptyFeedUpdated = new DateTimeOffset(2020, 5, 6, 7, 8, 9, TimeSpan.Zero);
        var dated = new FeedGenerator(options);
        dated.WriteToString(dated.CreatePage(FeedFormat.Rss, [], 1)).ShouldContain("<lastBuildDate>Wed, 06 May 2020 07:08:09 +0000</lastBuildDate>");
        dated.WriteToString(dated.CreatePage(FeedFormat.Atom, [], 1)).ShouldContain("<updated>2020-05-06T07:08:09Z</updated>");
    }

    [Fact]
    public void Ids_and_updated_are_never_invented()
    {
        FeedPost tagged = TestData.Post(1) with { Id = "tag:example.com,2024-03-01:/posts/1/" };
        string first = Write(FeedFormat.Atom, TestData.Options(), [tagged, TestData.Post(2)]);
        string second = Write(FeedFormat.Atom, TestData.Options(), [TestData.Post(2), tagged]);

        first.ShouldBe(second);
        first.ShouldNotContain("uuid:");
        XDocument atom = XDocument.Parse(first);
        atom.Root!.Element(Atom + "id")!.Value.ShouldBe("https://example.com/blog/atom.xml");
        atom.Descendants(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value)
            .ShouldBe(["https://example.com/blog/posts/2/", "tag:example.com,2024-03-01:/posts/1/"]);
    }

    [Fact]
    public void A_guid_that_is_not_the_url_is_not_a_permalink()
    {
        FeedPost tagged = TestData.Post(1) with { Id = "tag:example.com,2024-03-01:/posts/1/" };
        XDocument rss = XDocument.Parse(Write(FeedFormat.Rss, TestData.Options(), [tagged, TestData.Post(2)]));

        XElement[] guids = [.. rss.Descendants("guid")];
        guids[0].Value.ShouldBe("https://example.com/blog/posts/2/");
        guids[0].Attribute("isPermaLink")!.Value.ShouldBe("true");
        guids[1].Value.ShouldBe("tag:example.com,2024-03-01:/posts/1/");
        guids[1].Attribute("isPermaLink")!.Value.ShouldBe("false");
    }

    [Fact]
    public void Every_rss_item_names_its_authors_in_dc_creator_its_own_else_the_feeds()
    {
        FeedPost emailed = TestData.Post(4) with { Authors = [new FeedAuthor("Ann") { Email = "ann@example.com" }] };
        FeedPost named = TestData.Post(3) with { Authors = [new FeedAuthor("Bob")] };
        FeedPost several = TestData.Post(2) with { Authors = [new FeedAuthor("Cy") { Email = "cy@example.com" }, new FeedAuthor("Di")] };
        FeedPost none = TestData.Post(1) with { Authors = [] };
        XElement[] items = [.. XDocument.Parse(Write(FeedFormat.Rss, TestData.Options(), [emailed, named, several, none])).Descendants("item")];

        // Never <author>: it holds one e-mail address, shown raw by newsboat; both elements draw a validator warning.
        items.ShouldAllBe(item => item.Element("author") == null);
        items.Select(item => string.Join(", ", item.Elements(Dc + "creator").Select(e => e.Value)))
            .ShouldBe(["Ann", "Bob", "Cy, Di", "Ann Example"]);

        FeedOptions anonymous = TestData.Options();
        anonymous.Authors = [];
        XDocument.Parse(Write(FeedFormat.Rss, anonymous, [none])).Descendants("item").Single().Element(Dc + "creator")!.Value
            .ShouldBe(anonymous.Title, "without any author the feed's title stands for its publisher, as in Atom");
    }

    [Fact]
    public void Every_atom_entry_names_its_authors_its_own_else_the_feeds()
    {
        FeedPost several = TestData.Post(2) with { Authors = [new FeedAuthor("Cy") { Email = "cy@example.com" }, new FeedAuthor("Di")] };
        FeedPost none = TestData.Post(1) with { Authors = [] };
        XElement[] entries = [.. XDocument.Parse(Write(FeedFormat.Atom, TestData.Options(), [several, none])).Descendants(Atom + "entry")];

        entries.Select(e => string.Join(", ", e.Elements(Atom + "author").Select(a => a.Element(Atom + "name")!.Value)))
            .ShouldBe(["Cy, Di", "Ann Example"]);
        entries[0].Elements(Atom + "author").First().Element(Atom + "email")!.Value.ShouldBe("cy@example.com");
        entries[1].Element(Atom + "author")!.Element(Atom + "email")!.Value.ShouldBe("ann@example.com");
    }

    [Fact]
    public void Rss_channel_has_a_managing_editor_only_with_an_email()
    {
        XDocument rss = XDocument.Parse(Write(FeedFormat.Rss, TestData.Options(), TestData.Posts(1)));
        rss.Descendants("managingEditor").Single().Value.ShouldBe("ann@example.com (Ann Example)");

        FeedOptions options = TestData.Options();
        options.Authors = [new FeedAuthor("Only A Name")];
        XDocument named = XDocument.Parse(Write(FeedFormat.Rss, options, TestData.Posts(1)));
        named.Descendants("managingEditor").ShouldBeEmpty();
        named.Root!.Element("channel")!.Element(Dc + "creator")!.Value.ShouldBe("Only A Name");
    }

    [Fact]
    public void Atom_always_has_a_feed_author()
    {
        FeedOptions options = TestData.Options();
        options.Authors.Clear();
        XDocument atom = XDocument.Parse(Write(FeedFormat.Atom, options, TestData.Posts(1)));
        atom.Root!.Element(Atom + "author")!.Element(Atom + "name")!.Value.ShouldBe("Example Blog");
    }

    [Fact]
    public void Excerpt_and_content_go_where_the_formats_expect_them()
    {
        FeedPost post = TestData.Post(1) with { Body = "Fish & chips < 5 **now**" };
        XDocument rss = XDocument.Parse(Write(FeedFormat.Rss, TestData.Options(), [post]));
        XElement item = rss.Descendants("item").Single();
        // RSS description is HTML: the plain-text excerpt is HTML-escaped inside it.
        item.Element("description")!.Value.ShouldContain("Fish &amp; chips &lt; 5");
        item.Element(Content + "encoded")!.Value.ShouldContain("<strong>now</strong>");

        XDocument atom = XDocument.Parse(Write(FeedFormat.Atom, TestData.Options(), [post]));
        XElement entry = atom.Descendants(Atom + "entry").Single();
        entry.Element(Atom + "summary")!.Attribute("type")!.Value.ShouldBe("text");
        entry.Element(Atom + "summary")!.Value.ShouldContain("Fish & chips < 5");
        entry.Element(Atom + "content")!.Attribute("type")!.Value.ShouldBe("html");
        entry.Element(Atom + "content")!.Value.ShouldContain("<strong>now</strong>");
    }

    [Fact]
    public void A_post_without_text_has_no_empty_description_or_summary()
    {
        FeedPost picture = TestData.Post(1) with { Body = "![](a.png)" };
        XElement item = XDocument.Parse(Write(FeedFormat.Rss, TestData.Options(), [picture])).Descendants("item").Single();
        item.Element("description")!.Value.ShouldBe(picture.Title, "the W3C validator wants a description before content:encoded");
        item.Element(Content + "encoded")!.Value.ShouldContain("https://example.com/blog/posts/1/a.png");
        XElement entry = XDocument.Parse(Write(FeedFormat.Atom, TestData.Options(), [picture])).Descendants(Atom + "entry").Single();
        entry.Element(Atom + "summary").ShouldBeNull();
        entry.Element(Atom + "content")!.Value.ShouldContain("https://example.com/blog/posts/1/a.png");

        FeedOptions options = TestData.Options();
        options.FullContent = false;
        XDocument.Parse(Write(FeedFormat.Rss, options, [picture])).Descendants("description").Count().ShouldBe(1, "only the channel's");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("<!-- only a comment -->")]
    [InlineData("<script>alert(1)</script>")]
    public void A_post_without_a_body_has_no_empty_content_elements(string body)
    {
        FeedPost empty = TestData.Post(1) with { Body = body };
        string rss = Write(FeedFormat.Rss, TestData.Options(), [empty]);
        XElement item = XDocument.Parse(rss).Descendants("item").Single();
        item.Element("description").ShouldBeNull();
        item.Element(Content + "encoded").ShouldBeNull();
        rss.ShouldNotContain("xmlns:content");
        XElement entry = XDocument.Parse(Write(FeedFormat.Atom, TestData.Options(), [empty])).Descendants(Atom + "entry").Single();
        entry.Element(Atom + "content").ShouldBeNull();
        entry.Element(Atom + "summary")!.Value.ShouldBe(empty.Title, "the W3C validator wants some text in every entry");
    }

    [Theory]
    [InlineData("R&D at &mut self, a </b> and &amp; as written")]
    [InlineData("a < b > c")]
    public void The_atom_summary_is_always_plain_text(string text)
    {
        FeedPost post = TestData.Post(1) with { Body = text.Replace("<", "\\<", StringComparison.Ordinal).Replace("&", "\\&", StringComparison.Ordinal) };
        XElement summary = XDocument.Parse(Write(FeedFormat.Atom, TestData.Options(), [post])).Descendants(Atom + "summary").Single();
        summary.Attribute("type")!.Value.ShouldBe("text");
        summary.Value.ShouldBe(text);
    }

    [Fact]
    public void Full_content_can_be_switched_off()
    {
        FeedOptions options = TestData.Options();
        options.FullContent = false;
        var generator = new FeedGenerator(options);
        FeedDocument rss = generator.CreatePage(FeedFormat.Rss, TestData.Posts(2), 1);
        rss.Entries.ShouldAllBe(e => e.ContentHtml == null);
        generator.WriteToString(rss).ShouldNotContain("content:encoded");
        generator.WriteToString(generator.CreatePage(FeedFormat.Atom, TestData.Posts(2), 1)).ShouldNotContain("<content");
    }

    [Fact]
    public void Forbidden_characters_are_removed_from_every_text_and_markup_characters_escaped()
    {
        FeedPost hostile = TestData.Post(1) with
        {
            Title = "A\u0001B\u0008C\u000BD\u000CE\uFFFEF \"q\" 'a' <script> ]]> & 😀 \uD800",
            Authors = [new FeedAuthor("N\u0002ame")],
            Categories = ["c\u0003at", "  ", "c\u0003at"],
            Body = "Body\u0007 text ]]> <b>x</b>",
        };

        foreach (FeedFormat format in TestData.XmlFormats)
        {
            string text = Write(format, TestData.Options(), [hostile]);
            XDocument document = XDocument.Parse(text); // well-formed
            text.ShouldNotContain("\u0001");
            text.ShouldNotContain("&#x1;");
            text.ShouldNotContain("]]>");
            text.ShouldContain("😀");
            string title = document.Descendants().Where(e => e.Name.LocalName == "title").Last().Value;
            title.ShouldBe("ABC D EF \"q\" 'a' <script> ]]> & 😀 "); // vertical tab and form feed are spaces
            document.Descendants().Where(e => e.Name.LocalName == "category").Count().ShouldBe(1);
        }
    }

    [Fact]
    public void Rss_plain_text_writes_ampersand_and_less_than_as_hex_references()
    {
        FeedPost post = TestData.Post(1) with { Title = "Fish & <chips>" };
        string text = Write(FeedFormat.Rss, TestData.Options(), [post]);
        text.ShouldContain("<title>Fish &#x26; &#x3C;chips&gt;</title>");
    }

    [Fact]
    public void Entry_language_becomes_xml_lang_in_atom()
    {
        FeedPost post = TestData.Post(1) with { Language = "zh-CN" };
        XDocument atom = XDocument.Parse(Write(FeedFormat.Atom, TestData.Options(), [post]));
        atom.Descendants(Atom + "entry").Single().Attribute(XNamespace.Xml + "lang")!.Value.ShouldBe("zh-CN");
    }

    [Fact]
    public void Duplicate_ids_are_rejected()
    {
        FeedPost a = TestData.Post(1) with { Id = "same" };
        FeedPost b = TestData.Post(2) with { Id = "same" };
        var generator = new FeedGenerator(TestData.Options());
        Should.Throw<ArgumentException>(() => generator.CreateDocuments(FeedFormat.Rss, [a, b])).Message.ShouldContain("\"same\"");
    }

    [Theory]
    [InlineData(FeedFormat.Rss)]
    [InlineData(FeedFormat.Atom)]
    public void SyndicationFeed_reads_the_document_back(FeedFormat format)
    {
        (FeedGenerator generator, FeedDocument document) = Page(format, TestData.Options(pageSize: 2), TestData.Posts(5), 2);
        using var reader = XmlReader.Create(new StringReader(generator.WriteToString(document)));
        SyndicationFeed feed = SyndicationFeed.Load(reader);

        feed.Title.Text.ShouldBe("Example Blog");
        feed.Items.Select(i => i.Title.Text).ShouldBe(["Post 3", "Post 2"]);
        feed.Links.Single(l => l.RelationshipType == "next").Uri.ShouldBe(document.Links.Next);
    }

    private static int CountOf(string text, string value)
    {
        int count = 0;
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
