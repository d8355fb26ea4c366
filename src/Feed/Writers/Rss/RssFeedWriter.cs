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
        bool creators = UsesCreators(document.Metadata.Authors);
        foreach (FeedEntry entry in document.Entries)
        {
            content |= entry.ContentHtml is not null;
            creators |= UsesCreators(entry.Authors);
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
    /// RSS 2.0 <c>author</c>/<c>managingEditor</c> hold one e-mail address, optionally <c>email (Name)</c>; the RSS
    /// profile and the W3C validator want the name. So a single author with an e-mail is written there; a name
    /// without an e-mail, or several authors, go to <c>dc:creator</c> (never both: the validator flags duplicate semantics).
    /// </summary>
    private static bool UsesEmailElement(IReadOnlyList<FeedAuthor> authors) => authors.Count == 1 && authors[0].Email is not null;

    private static bool UsesCreators(IReadOnlyList<FeedAuthor> authors) => authors.Count > 0 && !UsesEmailElement(authors);

    private static SyndicationPerson EmailPerson(FeedAuthor author) => new($"{author.Email} ({author.Name})");

    private static void WriteCreators(XmlWriter writer, IReadOnlyList<FeedAuthor> authors)
    {
        if (!UsesCreators(authors))
        {
            return;
        }

        foreach (FeedAuthor author in authors)
        {
            writer.WriteElementString(FeedNamespaces.DublinCorePrefix, "creator", FeedNamespaces.DublinCore, author.Name);
        }
    }

    private static SyndicationLink Link(Uri uri, string rel) => new(uri, rel, null, MediaType, 0);

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
            Paging.FeedLinks links = document.Links;
            Links.Add(SyndicationLink.CreateAlternateLink(links.Alternate));
            Links.Add(Link(links.Self, "self"));
            AddLink(links.First, "first");
            AddLink(links.Previous, "previous");
            AddLink(links.Next, "next");
            AddLink(links.Last, "last");
            AddLink(links.Current, "current");
            AddLink(links.PreviousArchive, "prev-archive");
            AddLink(links.NextArchive, "next-archive");

            Items = document.Entries.Select(entry => (SyndicationItem)new Item(entry, document, extensions));
        }

        protected override void WriteElementExtensions(XmlWriter writer, string version)
        {
            WriteCreators(writer, _document.Metadata.Authors);
            FeedHistory.Write(writer, _document);
            foreach (FeedExtension extension in _extensions)
            {
                extension.WriteFeedElements(writer, _document);
            }
        }

        private void AddLink(Uri? uri, string rel)
        {
            if (uri is not null)
            {
                Links.Add(Link(uri, rel));
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

            if (UsesEmailElement(entry.Authors))
            {
                Authors.Add(EmailPerson(entry.Authors[0]));
            }

            foreach (string category in entry.Categories)
            {
                Categories.Add(new SyndicationCategory(category));
            }

            // RSS 2.0: description is entity-encoded HTML, and the excerpt is plain text, so it is HTML-escaped once
            // here ("a < b" must not reach readers as a tag) and XML-escaped once more by the writer.
            // An empty excerpt (a post of images only) still gets a description when there is content: readers and
            // the W3C validator expect content:encoded to come with one.
            if (entry.Excerpt.Text.Length > 0 || entry.ContentHtml is not null)
            {
                Summary = new TextSyndicationContent(FeedText.HtmlEncode(entry.Excerpt.Text));
            }
        }

        protected override void WriteElementExtensions(XmlWriter writer, string version)
        {
            WriteCreators(writer, _entry.Authors);
            if (_entry.ContentHtml is not null)
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
