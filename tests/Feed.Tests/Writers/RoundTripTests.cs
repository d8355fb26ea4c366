using System.Globalization;
using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using Feed.Entries;
using Feed.Paging;
using Feed.Tests.Support;
using Feed.Writers;

namespace Feed.Tests.Writers;

/// <summary>
/// Every document of every golden case, read back by two independent readers (System.ServiceModel.Syndication and
/// python3-feedparser), with entries, links and dates intact; and a reader walking the links sees every post once.
/// </summary>
public sealed class RoundTripTests
{
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    // Every entry names its authors: the post's own, else the feed's, else the feed's publisher (its title).
    private static IReadOnlyList<FeedAuthor> AuthorsOf(FeedEntry entry, FeedMetadata metadata) =>
        entry.Authors.Count > 0 ? entry.Authors : metadata.EntryAuthors;

    // What a reader gets as an entry's authors: in RSS one dc:creator naming them all (RssFeedWriter.WriteCreators).
    private static string[] NamesOf(IReadOnlyList<FeedAuthor> authors, FeedFormat format) =>
        format == FeedFormat.Rss ? [string.Join(", ", authors.Select(a => a.Name))] : [.. authors.Select(a => a.Name)];

    public static TheoryData<string, FeedFormat> CasesAndFormats()
    {
        var data = new TheoryData<string, FeedFormat>();
        foreach (string name in GoldenFiles.CaseNames())
        {
            data.Add(name, FeedFormat.Rss);
            data.Add(name, FeedFormat.Atom);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CasesAndFormats))]
    public async Task SyndicationFeed_reads_every_page_back_intact(string name, FeedFormat format)
    {
        using SavedFeed saved = await Save(name, format);
        foreach ((string path, FeedDocument document) in saved.Documents)
        {
            SyndicationFeed feed;
            using (XmlReader reader = XmlReader.Create(path))
            {
                feed = SyndicationFeed.Load(reader);
            }

            Decode(feed.Title).ShouldBe(document.Metadata.Title);
            LinksOf(feed).ShouldBe(ExpectedLinks(document), ignoreOrder: true);
            if (document.HasDate)
            {
                feed.LastUpdatedTime.ShouldBe(Seconds(document.Updated));
            }

            SyndicationItem[] items = [.. feed.Items];
            items.Length.ShouldBe(document.Entries.Count);
            for (int i = 0; i < items.Length; i++)
            {
                SyndicationItem item = items[i];
                FeedEntry entry = document.Entries[i];
                item.Id.ShouldBe(entry.Id);
                Decode(item.Title).ShouldBe(entry.Title);
                item.Links.First(l => l.RelationshipType == "alternate").Uri.ShouldBe(entry.Url);
                item.PublishDate.ShouldBe(Seconds(entry.Published));
                item.Categories.Select(c => c.Name).ShouldBe(entry.Categories);
                if (entry.Excerpt.Text.Length > 0)
                {
                    // RSS description is HTML-escaped text; the Atom summary is always plain text.
                    if (format == FeedFormat.Rss)
                    {
                        WebUtility.HtmlDecode(item.Summary.Text).ShouldBe(entry.Excerpt.Text);
                    }
                    else
                    {
                        item.Summary.Type.ShouldBe("text");
                        item.Summary.Text.ShouldBe(entry.Excerpt.Text);
                    }
                }
                else
                {
                    // Never an empty element: the title stands in where the W3C validator wants some text (RSS: before
                    // content:encoded; Atom: an entry without content).
                    bool titleStandsIn = (format == FeedFormat.Rss) == (WrittenContent(entry) is not null);
                    item.Summary?.Text.ShouldBe(titleStandsIn ? entry.Title : null);
                    (item.Summary is null).ShouldBe(!titleStandsIn);
                }

                IReadOnlyList<FeedAuthor> authors = AuthorsOf(entry, document.Metadata);
                if (format == FeedFormat.Atom)
                {
                    item.LastUpdatedTime.ShouldBe(Seconds(entry.Updated));
                    ((TextSyndicationContent?)item.Content)?.Text.ShouldBe(WrittenContent(entry));
                    item.Authors.Select(a => (a.Name, (string?)a.Email)).ShouldBe(authors.Select(a => (a.Name, a.Email)), $"authors of {entry.Id}");
                }
                else
                {
                    item.ElementExtensions.ReadElementExtensions<string>("encoded", ContentNamespace).SingleOrDefault().ShouldBe(WrittenContent(entry));

                    // SyndicationFeed reads only <author> (an e-mail address) into Authors; Feed writes dc:creator,
                    // which it keeps as an extension: the names are there, under the Dublin Core name.
                    item.Authors.ShouldBeEmpty();
                    item.ElementExtensions.ReadElementExtensions<string>("creator", DublinCoreNamespace).ToArray()
                        .ShouldBe(NamesOf(authors, FeedFormat.Rss), $"authors of {entry.Id}");
                }
            }
        }
    }

    [FeedparserTheory]
    [MemberData(nameof(CasesAndFormats))]
    public async Task Feedparser_reads_every_page_back_intact(string name, FeedFormat format)
    {
        using SavedFeed saved = await Save(name, format);
        (string Path, FeedDocument Document)[] documents = [.. saved.Documents];
        IReadOnlyList<ParsedFeed> parsed = Feedparser.Parse([.. documents.Select(d => d.Path)]);

        for (int d = 0; d < documents.Length; d++)
        {
            FeedDocument document = documents[d].Document;
            ParsedFeed feed = parsed[d];
            feed.Bozo.ShouldBeFalse(feed.Error);
            feed.Version.ShouldBe(format == FeedFormat.Rss ? "rss20" : "atom10");
            feed.Title.ShouldBe(document.Metadata.Title);
            feed.Links.Select(l => $"{l.Rel} {l.Href}")
                .ShouldBe(ExpectedLinks(document), ignoreOrder: true);
            if (document.HasDate && format == FeedFormat.Atom)
            {
                feed.Updated.ShouldBe(Utc(document.Updated));
            }

            feed.Entries.Length.ShouldBe(document.Entries.Count);
            for (int i = 0; i < feed.Entries.Length; i++)
            {
                ParsedEntry parsedEntry = feed.Entries[i];
                FeedEntry entry = document.Entries[i];
                parsedEntry.Id.ShouldBe(entry.Id);
                parsedEntry.Link.ShouldBe(entry.Url.AbsoluteUri);
                parsedEntry.Published.ShouldBe(Utc(entry.Published));
                if (format == FeedFormat.Atom || entry.Updated != entry.Published)
                {
                    parsedEntry.Updated.ShouldBe(Utc(entry.Updated));
                }

                parsedEntry.Tags.ShouldBe(entry.Categories);
                parsedEntry.Authors.ShouldBe(NamesOf(AuthorsOf(entry, document.Metadata), format), $"authors of {entry.Id}");
                if (!entry.Title.Contains('<', StringComparison.Ordinal))
                {
                    // feedparser sanitizes anything that looks like a tag, as a reader would; the rest must be exact.
                    parsedEntry.Title.ShouldBe(entry.Title);
                }

                if (entry.Excerpt.Text.Length > 0 && !entry.Excerpt.Text.Contains('<', StringComparison.Ordinal))
                {
                    // RSS description is HTML (feedparser hands it on as HTML); the Atom summary is text.
                    (format == FeedFormat.Rss ? WebUtility.HtmlDecode(parsedEntry.Summary) : parsedEntry.Summary).ShouldBe(entry.Excerpt.Text);
                }

                parsedEntry.Content.Length.ShouldBe(string.IsNullOrWhiteSpace(entry.ContentHtml) ? 0 : 1);
                if (entry.Excerpt.Text.Length == 0 && (format == FeedFormat.Rss || parsedEntry.Content.Length == 0))
                {
                    // No empty description or summary; the title stands in where the validator wants text. (feedparser
                    // copies an Atom entry's content into a missing summary.)
                    parsedEntry.Summary.ShouldBe(format == FeedFormat.Rss && parsedEntry.Content.Length == 0 ? null : entry.Title);
                }
            }
        }
    }

    [Theory]
    [InlineData(FeedFormat.Rss, 23, 5)]
    [InlineData(FeedFormat.Atom, 23, 5)]
    [InlineData(FeedFormat.Rss, 10, 5)]
    [InlineData(FeedFormat.Atom, 1, 5)]
    public async Task Following_next_from_page_one_visits_every_post_once(FeedFormat format, int count, int pageSize)
    {
        var generator = new FeedGenerator(TestData.Options(pageSize));
        FeedPost[] posts = TestData.Posts(count);
        using SavedFeed saved = await SavedFeed.WriteAsync(generator, format, posts);

        var seen = new List<string>();
        var visited = new List<string>();
        string? url = generator.GetUrl(format, generator.GetPage(1, count)).AbsoluteUri;
        string? previous = null;
        while (url is not null)
        {
            visited.Add(url);
            visited.Count.ShouldBeLessThanOrEqualTo(count + 1, "the next links loop");
            SyndicationFeed feed = Load(saved.PathOf(url));
            seen.AddRange(feed.Items.Select(item => item.Id));
            Href(feed, "previous").ShouldBe(previous, "previous mirrors next");
            previous = url;
            url = Href(feed, "next");
        }

        seen.ShouldBe(posts.Order(FeedGenerator.NewestFirst).Select(p => p.EffectiveId));
        visited.Count.ShouldBe(generator.GetPageCount(count));
    }

    [FeedparserTheory]
    [InlineData(FeedFormat.Rss)]
    [InlineData(FeedFormat.Atom)]
    public async Task Feedparser_following_next_from_page_one_sees_every_post_once(FeedFormat format)
    {
        var generator = new FeedGenerator(TestData.Options(pageSize: 4));
        FeedPost[] posts = TestData.Posts(18);
        using SavedFeed saved = await SavedFeed.WriteAsync(generator, format, posts);

        var seen = new List<string?>();
        string? url = generator.GetUrl(format, generator.GetPage(1, posts.Length)).AbsoluteUri;
        for (int pages = 0; url is not null; pages++)
        {
            pages.ShouldBeLessThan(10, "the next links loop");
            ParsedFeed feed = Feedparser.Parse(saved.PathOf(url))[0];
            feed.Bozo.ShouldBeFalse(feed.Error);
            seen.AddRange(feed.Entries.Select(e => e.Id));
            url = feed.Link("next");
        }

        seen.ShouldBe(posts.Order(FeedGenerator.NewestFirst).Select(p => p.EffectiveId));
    }

    [Theory]
    [InlineData(FeedFormat.Rss)]
    [InlineData(FeedFormat.Atom)]
    public async Task Following_prev_archive_from_the_subscription_document_reconstructs_the_feed(FeedFormat format)
    {
        var generator = new FeedGenerator(TestData.Options(pageSize: 4, archive: true));
        FeedPost[] posts = TestData.Posts(18);
        using SavedFeed saved = await SavedFeed.WriteAsync(generator, format, posts);

        string subscription = generator.GetUrl(format, generator.GetPage(1, posts.Length)).AbsoluteUri;
        SyndicationFeed current = Load(saved.PathOf(subscription));
        var seen = new HashSet<string>(current.Items.Select(i => i.Id));
        string? newer = null;
        string? url = Href(current, "prev-archive");
        int archives = 0;
        while (url is not null)
        {
            archives++.ShouldBeLessThan(10, "the prev-archive links loop");
            SyndicationFeed archive = Load(saved.PathOf(url));
            Href(archive, "current").ShouldBe(subscription);
            Href(archive, "next-archive").ShouldBe(newer, "next-archive mirrors prev-archive");
            archive.ElementExtensions.Any(e => e.OuterName == "archive").ShouldBeTrue();
            seen.UnionWith(archive.Items.Select(i => i.Id));
            newer = url;
            url = Href(archive, "prev-archive");
        }

        archives.ShouldBe(4);
        seen.ShouldBe(posts.Select(p => p.EffectiveId), ignoreOrder: true);
    }

    private static async Task<SavedFeed> Save(string name, FeedFormat format) =>
        await SavedFeed.WriteAsync(new FeedGenerator(GoldenFiles.LoadOptions(name)), format, GoldenFiles.LoadPosts(name));

    private static SyndicationFeed Load(string path)
    {
        using XmlReader reader = XmlReader.Create(path);
        return SyndicationFeed.Load(reader);
    }

    private static string? Href(SyndicationFeed feed, string rel) =>
        feed.Links.SingleOrDefault(l => l.RelationshipType == rel)?.Uri.AbsoluteUri;

    // Blank content is left out, never written as an empty element.
    private static string? WrittenContent(FeedEntry entry) => string.IsNullOrWhiteSpace(entry.ContentHtml) ? null : entry.ContentHtml;

    private static string Decode(TextSyndicationContent content) =>
        content.Type == "html" ? WebUtility.HtmlDecode(content.Text) : content.Text;

    private static IEnumerable<string> LinksOf(SyndicationFeed feed) =>
        feed.Links.Select(l => $"{l.RelationshipType ?? "alternate"} {l.Uri.AbsoluteUri}");

    private static IEnumerable<string> ExpectedLinks(FeedDocument document)
    {
        FeedLinks links = document.Links;
        (string Rel, Uri? Uri)[] all =
        [
            ("alternate", links.Alternate), ("self", links.Self), ("first", links.First), ("last", links.Last),
            ("previous", links.Previous), ("next", links.Next), ("current", links.Current),
            ("prev-archive", links.PreviousArchive), ("next-archive", links.NextArchive), ("hub", document.Metadata.Hub),
        ];
        return all.Where(l => l.Uri is not null).Select(l => $"{l.Rel} {l.Uri!.AbsoluteUri}");
    }

    // Both formats carry whole seconds.
    private static DateTimeOffset Seconds(DateTimeOffset value) => value.AddTicks(-(value.Ticks % TimeSpan.TicksPerSecond));

    private static string Utc(DateTimeOffset value) =>
        Seconds(value).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
