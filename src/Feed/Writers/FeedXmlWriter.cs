using System.Text;
using System.Xml;
using Feed.Internal;
using Feed.Writers.Fragments;

namespace Feed.Writers;

/// <summary>
/// A delegating <see cref="XmlWriter"/> between System.ServiceModel.Syndication's formatters (and extensions) and the
/// real writer, fixing what the formatters get wrong on the way through.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Every namespace the document uses is declared once, on the root element, with its conventional prefix
/// (<c>atom</c>, <c>content</c>, <c>dc</c>, <c>fh</c>, then the extensions'); the formatters' <c>xmlns:a10</c> is dropped and
/// their <c>a10:</c> prefix becomes <c>atom:</c>, because readers and tools special-case <c>atom:</c> in RSS.</item>
/// <item>Characters XML 1.0 forbids (and the C1 controls it discourages) are removed from every text and attribute
/// value, whoever writes it, so no input makes the writer throw or the document invalid.</item>
/// <item>RSS 2.0 only: <c>Rss20FeedFormatter</c> writes UTC as <c>… 13:15:00 Z</c>; we write the numeric
/// <c>+0000</c> of RFC 822 §5.1 that every reader parses. In plain-text elements, <c>&amp;</c> and <c>&lt;</c> are
/// written as hexadecimal character references, as the RSS Best Practices Profile asks, so readers that decode RSS
/// titles as HTML cannot mistake text for markup (the W3C validator's "CharacterData" advice).</item>
/// </list>
/// Not thread-safe: one instance per document.
/// </remarks>
internal sealed class FeedXmlWriter : XmlWriter
{
    private readonly XmlWriter _inner;
    private readonly bool _rss;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _rootNamespaces;
    private readonly List<(string LocalName, string Namespace)> _elements = new(8);
    private bool _rootNamespacesWritten;
    private bool _inAttribute;
    private bool _skippingAttribute;

    // Entry fragments (see EntryFragments): where the entries are, the stream under the real writer, where captured
    // fragments go and which fragments to splice in.
    private FragmentRow? _entries;
    private Stream? _stream;
    private List<FragmentRange>? _captured;
    private IReadOnlyList<ReadOnlyMemory<byte>>? _splice;
    private long _entryStart = -1;

    /// <param name="inner">The real writer; not disposed by this one.</param>
    /// <param name="format">The document's format.</param>
    /// <param name="rootNamespaces">Prefix → URI pairs to declare on the root element, in order.</param>
    public FeedXmlWriter(XmlWriter inner, FeedFormat format, IReadOnlyList<KeyValuePair<string, string>> rootNamespaces)
    {
        _inner = inner;
        _rss = format == FeedFormat.Rss;
        _rootNamespaces = rootNamespaces;
    }

    public override WriteState WriteState => _inner.WriteState;

    /// <summary>
    /// Tells where each entry's bytes are (<paramref name="captured"/>), and writes <paramref name="splice"/> where the
    /// entries go: after the last child the writers give the entries' parent (<c>channel</c>, <c>feed</c>), which then
    /// has none of its own (see <see cref="EntryFragments"/>).
    /// </summary>
    /// <param name="entries">The format's row.</param>
    /// <param name="stream">The stream the real writer writes to: fragments are copied there, after a flush, as bytes.</param>
    /// <param name="captured">Receives each entry's range, or <see langword="null"/>.</param>
    /// <param name="splice">The fragments to write, in order, or <see langword="null"/>.</param>
    /// <remarks>
    /// A flush moves the real writer's buffered bytes to the stream and changes none of them (it writes them whenever
    /// its buffer fills anyway), so the bytes around an entry are those of an uninterrupted write.
    /// </remarks>
    public void SpliceEntries(FragmentRow entries, Stream stream, List<FragmentRange>? captured, IReadOnlyList<ReadOnlyMemory<byte>>? splice)
    {
        _entries = entries;
        _stream = stream;
        _captured = captured;
        _splice = splice;
    }

    public override XmlWriterSettings? Settings => _inner.Settings;

    public override string? XmlLang => _inner.XmlLang;

    public override XmlSpace XmlSpace => _inner.XmlSpace;

    public override void WriteStartDocument() => _inner.WriteStartDocument();

    public override void WriteStartDocument(bool standalone) => _inner.WriteStartDocument(standalone);

