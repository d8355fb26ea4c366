using System.Collections.Concurrent;

namespace Feed.Hosting;

/// <summary>
/// The entries a <see cref="FeedRenderer{TPost}"/> made lately, reused while their post is unchanged: rendering a
/// post's Markdown (excerpt and content HTML) is nearly all the cost of serving a page, and a host serves the same
/// newest posts again and again.
/// </summary>
/// <remarks>
/// An entry is reused only for a post equal to the one it was made from in every field that can change the output
/// (<see cref="FeedPost.Equals(FeedPost)"/>: every property as written), so a cached page is byte-identical to a fresh one. The cache is bounded: when it holds
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
        if (_entries.TryGetValue(key, out Cached? cached) && cached.Post.Equals(post))
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

    // The post is kept beside its entry: an entry does not point back at its post.
    private sealed record Cached(FeedPost Post, FeedEntry Entry);
}
