using System.Text.Json;
using System.Xml.Linq;

namespace Feed.AspNetCore.Tests.Support;

/// <summary>
/// What a reader follows in a served document, read straight from its bytes (XML or JSON, no feed library): the title,
/// the links by relation (RSS <c>atom:link</c>, Atom <c>link</c>, JSON Feed <c>feed_url</c>/<c>next_url</c> as
/// <c>self</c>/<c>next</c>) and the entries' ids.
/// </summary>
public sealed record FeedDocumentText(string Title, IReadOnlyDictionary<string, string> Links, IReadOnlyList<string> Ids)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public string? Link(string rel) => Links.TryGetValue(rel, out string? href) ? href : null;

    public static FeedDocumentText Read(FeedFormat format, byte[] body)
    {
        if (format == FeedFormat.Json)
        {
            using var json = JsonDocument.Parse(body);
            JsonElement root = json.RootElement;
            var links = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("feed_url", out JsonElement self))
            {
                links["self"] = self.GetString()!;
            }

            if (root.TryGetProperty("next_url", out JsonElement next))
            {
                links["next"] = next.GetString()!;
            }

            return new FeedDocumentText(
                root.GetProperty("title").GetString()!,
                links,
                [.. root.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!)]);
        }

        XElement document = XDocument.Load(new MemoryStream(body)).Root!;
        XElement feed = format == FeedFormat.Rss ? document.Element("channel")! : document;
        IEnumerable<XElement> linkElements = feed.Elements(Atom + "link");
        IEnumerable<XElement> entries = format == FeedFormat.Rss ? feed.Elements("item") : feed.Elements(Atom + "entry");
        XName title = format == FeedFormat.Rss ? "title" : Atom + "title";
        XName id = format == FeedFormat.Rss ? "guid" : Atom + "id";
        return new FeedDocumentText(
            feed.Element(title)!.Value,
            linkElements.Where(l => (string?)l.Attribute("rel") is not null and not "alternate")
                .ToDictionary(l => (string)l.Attribute("rel")!, l => (string)l.Attribute("href")!, StringComparer.Ordinal),
            [.. entries.Select(e => e.Element(id)!.Value)]);
    }
}
