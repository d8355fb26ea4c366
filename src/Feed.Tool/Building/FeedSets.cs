using System.Globalization;
using System.Text;
using Feed.Tool.Configuration;
using Feed.Tool.Diagnostics;
using Feed.Tool.Output;
using Feed.Tool.Posts;

namespace Feed.Tool.Building;

/// <summary>One feed a build writes: the site's feed, or the feed of one tag, category or author, with its posts newest first.</summary>
/// <param name="Generator">The feed's generator: the site's, or a variant of it with its own title, id and URLs.</param>
/// <param name="Posts">The feed's posts, newest first (a subsequence of the site's).</param>
internal sealed record FeedSet(FeedGenerator Generator, IReadOnlyList<PostHead> Posts);

/// <summary>
/// The feeds of one build: the site's feed, then (config <c>taxonomies</c>) one feed per tag, category and author,
/// each under its own folder (<c>tags/{slug}/feed.xml</c> …) with its own pages. A taxonomy feed is a variant of the
/// site's feed (<see cref="FeedGenerator.CreateVariant"/>): the same options but for its title, description, id and
/// URLs, so its documents keep every rule of the site's.
/// </summary>
internal static class FeedSets
{
    private sealed record Taxonomy(string Folder, string Label, Func<PostHead, IReadOnlyList<string>> Names, Func<PostHead, int> Line);

    /// <summary>Makes the feeds; a slug that two names share, or that cannot be made, is reported at the post that names it.</summary>
    /// <param name="site">The site's feed.</param>
    /// <param name="posts">Every post, newest first.</param>
    /// <param name="settings">The settings: which taxonomies, the site URL, the config's author.</param>
    /// <param name="diagnostics">Receives the problems.</param>
    /// <returns>The site's feed first, then the taxonomy feeds by folder and slug in ordinal order.</returns>
    public static IReadOnlyList<FeedSet> Create(FeedGenerator site, IReadOnlyList<PostHead> posts, BuildSettings settings, List<Diagnostic> diagnostics)
    {
        var feeds = new List<FeedSet> { new(site, posts) };
        Taxonomies wanted = settings.Taxonomies;
        string? feedAuthor = settings.Options.Authors.Count > 0 ? settings.Options.Authors[0].Name : null;
        var taxonomies = new List<Taxonomy>();
        if (wanted.Tags)
        {
            taxonomies.Add(new("tags", "tag", post => post.Tags, post => post.TagsLine));
        }

        if (wanted.Categories)
        {
            taxonomies.Add(new("categories", "category", post => post.CategoryNames, post => post.CategoriesLine));
        }

        if (wanted.Authors)
        {
            // A post without authors of its own is credited to the feed's author, as its entries are.
            taxonomies.Add(new("authors", "author",
                post => post.Authors.Count > 0 ? [.. post.Authors.Select(a => a.Name)] : feedAuthor is null ? [] : [feedAuthor],
                post => post.AuthorsLine));
        }

        foreach (Taxonomy taxonomy in taxonomies)
        {
            feeds.AddRange(FeedsOf(taxonomy, site, posts, settings, diagnostics));
        }

        return feeds;
    }

    /// <summary>
    /// The folder name of a tag, category or author: the name in lower case, with letters, digits, marks and symbols
    /// (emoji) kept and every run of anything else (spaces, punctuation) one
    /// <c>-</c>, none at either end. Unicode stays: the folder is <c>tags/静态网站/</c>, and links carry it URL-escaped.
    /// The feeds slug a term's normalized key (<see cref="Terms"/>), so every spelling of a term has one folder.
    /// </summary>
    /// <param name="name">The name.</param>
    /// <returns>The slug; empty when the name has nothing to keep.</returns>
    internal static string Slug(string name)
    {
        var slug = new StringBuilder(name.Length);
        bool pendingDash = false;
        foreach (Rune rune in name.EnumerateRunes())
        {
            UnicodeCategory category = Rune.GetUnicodeCategory(rune);
            bool keep = Rune.IsLetterOrDigit(rune) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark or UnicodeCategory.OtherSymbol || rune.Value == '_';
            if (!keep)
            {
                pendingDash = slug.Length > 0;
                continue;
            }

            if (pendingDash)
            {
                slug.Append('-');
                pendingDash = false;
            }

            slug.Append(Rune.ToLowerInvariant(rune).ToString());
        }

        return slug.ToString();
    }

    /// <summary>The longest slug, in UTF-8 bytes, before it is cut and given a hash: far inside every file system's name limit (255 bytes).</summary>
    internal const int MaxSlugBytes = 100;

