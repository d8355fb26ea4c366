using System.Text;
using System.Xml;
using Feed.Internal;
using Feed.Writers.Atom;
using Feed.Writers.Fragments;
using Feed.Writers.Html;
using Feed.Writers.Json;
using Feed.Writers.Rss;

namespace Feed.Writers;

/// <summary>
/// Writes a <see cref="FeedDocument"/> as bytes: UTF-8 without a byte-order mark (declared, in XML), one line end at the end.
/// The only stage that does I/O, and only into a buffer or a caller's stream.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads (extensions must be thread-safe too).</threadsafety>
internal sealed class DocumentWriter
{
    private readonly FeedExtension[] _extensions;
    private readonly XmlWriterSettings _xmlSettings;
    private readonly bool _indent;
    private readonly HtmlDocumentWriter _html;

    public DocumentWriter(bool indent, IEnumerable<FeedExtension> extensions, HtmlDocumentWriter html)
    {
        _html = html;
        _extensions = [.. extensions];
        _indent = indent;
        _xmlSettings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), // UTF-8, declared, no BOM
            Indent = indent,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            CloseOutput = false,
            CheckCharacters = true, // everything is cleaned first; a forbidden character here is a bug, not output
        };
    }

    public async Task WriteAsync(FeedDocument document, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        cancellationToken.ThrowIfCancellationRequested();

        if (output is PooledBufferStream pooled)
        {
            // Already a pooled buffer (the hosting package's response buffer): form the document in it directly.
            Write(document, pooled, cancellationToken);
            return;
        }

        // Formed synchronously in a pooled buffer, then copied to the caller's stream with one asynchronous write,
        // so a slow client never holds an XmlWriter.
        using var buffer = new PooledBufferStream();
        Write(document, buffer, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    public string WriteToString(FeedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var buffer = new PooledBufferStream();
        Write(document, buffer, CancellationToken.None);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Whether documents of <paramref name="format"/> can be written from fragments (see <see cref="EntryFragments"/>).</summary>
    public bool CanSplice(FeedFormat format) => _extensions.Length == 0 && EntryFragments.Row(format) is not null;

    /// <summary>
    /// Writes <paramref name="document"/> (of entries, or of fragments) into <paramref name="buffer"/> from its start,
    /// and tells where each entry's fragment is in it, in the document's order (see <see cref="EntryFragments"/>).
    /// </summary>
    public void WriteWithFragments(FeedDocument document, PooledBufferStream buffer, List<FragmentRange> fragments)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(fragments);
        if (!CanSplice(document.Format))
        {
            throw new InvalidOperationException($"Documents of {document.Format} of this feed are not written from fragments (see EntryFragments).");
        }

        if (buffer.Length != 0)
        {
            throw new ArgumentException("The buffer must be empty: fragment offsets count from the document's first byte.", nameof(buffer));
        }

        fragments.Clear();
        Write(document, buffer, CancellationToken.None, fragments);
    }

    private void Write(FeedDocument document, Stream stream, CancellationToken cancellationToken, List<FragmentRange>? fragments = null)
    {
        if (document.Format == FeedFormat.Html)
        {
            // HTML is written by hand (Writers/Html): no XML writer, no extensions (they write XML elements), no fragments.
            _html.Write(document, stream, cancellationToken);
            return;
        }

        IReadOnlyList<ReadOnlyMemory<byte>>? spliced = null;
        if (document.Spliced is { } entries)
        {
            if (!CanSplice(document.Format))
            {
                throw new InvalidOperationException($"Documents of {document.Format} of this feed are not written from fragments (see EntryFragments).");
            }

            spliced = Fragments(document, entries);
        }

        if (document.Format == FeedFormat.Json)
        {
            // JSON is not XML-shaped: no namespaces, no formatter, no extensions (see JsonFeedWriter).
            JsonFeedWriter.Write(document, stream, _indent, fragments, spliced);
            stream.Write("\n"u8);
            return;
        }

        IFeedWriter writer = document.Format switch
        {
            FeedFormat.Rss => RssFeedWriter.Instance,
            FeedFormat.Atom => AtomFeedWriter.Instance,
            _ => throw new ArgumentException($"Unknown feed format {document.Format}.", nameof(document)),
        };

        IReadOnlyList<KeyValuePair<string, string>> namespaces = writer.RootNamespaces(document, _extensions);
        using (XmlWriter xml = XmlWriter.Create(stream, _xmlSettings))
        {
            var fixer = new FeedXmlWriter(xml, document.Format, namespaces);
            if (fragments is not null || spliced is not null)
            {
                fixer.SpliceEntries(EntryFragments.Row(document.Format)!, stream, fragments, spliced);
            }

            fixer.WriteStartDocument();
            writer.Write(document, fixer, _extensions);
            fixer.WriteEndDocument();
        }

        stream.Write("\n"u8); // a text file ends with a line end
    }

    // The fragments of a document's spliced entries, in its order: those given, and those of the entries to format,
    // each made by writing a document of that entry alone and taking its fragment (an entry's bytes do not depend on
    // the entries beside it: see EntryFragments).
    private ReadOnlyMemory<byte>[] Fragments(FeedDocument document, IReadOnlyList<SplicedEntry> entries)
    {
        var result = new ReadOnlyMemory<byte>[entries.Count];
        List<FragmentRange>? ranges = null;
        for (int i = 0; i < entries.Count; i++)
        {
            if (entries[i].Entry is not { } entry)
            {
                result[i] = entries[i].Fragment;
                continue;
            }

            var alone = new FeedDocument(
                document.Format, document.Metadata, document.Page, [entry], document.Links, document.Updated, document.HasDate, document.IsComplete);
            using var buffer = new PooledBufferStream(16 * 1024);
            ranges ??= new List<FragmentRange>(1);
            ranges.Clear();
            Write(alone, buffer, CancellationToken.None, ranges);
            FragmentRange range = ranges[0];
            result[i] = buffer.WrittenSpan.Slice(range.Offset, range.Length).ToArray();
        }

        return result;
    }
}
