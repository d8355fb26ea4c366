using Feed.Content;
using Feed.Excerpts;
using Feed.Internal;
using Markdig.Syntax;

namespace Feed.Entries;

/// <summary>
/// Makes the format-neutral <see cref="FeedEntry"/> of a post: the post checked, its texts cleaned of characters XML
/// 1.0 forbids, its excerpt, and its content HTML when full content is on. The only stage that reads Markdown.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
internal sealed class EntryFactory
{
    private readonly ExcerptGenerator _excerpts;
    private readonly bool _fullContent;

    public EntryFactory(ExcerptOptions excerpt, bool fullContent)
    {
        _excerpts = new ExcerptGenerator(excerpt);
        _fullContent = fullContent;
    }

    public FeedEntry Create(FeedPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        CheckPost(post);

        // Parse here only for the content HTML, and hand that tree to the excerpt too: parsing is the most expensive
        // step of a build, and both consumers only read the tree. Without full content the excerpt engine parses on
        // its own, usually just the start of the body (ExcerptGenerator's prefix-first strategy).
        MarkdownDocument? parsed = _fullContent && post.BodyFormat == PostBodyFormat.Markdown
            ? MarkdownParsing.TryParse(post.Body)
            : null;
        Excerpt excerpt = _excerpts.Create(post, parsed);
        string excerptText = FeedText.CleanText(excerpt.Text);
        return Assemble(
            post,
            ReferenceEquals(excerptText, excerpt.Text) ? excerpt : excerpt with { Text = excerptText },
            // No second FeedText.Clean here: the sanitizer cleans its input first and emits nothing it would remove
            // (a property test in Content/ checks that), so another scan of the whole HTML would find nothing.
            _fullContent ? HtmlContentRenderer.Instance.Render(post, parsed) : null);
    }

    private static FeedEntry Assemble(FeedPost post, Excerpt excerpt, string? contentHtml) => new()
    {
        Id = FeedText.Clean(post.EffectiveId),
        Title = FeedText.CleanText(post.Title),
        Url = post.Url,
        Published = post.Published,
        Updated = post.EffectiveUpdated,
        Authors = post.Authors.Count == 0 ? [] : [.. post.Authors.Select(CleanAuthor)],
        Categories = CleanCategories(post.Categories),
        Excerpt = excerpt,
        ContentHtml = contentHtml,
        Language = string.IsNullOrWhiteSpace(post.Language) ? null : post.Language,
        Properties = post.Properties ?? FeedPost.EmptyProperties,
    };

    /// <summary>Cleans a person construct's texts (feed authors and entry authors alike).</summary>
    public static FeedAuthor CleanAuthor(FeedAuthor author) => author with
    {
        Name = FeedText.CleanText(author.Name),
        Email = FeedText.CleanOrNull(author.Email),
    };

    private static void CheckPost(FeedPost post)
    {
        var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        var messages = new List<string>();
        if (post.Url is null || !post.Url.IsAbsoluteUri)
        {
            messages.Add($"Url must be absolute (was \"{post.Url?.OriginalString}\").");
        }
        else if (post.Url.Scheme != Uri.UriSchemeHttp && post.Url.Scheme != Uri.UriSchemeHttps)
        {
            // The post's URL is every reader's link to it, and the base its relative links resolve against: a
            // javascript: or data: URL would make every one of them run or carry a payload.
            messages.Add($"Url must be an http or https URL (was \"{post.Url.OriginalString}\").");
        }

        if (post.Title is null)
        {
            messages.Add("Title must not be null.");
        }
        else if (string.IsNullOrWhiteSpace(FeedText.CleanText(post.Title)))
        {
            // RFC 4287 §4.1.2: an entry has a title; an empty one leaves readers a blank line to click on.
            messages.Add("Title must not be empty.");
        }

        // An unset date reads as 0001-01-01T00:00:00Z. Written out, it would give RSS no pubDate and Atom the clock's
        // time (Atom10FeedFormatter writes the current time for it): two builds would differ.
        if (post.Published == default)
        {
            messages.Add("Published must be set (it was default(DateTimeOffset), 0001-01-01T00:00:00Z).");
        }

        if (post.Updated == default(DateTimeOffset))
        {
            messages.Add("Updated must be null or a real date (it was default(DateTimeOffset), 0001-01-01T00:00:00Z).");
        }

        if (post.Body is null)
        {
            messages.Add("Body must not be null.");
        }

        if (post.Id is not null && string.IsNullOrWhiteSpace(post.Id))
        {
            messages.Add("Id must not be blank (use null to make the URL the id).");
        }

        if (post.Authors is null)
        {
            messages.Add("Authors must not be null.");
        }
        else
        {
            for (int i = 0; i < post.Authors.Count; i++)
            {
                FeedOptions.CheckAuthor(errors, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Authors[{i}]"), post.Authors[i]);
            }

            messages.AddRange(errors.Select(error => error.ErrorMessage!));
        }

        if (post.Categories is null)
        {
            messages.Add("Categories must not be null.");
        }

        if (messages.Count > 0)
        {
            string? name = post.Url is null ? post.Title : post.Url.OriginalString;
            throw new ArgumentException($"Post \"{name}\" is invalid: {string.Join(" ", messages)}", nameof(post));
        }
    }

    private static IReadOnlyList<string> CleanCategories(IReadOnlyList<string> categories)
    {
        if (categories.Count == 0)
        {
            return [];
        }

        var result = new List<string>(categories.Count);
        foreach (string category in categories)
        {
            if (string.IsNullOrWhiteSpace(category))
            {
                continue;
            }

            string clean = FeedText.CleanText(category).Trim();
            if (clean.Length > 0 && !result.Contains(clean, StringComparer.Ordinal))
            {
                result.Add(clean);
            }
        }

        return result;
    }
}
