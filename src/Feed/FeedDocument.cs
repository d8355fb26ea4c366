using Feed.Paging;

namespace Feed;

/// <summary>
/// One document of a feed, ready to write: its page's entries, newest first, and its date. Made by
/// <see cref="FeedGenerator.CreateDocument"/>; written by <see cref="FeedGenerator.WriteAsync"/>; handed to each
/// <see cref="FeedExtension"/> as it is written.
/// </summary>
/// <remarks>Made only by the library; immutable, and may be shared freely between threads.</remarks>
public sealed class FeedDocument
{
    internal FeedDocument(
        FeedFormat format, FeedMetadata metadata, FeedPage page, IReadOnlyList<FeedEntry> entries, FeedLinks links,
        DateTimeOffset updated, bool hasDate, bool isComplete)
    {
        Format = format;
        Metadata = metadata;
        Page = page;
        Entries = entries;
        Links = links;
        Updated = updated;
        HasDate = hasDate;
        IsComplete = isComplete;
    }

    /// <summary>Gets the format the document is written in and that its links point to.</summary>
    public FeedFormat Format { get; }

    /// <summary>Gets which document of the feed this is (and <see cref="FeedPage.TotalCount"/>, the size of the whole feed).</summary>
    public FeedPage Page { get; }

    /// <summary>Gets the entries, newest first (<see cref="FeedGenerator.NewestFirst"/>).</summary>
    public IReadOnlyList<FeedEntry> Entries { get; }

    /// <summary>
    /// Gets the document's date (RSS <c>lastBuildDate</c>, Atom <c>updated</c>): the newest <see cref="FeedEntry.Updated"/>
    /// of its entries, never the clock, so an unchanged document is byte-identical.
    /// </summary>
    /// <value>
    /// For a document without entries, <see cref="FeedOptions.EmptyFeedUpdated"/>, else <see cref="DateTimeOffset.UnixEpoch"/>:
    /// fixed, and older than any real post.
    /// </value>
    public DateTimeOffset Updated { get; }

    /// <summary>Gets the feed-level data: the cleaned snapshot of the options.</summary>
    internal FeedMetadata Metadata { get; }

    /// <summary>Gets the document's own links (self, alternate, RFC 5005 paging or archive links).</summary>
    internal FeedLinks Links { get; }

    /// <summary>
    /// Gets whether <see cref="Updated"/> comes from the data (an entry, or <see cref="FeedOptions.EmptyFeedUpdated"/>).
    /// When not, RSS leaves out the optional <c>lastBuildDate</c>; Atom, which requires <c>updated</c>
    /// (RFC 4287 §4.1.1), writes <see cref="Updated"/> anyway.
    /// </summary>
    internal bool HasDate { get; }

    /// <summary>Gets whether the document holds every entry of the feed (RFC 5005 §2 <c>fh:complete</c>).</summary>
    internal bool IsComplete { get; }

    /// <summary>
    /// Gets the entries of a document written from fragments, newest first, or <see langword="null"/> for a document of
    /// <see cref="Entries"/> (which is then empty): see <see cref="Writers.Fragments.EntryFragments"/>.
    /// </summary>
    internal IReadOnlyList<Writers.Fragments.SplicedEntry>? Spliced { get; init; }

    /// <summary>Gets how many entries the document holds, whichever way they are given.</summary>
    internal int EntryCount => Spliced?.Count ?? Entries.Count;

    /// <summary>Gets whether the document is an archive document (RFC 5005 §4 <c>fh:archive</c>).</summary>
    internal bool IsArchive => Page.Kind == FeedPageKind.Archive;
}
