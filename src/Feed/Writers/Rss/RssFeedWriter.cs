using System.ServiceModel.Syndication;
using System.Xml;
using Feed.Entries;
using Feed.Internal;

namespace Feed.Writers.Rss;

/// <summary>
/// Writes a <see cref="FeedDocument"/> as RSS 2.0: maps it onto a <see cref="SyndicationFeed"/> and writes that with
/// <see cref="Rss20FeedFormatter"/> through <see cref="FeedXmlWriter"/>, which fixes prefixes, dates and characters.
/// </summary>
/// <remarks>
/// What the formatter cannot express is written from the model's extension hooks
/// (<c>SyndicationFeed/SyndicationItem.WriteElementExtensions</c>) straight to the writer, never buffered:
/// <c>content:encoded</c>, <c>dc:creator</c>, <c>fh:complete</c>/<c>fh:archive</c> and the user's extensions.
/// Stateless; thread-safe.
/// </remarks>
internal sealed class RssFeedWriter : IFeedWriter
{
    /// <summary>The media type of RSS documents, on every <c>atom:link</c> (the W3C validator wants it on <c>self</c>).</summary>
    public const string MediaType = "application/rss+xml";

    public static readonly RssFeedWriter Instance = new();

    public IReadOnlyList<KeyValuePair<string, string>> RootNamespaces(FeedDocument document, IReadOnlyList<FeedExtension> extensions)
    {
        var namespaces = new List<KeyValuePair<string, string>>(4 + extensions.Count)
        {
            new(FeedNamespaces.AtomPrefix, FeedNamespaces.Atom), // atom:link rel="self" is always written
        };

        bool content = false;
        bool creators = document.EntryCount > 0 || UsesCreators(document.Metadata.Authors); // every item has dc:creator
        foreach (FeedEntry entry in document.Entries)
        {
            content |= FeedText.HasContent(entry.ContentHtml);
        }

        foreach (Fragments.SplicedEntry entry in document.Spliced ?? [])
        {
            content |= entry.HasContent;
        }

        if (content)
        {
            namespaces.Add(new(FeedNamespaces.ContentPrefix, FeedNamespaces.Content));
        }

        if (creators)
        {
            namespaces.Add(new(FeedNamespaces.DublinCorePrefix, FeedNamespaces.DublinCore));
        }

        if (document.IsComplete || document.IsArchive)
        {
            namespaces.Add(new(FeedNamespaces.FeedHistoryPrefix, FeedNamespaces.FeedHistory));
        }

        return FeedNamespaces.AddExtensions(namespaces, extensions);
    }

    public void Write(FeedDocument document, XmlWriter writer, IReadOnlyList<FeedExtension> extensions)
    {
        var formatter = new Rss20FeedFormatter(new Channel(document, extensions), serializeExtensionsAsAtom: true);
        formatter.WriteTo(writer);
    }

    /// <summary>
    /// The channel's <c>managingEditor</c> holds one e-mail address, optionally <c>email (Name)</c> (RSS 2.0); the RSS
    /// profile and the W3C validator want the name. So a single feed author with an e-mail is written there; a name
    /// without an e-mail, or several authors, go to <c>dc:creator</c> (never both: the validator flags duplicate semantics).
    /// </summary>
    private static bool UsesEmailElement(IReadOnlyList<FeedAuthor> authors) => authors.Count == 1 && authors[0].Email is not null;

    private static bool UsesCreators(IReadOnlyList<FeedAuthor> authors) => authors.Count > 0 && !UsesEmailElement(authors);

    private static SyndicationPerson EmailPerson(FeedAuthor author) => new($"{author.Email} ({author.Name})");

    /// <summary>
    /// Names the authors in one <c>dc:creator</c>, joined by <c>", "</c>. With one element per author, every reader
    /// we measured but feedparser's author list shows a single name (newsboat the last, sfeed and rss-parser the
    /// first); one element holding every name is shown whole by newsboat, sfeed, feedparser and rss-parser. (Dublin
    /// Core allows either; <c>author</c> holds one e-mail address, not a list of names.)
    /// </summary>
    private static void WriteCreators(XmlWriter writer, IReadOnlyList<FeedAuthor> authors) =>
        writer.WriteElementString(FeedNamespaces.DublinCorePrefix, "creator", FeedNamespaces.DublinCore, string.Join(", ", authors.Select(author => author.Name)));

