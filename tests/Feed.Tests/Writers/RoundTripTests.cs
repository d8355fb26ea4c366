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
                    // RSS description is HTML, Atom summary text (or HTML when the text looks like markup).
                    (format == FeedFormat.Rss ? WebUtility.HtmlDecode(item.Summary.Text) : Decode(item.Summary)).ShouldBe(entry.Excerpt.Text);
                }

                if (format == FeedFormat.Atom)
                {
                    item.LastUpdatedTime.ShouldBe(Seconds(entry.Updated));
                    ((TextSyndicationContent?)item.Content)?.Text.ShouldBe(entry.ContentHtml);
                }
                else
                {
                    item.ElementExtensions.ReadElementExtensions<string>("encoded", ContentNamespace).SingleOrDefault().ShouldBe(entry.ContentHtml);
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
                parsedEntry.Authors.ShouldBe(entry.Authors.Select(a => a.Name), $"authors of {entry.Id}");
                if (!entry.Title.Contains('<', StringComparison.Ordinal))
                {
                    // feedparser sanitizes anything that looks like a tag, as a reader would; the rest must be exact.
                    parsedEntry.Title.ShouldBe(entry.Title);
                }

                if (entry.Excerpt.Text.Length > 0 && !entry.Excerpt.Text.Contains('<', StringComparison.Ordinal))
                {
                    parsedEntry.Summary.ShouldBe(entry.Excerpt.Text);
                }

                parsedEntry.Content.Length.ShouldBe(entry.ContentHtml is null ? 0 : 1);
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
            ("prev-archive", links.PreviousArchive), ("next-archive", links.NextArchive),
        ];
        return all.Where(l => l.Uri is not null).Select(l => $"{l.Rel} {l.Uri!.AbsoluteUri}");
    }

    // Both formats carry whole seconds.
    private static DateTimeOffset Seconds(DateTimeOffset value) => value.AddTicks(-(value.Ticks % TimeSpan.TicksPerSecond));

    private static string Utc(DateTimeOffset value) =>
        Seconds(value).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
