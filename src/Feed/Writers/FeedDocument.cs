using Feed.Entries;
using Feed.Paging;

namespace Feed.Writers;

/// <summary>
/// Everything one feed document holds, ready to write: the feed's metadata, the page's entries (newest first) and
/// its links. Made by <see cref="FeedGenerator"/>; written by <see cref="FeedGenerator.WriteAsync"/>.
/// </summary>
/// <remarks>Immutable; instances may be shared freely between threads.</remarks>
public sealed record FeedDocument
{
    /// <summary>Gets the format the document's links point to and that it is written in.</summary>
    public required FeedFormat Format { get; init; }

    /// <summary>Gets the feed-level data.</summary>
    public required FeedMetadata Metadata { get; init; }

    /// <summary>Gets which document of the feed this is.</summary>
    public required FeedPageRef Page { get; init; }

    /// <summary>Gets how many posts the whole feed has.</summary>
    public required int TotalCount { get; init; }

    /// <summary>Gets the entries, newest first (<see cref="FeedGenerator.NewestFirst"/>).</summary>
    public required IReadOnlyList<FeedEntry> Entries { get; init; }

    /// <summary>Gets the document's links.</summary>
    public required FeedLinks Links { get; init; }

    /// <summary>
    /// Gets the document's date (RSS <c>lastBuildDate</c>, Atom <c>updated</c>): the newest <see cref="FeedEntry.Updated"/>
    /// of its entries, never the clock, so an unchanged document is byte-identical.
    /// </summary>
    /// <value>
    /// For a document without entries, <see cref="FeedOptions.EmptyFeedUpdated"/>, else <see cref="DateTimeOffset.UnixEpoch"/>:
    /// fixed, and older than any real post.
    /// </value>
    public required DateTimeOffset Updated { get; init; }

    /// <summary>
    /// Gets whether <see cref="Updated"/> comes from the data (an entry, or <see cref="FeedOptions.EmptyFeedUpdated"/>).
    /// When <see langword="false"/>, RSS leaves out the optional <c>lastBuildDate</c>; Atom, which requires
    /// <c>updated</c> (RFC 4287 §4.1.1), writes <see cref="Updated"/> anyway.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool HasDate { get; init; } = true;

    /// <summary>Gets whether the document holds every entry of the feed (RFC 5005 §2 <c>fh:complete</c>).</summary>
    public bool IsComplete { get; init; }

    /// <summary>Gets whether the document is an archive document (RFC 5005 §4 <c>fh:archive</c>).</summary>
    public bool IsArchive { get; init; }
}
