using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Feed.Entries;
using Feed.Tests.Support;
using Feed.Writers;

namespace Feed.Tests.Writers;

/// <summary>The extension point, through a podcast-like extension (iTunes namespace, enclosures).</summary>
public sealed class ExtensionTests
{
    private const string Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    private static readonly XNamespace ItunesNs = Itunes;
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static FeedPost Episode(int n) => TestData.Post(n) with
    {
        Properties = new Dictionary<string, string>
        {
            ["audio"] = $"https://example.com/audio/{n}.mp3",
            ["length"] = (n * 1000).ToString(CultureInfo.InvariantCulture),
            ["duration"] = $"00:{n:D2}:00",
        },
    };

    private static FeedGenerator Generator()
    {
        FeedOptions options = TestData.Options();
        options.Extensions.Add(new PodcastExtension());
        return new FeedGenerator(options);
    }

    [Fact]
    public void Rss_gets_the_namespace_once_on_the_root_and_the_elements_where_they_belong()
    {
        FeedGenerator generator = Generator();
        string text = generator.WriteToString(generator.CreatePage(FeedFormat.Rss, [Episode(1), Episode(2), TestData.Post(3)], 1));

        text.Split("xmlns:itunes=").Length.ShouldBe(2, "declared exactly once");
        text.ShouldContain($"<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:fh=\"http://purl.org/syndication/history/1.0\" xmlns:itunes=\"{Itunes}\">");

        XDocument rss = XDocument.Parse(text);
        XElement channel = rss.Root!.Element("channel")!;
        channel.Element(ItunesNs + "author")!.Value.ShouldBe("Ann Example");
        channel.Element(ItunesNs + "explicit")!.Value.ShouldBe("false");
        channel.Elements("item").First().ElementsBeforeSelf().ShouldContain(e => e.Name == ItunesNs + "author", "feed elements come before the items");

        XElement[] items = [.. channel.Elements("item")];
        items[0].Element("enclosure").ShouldBeNull("post 3 has no audio");
        items[1].Element("enclosure")!.Attribute("url")!.Value.ShouldBe("https://example.com/audio/2.mp3");
        items[1].Element("enclosure")!.Attribute("length")!.Value.ShouldBe("2000");
        items[1].Element(ItunesNs + "duration")!.Value.ShouldBe("00:02:00");
        items[2].Element(ItunesNs + "duration")!.Value.ShouldBe("00:01:00");
    }

