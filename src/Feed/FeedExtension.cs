using System.Xml;

namespace Feed;

/// <summary>
/// Adds namespaces and elements to every RSS and Atom document (RSS <c>channel</c>, Atom <c>feed</c>) and every entry
/// (RSS <c>item</c>, Atom <c>entry</c>) without forking the writers: a podcast, media or licence namespace, say.
/// Register instances in <see cref="FeedOptions.Extensions"/>. JSON Feed documents get nothing from extensions (there is
/// no JSON hook yet: that is why this type is experimental, <c>FEEDEXP001</c>).
/// </summary>
/// <remarks>
/// <para>
/// The writers call <see cref="WriteFeedElements"/> after the feed-level elements and before the first entry, and
/// <see cref="WriteEntryElements"/> last inside each entry, in both XML formats (check <see cref="FeedDocument.Format"/>
/// to write different elements per format). Write with the prefixes declared in <see cref="Namespaces"/>: they are
/// declared once on the root element, so elements written with them carry no declarations of their own. Text and
/// attribute values are cleaned of characters XML 1.0 forbids on the way out.
/// </para>
/// <para>Implementations must be thread-safe (one generator writes documents concurrently) and deterministic.</para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.Experimental(Internal.Experimental.Extensions, UrlFormat = Internal.Experimental.UrlFormat)]
public abstract class FeedExtension
{
    /// <summary>Gets the namespaces the extension writes, as prefix → URI, declared on the root element of every document.</summary>
    /// <value>The default value is empty. Prefixes <c>atom</c>, <c>content</c>, <c>dc</c> and <c>fh</c> are reserved for their usual namespaces.</value>
    public virtual IReadOnlyList<KeyValuePair<string, string>> Namespaces => [];

    /// <summary>Writes the extension's elements into the RSS <c>channel</c> or the Atom <c>feed</c>.</summary>
    /// <param name="writer">The writer, positioned inside the channel or feed element; do not close or flush it.</param>
    /// <param name="document">The document being written.</param>
    public virtual void WriteFeedElements(XmlWriter writer, FeedDocument document)
    {
    }

    /// <summary>Writes the extension's elements into an RSS <c>item</c> or an Atom <c>entry</c>.</summary>
    /// <param name="writer">The writer, positioned inside the item or entry element; do not close or flush it.</param>
    /// <param name="entry">The entry being written.</param>
    /// <param name="document">The document it belongs to.</param>
    public virtual void WriteEntryElements(XmlWriter writer, FeedEntry entry, FeedDocument document)
    {
    }
}
