using System.Xml.Linq;

namespace Feed.Tool.Tests.Support;

/// <summary>Reads what the tests check from an RSS 2.0 or Atom 1.0 file: entries and links.</summary>
internal sealed record FeedXml(IReadOnlyList<FeedXml.Entry> Entries, IReadOnlyList<(string Rel, string Href)> Links)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public sealed record Entry(string Title, string Url, string Id, string Excerpt, string? Content);

    public static FeedXml Load(string path)
    {
        XDocument doc = XDocument.Load(path);
        XElement root = doc.Root!;
        if (root.Name == Atom + "feed")
        {
            return new FeedXml(
                root.Elements(Atom + "entry").Select(e => new Entry(
                    (string)e.Element(Atom + "title")!,
                    (string)e.Elements(Atom + "link").First(l => (string?)l.Attribute("rel") is null or "alternate").Attribute("href")!,
                    (string)e.Element(Atom + "id")!,
                    (string?)e.Element(Atom + "summary") ?? "",
                    (string?)e.Element(Atom + "content"))).ToList(),
                root.Elements(Atom + "link").Select(l => ((string?)l.Attribute("rel") ?? "alternate", (string)l.Attribute("href")!)).ToList());
        }

        root.Name.LocalName.ShouldBe("rss");
        XElement channel = root.Element("channel")!;
        XNamespace content = "http://purl.org/rss/1.0/modules/content/";
        return new FeedXml(
            channel.Elements("item").Select(e => new Entry(
                (string)e.Element("title")!,
                (string)e.Element("link")!,
                (string)e.Element("guid")!,
                (string?)e.Element("description") ?? "",
                (string?)e.Element(content + "encoded"))).ToList(),
            channel.Elements(Atom + "link").Select(l => ((string)l.Attribute("rel")!, (string)l.Attribute("href")!)).ToList());
    }

    public string? Link(string rel) => Links.FirstOrDefault(l => l.Rel == rel).Href;
}
