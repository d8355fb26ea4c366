using System.Collections.ObjectModel;
using System.ServiceModel.Syndication;

namespace Feed.Writers;

/// <summary>The links every feed document carries after its alternate link, the same way in RSS and Atom.</summary>
internal static class DocumentLinks
{
    /// <summary>
    /// Adds <c>self</c>, the RFC 5005 paging (§3) and archive (§4) links the document has, each typed with the
    /// document's own media type (the W3C validator wants it on <c>self</c>), then the WebSub hub (W3C WebSub §4),
    /// which names no media type. In RSS the formatter writes them as <c>atom:link</c> (RFC 5005 Appendix B).
    /// </summary>
    public static void Add(Collection<SyndicationLink> links, FeedDocument document, string mediaType)
    {
        Paging.FeedLinks feedLinks = document.Links;
        links.Add(new SyndicationLink(feedLinks.Self, "self", null, mediaType, 0));
        AddIfPresent(links, feedLinks.First, "first", mediaType);
        AddIfPresent(links, feedLinks.Previous, "previous", mediaType);
        AddIfPresent(links, feedLinks.Next, "next", mediaType);
        AddIfPresent(links, feedLinks.Last, "last", mediaType);
        AddIfPresent(links, feedLinks.Current, "current", mediaType);
        AddIfPresent(links, feedLinks.PreviousArchive, "prev-archive", mediaType);
        AddIfPresent(links, feedLinks.NextArchive, "next-archive", mediaType);
        if (document.Metadata.Hub is { } hub)
        {
            links.Add(new SyndicationLink(hub, "hub", null, null, 0));
        }
    }

    private static void AddIfPresent(Collection<SyndicationLink> links, Uri? uri, string rel, string mediaType)
    {
        if (uri is not null)
        {
            links.Add(new SyndicationLink(uri, rel, null, mediaType, 0));
        }
    }
}
