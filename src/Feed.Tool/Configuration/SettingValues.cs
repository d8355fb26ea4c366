namespace Feed.Tool.Configuration;

/// <summary>Checks shared by flags, the config file and front matter, so each value means the same wherever it is given.</summary>
internal static class SettingValues
{
    /// <summary>The placeholders a permalink template may use.</summary>
    public static readonly IReadOnlyList<string> PermalinkPlaceholders = ["{year}", "{month}", "{day}", "{slug}"];

    /// <summary>The default permalink template.</summary>
    public const string DefaultPermalink = "/posts/{slug}/";

    /// <summary>Parses a site URL: absolute http or https, no query or fragment. A missing final <c>/</c> is added.</summary>
    /// <remarks>
    /// The final slash matters: every feed URL and permalink is resolved against the site URL, and
    /// <c>https://example.org/blog</c> would resolve <c>feed.xml</c> to <c>https://example.org/feed.xml</c>.
    /// </remarks>
    /// <returns><see langword="null"/> and an error sentence when the text is not a usable site URL.</returns>
    public static Uri? ParseSiteUrl(string text, out string? error)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            error = $"'{text}' is not an absolute http or https URL.";
            return null;
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            error = $"'{text}' must not have a query or a fragment.";
            return null;
        }

        error = null;
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    /// <summary>
    /// Parses an absolute http or https URL (an author's page, an icon, a hub): any other scheme (<c>javascript:</c>,
    /// <c>data:</c>, <c>file:</c>) would reach a reader's link or image untouched, so it is refused.
    /// </summary>
    /// <returns><see langword="null"/> and an error sentence when the text is not an absolute http or https URL.</returns>
    public static Uri? ParseAbsoluteUri(string text, out string? error)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            error = null;
            return uri;
        }

        error = uri is null ? $"'{text}' is not an absolute URL." : $"'{text}' is not an http or https URL.";
        return null;
    }

    /// <summary>Checks a permalink template: only known placeholders, no query or fragment, no backslash.</summary>
    /// <returns>An error sentence, or <see langword="null"/> when the template is fine.</returns>
    public static string? CheckPermalinkTemplate(string template)
    {
        if (CheckPathTemplate(template) is { } problem)
        {
            return problem;
        }

        int i = 0;
        while ((i = template.IndexOf('{', i)) >= 0)
        {
            int end = template.IndexOf('}', i);
            string placeholder = end < 0 ? template[i..] : template[i..(end + 1)];
            if (!PermalinkPlaceholders.Contains(placeholder, StringComparer.Ordinal))
            {
                return $"the permalink '{template}' uses '{placeholder}'; the placeholders are {string.Join(", ", PermalinkPlaceholders)}.";
            }

            i = end + 1;
        }

        return template.Contains('}', StringComparison.Ordinal) && template.Replace("{year}", "", StringComparison.Ordinal)
            .Replace("{month}", "", StringComparison.Ordinal).Replace("{day}", "", StringComparison.Ordinal)
            .Replace("{slug}", "", StringComparison.Ordinal).Contains('}', StringComparison.Ordinal)
            ? $"the permalink '{template}' has a '}}' without a matching '{{'."
            : null;
    }

    /// <summary>Checks a permalink as a path, whatever its placeholders: not empty, no query or fragment, no backslash, no other site, no dot segments.</summary>
    /// <returns>An error sentence, or <see langword="null"/> when the template is fine.</returns>
    public static string? CheckPathTemplate(string template)
    {
        if (template.Length == 0)
        {
            return "a permalink must not be empty.";
        }

        if (template.Contains('\\', StringComparison.Ordinal) || template.Contains('?', StringComparison.Ordinal)
            || template.Contains('#', StringComparison.Ordinal))
        {
            return $"the permalink '{template}' must not contain '\\', '?' or '#'.";
        }

        // Checked on the template, not per post: a config template that leaves the site is one problem, reported
        // once at its line, not once for every post that uses it.
        if (template.StartsWith("//", StringComparison.Ordinal) || template.Contains("://", StringComparison.Ordinal))
        {
            return $"the permalink '{template}' points to another site; it must be a path under the site URL.";
        }

        if (template.Trim('/').Length == 0)
        {
            return $"the permalink '{template}' is the site URL itself; every post needs a page of its own, such as '/posts/{{slug}}/'.";
        }

        foreach (string segment in template.TrimStart('/').Split('/'))
        {
            if (segment is "." or ".." || segment.Equals("%2e", StringComparison.OrdinalIgnoreCase)
                || segment.Equals("%2e%2e", StringComparison.OrdinalIgnoreCase))
            {
                return $"the permalink '{template}' has a '.' or '..' segment and would escape the site URL.";
            }
        }

        return null;
    }
}
