using System.Globalization;
using System.Text.RegularExpressions;
using Feed.Tool.Configuration;
using Feed.Tool.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Feed.Tool.Posts;

/// <summary>The site-wide rules a post's front matter is read with.</summary>
/// <param name="SiteUrl">The absolute site URL, ending in <c>/</c>; every post URL must stay under it.</param>
/// <param name="Permalink">The default permalink template.</param>
/// <param name="TimeZone">The zone of dates written without an offset.</param>
internal sealed record PostRules(Uri SiteUrl, string Permalink, TimeZoneInfo TimeZone)
{
    /// <summary>Gets the largest post file, in bytes (<c>--max-post-size</c>): a post is read whole, so this bounds memory.</summary>
    public long MaxPostBytes { get; init; } = Configuration.BuildSettings.DefaultMaxPostSizeMegabytes * 1024L * 1024L;
}

/// <summary>
/// Turns a post's YAML front matter into a <see cref="PostHead"/>, reporting every problem with its line and column.
/// Uses YamlDotNet's representation model, whose nodes carry their start marks; scalars are taken as text and
/// typed here, so <c>date: 2025-03-02</c> and <c>date: "2025-03-02"</c> mean the same.
/// </summary>
/// <remarks>Keys this tool does not know (<c>layout</c>, <c>image</c>, ...) belong to the site generator and are ignored.</remarks>
internal static partial class FrontMatterReader
{
    /// <summary>Reads one post's front matter.</summary>
    /// <param name="yaml">The YAML text (file line <see cref="FrontMatter.FirstYamlLine"/> onwards).</param>
    /// <param name="file">The post's file.</param>
    /// <param name="rules">The site-wide rules.</param>
    /// <param name="diagnostics">Receives every problem (the caller's list; not shared between threads).</param>
    /// <returns>The post, or <see langword="null"/> when it has errors.</returns>
    public static PostHead? Read(string yaml, PostFile file, PostRules rules, List<Diagnostic> diagnostics)
    {
        var errors = new Errors(file.DisplayPath, diagnostics);
        YamlTree.Mapping? map;
        var parser = new TrackingParser(new Parser(new StringReader(yaml)));
        try
        {
            YamlTree.Node? root = YamlTree.Load(parser);
            map = root as YamlTree.Mapping;
            if (root is not null && map is null && !IsNull(root))
            {
                errors.At(root, DiagnosticCodes.InvalidYaml, "the front matter must be a mapping of 'key: value' lines.");
                return null;
            }
        }
        catch (YamlException e)
        {
            // The parser's messages quote positions of their own; the diagnostic's position is the one to read.
            errors.Add(e.Start.Line + FrontMatter.FirstYamlLine - 1, (int)e.Start.Column, DiagnosticCodes.InvalidYaml,
                $"invalid YAML: {e.Message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (with no position) on some malformed input, e.g. an unclosed '[' followed
            // by more lines; point at the end of the last well-formed piece, where the trouble starts.
            errors.Add(parser.LastGood.Line + FrontMatter.FirstYamlLine - 1, (int)parser.LastGood.Column, DiagnosticCodes.InvalidYaml,
                "invalid YAML: a value here is not closed (an unclosed '[', '{' or quote?).");
            return null;
        }

        var fields = new Dictionary<string, YamlTree.Node>(StringComparer.Ordinal);
        if (map is not null)
        {
            foreach (var (keyNode, valueNode) in map.Children)
            {
                if (keyNode is YamlTree.Scalar { Value: { } key })
                {
                    fields[key] = valueNode;
                }
            }
        }

        int errorsBefore = diagnostics.Count;
        string? title = RequiredText(fields, "title", errors);
        DateTimeOffset? date = Date(fields, "date", required: true, rules.TimeZone, errors);
        DateTimeOffset? updated = Date(fields, "updated", required: false, rules.TimeZone, errors);
        string? summary = OptionalText(fields, "summary", errors);
        // Kept apart for the feeds per tag and per category; the entry carries both, categories first, once each.
        List<string> categoryNames = [];
        AddTerms(fields, "categories", categoryNames, errors);
        List<string> tagNames = [];
        AddTerms(fields, "tags", tagNames, errors);
        List<string> categories = [.. categoryNames, .. tagNames.Where(tag => !categoryNames.Contains(tag, StringComparer.Ordinal))];
        int TermsLine(string key) => fields.TryGetValue(key, out YamlTree.Node? node) ? errors.Position(node).Line : 1;
        List<FeedAuthor> authors = Authors(fields, errors);
        bool draft = Bool(fields, "draft", errors) ?? false;
        string? language = OptionalText(fields, "lang", errors);
        if (language is not null && !Feed.Internal.ValueRules.IsLanguageTag(language))
        {
            errors.At(fields["lang"], DiagnosticCodes.InvalidField, $"'lang': '{language}' is not a language tag such as 'en' or 'zh-CN'.");
        }

        string? id = OptionalText(fields, "id", errors);
        if (id is not null && !Uri.TryCreate(id, UriKind.Absolute, out _))
        {
            // RFC 4287 §4.2.6: atom:id is an IRI, permanent and universally unique; a bare word is not one.
            errors.At(fields["id"], DiagnosticCodes.InvalidField,
                $"'id': '{id}' is not an absolute URI; use a URL or a tag: URI such as 'tag:example.org,2025:my-post'.");
        }

        var (slugLine, slugColumn) = (1, 1);
        string? slug = OptionalText(fields, "slug", errors);
        if (slug is not null)
        {
            (slugLine, slugColumn) = errors.Position(fields["slug"]);
        }
        else
        {
            slug = SlugFromFileName(file.RelativePath);
        }

        if (slug.Length == 0 || slug is "." or ".." || slug.AsSpan().IndexOfAny('/', '\\') >= 0
            || slug.AsSpan().ContainsAnyInRange('\0', '\u001F') || string.IsNullOrWhiteSpace(slug))
        {
            errors.Add(slugLine, slugColumn, DiagnosticCodes.EscapingSlug,
                $"the slug '{slug}' would escape its folder: it must be non-empty, not '.' or '..', and hold no '/', '\\' or control characters.");
            slug = null;
        }

        string? permalink = OptionalText(fields, "permalink", errors);
        if (permalink is not null)
        {
            (slugLine, slugColumn) = errors.Position(fields["permalink"]);
            if (SettingValues.CheckPermalinkTemplate(permalink) is { } problem)
            {
                errors.Add(slugLine, slugColumn, DiagnosticCodes.EscapingPermalink, problem);
                permalink = null;
                slug = null;
            }
        }

        var (idLine, idColumn) = fields.TryGetValue("id", out YamlTree.Node? idNode) ? errors.Position(idNode) : (slugLine, slugColumn);

        if (title is null || date is null || diagnostics.Count > errorsBefore || slug is null)
        {
            return null;
        }

        Uri? url = ResolveUrl(permalink ?? rules.Permalink, slug, date.Value, rules.SiteUrl, out string? urlError);
        if (url is null)
        {
            errors.Add(slugLine, slugColumn, DiagnosticCodes.EscapingPermalink, urlError!);
            return null;
        }

        return new PostHead
        {
            File = file,
            Id = id,
            Title = title,
            Url = url.AbsoluteUri,
            Published = date.Value,
            Updated = updated,
            Authors = SharedValues.AuthorList(authors),
            Categories = SharedValues.TermList(categories),
            Tags = SharedValues.TermList(tagNames),
            CategoryNames = SharedValues.TermList(categoryNames),
            TagsLine = TermsLine("tags"),
            CategoriesLine = TermsLine("categories"),
            AuthorsLine = fields.ContainsKey("authors") ? TermsLine("authors") : TermsLine("author"),
            Summary = summary,
            Language = language,
            Draft = draft,
            SlugLine = slugLine,
            SlugColumn = slugColumn,
            IdLine = idLine,
            IdColumn = idColumn,
        };
    }

    /// <summary>The slug a file name gives: the name without extension and without a leading <c>YYYY-MM-DD-</c>.</summary>
    /// <remarks>A page bundle (<c>my-post/index.md</c>) takes its folder's name, as Hugo does.</remarks>
    /// <param name="relativePath">The post's path inside the posts folder, <c>/</c>-separated.</param>
    /// <returns>The slug (possibly empty, which the caller reports).</returns>
    public static string SlugFromFileName(string relativePath)
    {
        string[] parts = relativePath.Split('/');
        string name = Path.GetFileNameWithoutExtension(parts[^1]);
        if (name.Equals("index", StringComparison.OrdinalIgnoreCase) && parts.Length > 1)
        {
            name = parts[^2];
        }

        return DatePrefix().Replace(name, string.Empty, 1);
    }

    /// <summary>Fills a permalink template and resolves it against the site URL, refusing anything that leaves the site.</summary>
    /// <param name="template">The template, e.g. <c>/posts/{slug}/</c>; a leading <c>/</c> means the site URL's root.</param>
    /// <param name="slug">The post's slug (escaped here).</param>
    /// <param name="date">The post's date, as written (its own offset), for <c>{year}</c>, <c>{month}</c>, <c>{day}</c>.</param>
    /// <param name="siteUrl">The site URL, ending in <c>/</c>.</param>
    /// <param name="error">Why the URL is refused.</param>
    /// <returns>The absolute URL, or <see langword="null"/>.</returns>
    public static Uri? ResolveUrl(string template, string slug, DateTimeOffset date, Uri siteUrl, out string? error)
    {
        if (template.StartsWith("//", StringComparison.Ordinal) || template.Contains("://", StringComparison.Ordinal))
        {
            error = $"the permalink '{template}' points to another site; it must be a path under the site URL {siteUrl.AbsoluteUri}.";
            return null;
        }

        string path = template
            .Replace("{year}", date.Year.ToString("D4", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{month}", date.Month.ToString("D2", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{day}", date.Day.ToString("D2", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{slug}", Uri.EscapeDataString(slug), StringComparison.Ordinal);

        // Relative to the site URL (a blog under /blog/ keeps its posts under /blog/), never to the host's root.
        string relative = path.TrimStart('/');
        foreach (string segment in relative.Split('/'))
        {
            if (segment is "." or ".." || segment.Equals("%2e", StringComparison.OrdinalIgnoreCase)
                || segment.Equals("%2e%2e", StringComparison.OrdinalIgnoreCase))
            {
                error = $"the permalink '{template}' has a '.' or '..' segment and would escape the site URL {siteUrl.AbsoluteUri}.";
                return null;
            }
        }

        if (!Uri.TryCreate(siteUrl, relative, out Uri? url)
            || !url.AbsoluteUri.StartsWith(siteUrl.AbsoluteUri, StringComparison.Ordinal)
            || url.AbsoluteUri.Length == siteUrl.AbsoluteUri.Length)
        {
            error = $"the permalink '{template}' does not resolve to a page under the site URL {siteUrl.AbsoluteUri}.";
            return null;
        }

        error = null;
        return url;
    }

    private static bool IsNull(YamlTree.Node node) =>
        node is YamlTree.Scalar { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string? RequiredText(Dictionary<string, YamlTree.Node> fields, string key, Errors errors)
    {
        if (!fields.TryGetValue(key, out YamlTree.Node? node) || IsNull(node))
        {
            errors.Missing(key);
            return null;
        }

        string? text = Scalar(node, key, errors);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            errors.At(node, DiagnosticCodes.MissingField, $"'{key}' is empty.");
            return null;
        }

        return text?.Trim();
    }

    private static string? OptionalText(Dictionary<string, YamlTree.Node> fields, string key, Errors errors)
    {
        if (!fields.TryGetValue(key, out YamlTree.Node? node) || IsNull(node))
        {
            return null;
        }

        string? text = Scalar(node, key, errors)?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static string? Scalar(YamlTree.Node node, string key, Errors errors)
    {
        if (node is YamlTree.Scalar scalar)
        {
            return scalar.Value;
        }

        errors.At(node, DiagnosticCodes.InvalidField, $"'{key}' must be a single value, not a {(node is YamlTree.Sequence ? "list" : "mapping")}.");
        return null;
    }

    private static DateTimeOffset? Date(Dictionary<string, YamlTree.Node> fields, string key, bool required, TimeZoneInfo zone, Errors errors)
    {
        if (!fields.TryGetValue(key, out YamlTree.Node? node) || IsNull(node))
        {
            if (required)
            {
                errors.Missing(key);
            }

            return null;
        }

        if (Scalar(node, key, errors) is not { } text)
        {
            return null;
        }

        if (PostDates.TryParse(text, zone, out DateTimeOffset value, out string? error))
        {
            return value;
        }

        errors.At(node, DiagnosticCodes.InvalidDate, $"'{key}': {error}.");
        return null;
    }

    private static bool? Bool(Dictionary<string, YamlTree.Node> fields, string key, Errors errors)
    {
        if (!fields.TryGetValue(key, out YamlTree.Node? node) || IsNull(node))
        {
            return null;
        }

        // YAML 1.2 core schema booleans, plus the YAML 1.1 yes/no that Jekyll-era front matter still uses.
        switch (Scalar(node, key, errors)?.ToUpperInvariant())
        {
            case "TRUE" or "YES" or "ON":
                return true;
            case "FALSE" or "NO" or "OFF":
                return false;
            case null:
                return null;
            default:
                errors.At(node, DiagnosticCodes.InvalidField, $"'{key}' must be true or false.");
                return null;
        }
    }

    private static void AddTerms(Dictionary<string, YamlTree.Node> fields, string key, List<string> terms, Errors errors)
    {
        if (!fields.TryGetValue(key, out YamlTree.Node? node) || IsNull(node))
        {
            return;
        }

        IEnumerable<YamlTree.Node> items = node is YamlTree.Sequence sequence ? sequence.Children : [node];
        foreach (YamlTree.Node item in items)
        {
            if (item is not YamlTree.Scalar { Value: { } value } || string.IsNullOrWhiteSpace(value))
            {
                errors.At(item, DiagnosticCodes.InvalidField, $"'{key}' must be a name or a list of names.");
                continue;
            }

            value = SharedValues.Term(value.Trim());
            if (!terms.Contains(value, StringComparer.Ordinal))
            {
                terms.Add(value);
            }
        }
    }

    private static List<FeedAuthor> Authors(Dictionary<string, YamlTree.Node> fields, Errors errors)
    {
        var authors = new List<FeedAuthor>();
        foreach (string key in (ReadOnlySpan<string>)["author", "authors"])
        {
            if (!fields.TryGetValue(key, out YamlTree.Node? node) || IsNull(node))
            {
                continue;
            }

            IEnumerable<YamlTree.Node> items = node is YamlTree.Sequence sequence ? sequence.Children : [node];
            foreach (YamlTree.Node item in items)
            {
                if (Author(item, key, errors) is { } author && !authors.Contains(author))
                {
                    authors.Add(SharedValues.Author(author));
                }
            }
        }

        return authors;
    }

    private static FeedAuthor? Author(YamlTree.Node node, string key, Errors errors)
    {
        if (node is YamlTree.Scalar { Value: { } name } && !string.IsNullOrWhiteSpace(name))
        {
            return new FeedAuthor(name.Trim());
        }

        if (node is not YamlTree.Mapping map)
        {
            errors.At(node, DiagnosticCodes.InvalidField, $"'{key}' must be a name, a mapping {{name, email, uri}}, or a list of them.");
            return null;
        }

        string? authorName = null, email = null;
        Uri? uri = null;
        foreach (var (k, v) in map.Children)
        {
            string field = (k as YamlTree.Scalar)?.Value ?? string.Empty;
            string? text = v is YamlTree.Scalar s && !IsNull(v) ? s.Value.Trim() : null;
            switch (field)
            {
                case "name":
                    authorName = string.IsNullOrEmpty(text) ? null : text;
                    break;
                case "email":
                    if (text is null || !Feed.Internal.ValueRules.IsEmail(text))
                    {
                        errors.At(v, DiagnosticCodes.InvalidField, $"'{key}.email' must be a bare e-mail address such as someone@example.org.");
                    }
                    else
                    {
                        email = text;
                    }

                    break;
                case "uri" or "url":
                    if (text is null || (uri = SettingValues.ParseAbsoluteUri(text, out _)) is null)
                    {
                        errors.At(v, DiagnosticCodes.InvalidField, $"'{key}.{field}' must be an absolute http or https URL (was '{text}').");
                    }

                    break;
                default:
                    errors.At(k, DiagnosticCodes.InvalidField, $"'{key}' has an unknown field '{field}'; the fields are name, email, uri.");
                    break;
            }
        }

        if (authorName is null)
        {
            errors.At(node, DiagnosticCodes.InvalidField, $"'{key}' needs a non-empty 'name'.");
            return null;
        }

        return new FeedAuthor(authorName) { Email = email, Uri = uri };
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}-", RegexOptions.CultureInvariant)]
    private static partial Regex DatePrefix();

    /// <summary>Passes parser events through, remembering where the last good one ended.</summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        public Mark LastGood { get; private set; } = Mark.Empty;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            bool more = inner.MoveNext();
            if (inner.Current is { } current)
            {
                LastGood = current.End;
            }

            return more;
        }
    }

    /// <summary>Adds diagnostics for one file, translating YAML positions to file positions.</summary>
    private sealed class Errors(string path, List<Diagnostic> diagnostics)
    {
        public (int Line, int Column) Position(YamlTree.Node node) =>
            ((int)node.Start.Line + FrontMatter.FirstYamlLine - 1, (int)node.Start.Column);

        public void Add(long line, int column, string code, string message) =>
            diagnostics.Add(new Diagnostic(path, (int)line, column, code, message));

        public void At(YamlTree.Node node, string code, string message)
        {
            var (line, column) = Position(node);
            Add(line, column, code, message);
        }

        // A missing field is reported on the opening '---' line: there is no better place to point at.
        public void Missing(string key) =>
            Add(1, 1, DiagnosticCodes.MissingField, $"the front matter has no '{key}'; every post needs a title and a date.");
    }
}
