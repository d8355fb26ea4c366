using System.Xml;

namespace Feed.Writers;

/// <summary>Writes a <see cref="FeedDocument"/> in one format. Implementations are stateless and thread-safe.</summary>
/// <remarks>
/// Both implementations keep System.ServiceModel.Syndication's formatters and fix their output in
/// <see cref="FeedXmlWriter"/> rather than writing the XML by hand: measured on 1,000 documents of 20 entries with
/// full HTML content (tests/Feed.Benchmarks), they cost little more than a bare <see cref="XmlWriter"/> writing the same text, as
/// escaping the content dominates. Extension elements are written from the model's hooks, never buffered.
/// </remarks>
internal interface IFeedWriter
{
    /// <summary>The namespaces to declare on the root element of <paramref name="document"/>: only those it uses.</summary>
    IReadOnlyList<KeyValuePair<string, string>> RootNamespaces(FeedDocument document, IReadOnlyList<FeedExtension> extensions);

    /// <summary>Writes the root element of <paramref name="document"/> and everything in it.</summary>
    void Write(FeedDocument document, XmlWriter writer, IReadOnlyList<FeedExtension> extensions);
}
