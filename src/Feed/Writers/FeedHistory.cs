using System.Xml;

namespace Feed.Writers;

/// <summary>Writes the RFC 5005 feed-history markers, the same way in RSS and Atom.</summary>
internal static class FeedHistory
{
    public static void Write(XmlWriter writer, FeedDocument document)
    {
        if (document.IsComplete)
        {
            // RFC 5005 §2: this document holds every entry of the feed.
            writer.WriteElementString(FeedNamespaces.FeedHistoryPrefix, "complete", FeedNamespaces.FeedHistory, string.Empty);
        }
        else if (document.IsArchive)
        {
            // RFC 5005 §4: an archive document, whose entries do not change.
            writer.WriteElementString(FeedNamespaces.FeedHistoryPrefix, "archive", FeedNamespaces.FeedHistory, string.Empty);
        }
    }
}