    /// <summary>
    /// Every item names its authors in <c>dc:creator</c> (<see cref="WriteCreators"/>): the post's own, else the feed's
    /// (<see cref="FeedMetadata.EntryAuthors"/>). Readers do not carry the channel's author over to its items (newsboat
    /// and sfeed show a blank), and item <c>author</c> would hold one e-mail address only, shown raw as
    /// <c>ada@example.org (Ada Lin)</c>; an item with both elements draws a W3C validator warning.
    /// </summary>
    private static IReadOnlyList<FeedAuthor> ItemAuthors(FeedEntry entry, FeedMetadata metadata) =>
        entry.Authors.Count > 0 ? entry.Authors : metadata.EntryAuthors;

    private sealed class Channel : SyndicationFeed
    {
        private readonly FeedDocument _document;
        private readonly IReadOnlyList<FeedExtension> _extensions;

        public Channel(FeedDocument document, IReadOnlyList<FeedExtension> extensions)
        {
            _document = document;
            _extensions = extensions;
            FeedMetadata metadata = document.Metadata;

            Title = new TextSyndicationContent(metadata.Title);
            Description = new TextSyndicationContent(metadata.Description ?? metadata.Title); // RSS 2.0: channel requires a description
            Language = metadata.Language;
            Generator = metadata.Generator;
            ImageUrl = metadata.Logo ?? metadata.Icon;
            if (metadata.Copyright is not null)
            {
                Copyright = new TextSyndicationContent(metadata.Copyright);
            }

            if (UsesEmailElement(metadata.Authors))
            {
                Authors.Add(EmailPerson(metadata.Authors[0]));
            }

            // RSS 2.0 makes lastBuildDate optional: an empty document without a configured date gives none.
            if (document.HasDate)
            {
                LastUpdatedTime = document.Updated;
            }

            // The first alternate link becomes <link>; the others are written as atom:link (RFC 5005 Appendix B).
            Links.Add(SyndicationLink.CreateAlternateLink(document.Links.Alternate));
            DocumentLinks.Add(Links, document, MediaType);

            Items = document.Entries.Select(entry => (SyndicationItem)new Item(entry, document, extensions));
        }

        protected override void WriteElementExtensions(XmlWriter writer, string version)
        {
            if (UsesCreators(_document.Metadata.Authors))
            {
                WriteCreators(writer, _document.Metadata.Authors);
            }

            FeedHistory.Write(writer, _document);
            foreach (FeedExtension extension in _extensions)
            {
                extension.WriteFeedElements(writer, _document);
            }
        }
    }

    private sealed class Item : SyndicationItem
    {
        private readonly FeedEntry _entry;
        private readonly FeedDocument _document;
        private readonly IReadOnlyList<FeedExtension> _extensions;

        public Item(FeedEntry entry, FeedDocument document, IReadOnlyList<FeedExtension> extensions)
        {
            _entry = entry;
            _document = document;
            _extensions = extensions;

            // Rss20FeedFormatter writes isPermaLink="true" only when the guid is the item's link, "false" otherwise:
            // exactly RSS 2.0's rule for a guid that is not the post's URL.
            Id = entry.Id;
            Title = new TextSyndicationContent(entry.Title);
            Links.Add(SyndicationLink.CreateAlternateLink(entry.Url));
            PublishDate = entry.Published;
            if (entry.Updated != entry.Published)
            {
                LastUpdatedTime = entry.Updated; // written as atom:updated: RSS 2.0 has no element for it
            }

            foreach (string category in entry.Categories)
            {
                Categories.Add(new SyndicationCategory(category));
            }

            // RSS 2.0: description is entity-encoded HTML (readers such as feedparser, rss-parser and feedsmith decode
            // it as HTML), and the excerpt is plain text, so it is HTML-escaped once here ("a < b" must not reach
            // readers as a tag) and XML-escaped once more by the writer. A blank excerpt (a post of pictures only) is
            // never an empty element, a blank summary to readers: the title stands in when there is content (the W3C
            // validator wants a description before content:encoded), and with no content there is no description.
            if (!string.IsNullOrWhiteSpace(entry.Excerpt.Text))
            {
                Summary = new TextSyndicationContent(FeedText.HtmlEncode(entry.Excerpt.Text));
            }
            else if (FeedText.HasContent(entry.ContentHtml))
            {
                Summary = new TextSyndicationContent(FeedText.HtmlEncode(entry.Title));
            }
        }

        protected override void WriteElementExtensions(XmlWriter writer, string version)
        {
            WriteCreators(writer, ItemAuthors(_entry, _document.Metadata));
            if (FeedText.HasContent(_entry.ContentHtml))
            {
                // The full body goes in content:encoded (RSS content module); description keeps the excerpt.
                writer.WriteElementString(FeedNamespaces.ContentPrefix, "encoded", FeedNamespaces.Content, _entry.ContentHtml);
            }

            foreach (FeedExtension extension in _extensions)
            {
                extension.WriteEntryElements(writer, _entry, _document);
            }
        }
    }
}