    public override void WriteEndDocument() => _inner.WriteEndDocument();

    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) =>
        throw new NotSupportedException("Feed documents have no DOCTYPE.");

    public override void WriteStartElement(string? prefix, string localName, string? ns)
    {
        if (_elements.Count == 1 && !_rootNamespacesWritten)
        {
            // The root's own attributes (RSS version, Atom xml:lang) are written; declare everything before its
            // first child, so that no descendant needs a declaration of its own.
            WriteRootNamespaces();
        }

        ns ??= string.Empty;
        prefix = FixPrefix(prefix, ns);
        if (_captured is not null && IsEntry(localName, ns))
        {
            _inner.Flush();
            _entryStart = _stream!.Position;
        }

        _inner.WriteStartElement(prefix, localName, ns);
        if (_elements.Count == 0 && string.IsNullOrEmpty(prefix) && ns.Length > 0)
        {
            // Declare the root's default namespace first (<feed xmlns="…Atom" …>); XmlWriter would append it last.
            _inner.WriteAttributeString("xmlns", ns);
        }

        _elements.Add((localName, ns));
    }

    public override void WriteEndElement()
    {
        BeforeEndElement();
        _inner.WriteEndElement();
        AfterEndElement();
    }

    public override void WriteFullEndElement()
    {
        BeforeEndElement();
        _inner.WriteFullEndElement();
        AfterEndElement();
    }

    // The entries' parent closes: the fragments to splice go in before its end tag.
    private void BeforeEndElement()
    {
        if (_splice is null || _elements.Count != _entries!.EntryDepth)
        {
            return;
        }

        _inner.Flush();
        foreach (ReadOnlyMemory<byte> fragment in _splice)
        {
            _captured?.Add(new FragmentRange(checked((int)_stream!.Position), fragment.Length));
            _stream!.Write(fragment.Span);
        }

        _splice = null;
    }

    // An entry closed: its bytes end here.
    private void AfterEndElement()
    {
        _elements.RemoveAt(_elements.Count - 1);
        if (_entryStart >= 0 && _elements.Count == _entries!.EntryDepth)
        {
            _inner.Flush();
            _captured!.Add(new FragmentRange(checked((int)_entryStart), checked((int)(_stream!.Position - _entryStart))));
            _entryStart = -1;
        }
    }

    private bool IsEntry(string localName, string ns) =>
        _entries is { } row && _elements.Count == row.EntryDepth && localName == row.EntryElement
        && ns == (_rss ? string.Empty : FeedNamespaces.Atom);

    public override void WriteStartAttribute(string? prefix, string localName, string? ns)
    {
        if (IsRedundantDeclaration(prefix, localName, ns))
        {
            _skippingAttribute = true;
            return;
        }

        _inAttribute = true;
        _inner.WriteStartAttribute(FixPrefix(prefix, ns ?? string.Empty), localName, ns);
    }

    public override void WriteEndAttribute()
    {
        if (_skippingAttribute)
        {
            _skippingAttribute = false;
            return;
        }

        _inAttribute = false;
        _inner.WriteEndAttribute();
    }

    public override void WriteString(string? text)
    {
        if (_skippingAttribute || string.IsNullOrEmpty(text))
        {
            return;
        }

        text = FeedText.Clean(text);
        if (!_rss || _inAttribute || _elements.Count == 0)
        {
            _inner.WriteString(text);
            return;
        }

        (string localName, string ns) = _elements[^1];
        if (ns.Length == 0 && (localName == "pubDate" || localName == "lastBuildDate") && text.EndsWith(" Z", StringComparison.Ordinal))
        {
            // RFC 822 §5.1 allows the military zone "Z", but "+0000" is what the RSS profile and every reader expect.
            _inner.WriteString(string.Concat(text.AsSpan(0, text.Length - 1), "+0000"));
        }
        else if (IsHtmlElement(localName, ns) || text.AsSpan().IndexOfAny('&', '<') < 0)
        {
            _inner.WriteString(text);
        }
        else
        {
            _inner.WriteRaw(EscapeWithCharacterReferences(text));
        }
    }

    public override void WriteChars(char[] buffer, int index, int count) => WriteString(new string(buffer, index, count));

    public override void WriteCData(string? text) => _inner.WriteCData(text is null ? null : FeedText.Clean(text));

    public override void WriteComment(string? text) => _inner.WriteComment(text is null ? null : FeedText.Clean(text));

    public override void WriteProcessingInstruction(string name, string? text) =>
        _inner.WriteProcessingInstruction(name, text is null ? null : FeedText.Clean(text));

    public override void WriteEntityRef(string name) => _inner.WriteEntityRef(name);

    public override void WriteCharEntity(char ch)
    {
        if (XmlChars.IsValid(ch.ToString()))
        {
            _inner.WriteCharEntity(ch);
        }
    }

    public override void WriteSurrogateCharEntity(char lowChar, char highChar) => _inner.WriteSurrogateCharEntity(lowChar, highChar);

    public override void WriteWhitespace(string? ws) => _inner.WriteWhitespace(ws);

    public override void WriteRaw(char[] buffer, int index, int count) => WriteRaw(new string(buffer, index, count));

    public override void WriteRaw(string data) => _inner.WriteRaw(FeedText.Clean(data));

    public override void WriteBase64(byte[] buffer, int index, int count) => _inner.WriteBase64(buffer, index, count);

    public override void Flush() => _inner.Flush();

    public override string? LookupPrefix(string ns) => _inner.LookupPrefix(ns);

    private void WriteRootNamespaces()
    {
        _rootNamespacesWritten = true;
        foreach ((string prefix, string uri) in _rootNamespaces)
        {
            _inner.WriteAttributeString("xmlns", prefix, FeedNamespaces.Xmlns, uri);
        }
    }

    private string? FixPrefix(string? prefix, string ns)
    {
        if (_rss && ns == FeedNamespaces.Atom)
        {
            return FeedNamespaces.AtomPrefix; // never a10:
        }

        return prefix;
    }

    // Rss20FeedFormatter declares xmlns:a10 on the root; the root declares atom: instead (see FixPrefix).
    private static bool IsRedundantDeclaration(string? prefix, string localName, string? ns) =>
        (prefix == "xmlns" || ns == FeedNamespaces.Xmlns) && localName == "a10";

    private bool IsHtmlElement(string localName, string ns) =>
        (ns.Length == 0 && localName == "description" && _elements.Count >= 2 && _elements[^2].LocalName == "item")
        || (ns == FeedNamespaces.Content && localName == "encoded");

    // The escaping XmlWriter does, with hexadecimal references for & and <, and line ends normalized to \n as
    // NewLineHandling.Replace does for every other text.
    private static string EscapeWithCharacterReferences(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            _ = c switch
            {
                '&' => builder.Append("&#x26;"),
                '<' => builder.Append("&#x3C;"),
                '>' => builder.Append("&gt;"),
                '\r' when i + 1 < text.Length && text[i + 1] == '\n' => builder,
                '\r' => builder.Append('\n'),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}
