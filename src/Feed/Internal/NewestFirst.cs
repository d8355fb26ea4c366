namespace Feed.Internal;

/// <summary>
/// The one order of entries in every feed: newest publication first, then the feed id in ordinal order, so that
/// posts published at the same instant still have a fixed place and the same posts always give the same bytes.
/// </summary>
internal static class NewestFirst
{
    /// <summary>Compares two posts or entries by their publication time and feed id.</summary>
    public static int Compare(DateTimeOffset xPublished, string xId, DateTimeOffset yPublished, string yId)
    {
        int byDate = yPublished.CompareTo(xPublished);
        return byDate != 0 ? byDate : string.CompareOrdinal(xId, yId);
    }

    /// <summary>Posts, newest first (see <see cref="FeedGenerator.NewestFirst"/>).</summary>
    public static readonly IComparer<FeedPost> Posts = Comparer<FeedPost>.Create(static (x, y) =>
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        return Compare(x.Published, x.EffectiveId, y.Published, y.EffectiveId);
    });

    /// <summary>Entries, newest first: the same order as <see cref="Posts"/>, as an entry's id is its post's feed id.</summary>
    public static readonly IComparer<FeedEntry> Entries = Comparer<FeedEntry>.Create(static (x, y) =>
        Compare(x!.Published, x.Id, y!.Published, y.Id));
}
