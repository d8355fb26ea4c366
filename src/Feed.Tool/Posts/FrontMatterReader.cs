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
    /// <summary>Gets the site generator whose rules the posts are read by (config <c>conventions</c>; default: the tool's own).</summary>
    public Conventions.Convention Convention { get; init; } = Conventions.Convention.Plain;

    /// <summary>
    /// Gets whether drafts are published (<c>--drafts</c>). Under a generator's conventions a draft that will not be
    /// published is not checked, as its generator does not read it either; the plain rules check every post.
    /// </summary>
    public bool IncludeDrafts { get; init; } = true;

    /// <summary>Gets what the build knows of the posts folder (its name, its Hugo leaf bundles), for reading paths.</summary>
    public Conventions.PostsFolderFacts Folder { get; init; } = Conventions.PostsFolderFacts.Empty;

    /// <summary>
    /// Gets whether symbolic links in the posts folder that lead outside it are followed (<c>--follow-external-links</c>,
    /// config <c>followExternalLinks</c>). By default only links to files and folders inside the posts folder are.
    /// </summary>
    public bool FollowExternalLinks { get; init; }

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
    /// <param name="yaml">The YAML text (file line 2 onwards).</param>
    /// <param name="file">The post's file.</param>
    /// <param name="rules">The site-wide rules.</param>
    /// <param name="diagnostics">Receives every problem (the caller's list; not shared between threads).</param>
    /// <returns>The post, or <see langword="null"/> when it has errors.</returns>
    public static PostHead? Read(string yaml, PostFile file, PostRules rules, List<Diagnostic> diagnostics) =>
        Read(new FrontMatter(FrontMatterFormat.Yaml, 0, yaml.Length, yaml.Length, 2), yaml, file, rules, diagnostics);

    /// <summary>Reads one post's front matter, in whatever language it is written.</summary>
    /// <param name="bounds">Where the front matter is, and its language.</param>
    /// <param name="text">The front matter's text.</param>
    /// <param name="file">The post's file.</param>
    /// <param name="rules">The site-wide rules.</param>
    /// <param name="diagnostics">Receives every problem (the caller's list; not shared between threads).</param>
    /// <returns>The post, or <see langword="null"/> when it has errors.</returns>
    public static PostHead? Read(FrontMatter bounds, string text, PostFile file, PostRules rules, List<Diagnostic> diagnostics)
    {
        var errors = new Errors(file.DisplayPath, diagnostics, bounds.FirstLine);
        Conventions.Convention convention = rules.Convention;
        Conventions.FieldKeys k = convention.Keys;
        YamlTree.Mapping? map = null;
        switch (bounds.Format)
        {
            case FrontMatterFormat.Yaml:
                var parser = new TrackingParser(new Parser(new StringReader(text)));
                try
                {
                    YamlTree.Node? root = YamlTree.Load(parser, bounds.FirstLine);
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
                    errors.Add(e.Start.Line + bounds.FirstLine - 1, (int)e.Start.Column, DiagnosticCodes.InvalidYaml,
                        e is YamlTree.LimitException ? e.Message : $"invalid YAML: {e.Message}");
                    return null;
                }
                catch (InvalidOperationException)
                {
                    // YamlDotNet's scanner throws this (with no position) on some malformed input, e.g. an unclosed '[' followed
                    // by more lines; point at the end of the last well-formed piece, where the trouble starts.
                    errors.Add(parser.LastGood.Line + bounds.FirstLine - 1, (int)parser.LastGood.Column, DiagnosticCodes.InvalidYaml,
                        "invalid YAML: a value here is not closed (an unclosed '[', '{' or quote?).");
                    return null;
                }

                break;
            case FrontMatterFormat.Toml or FrontMatterFormat.Json:
                try
                {
                    map = bounds.Format == FrontMatterFormat.Toml
                        ? FrontMatterParsers.ReadToml(text)
                        : FrontMatterParsers.ReadJson(text, membersOnly: !text.TrimStart().StartsWith('{'));
                }
                catch (FrontMatterSyntaxException e)
                {
                    errors.Add(e.Line + bounds.FirstLine - 1, e.Column, DiagnosticCodes.InvalidYaml, e.Message);
                    return null;
                }

                break;
        }

        // Hugo lower-cases front-matter keys (https://gohugo.io/content-management/front-matter/), so `Title` is `title`.
        var fields = new Dictionary<string, YamlTree.Node>(convention.KeysIgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var keyNodes = new List<(string Key, YamlTree.Node Node)>();
        if (map is not null)
        {
            foreach (var (keyNode, valueNode) in map.Children)
            {
                if (keyNode is YamlTree.Scalar { Value: { } key })
                {
                    fields.TryAdd(key, valueNode);
                    keyNodes.Add((key, keyNode));
                }
            }
        }

        return Read(fields, keyNodes, bounds, file, rules, errors, diagnostics);
    }

    private static PostHead? Read(
        Dictionary<string, YamlTree.Node> fields, List<(string Key, YamlTree.Node Node)> keyNodes, FrontMatter bounds, PostFile file,
        PostRules rules, Errors errors, List<Diagnostic> diagnostics)
    {
        Conventions.Convention convention = rules.Convention;
        Conventions.FieldKeys k = convention.Keys;
        Conventions.PathFacts facts = convention.Facts(file.RelativePath, rules.Folder);
        bool lenient = k.Lenient;
        string? First(string[] keys) => keys.FirstOrDefault(key => fields.TryGetValue(key, out YamlTree.Node? n) && !IsNull(n));

        int errorsBefore = diagnostics.Count;
        bool plain = convention.Name == "plain";

        // The title: Jekyll titles a post from its file name when it has none (document.rb populate_title).
        string? titleKey = First(k.Title);
        string? title;
        if (titleKey is null && k.TitleFromFileName)
        {
            title = TitleizeSlug(facts.Slug);
            if (NearMiss(keyNodes, "title", k, convention.KeysIgnoreCase) is { } near)
            {
                errors.At(near.Node, DiagnosticCodes.NearMissKey,
                    $"'{near.Key}' is not a key Jekyll reads, so the title is '{title}' (from the file name); did you mean `title`?", warning: true);
            }
        }
        else
        {
            title = titleKey is null ? Missing(keyNodes, "title", k, convention.KeysIgnoreCase, errors) : RequiredText(fields, titleKey, errors);
        }

        // The date: the front matter's, else the file name's (Jekyll), read in the site's zone when it has no offset.
        string? dateKey = First(k.Date);
        DateTimeOffset? date;
        if (dateKey is null && facts.Date is { } fileDate)
        {
            date = ParseDate(fileDate, rules, lenient, out string? dateError);
            if (date is null)
            {
                errors.Add(bounds.FirstLine, 1, DiagnosticCodes.InvalidDate, $"the file name's date: {dateError}.");
            }
        }
        else if (dateKey is null)
        {
            Missing(keyNodes, "date", k, convention.KeysIgnoreCase, errors);
            date = null;
        }
        else
        {
            date = Date(fields, dateKey, rules, lenient, errors);
        }

        string? updatedKey = First(k.Updated);
        DateTimeOffset? updated = updatedKey is null ? null : Date(fields, updatedKey, rules, lenient, errors);
        string? expiryKey = First(k.Expiry);
        DateTimeOffset? expires = expiryKey is null ? null : Date(fields, expiryKey, rules, lenient, errors);
        string? summaryKey = First(k.Summary);
        string? summary = summaryKey is null ? null : OptionalText(fields, summaryKey, errors, lenient);

        // Kept apart for the feeds per tag and per category; the entry carries both, categories first, once each.
        List<string> categoryNames = [.. facts.Categories.Select(SharedValues.Term)];
        List<string> tagNames = [];
        AddTermKeys(fields, k.Categories, convention.Name, categoryNames, errors, k.SplitTermStrings, lenient);
        AddTermKeys(fields, k.Tags, convention.Name, tagNames, errors, k.SplitTermStrings, lenient);
        List<string> categories = [.. categoryNames, .. tagNames.Where(tag => !categoryNames.Contains(tag, StringComparer.Ordinal))];
        int TermsLine(string[] keys) => First(keys) is { } key ? errors.Position(fields[key]).Line : bounds.FirstLine;
        List<FeedAuthor> authors = Authors(fields, errors, lenient);

        bool draft = false;
        foreach (string key in k.Draft)
        {
            draft |= Bool(fields, key, errors) ?? false;
        }

        foreach (string key in k.Published)
        {
            draft |= Bool(fields, key, errors) == false;
        }

        string? languageKey = First(k.Language);
        string? language = languageKey is null ? null : OptionalText(fields, languageKey, errors, lenient);
        if (language is not null && !Feed.Internal.ValueRules.IsLanguageTag(language))
        {
            // A generator passes lang through to its templates: a value that is not a language tag is its business, not the feed's.
            if (!lenient)
            {
                errors.At(fields[languageKey!], DiagnosticCodes.InvalidField, $"'lang': '{language}' is not a language tag such as 'en' or 'zh-CN'.");
            }

            language = null;
        }

        string? idKey = First(k.Id);
        string? id = idKey is null ? null : OptionalText(fields, idKey, errors);
        if (id is not null && !Uri.TryCreate(id, UriKind.Absolute, out _))
        {
            // RFC 4287 §4.2.6: atom:id is an IRI, permanent and universally unique; a bare word is not one.
            errors.At(fields[idKey!], DiagnosticCodes.InvalidField,
                $"'id': '{id}' is not an absolute URI; use a URL or a tag: URI such as 'tag:example.org,2025:my-post'.");
        }

        var (slugLine, slugColumn) = (bounds.FirstLine, 1);
        string? slugKey = First(k.Slug);
        string? slug = slugKey is null ? null : OptionalText(fields, slugKey, errors);
        bool slugFromFrontMatter = slug is not null;
        if (slug is not null)
        {
            (slugLine, slugColumn) = errors.Position(fields[slugKey!]);
        }
        else
        {
            slug = facts.Slug;
        }

        if (plain && (slug.Length == 0 || slug is "." or ".." || slug.AsSpan().IndexOfAny('/', '\\') >= 0
            || slug.AsSpan().ContainsAnyInRange('\0', '\u001F') || string.IsNullOrWhiteSpace(slug)))
        {
            errors.Add(slugLine, slugColumn, DiagnosticCodes.EscapingSlug,
                $"the slug '{slug}' would escape its folder: it must be non-empty, not '.' or '..', and hold no '/', '\\' or control characters.");
            slug = null;
        }

        string? permalinkKey = First(k.Permalink);
        string? permalink = permalinkKey is null ? null : OptionalText(fields, permalinkKey, errors);
        if (permalink is not null)
        {
            (slugLine, slugColumn) = errors.Position(fields[permalinkKey!]);
            string? problem = plain ? SettingValues.CheckPermalinkTemplate(permalink) : SettingValues.CheckPathTemplate(permalink);
            problem ??= plain || convention.Name == "hexo" ? null : convention.CheckPermalink(permalink);
            if (problem is not null)
            {
                errors.Add(slugLine, slugColumn, DiagnosticCodes.EscapingPermalink, problem);
                permalink = null;
                slug = null;
            }
        }

        var (idLine, idColumn) = idKey is not null ? errors.Position(fields[idKey]) : (slugLine, slugColumn);

        bool failed = title is null || date is null || diagnostics.Skip(errorsBefore).Any(d => !d.IsWarning) || slug is null;
        if (failed && lenient && !rules.IncludeDrafts && (draft || rules.Convention.Classify(file.RelativePath, rules.Folder) == Conventions.FileRole.Draft))
        {
            // A draft its generator would not build: its problems are for the day it is published.
            diagnostics.RemoveRange(errorsBefore, diagnostics.Count - errorsBefore);
            return new PostHead { File = file, Title = title ?? string.Empty, Url = rules.SiteUrl.AbsoluteUri, Published = DateTimeOffset.MinValue, Draft = true };
        }

        if (failed || title is null || date is null || slug is null)
        {
            return null;
        }

        // Jekyll and Hexo show a post's date in the site's zone (Jekyll: Utils.parse_date's Time#localtime under the
        // site's `timezone`; Hexo: moment in `timezone`); Hugo and the plain rules keep the offset written.
        DateTimeOffset urlDate = convention.UrlDatesInSiteZone ? TimeZoneInfo.ConvertTime(date.Value, rules.TimeZone) : date.Value;
        var values = new Conventions.PermalinkValues(urlDate, slug, slugFromFrontMatter, title, categoryNames, facts);
        string path = convention.Expand(permalink ?? rules.Permalink, values, fromFrontMatter: permalink is not null);
        Uri? url = ResolvePath(path, permalink ?? rules.Permalink, rules.SiteUrl, out string? urlError);
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
            Expires = expires,
            Authors = SharedValues.AuthorList(authors),
            Categories = SharedValues.TermList(categories),
            Tags = SharedValues.TermList(tagNames),
            CategoryNames = SharedValues.TermList(categoryNames),
            TagsLine = TermsLine(k.Tags),
            CategoriesLine = TermsLine(k.Categories),
            AuthorsLine = TermsLine(["authors", "author"]),
            Summary = summary,
            Language = language,
            Draft = draft,
            SlugLine = slugLine,
            SlugColumn = slugColumn,
            IdLine = idLine,
            IdColumn = idColumn,
            BodyLine = 1 + bounds.FirstLine,
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

        var values = new Conventions.PermalinkValues(date, slug, true, slug, [], new Conventions.PathFacts(slug, null, [], [], slug));
        return ResolvePath(Conventions.Convention.Plain.Expand(template, values, fromFrontMatter: false), template, siteUrl, out error);
    }

    /// <summary>Resolves a filled permalink against the site URL, refusing anything that leaves the site.</summary>
    /// <param name="path">The filled permalink, its values escaped; a leading <c>/</c> means the site URL's root.</param>
    /// <param name="template">The template it was filled from, for messages.</param>
    /// <param name="siteUrl">The site URL, ending in <c>/</c>.</param>
    /// <param name="error">Why the URL is refused.</param>
    /// <returns>The absolute URL, or <see langword="null"/>.</returns>
    public static Uri? ResolvePath(string path, string template, Uri siteUrl, out string? error)
    {
        if (path.StartsWith("//", StringComparison.Ordinal) || path.Contains("://", StringComparison.Ordinal))
        {
            error = $"the permalink '{template}' points to another site; it must be a path under the site URL {siteUrl.AbsoluteUri}.";
            return null;
        }

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

    // Jekyll's Utils.titleize_slug: slug.split("-").map!(&:capitalize).join(" ").
    private static string TitleizeSlug(string slug) =>
        string.Join(' ', slug.Split('-').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));

    // A required key is missing: the error goes to a key that looks like a misspelling of it, with "did you mean",
    // or (with none) to the front matter's first line.
    private static string? Missing(List<(string Key, YamlTree.Node Node)> keys, string wanted, Conventions.FieldKeys known, bool ignoreCase, Errors errors)
    {
        if (NearMiss(keys, wanted, known, ignoreCase) is { } near)
        {
            errors.At(near.Node, DiagnosticCodes.MissingField, $"the front matter has no '{wanted}', but has '{near.Key}' here; did you mean `{wanted}`?");
        }
        else
        {
            errors.Missing(wanted);
        }

        return null;
    }

    /// <summary>
    /// A key that looks like a misspelling of <paramref name="wanted"/>: the same once case, spaces and punctuation are
    /// set aside (<c>Title</c>, <c>·title</c>, <c>title_</c>), or at most two edits away (<c>titel</c>, <c>tilte</c>, <c>dtae</c>).
    /// Keys the generator gives a meaning of their own are never taken for one.
    /// </summary>
    private static (string Key, YamlTree.Node Node)? NearMiss(List<(string Key, YamlTree.Node Node)> keys, string wanted, Conventions.FieldKeys known, bool ignoreCase)
    {
        string[] meaningful = [.. known.Title, .. known.Date, .. known.Updated, .. known.Summary, .. known.Tags, .. known.Categories, .. known.Draft,
            .. known.Published, .. known.Expiry, .. known.Slug, .. known.Permalink, .. known.Id, .. known.Language, "author", "authors"];
        foreach (var (key, node) in keys)
        {
            if (meaningful.Contains(key, ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal))
            {
                continue;
            }

            string folded = new([.. key.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
            if (folded == wanted || (folded.Length >= 3 && EditDistance(folded, wanted) <= (wanted.Length >= 5 ? 2 : 1)))
            {
                return (key, node);
            }
        }

        return null;
    }

    // Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.
    private static int EditDistance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return 3;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
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

    private static string? OptionalText(Dictionary<string, YamlTree.Node> fields, string key, Errors errors, bool lenient = false)
    {
        if (!fields.TryGetValue(key, out YamlTree.Node? node) || IsNull(node))
        {
            return null;
        }

        // A generator hands a list or mapping it does not expect to its templates; the feed leaves it out (lenient).
        if (lenient && node is not YamlTree.Scalar)
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

    private static DateTimeOffset? Date(Dictionary<string, YamlTree.Node> fields, string key, PostRules rules, bool lenient, Errors errors)
    {
        if (!fields.TryGetValue(key, out YamlTree.Node? node) || IsNull(node) || Scalar(node, key, errors) is not { } text)
        {
            return null;
        }

        DateTimeOffset? value = ParseDate(text, rules, lenient, out string? error);
        if (value is null)
        {
            errors.At(node, DiagnosticCodes.InvalidDate, $"'{key}': {error}.");
        }

        return value;
    }

    // The plain rules read YAML timestamps; a generator's rules read every form that generator does (PostDates.TryParseLenient).
    private static DateTimeOffset? ParseDate(string text, PostRules rules, bool lenient, out string? error)
    {
        bool ok = lenient
            ? PostDates.TryParseLenient(text, rules.TimeZone, ignoreTrailing: rules.Convention.Name == "jekyll", out DateTimeOffset value, out error)
            : PostDates.TryParse(text, rules.TimeZone, out value, out error);
        return ok ? value : null;
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

    // The terms of a taxonomy, by the generator's keys (plural first, then singular):
    // - Jekyll (document.rb populate_categories/populate_tags, Utils.pluralized_array_from_hash): `categories` and
    //   `category` both count, `tag` replaces `tags`; a plural given as a string is split at spaces ("a b c" is three).
    // - Hexo (processor/post.ts): the singular is read only when the plural is absent; a nested list
    //   (`[[Parent, Child], Other]`) is a hierarchy, each name a category.
    // - Hugo and the plain rules: the plural key alone.
    private static void AddTermKeys(Dictionary<string, YamlTree.Node> fields, string[] keys, string convention, List<string> terms, Errors errors, bool split, bool lenient)
    {
        bool any = false;
        foreach (string key in keys)
        {
            if (!fields.TryGetValue(key, out YamlTree.Node? node) || IsNull(node))
            {
                continue;
            }

            bool singular = key is "tag" or "category";
            if (convention == "jekyll" && key == "tags" && fields.ContainsKey("tag"))
            {
                continue;
            }

            if (any && convention == "hexo")
            {
                break;
            }

            AddTerms(node, key, terms, errors, split && !singular, lenient);
            any = true;
        }
    }

    private static void AddTerms(YamlTree.Node node, string key, List<string> terms, Errors errors, bool split, bool lenient = false)
    {
        var pending = new Stack<YamlTree.Node>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            YamlTree.Node item = pending.Pop();
            if (item is YamlTree.Sequence nested)
            {
                // Hexo's hierarchies: each name of a nested list is a category (in order, so pushed in reverse).
                for (int i = nested.Children.Count - 1; i >= 0; i--)
                {
                    pending.Push(nested.Children[i]);
                }

                continue;
            }

            if (lenient && item is YamlTree.Scalar { Value: var blank } && string.IsNullOrWhiteSpace(blank))
            {
                continue; // an empty name in a generator's list ("categories = ['', '']") is no term
            }

            if (item is not YamlTree.Scalar { Value: { } value } || (string.IsNullOrWhiteSpace(value) && item != node))
            {
                errors.At(item, DiagnosticCodes.InvalidField, $"'{key}' must be a name or a list of names.");
                continue;
            }

            foreach (string part in split ? value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) : [value.Trim()])
            {
                if (part.Length == 0)
                {
                    continue;
                }

                string term = SharedValues.Term(part);
                if (!terms.Contains(term, StringComparer.Ordinal))
                {
                    terms.Add(term);
                }
            }
        }
    }

    private static List<FeedAuthor> Authors(Dictionary<string, YamlTree.Node> fields, Errors errors, bool lenient)
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
                if (Author(item, key, errors, lenient) is { } author && !authors.Contains(author))
                {
                    authors.Add(SharedValues.Author(author));
                }
            }
        }

        return authors;
    }

    private static FeedAuthor? Author(YamlTree.Node node, string key, Errors errors, bool lenient)
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
                        errors.At(v, DiagnosticCodes.InvalidField, $"'{key}.email' must be a bare e-mail address such as someone@example.org{(lenient ? "; it is left out" : "")}.", warning: lenient);
                    }
                    else
                    {
                        email = text;
                    }

                    break;
                case "uri" or "url":
                    if (text is null || (uri = SettingValues.ParseAbsoluteUri(text, out _)) is null)
                    {
                        errors.At(v, DiagnosticCodes.InvalidField, $"'{key}.{field}' must be an absolute http or https URL (was '{text}'){(lenient ? "; it is left out" : "")}.", warning: lenient);
                    }

                    break;
                default:
                    // Themes give authors more fields (avatar, github, twitter, bio); they are the theme's, not the feed's.
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
    private sealed class Errors(string path, List<Diagnostic> diagnostics, int firstLine)
    {
        public (int Line, int Column) Position(YamlTree.Node node) =>
            ((int)node.Start.Line + firstLine - 1, Math.Max((int)node.Start.Column, 1));

        public void Add(long line, int column, string code, string message, bool warning = false) =>
            diagnostics.Add(new Diagnostic(path, (int)line, column, code, message) { IsWarning = warning });

        public void At(YamlTree.Node node, string code, string message, bool warning = false)
        {
            var (line, column) = Position(node);
            Add(line, column, code, message, warning);
        }

        // A missing field is reported on the opening '---' line: there is no better place to point at.
        public void Missing(string key) =>
            Add(Math.Max(firstLine - 1, 1), 1, DiagnosticCodes.MissingField, $"the front matter has no '{key}'; every post needs a title and a date.");
    }
}
