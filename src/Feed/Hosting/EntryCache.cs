using System.Collections.Concurrent;

namespace Feed.Hosting;

/// <summary>
/// The entries a <see cref="FeedRenderer{TPost}"/> made lately, reused while their post is unchanged: rendering a
/// post's Markdown (excerpt and content HTML) is nearly all the cost of serving a page, and a host serves the same
/// newest posts again and again.
/// </summary>
/// <remarks>
/// An entry is reused only for a post equal to the one it was made from in every field that can change the output
/// (<see cref="SamePost"/>), so a cached page is byte-identical to a fresh one. The cache is bounded: when it holds
/// <c>capacity</c> entries it is emptied and refilled, which keeps memory at most capacity × (a post's body and its
/// HTML) with no clock and no bookkeeping per hit. Variants of a feed that make the same entries (the same excerpt
/// settings and full-content choice; see <see cref="FeedRenderer{TPost}.CreateVariant"/>) share one cache: an entry
/// does not depend on the feed's title, id or URLs.
/// </remarks>
/// <threadsafety>Safe for concurrent use.</threadsafety>
internal sealed class EntryCache
{
    private readonly ConcurrentDictionary<string, Cached> _entries = new(StringComparer.Ordinal);
    private readonly int _capacity;

    /// <summary>Creates a cache of at most <paramref name="capacity"/> entries; 0 turns it off.</summary>
    public EntryCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity, "entryCacheCapacity");
        _capacity = capacity;
    }

    /// <summary>A new, empty cache of the same capacity.</summary>
    public EntryCache CreateEmpty() => new(_capacity);

    /// <summary>The cached entry of <paramref name="post"/>, or a new one made by <paramref name="generator"/>.</summary>
    public FeedEntry GetOrCreate(FeedGenerator generator, FeedPost post)
    {
        if (_capacity == 0)
        {
            return generator.CreateEntry(post);
        }

        string key = post.EffectiveId;
        if (_entries.TryGetValue(key, out Cached? cached) && SamePost(cached.Post, post))
        {
            return cached.Entry;
        }

        FeedEntry entry = generator.CreateEntry(post);
        if (_entries.Count >= _capacity)
        {
            _entries.Clear();
        }

        _entries[key] = new Cached(post, entry);
        return entry;
    }

    /// <summary>
    /// Whether two posts give the same entry: every property of <see cref="FeedPost"/>, compared exactly (ordinal text,
    /// dates with their offsets, URLs as written out). A test checks that this covers every property of the record.
    /// </summary>
    internal static bool SamePost(FeedPost a, FeedPost b) =>
        ReferenceEquals(a, b)
        || (string.Equals(a.Id, b.Id, StringComparison.Ordinal)
            && string.Equals(a.Title, b.Title, StringComparison.Ordinal)
            && string.Equals(a.Url.OriginalString, b.Url.OriginalString, StringComparison.Ordinal)
            && a.Published.EqualsExact(b.Published)
            && SameTime(a.Updated, b.Updated)
            && a.Authors.SequenceEqual(b.Authors, AuthorComparer.Instance)
            && a.Categories.SequenceEqual(b.Categories, StringComparer.Ordinal)
            && string.Equals(a.Body, b.Body, StringComparison.Ordinal)
            && a.BodyFormat == b.BodyFormat
            && string.Equals(a.Summary, b.Summary, StringComparison.Ordinal)
            && string.Equals(a.Language, b.Language, StringComparison.Ordinal)
            && SameProperties(a.Properties, b.Properties));

    private static bool SameTime(DateTimeOffset? a, DateTimeOffset? b) =>
        a.HasValue == b.HasValue && (!a.HasValue || a.GetValueOrDefault().EqualsExact(b.GetValueOrDefault()));

    private static bool SameProperties(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (KeyValuePair<string, string> pair in a)
        {
            if (!b.TryGetValue(pair.Key, out string? value) || !string.Equals(pair.Value, value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    // Record equality would compare Uri as Uri.Equals does, which ignores the fragment.
    private sealed class AuthorComparer : IEqualityComparer<FeedAuthor>
    {
        public static readonly AuthorComparer Instance = new();

        public bool Equals(FeedAuthor? x, FeedAuthor? y) =>
            ReferenceEquals(x, y)
            || (x is not null && y is not null
                && string.Equals(x.Name, y.Name, StringComparison.Ordinal)
                && string.Equals(x.Email, y.Email, StringComparison.Ordinal)
                && string.Equals(x.Uri?.OriginalString, y.Uri?.OriginalString, StringComparison.Ordinal));

        public int GetHashCode(FeedAuthor obj) => StringComparer.Ordinal.GetHashCode(obj.Name);
    }

    // The post is kept beside its entry: an entry does not point back at its post.
    private sealed record Cached(FeedPost Post, FeedEntry Entry);
}
