using System.Collections.Concurrent;

namespace Feed.Tool.Posts;

/// <summary>
/// One instance of each tag, category, author and empty list that front matter repeats across posts.
/// </summary>
/// <remarks>
/// Why: the first pass keeps every post's front matter (the tool keeps memory flat as the site grows), and a site's
/// thousands of posts share a few dozen tags and authors; holding one copy of each instead of one per post is most of
/// the per-post memory after the paths. Values are immutable (strings, <see cref="FeedAuthor"/> records), so sharing
/// them changes nothing observable. Thread-safe.
/// </remarks>
internal static class SharedValues
{
    private static readonly ConcurrentDictionary<string, string> Terms = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, FeedAuthor> People = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string[]> TermLists = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, FeedAuthor[]> AuthorLists = new(StringComparer.Ordinal);

    /// <summary>The shared copy of a tag or category.</summary>
    public static string Term(string term) => Terms.GetOrAdd(term, term);

    /// <summary>The shared copy of an author.</summary>
    public static FeedAuthor Author(FeedAuthor author) => People.GetOrAdd(AuthorKey(author), author);

    /// <summary>The shared array holding <paramref name="terms"/> (already shared strings), in order.</summary>
    public static IReadOnlyList<string> TermList(List<string> terms) =>
        terms.Count == 0 ? [] : TermLists.GetOrAdd(Key(terms), static (_, list) => [.. list], terms);

    /// <summary>The shared array holding <paramref name="authors"/> (already shared records), in order.</summary>
    public static IReadOnlyList<FeedAuthor> AuthorList(List<FeedAuthor> authors)
    {
        if (authors.Count == 0)
        {
            return [];
        }

        string key = string.Concat(authors.Select(AuthorKey));
        return AuthorLists.GetOrAdd(key, static (_, list) => [.. list], authors);
    }

    // By the exact text of every field (record equality would compare URIs as Uri.Equals does, ignoring fragments).
    private static string AuthorKey(FeedAuthor author) =>
        Key([author.Name, author.Email is null ? "-" : "+" + author.Email, author.Uri is null ? "-" : "+" + author.Uri.OriginalString]);

    // Each part length-prefixed, so that no two different lists share a key whatever characters they hold.
    private static string Key(IEnumerable<string> parts)
    {
        var builder = new System.Text.StringBuilder();
        foreach (string part in parts)
        {
            builder.Append(part.Length).Append(':').Append(part);
        }

        return builder.ToString();
    }
}
