using System.Xml;

namespace Feed.Writers;

/// <summary>Writes a <see cref="FeedDocument"/> in one format. Implementations are stateless and thread-safe.</summary>
internal interface IFeedWriter
{
    /// <summary>The namespaces to declare on the root element of <paramref name="document"/>: only those it uses.</summary>
    IReadOnlyList<KeyValuePair<string, string>> RootNamespaces(FeedDocument document, IReadOnlyList<FeedExtension> extensions);

    /// <summary>Writes the root element of <paramref name="document"/> and everything in it.</summary>
    void Write(FeedDocument document, XmlWriter writer, IReadOnlyList<FeedExtension> extensions);
}
