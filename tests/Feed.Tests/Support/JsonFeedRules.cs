using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Feed.Tests.Support;

/// <summary>
/// The rules of JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), written from the spec, independent of the
/// writer: checks one document and returns every broken rule as a sentence naming the JSON path.
/// </summary>
internal static partial class JsonFeedRules
{
    public const string Version = "https://jsonfeed.org/version/1.1";

    private static readonly HashSet<string> TopLevel =
    [
        "version", "title", "home_page_url", "feed_url", "description", "user_comment", "next_url", "icon", "favicon",
        "authors", "language", "expired", "hubs", "items",
    ];

    private static readonly HashSet<string> ItemKeys =
    [
        "id", "url", "external_url", "title", "content_html", "content_text", "summary", "image", "banner_image",
        "date_published", "date_modified", "authors", "tags", "language", "attachments",
    ];

    /// <summary>Checks the bytes of one document; empty when it keeps every rule.</summary>
    public static IReadOnlyList<string> Check(byte[] utf8)
    {
        var errors = new List<string>();
        if (utf8.AsSpan().StartsWith("\uFEFF"u8))
        {
            errors.Add("the document starts with a byte-order mark");
        }

        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            errors.Add("the document is not UTF-8");
            return errors;
        }

        JsonDocument document;
        try
        {
            // RFC 8259: no comments, no trailing commas; JsonDocument's defaults are that strict.
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException e)
        {
            errors.Add($"not JSON: {e.Message}");
            return errors;
        }

        using (document)
        {
            CheckFeed(document.RootElement, errors);
        }

