using System.ServiceModel.Syndication;
using System.Xml;
using Feed.Entries;
using Feed.Internal;

namespace Feed.Writers.Atom;

/// <summary>
/// Writes a <see cref="FeedDocument"/> as Atom 1.0 (RFC 4287): maps it onto a <see cref="SyndicationFeed"/> and writes
/// that with <see cref="Atom10FeedFormatter"/> through <see cref="FeedXmlWriter"/>.
/// </summary>
/// <remarks>
/// Every <c>id</c> and <c>updated</c> is set from the data: left empty, the formatter would invent a random
/// <c>uuid:</c> id and use the clock. <c>icon</c>, <c>fh:*</c> and the user's extensions are written from the model's
/// extension hooks, straight to the writer. Stateless; thread-safe.
/// </remarks>
internal sealed class AtomFeedWriter : IFeedWriter
{
    /// <summary>The media type of Atom documents, on every feed-level link but the site's (RFC 4287 §4.2.7.2).</summary>
    public const string MediaType = "application/atom+xml";

    /// <summary>The media type of the site and of each post's page (<c>rel="alternate"</c>).</summary>
    public const string HtmlMediaType = "text/html";

    public static readonly AtomFeedWriter Instance = new();

    public IReadOnlyList<KeyValuePair<string, string>> RootNamespaces(FeedDocument document, IReadOnlyList<FeedExtension> extensions)
    {
        var namespaces = new List<KeyValuePair<string, string>>(1 + extensions.Count);
        if (document.IsComplete || document.IsArchive)
        {
            namespaces.Add(new(FeedNamespaces.FeedHistoryPrefix, FeedNamespaces.FeedHistory));
        }

        return FeedNamespaces.AddExtensions(namespaces, extensions);
    }

    public void Write(FeedDocument document, XmlWriter writer, IReadOnlyList<FeedExtension> extensions)
    {
        var formatter = new Atom10FeedFormatter(new AtomFeed(document, extensions));
        formatter.WriteTo(writer);
    }

    /// <summary>
    /// A plain-text construct (RFC 4287 §3.1.1.1): always <c>type="text"</c>, whatever it holds. Sent as
    /// <c>type="html"</c>, HTML-escaped, a title such as <c>Generic &lt;T&gt; &amp; "quotes" in R&amp;D</c> was shown with
    /// its escapes (<c>&amp;lt;T&amp;gt;</c>, <c>R&amp;amp;D</c>) by six of nine readers. A text that holds an HTML end tag
    /// (<c>&lt;/b&gt;</c>) draws the W3C validator's "may contain HTML" warning, which is what it is: text.
    /// </summary>
    private static TextSyndicationContent Text(string text) => new(text, TextSyndicationContentKind.Plaintext);

    private static SyndicationPerson Person(FeedAuthor author) => new(author.Email, author.Name, author.Uri?.AbsoluteUri);

    /// <summary>
    /// The authors of a feed or entry: its own, else the feed's (<see cref="FeedMetadata.EntryAuthors"/>: its authors,
    /// else its publisher). Each entry carries them although RFC 4287 §4.2.1 lets it inherit the feed's: readers show a
    /// blank author for an entry without its own (newsboat, sfeed, most libraries).
    /// </summary>
    private static IEnumerable<SyndicationPerson> People(IReadOnlyList<FeedAuthor> own, FeedMetadata metadata) =>
        (own.Count > 0 ? own : metadata.EntryAuthors).Select(Person);

    private sealed class AtomFeed : SyndicationFeed
    {
        private readonly FeedDocument _document;
        private readonly IReadOnlyList<FeedExtension> _extensions;

