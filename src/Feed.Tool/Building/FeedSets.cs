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
    /// Names are not Unicode-normalized (the tool runs with invariant globalization, which has no normalization
    /// tables), so a precomposed and a decomposed "é" make two slugs that look alike.
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

    private static IEnumerable<FeedSet> FeedsOf(
        Taxonomy taxonomy, FeedGenerator site, IReadOnlyList<PostHead> posts, BuildSettings settings, List<Diagnostic> diagnostics)
    {
        // Name → its posts, newest first (the order of the site's posts); slug → the first name that made it.
        var byName = new Dictionary<string, List<PostHead>>(StringComparer.Ordinal);
        var bySlug = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (PostHead post in posts)
        {
            foreach (string name in taxonomy.Names(post))
            {
                if (byName.TryGetValue(name, out List<PostHead>? list))
                {
                    list.Add(post);
                    continue;
                }

                string slug = Slug(name);
                string path = $"{taxonomy.Folder}/{slug}/{OutputLayout.RssFile}";
                if (slug.Length == 0 || !ManifestFile.IsSafeRelativePath(path))
                {
                    diagnostics.Add(new Diagnostic(post.File.DisplayPath, taxonomy.Line(post), 1, DiagnosticCodes.TaxonomySlugCollision,
                        $"the {taxonomy.Label} '{name}' makes no usable folder name for its feed (it needs a letter, digit or symbol); rename it."));
                    byName.Add(name, []);
                    continue;
                }

                if (bySlug.TryGetValue(slug, out string? other))
                {
                    diagnostics.Add(new Diagnostic(post.File.DisplayPath, taxonomy.Line(post), 1, DiagnosticCodes.TaxonomySlugCollision,
                        $"the {taxonomy.Label} '{name}' and the {taxonomy.Label} '{other}' both make the slug '{slug}', so their feeds would share {taxonomy.Folder}/{slug}/; spell them the same, or rename one."));
                    byName.Add(name, []);
                    continue;
                }

                bySlug.Add(slug, name);
                byName.Add(name, [post]);
            }
        }

        FeedOptions siteOptions = settings.Options;
        Uri siteUrl = settings.Rules.SiteUrl;
        foreach ((string slug, string name) in bySlug.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var folder = new Uri(siteUrl, $"{taxonomy.Folder}/{Uri.EscapeDataString(slug)}/");
            FeedGenerator variant = site.CreateVariant(options =>
            {
                options.Title = $"{siteOptions.Title} ({taxonomy.Label}: {name})";
                options.Description = $"The posts of {siteOptions.Title} with the {taxonomy.Label} {name}.";
                options.Id = null; // its own Atom id: its own feed URL
                OutputLayout.ApplyUnder(options, folder);
            });
            yield return new FeedSet(variant, byName[name]);
        }
    }
}