        return errors;
    }

    private static void CheckFeed(JsonElement feed, List<string> errors)
    {
        if (feed.ValueKind != JsonValueKind.Object)
        {
            errors.Add("the top level must be an object");
            return;
        }

        CheckKeys(feed, "$", TopLevel, errors);
        if (!feed.TryGetProperty("version", out JsonElement version) || version.ValueKind != JsonValueKind.String || version.GetString() != Version)
        {
            errors.Add($"$.version is required and must be \"{Version}\"");
        }

        RequireText(feed, "$", "title", errors);
        OptionalText(feed, "$", "description", errors);
        OptionalText(feed, "$", "user_comment", errors);
        foreach (string url in new[] { "home_page_url", "feed_url", "next_url", "icon", "favicon" })
        {
            OptionalUrl(feed, "$", url, errors);
        }

        if (feed.TryGetProperty("next_url", out JsonElement next) && feed.TryGetProperty("feed_url", out JsonElement self)
            && next.GetString() == self.GetString())
        {
            errors.Add("$.next_url must not be the feed_url (a reader would loop)");
        }

        if (feed.TryGetProperty("author", out _))
        {
            errors.Add("$.author is JSON Feed 1.0's; 1.1 uses authors");
        }

        CheckAuthors(feed, "$", errors);
        CheckLanguage(feed, "$", errors);
        if (feed.TryGetProperty("expired", out JsonElement expired) && expired.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add("$.expired must be a boolean");
        }

        if (feed.TryGetProperty("hubs", out JsonElement hubs))
        {
            if (hubs.ValueKind != JsonValueKind.Array)
            {
                errors.Add("$.hubs must be an array");
            }
            else
            {
                int i = 0;
                foreach (JsonElement hub in hubs.EnumerateArray())
                {
                    string path = $"$.hubs[{i++}]";
                    RequireText(hub, path, "type", errors);
                    RequireUrl(hub, path, "url", errors);
                }
            }
        }

        if (!feed.TryGetProperty("items", out JsonElement items) || items.ValueKind != JsonValueKind.Array)
        {
            errors.Add("$.items is required and must be an array");
            return;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        int n = 0;
        foreach (JsonElement item in items.EnumerateArray())
        {
            string path = $"$.items[{n++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{path} must be an object");
                continue;
            }

            CheckKeys(item, path, ItemKeys, errors);
            if (!item.TryGetProperty("id", out JsonElement id) || id.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(id.GetString()))
            {
                errors.Add($"{path}.id is required and must be a non-empty string");
            }
            else if (!ids.Add(id.GetString()!))
            {
                errors.Add($"{path}.id \"{id.GetString()}\" is not unique in the feed");
            }

            OptionalUrl(item, path, "url", errors);
            OptionalUrl(item, path, "external_url", errors);
            OptionalUrl(item, path, "image", errors);
            OptionalUrl(item, path, "banner_image", errors);
            OptionalText(item, path, "title", errors);
            OptionalText(item, path, "summary", errors);
            OptionalText(item, path, "content_html", errors);
            OptionalText(item, path, "content_text", errors);
            if (!item.TryGetProperty("content_html", out _) && !item.TryGetProperty("content_text", out _))
            {
                errors.Add($"{path} must have content_html or content_text");
            }

            OptionalDate(item, path, "date_published", errors);
            OptionalDate(item, path, "date_modified", errors);
            CheckAuthors(item, path, errors);
            CheckLanguage(item, path, errors);
            if (item.TryGetProperty("tags", out JsonElement tags)
                && (tags.ValueKind != JsonValueKind.Array || tags.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String)))
            {
                errors.Add($"{path}.tags must be an array of strings");
            }
        }
    }

    private static void CheckKeys(JsonElement element, string path, HashSet<string> known, List<string> errors)
    {
        foreach (JsonProperty property in element.EnumerateObject())
        {
            // Extensions: "Publishers can use custom objects in JSON Feeds. Names must start with an _ character".
            if (!known.Contains(property.Name) && !property.Name.StartsWith('_') && property.Name != "author")
            {
                errors.Add($"{path}.{property.Name} is not a JSON Feed 1.1 field, and an extension's name starts with _");
            }
        }
    }

    private static void CheckAuthors(JsonElement element, string path, List<string> errors)
    {
        if (!element.TryGetProperty("authors", out JsonElement authors))
        {
            return;
        }

        if (authors.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{path}.authors must be an array");
            return;
        }

        int i = 0;
        foreach (JsonElement author in authors.EnumerateArray())
        {
            string at = $"{path}.authors[{i++}]";
            // "Authors": an author object must have at least one of name, url, avatar.
            if (author.ValueKind != JsonValueKind.Object || !(author.TryGetProperty("name", out _) || author.TryGetProperty("url", out _) || author.TryGetProperty("avatar", out _)))
            {
                errors.Add($"{at} must be an object with a name, url or avatar");
                continue;
            }

            OptionalText(author, at, "name", errors);
            OptionalUrl(author, at, "url", errors);
            OptionalUrl(author, at, "avatar", errors);
        }
    }

    private static void CheckLanguage(JsonElement element, string path, List<string> errors)
    {
        if (element.TryGetProperty("language", out JsonElement language)
            && (language.ValueKind != JsonValueKind.String || !LanguageTag().IsMatch(language.GetString()!)))
        {
            errors.Add($"{path}.language must be an RFC 5646 language tag");
        }
    }

    private static void RequireText(JsonElement element, string path, string name, List<string> errors)
    {
        if (!element.TryGetProperty(name, out JsonElement value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            errors.Add($"{path}.{name} is required and must be a non-empty string");
        }
    }

    private static void OptionalText(JsonElement element, string path, string name, List<string> errors)
    {
        if (element.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{path}.{name} must be a string");
        }
    }

    private static void RequireUrl(JsonElement element, string path, string name, List<string> errors)
    {
        if (!element.TryGetProperty(name, out _))
        {
            errors.Add($"{path}.{name} is required");
        }

        OptionalUrl(element, path, name, errors);
    }

    private static void OptionalUrl(JsonElement element, string path, string name, List<string> errors)
    {
        if (element.TryGetProperty(name, out JsonElement value)
            && (value.ValueKind != JsonValueKind.String || !Uri.TryCreate(value.GetString(), UriKind.Absolute, out Uri? url)
                || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"{path}.{name} must be an absolute http(s) URL (was {value.GetRawText()})");
        }
    }

    private static void OptionalDate(JsonElement element, string path, string name, List<string> errors)
    {
        if (element.TryGetProperty(name, out JsonElement value)
            && (value.ValueKind != JsonValueKind.String || !Rfc3339().IsMatch(value.GetString()!)
                || !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
        {
            errors.Add($"{path}.{name} must be an RFC 3339 date-time (was {value.GetRawText()})");
        }
    }

    // RFC 3339 §5.6 date-time: full-date "T" full-time, with Z or a numeric offset.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();
}