    [Fact]
    public void Atom_gets_enclosure_links_from_the_same_extension()
    {
        FeedGenerator generator = Generator();
        XDocument atom = XDocument.Parse(generator.WriteToString(generator.CreatePage(FeedFormat.Atom, [Episode(1)], 1)));

        XElement entry = atom.Root!.Element(Atom + "entry")!;
        XElement enclosure = entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "enclosure");
        enclosure.Attribute("href")!.Value.ShouldBe("https://example.com/audio/1.mp3");
        enclosure.Attribute("type")!.Value.ShouldBe("audio/mpeg");
        atom.Root.Element(ItunesNs + "author")!.Value.ShouldBe("Ann Example");
    }

    [Fact]
    public void SyndicationFeed_reads_the_enclosures_back()
    {
        FeedGenerator generator = Generator();
        foreach (FeedFormat format in TestData.XmlFormats)
        {
            using var reader = XmlReader.Create(new StringReader(generator.WriteToString(generator.CreatePage(format, [Episode(4)], 1))));
            SyndicationItem item = SyndicationFeed.Load(reader).Items.Single();
            SyndicationLink enclosure = item.Links.Single(l => l.RelationshipType == "enclosure");
            enclosure.Uri.AbsoluteUri.ShouldBe("https://example.com/audio/4.mp3");
            enclosure.Length.ShouldBe(4000);
        }
    }

    [FeedparserFact]
    public async Task Feedparser_sees_the_enclosures()
    {
        FeedGenerator generator = Generator();
        foreach (FeedFormat format in TestData.XmlFormats)
        {
            using SavedFeed saved = await SavedFeed.WriteAsync(generator, format, [Episode(5), Episode(6)]);
            ParsedFeed feed = Feedparser.Parse([.. saved.Documents.Select(d => d.Path)]).Single();
            feed.Bozo.ShouldBeFalse(feed.Error);
            feed.Entries.Select(e => e.Enclosures.Single()).ShouldBe(["https://example.com/audio/6.mp3", "https://example.com/audio/5.mp3"]);
        }
    }

    [Fact]
    public void What_an_extension_writes_is_cleaned_of_forbidden_characters()
    {
        FeedOptions options = TestData.Options();
        options.Extensions.Add(new DirtyExtension());
        var generator = new FeedGenerator(options);
        foreach (FeedFormat format in TestData.XmlFormats)
        {
            string text = generator.WriteToString(generator.CreatePage(format, TestData.Posts(1), 1));
            XDocument.Parse(text).Descendants(XName.Get("note", "urn:example:dirty")).Single().Value.ShouldBe("bell and escape");
        }
    }

    [Fact]
    public void Extensions_run_in_registration_order_and_share_one_declaration_per_prefix()
    {
        FeedOptions options = TestData.Options();
        options.Extensions.Add(new PodcastExtension());
        options.Extensions.Add(new PodcastExtension());
        var generator = new FeedGenerator(options);
        string text = generator.WriteToString(generator.CreatePage(FeedFormat.Rss, [Episode(1)], 1));
        text.Split("xmlns:itunes=").Length.ShouldBe(2);
        XDocument.Parse(text).Descendants(ItunesNs + "duration").Count().ShouldBe(2);
    }

    /// <summary>A podcast-like extension: iTunes channel and episode elements, and the audio as an enclosure.</summary>
    private sealed class PodcastExtension : FeedExtension
    {
        public override IReadOnlyList<KeyValuePair<string, string>> Namespaces => [new("itunes", Itunes)];

        // An extension carries its own feed-level settings; the feed's options are not part of the document.
        public override void WriteFeedElements(XmlWriter writer, FeedDocument document)
        {
            writer.WriteElementString("itunes", "author", Itunes, "Ann Example");
            writer.WriteElementString("itunes", "explicit", Itunes, "false");
        }

        public override void WriteEntryElements(XmlWriter writer, FeedEntry entry, FeedDocument document)
        {
            IReadOnlyDictionary<string, string> properties = entry.Properties;
            if (!properties.TryGetValue("audio", out string? audio))
            {
                return;
            }

            if (document.Format == FeedFormat.Rss)
            {
                writer.WriteStartElement("enclosure"); // RSS 2.0 core element
                writer.WriteAttributeString("url", audio);
                writer.WriteAttributeString("length", properties["length"]);
                writer.WriteAttributeString("type", "audio/mpeg");
                writer.WriteEndElement();
            }
            else
            {
                writer.WriteStartElement("link", "http://www.w3.org/2005/Atom"); // RFC 4287 §4.2.7.2 rel="enclosure"
                writer.WriteAttributeString("rel", "enclosure");
                writer.WriteAttributeString("type", "audio/mpeg");
                writer.WriteAttributeString("length", properties["length"]);
                writer.WriteAttributeString("href", audio);
                writer.WriteEndElement();
            }

            writer.WriteElementString("itunes", "duration", Itunes, properties["duration"]);
        }
    }

    private sealed class DirtyExtension : FeedExtension
    {
        public override IReadOnlyList<KeyValuePair<string, string>> Namespaces => [new("dirty", "urn:example:dirty")];

        public override void WriteFeedElements(XmlWriter writer, FeedDocument document) =>
            writer.WriteElementString("dirty", "note", "urn:example:dirty", "bell\u0007 and escape\u001B");
    }
}