    /// <summary>
    /// Groups a taxonomy's names into terms and gives each its folder. Names that differ only in case or Unicode form are
    /// one term (<see cref="FeedTerms.Normalize"/>; Hugo's taxonomies are case-insensitive: `RL` and `rl` are one tag), shown with the spelling of its
    /// newest post. Terms whose slugs collide (`C#` and `C`) get distinct folders: the term whose name is its own slug
    /// (`c`) keeps it, else the first in ordinal order does, and each other gets its slug and a short hash of its name
    /// (`c-1a2b3c4d`), the same on every build. A slug longer than <see cref="MaxSlugBytes"/> is cut and given that hash
    /// too, so no name makes a path too long.
    /// </summary>
    /// <param name="names">Each post's names, newest post first.</param>
    /// <returns>Each term's key (its name in lower case), display name and slug.</returns>
    internal static IReadOnlyList<(string Key, string Name, string Slug)> Terms(IEnumerable<string> names)
    {
        var display = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            display.TryAdd(Fold(name), name); // the newest post's spelling
        }

        var bySlug = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string key in display.Keys)
        {
            string slug = Slug(key);
            if (!bySlug.TryGetValue(slug, out List<string>? keys))
            {
                bySlug[slug] = keys = [];
            }

            keys.Add(key);
        }

        var terms = new List<(string Key, string Name, string Slug)>();
        foreach (var (slug, keys) in bySlug)
        {
            keys.Sort(StringComparer.Ordinal);
            string? owner = slug.Length == 0 || Encoding.UTF8.GetByteCount(slug) > MaxSlugBytes ? null : keys.Contains(slug) ? slug : keys[0];
            foreach (string key in keys)
            {
                terms.Add((key, display[key], key == owner ? slug : Hashed(slug, key)));
            }
        }

        return terms;
    }

    // The library's one rule for when two spellings are one term (FeedTerms.Normalize: NFKC_Casefold, white space
    // collapsed), with its own Unicode tables, so it holds under invariant globalization: "RL" and "rl", a precomposed
    // and a decomposed "é", "Ｃ＃" and "c#" are one term.
    private static string Fold(string name) => FeedTerms.Normalize(name);

    // The slug cut to a safe length (on a character boundary, no '-' at its end), then '-' and 8 hex digits of the name's XXH64.
    private static string Hashed(string slug, string key)
    {
        string hash = System.IO.Hashing.XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(key)).ToString("x16", CultureInfo.InvariantCulture)[..8];
        var cut = new StringBuilder();
        int bytes = 0;
        foreach (Rune rune in slug.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > MaxSlugBytes - 10)
            {
                break;
            }

            cut.Append(rune.ToString());
            bytes += rune.Utf8SequenceLength;
        }

        string head = cut.ToString().TrimEnd('-');
        return head.Length == 0 ? hash : head + "-" + hash;
    }

    private static IEnumerable<FeedSet> FeedsOf(
        Taxonomy taxonomy, FeedGenerator site, IReadOnlyList<PostHead> posts, BuildSettings settings, List<Diagnostic> diagnostics)
    {
        // Term key → its posts, newest first (the order of the site's posts).
        var byKey = new Dictionary<string, List<PostHead>>(StringComparer.Ordinal);
        foreach (PostHead post in posts)
        {
            foreach (string name in taxonomy.Names(post))
            {
                string key = Fold(name);
                if (!byKey.TryGetValue(key, out List<PostHead>? list))
                {
                    byKey[key] = list = [];
                }

                if (list.Count == 0 || !ReferenceEquals(list[^1], post))
                {
                    list.Add(post);
                }
            }
        }

        var bySlug = new SortedDictionary<string, (string Name, List<PostHead> Posts)>(StringComparer.Ordinal);
        foreach (var (key, name, slug) in Terms(posts.SelectMany(taxonomy.Names)))
        {
            string path = $"{taxonomy.Folder}/{slug}/{OutputLayout.RssFile}";
            if (!ManifestFile.IsSafeRelativePath(path))
            {
                PostHead first = byKey[key][0];
                diagnostics.Add(new Diagnostic(first.File.DisplayPath, taxonomy.Line(first), 1, DiagnosticCodes.TaxonomySlugCollision,
                    $"the {taxonomy.Label} '{name}' makes no usable folder name for its feed; rename it."));
                continue;
            }

            bySlug[slug] = (name, byKey[key]);
        }

        FeedOptions siteOptions = settings.Options;
        Uri siteUrl = settings.Rules.SiteUrl;
        foreach (var (slug, (name, termPosts)) in bySlug)
        {
            var folder = new Uri(siteUrl, $"{taxonomy.Folder}/{Uri.EscapeDataString(slug)}/");
            FeedGenerator variant = site.CreateVariant(options =>
            {
                options.Title = $"{siteOptions.Title} ({taxonomy.Label}: {name})";
                options.Description = $"The posts of {siteOptions.Title} with the {taxonomy.Label} {name}.";
                options.Id = null; // its own Atom id: its own feed URL
                OutputLayout.ApplyUnder(options, folder);
            });
            yield return new FeedSet(variant, termPosts);
        }
    }
}
