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
        FeedEntry[] entries = CheckedCopy(format, page, entriesOfPage, paramName);
        Array.Sort(entries, NewestFirst.Entries);
        CheckUniqueIds(entries, paramName);
        return Create(format, page, entries, Newest(entries, static e => e.Updated));
    }

    /// <summary>
    /// Puts a document together from entries given by their fragments (or formatted on the way): the same order, date,
    /// links and checks as <see cref="Assemble"/>, so its bytes are those of the document of the same entries.
    /// </summary>
    public FeedDocument AssembleSpliced(FeedFormat format, FeedPage page, IReadOnlyList<Writers.Fragments.SplicedEntry> entriesOfPage, string paramName)
    {
        Writers.Fragments.SplicedEntry[] entries = CheckedCopy(format, page, entriesOfPage, paramName);
        Array.Sort(entries, static (x, y) => NewestFirst.Compare(x.Published, x.Id, y.Published, y.Id));
        var seen = new HashSet<string>(entries.Length, StringComparer.Ordinal);
        foreach (Writers.Fragments.SplicedEntry entry in entries)
        {
            if (!seen.Add(entry.Id))
            {
                throw new ArgumentException($"Two entries share the id \"{entry.Id}\"; every post needs its own id (RFC 4287 §4.2.6).", paramName);
            }
        }

        return Create(format, page, [], Newest(entries, static e => e.Updated), spliced: entries);
    }

    // The checks both ways of assembling share: a defined format, a page of this feed, at most its count of entries, no null.
    private T[] CheckedCopy<T>(FeedFormat format, FeedPage page, IReadOnlyList<T> entriesOfPage, string paramName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(entriesOfPage, paramName);
        Formats.Check(format);
        _paginator.CheckPage(page, nameof(page));
        if (entriesOfPage.Count > page.Count)
        {
            throw new ArgumentException(
                $"{page} holds at most {page.Count} entries, but {entriesOfPage.Count} were given.", paramName);
        }

        T[] entries = [.. entriesOfPage];
        if (Array.IndexOf(entries, null) >= 0)
        {
            throw new ArgumentException("The entries must not contain null.", paramName);
        }

        return entries;
    }

    // The document's date: its newest entry's update, else the empty feed's fixed date (see FeedDocument.Updated).
    private DateTimeOffset Newest<T>(T[] entries, Func<T, DateTimeOffset> updatedOf)
    {
        DateTimeOffset updated = _emptyFeedUpdated ?? DateTimeOffset.UnixEpoch;
        for (int i = 0; i < entries.Length; i++)
        {
            if (i == 0 || updatedOf(entries[i]) > updated)
            {
                updated = updatedOf(entries[i]);
            }
        }

        return updated;
    }

    private FeedDocument Create(
        FeedFormat format, FeedPage page, FeedEntry[] entries, DateTimeOffset updated, Writers.Fragments.SplicedEntry[]? spliced = null) => new(
        format,
        _metadata,
        page,
        entries,
        _paginator.Links(format, page),
        updated,
        hasDate: (spliced?.Length ?? entries.Length) > 0 || _emptyFeedUpdated is not null,
        isComplete: _paginator.IsComplete(page))
    {
        Spliced = spliced,
    };

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
