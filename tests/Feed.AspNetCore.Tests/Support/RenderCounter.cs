using System.Xml;

namespace Feed.AspNetCore.Tests.Support;

/// <summary>Counts the documents a host renders: the writers call every extension once per document, and this one writes nothing.</summary>
public sealed class RenderCounter : FeedExtension
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override void WriteFeedElements(XmlWriter writer, FeedDocument document) => Interlocked.Increment(ref _count);
}
