using Feed.Writers.Json;

namespace Feed.Writers.Html;

/// <summary>
/// The data a custom page template gets (<see cref="FeedHtmlTemplate"/>): plain dictionaries, lists, strings,
/// booleans and numbers, made by hand so no template engine reflects over Feed's types. The README's "HTML pages"
/// section documents every key; a test checks that the two agree.
/// </summary>
internal static class HtmlTemplateModel
{
    public static IReadOnlyDictionary<string, object?> Build(
        HtmlDocumentWriter writer, FeedDocument document, FeedMetadata metadata, HtmlSettings settings)
    {
        HtmlLocale words = settings.Locale;
        HtmlDocumentWriter.Navigation nav = writer.Navigate(document);
        var entries = new List<object?>(document.Entries.Count);
        foreach (FeedEntry entry in document.Entries)
        {
            entries.Add(Entry(writer, entry, metadata, words));
        }

        var items = new List<object?>();
        foreach (int? number in HtmlPager.Numbers(nav.Documents.Count, nav.Position))
        {
            items.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["number"] = number,
                ["url"] = number is { } n ? nav.UrlOf(n).AbsoluteUri : null,
                ["current"] = number == nav.Position,
                ["gap"] = number is null,
            });
        }

        var feeds = new List<object?>(settings.Feeds.Count);
        foreach (HtmlFeedLink feed in settings.Feeds)
        {
            feeds.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["format"] = feed.Key,
                ["name"] = feed.Name,
                ["type"] = feed.MediaType,
                ["url"] = feed.Url.AbsoluteUri,
                ["title"] = $"{metadata.Title} ({feed.Name})",
            });
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["site"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["title"] = metadata.Title,
                ["description"] = metadata.Description,
                ["url"] = metadata.SiteUrl.AbsoluteUri,
                ["language"] = metadata.Language,
                ["copyright"] = metadata.Copyright,
                ["generator"] = metadata.Generator,
                ["icon"] = metadata.Icon?.AbsoluteUri,
                ["logo"] = metadata.Logo?.AbsoluteUri,
                ["authors"] = Authors(metadata.Authors),
            },
            ["page"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["number"] = nav.Position,
                ["count"] = nav.Documents.Count,
                ["kind"] = document.Page.Kind == FeedPageKind.Archive ? "archive" : "page",
                ["url"] = document.Links.Self.AbsoluteUri,
                ["title"] = writer.Title(nav),
                ["updated"] = JsonFeedWriter.Rfc3339(document.Updated),
                ["updated_text"] = words.FormatDate(document.Updated),
                ["entry_count"] = document.Entries.Count,
                ["total_entries"] = document.Page.TotalCount,
                ["is_first"] = nav.Position == 1,
                ["is_last"] = nav.Position == nav.Documents.Count,
            },
            ["entries"] = entries,
            ["pager"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["previous_url"] = nav.Previous?.AbsoluteUri,
                ["next_url"] = nav.Next?.AbsoluteUri,
                ["items"] = items,
                ["nav_html"] = writer.WriteNavigation(nav),
            },
            ["feeds"] = feeds,
            ["labels"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["pages"] = words.Pages,
                ["newer"] = words.Newer,
                ["older"] = words.Older,
                ["subscribe"] = words.Subscribe,
                ["tags"] = words.Tags,
                ["empty"] = words.Empty,
            },
            ["style_html"] = "<style>" + HtmlStyle.Css + "</style>",
        };
    }

    private static Dictionary<string, object?> Entry(HtmlDocumentWriter writer, FeedEntry entry, FeedMetadata metadata, HtmlLocale words) =>
        new(StringComparer.Ordinal)
        {
            ["id"] = entry.Id,
            ["title"] = entry.Title,
            ["url"] = entry.Url.AbsoluteUri,
            ["published"] = JsonFeedWriter.Rfc3339(entry.Published),
            ["published_text"] = (entry.Language is null ? words : HtmlLocale.For(entry.Language)).FormatDate(entry.Published),
            ["updated"] = JsonFeedWriter.Rfc3339(entry.Updated),
            ["updated_text"] = (entry.Language is null ? words : HtmlLocale.For(entry.Language)).FormatDate(entry.Updated),
            ["authors"] = Authors(entry.Authors.Count > 0 ? entry.Authors : metadata.Authors),
            ["tags"] = entry.Categories.Cast<object?>().ToList(),
            ["excerpt"] = entry.Excerpt.Text,
            ["excerpt_truncated"] = entry.Excerpt.IsTruncated,
            ["content_html"] = entry.ContentHtml,
            ["language"] = entry.Language,
            ["article_html"] = writer.WriteArticle(entry),
        };

    // The e-mail address is left out, as in JSON Feed and the default page: a page is read by harvesters too.
    private static List<object?> Authors(IReadOnlyList<FeedAuthor> authors) =>
        [.. authors.Select(author => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = author.Name,
            ["url"] = author.Uri?.AbsoluteUri,
        })];
}
