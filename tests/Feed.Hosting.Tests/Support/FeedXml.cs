using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace Feed.Hosting.Tests.Support;

/// <summary>Reads feeds back with System.ServiceModel.Syndication, the .NET oracle.</summary>
public static class FeedXml
{
    public static SyndicationFeed Load(byte[] xml)
    {
        using var reader = XmlReader.Create(new MemoryStream(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return SyndicationFeed.Load(reader);
    }

    public static SyndicationFeed Load(string xml) => Load(Encoding.UTF8.GetBytes(xml));

    /// <summary>The href of the feed's link with <paramref name="rel"/>, or null.</summary>
    public static Uri? Link(this SyndicationFeed feed, string rel) =>
        feed.Links.SingleOrDefault(l => string.Equals(l.RelationshipType, rel, StringComparison.Ordinal))?.Uri;

    /// <summary>The ids of the items in document order.</summary>
    public static string[] Ids(this SyndicationFeed feed) => [.. feed.Items.Select(i => i.Id)];
}
