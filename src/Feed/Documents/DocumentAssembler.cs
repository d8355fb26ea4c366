using Feed.Internal;
using Feed.Paging;

namespace Feed.Documents;

/// <summary>
/// Puts one document together from its page and its entries: the entries in the one newest-first order, the
/// document's links and its date. Pure: no I/O, no clock.
/// </summary>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
internal sealed class DocumentAssembler
{
    private readonly FeedMetadata _metadata;
    private readonly Paginator _paginator;
    private readonly DateTimeOffset? _emptyFeedUpdated;

    public DocumentAssembler(FeedMetadata metadata, Paginator paginator, DateTimeOffset? emptyFeedUpdated)
    {
        _metadata = metadata;
        _paginator = paginator;
        _emptyFeedUpdated = emptyFeedUpdated;
    }

    public FeedDocument Assemble(FeedFormat format, FeedPage page, IReadOnlyList<FeedEntry> entriesOfPage, string paramName)
    {
        ArgumentNullException.ThrowIfNull(entriesOfPage, paramName);
        Formats.Check(format);
        _paginator.CheckPage(page, nameof(page));
        if (entriesOfPage.Count > page.Count)
        {
            throw new ArgumentException(
                $"{page} holds at most {page.Count} entries, but {entriesOfPage.Count} were given.", paramName);
        }

        FeedEntry[] entries = [.. entriesOfPage];
        if (Array.IndexOf(entries, null) >= 0)
        {
            throw new ArgumentException("The entries must not contain null.", paramName);
        }

        Array.Sort(entries, NewestFirst.Entries);
        CheckUniqueIds(entries, paramName);

        DateTimeOffset updated = _emptyFeedUpdated ?? DateTimeOffset.UnixEpoch; // an empty document's fixed date: see FeedDocument.Updated
        for (int i = 0; i < entries.Length; i++)
        {
            if (i == 0 || entries[i].Updated > updated)
            {
                updated = entries[i].Updated;
            }
        }

        return new FeedDocument(
            format,
            _metadata,
            page,
            entries,
            _paginator.Links(format, page),
            updated,
            hasDate: entries.Length > 0 || _emptyFeedUpdated is not null,
            isComplete: _paginator.IsComplete(page));
    }

    private static void CheckUniqueIds(FeedEntry[] entries, string paramName)
    {
        var seen = new Dictionary<string, FeedEntry>(entries.Length, StringComparer.Ordinal);
        foreach (FeedEntry entry in entries)
        {
            if (!seen.TryAdd(entry.Id, entry))
            {
                // RSS 2.0: duplicate guids are an error; RFC 4287 §4.2.6: an id identifies one entry.
                throw new ArgumentException(DuplicateIdMessage(entry.Id, Describe(seen[entry.Id].Title, seen[entry.Id].Url), Describe(entry.Title, entry.Url)), paramName);
            }
        }
    }

    /// <summary>The message of two posts with one id, naming both (shared by every check of a feed's ids).</summary>
    internal static string DuplicateIdMessage(string id, string first, string second) =>
        $"Two posts share the id \"{id}\": {first} and {second}; every post needs its own id (RFC 4287 §4.2.6), or readers show one and drop the other.";

    /// <summary>A post as a message names it: its title and URL.</summary>
    internal static string Describe(string title, Uri? url) =>
        $"\"{title}\" ({(url is { IsAbsoluteUri: true } ? url.AbsoluteUri : url?.OriginalString)})";
}
