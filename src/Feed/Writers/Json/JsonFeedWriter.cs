using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Feed.Internal;

namespace Feed.Writers.Json;

/// <summary>
/// Writes a <see cref="FeedDocument"/> as JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) with
/// <see cref="Utf8JsonWriter"/>: UTF-8 without a byte-order mark, properties always in the same order.
/// </summary>
/// <remarks>
/// JSON Feed has one paging link, <c>next_url</c>; the RFC 5005 links it has no field for (<c>first</c>, <c>last</c>,
/// <c>previous</c>, archive links) are not written. Extensions (<see cref="FeedExtension"/>) write XML and have no
/// part here. Stateless; thread-safe.
/// </remarks>
internal static class JsonFeedWriter
{
    /// <summary>The <c>version</c> of every document (JSON Feed 1.1, "Top-level").</summary>
    public const string Version = "https://jsonfeed.org/version/1.1";

    // A feed document is served as application/feed+json and never inlined into an HTML <script>, so the
    // HTML-sensitive characters (< > & ' +) need no \u escapes; escaped, content_html would be unreadable and a third
    // larger. Characters JSON requires escaped (RFC 8259 §7: quote, backslash, controls) still are.
    private static readonly JsonWriterOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    private static readonly JsonWriterOptions Indented = Compact with { Indented = true, IndentSize = 2, NewLine = "\n" };

    public static void Write(FeedDocument document, Stream stream, bool indent) => Write(document, stream, indent, null, null);

    /// <summary>
    /// Writes <paramref name="document"/>, telling where each item's fragment is (<paramref name="captured"/>) or writing the
    /// given fragments as its items (<paramref name="splice"/>): see <see cref="Fragments.EntryFragments"/>. A fragment
    /// is an item object with the line end and indentation before it; the comma between items is not part of it (the
    /// writer puts it before every item but the first, fragment or not).
    /// </summary>
    public static void Write(
        FeedDocument document, Stream stream, bool indent, List<Fragments.FragmentRange>? captured, IReadOnlyList<ReadOnlyMemory<byte>>? splice)
    {
        using var json = new Utf8JsonWriter(stream, indent ? Indented : Compact);
        FeedMetadata metadata = document.Metadata;
        Paging.FeedLinks links = document.Links;

        // "Top-level": version, title and items are required; the rest are optional and written when known.
        json.WriteStartObject();
        json.WriteString("version", Version);
        json.WriteString("title", metadata.Title);
        json.WriteString("home_page_url", links.Alternate.AbsoluteUri);
        json.WriteString("feed_url", links.Self.AbsoluteUri);
        if (metadata.Description is not null)
        {
            json.WriteString("description", metadata.Description);
        }

        if (links.Next is not null)
        {
            json.WriteString("next_url", links.Next.AbsoluteUri); // JSON Feed's one paging hook
        }

        if (metadata.Icon is not null)
        {
            json.WriteString("favicon", metadata.Icon.AbsoluteUri); // "favicon": small and square, as Atom's icon
        }

        // "Top-level": authors of the feed; its publisher when it names none, as the Atom feed does.
        WriteAuthors(json, metadata.EntryAuthors);
        if (metadata.Language is not null)
        {
            json.WriteString("language", metadata.Language);
        }

        if (metadata.Hub is not null)
        {
            // "hubs": endpoints to subscribe to real-time notifications; WebSub is the type W3C WebSub names.
            json.WriteStartArray("hubs");
            json.WriteStartObject();
            json.WriteString("type", "WebSub");
            json.WriteString("url", metadata.Hub.AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartArray("items");
        if (splice is not null)
        {
            for (int i = 0; i < splice.Count; i++)
            {
                if (captured is not null)
                {
                    json.Flush();
                    captured.Add(new Fragments.FragmentRange(checked((int)stream.Position) + (i == 0 ? 0 : 1), splice[i].Length));
                }

                // The writer adds the comma, never the indentation: the fragment carries its own (as written).
                json.WriteRawValue(splice[i].Span, skipInputValidation: true);
            }
        }
        else
        {
            for (int i = 0; i < document.Entries.Count; i++)
            {
                long start = 0;
                if (captured is not null)
                {
                    json.Flush();
                    start = stream.Position + (i == 0 ? 0 : 1); // after the comma
                }

                WriteItem(json, document.Entries[i], metadata);
                if (captured is not null)
                {
                    json.Flush();
                    captured.Add(new Fragments.FragmentRange(checked((int)start), checked((int)(stream.Position - start))));
                }
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }

    private static void WriteItem(Utf8JsonWriter json, FeedEntry entry, FeedMetadata metadata)
    {
        json.WriteStartObject();
        json.WriteString("id", entry.Id); // "Items": required, a string, unique and permanent
        json.WriteString("url", entry.Url.AbsoluteUri);
        json.WriteString("title", entry.Title);

        // "Items": content_html or content_text must be present. The excerpt is plain text, so it is the summary;
        // without full content it stands in as content_text too (the title when it is blank, as in Atom).
        bool hasContent = FeedText.HasContent(entry.ContentHtml);
        bool hasExcerpt = !string.IsNullOrWhiteSpace(entry.Excerpt.Text);
        if (hasContent)
        {
            json.WriteString("content_html", entry.ContentHtml);
        }
        else
        {
            json.WriteString("content_text", hasExcerpt ? entry.Excerpt.Text : entry.Title);
        }

        if (hasExcerpt)
        {
            json.WriteString("summary", entry.Excerpt.Text);
        }

        json.WriteString("date_published", Rfc3339(entry.Published));
        json.WriteString("date_modified", Rfc3339(entry.Updated));

        // JSON Feed 1.1 "Items": an item without authors has the top-level ones; written on every item anyway, as in
        // Atom and RSS, because readers show a blank author for an item without its own.
        WriteAuthors(json, entry.Authors.Count > 0 ? entry.Authors : metadata.EntryAuthors);
        if (entry.Categories.Count > 0)
        {
            json.WriteStartArray("tags");
            foreach (string category in entry.Categories)
            {
                json.WriteStringValue(category);
            }

            json.WriteEndArray();
        }

        if (entry.Language is not null)
        {
            json.WriteString("language", entry.Language);
        }

        json.WriteEndObject();
    }

    /// <summary>"Authors": <c>name</c> and <c>url</c>; JSON Feed has no e-mail field, so an address is not published here.</summary>
    private static void WriteAuthors(Utf8JsonWriter json, IReadOnlyList<FeedAuthor> authors)
    {
        if (authors.Count == 0)
        {
            return;
        }

        json.WriteStartArray("authors");
        foreach (FeedAuthor author in authors)
        {
            json.WriteStartObject();
            json.WriteString("name", author.Name);
            if (author.Uri is not null)
            {
                json.WriteString("url", author.Uri.AbsoluteUri);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// An RFC 3339 date-time, as the Atom documents write it: whole seconds, <c>Z</c> for UTC, else the post's own offset.
    /// </summary>
    internal static string Rfc3339(DateTimeOffset date) => date.Offset == TimeSpan.Zero
        ? date.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture)
        : date.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'sszzz", CultureInfo.InvariantCulture);
}