        public AtomFeed(FeedDocument document, IReadOnlyList<FeedExtension> extensions)
        {
            _document = document;
            _extensions = extensions;
            FeedMetadata metadata = document.Metadata;

            Id = metadata.Id; // the logical feed's identity: the same on every page and archive
            Title = Text(metadata.Title);
            if (metadata.Description is not null)
            {
                Description = Text(metadata.Description);
            }

            Language = metadata.Language; // xml:lang on <feed>
            Generator = metadata.Generator;
            ImageUrl = metadata.Logo;
            LastUpdatedTime = document.Updated;
            if (metadata.Copyright is not null)
            {
                Copyright = Text(metadata.Copyright);
            }

            // RFC 4287 §4.1.1: a feed needs an author unless every entry has one. Every entry has, but an empty
            // document has no entries, and readers show the feed's author for the feed itself.
            foreach (SyndicationPerson person in People(metadata.Authors, metadata))
            {
                Authors.Add(person);
            }

            Links.Add(new SyndicationLink(document.Links.Alternate, "alternate", null, HtmlMediaType, 0));
            DocumentLinks.Add(Links, document, MediaType);

            Items = document.Entries.Select(entry => (SyndicationItem)new Entry(entry, document, extensions));
        }

        protected override void WriteElementExtensions(XmlWriter writer, string version)
        {
            if (_document.Metadata.Icon is { } icon)
            {
                // Atom10FeedFormatter knows only <logo> (ImageUrl); <icon> is RFC 4287 §4.2.5.
                writer.WriteElementString("icon", FeedNamespaces.Atom, icon.AbsoluteUri);
            }

            FeedHistory.Write(writer, _document);
            foreach (FeedExtension extension in _extensions)
            {
                extension.WriteFeedElements(writer, _document);
            }
        }
    }

    private sealed class Entry : SyndicationItem
    {
        private readonly FeedEntry _entry;
        private readonly FeedDocument _document;
        private readonly IReadOnlyList<FeedExtension> _extensions;

        public Entry(FeedEntry entry, FeedDocument document, IReadOnlyList<FeedExtension> extensions)
        {
            _entry = entry;
            _document = document;
            _extensions = extensions;

            Id = entry.Id;
            Title = Text(entry.Title);
            PublishDate = entry.Published;
            LastUpdatedTime = entry.Updated;
            Links.Add(new SyndicationLink(entry.Url, "alternate", null, HtmlMediaType, 0));
            foreach (SyndicationPerson person in People(entry.Authors, document.Metadata))
            {
                Authors.Add(person);
            }

            foreach (string category in entry.Categories)
            {
                Categories.Add(new SyndicationCategory(category));
            }

            // The excerpt is plain text, so always type="text" (RFC 4287 §3.1.1.1): HTML-escaping it as type="html"
            // shows "R&amp;D" in readers that ignore the type. A blank one is never an empty element: RFC 4287
            // §4.1.1.1 needs no summary beside html content, and without content the title stands in (the W3C
            // validator wants some text in every entry).
            bool hasContent = FeedText.HasContent(entry.ContentHtml);
            if (!string.IsNullOrWhiteSpace(entry.Excerpt.Text))
            {
                Summary = new TextSyndicationContent(entry.Excerpt.Text, TextSyndicationContentKind.Plaintext);
            }
            else if (!hasContent)
            {
                Summary = new TextSyndicationContent(entry.Title, TextSyndicationContentKind.Plaintext);
            }

            // An empty content element draws the W3C validator's "content should not be blank" and reaches some
            // readers as markup (rss-parser gives the string '<div type="html"/>'); the alternate link stands for it.
            if (hasContent)
            {
                Content = new TextSyndicationContent(entry.ContentHtml, TextSyndicationContentKind.Html);
            }

            if (entry.Language is not null)
            {
                AttributeExtensions.Add(new XmlQualifiedName("lang", FeedNamespaces.Xml), entry.Language);
            }
        }

        protected override void WriteElementExtensions(XmlWriter writer, string version)
        {
            foreach (FeedExtension extension in _extensions)
            {
                extension.WriteEntryElements(writer, _entry, _document);
            }
        }
    }
}
