namespace Feed.Writers.Fragments;

/// <summary>
/// Where one entry's bytes are in a written document: <see cref="Length"/> bytes from <see cref="Offset"/>, counted from
/// the document's first byte. Those bytes (an entry's <em>fragment</em>) are what a document written from fragments
/// (<see cref="SplicedEntry.FromFragment"/>) copies in place of formatting the entry again.
/// </summary>
/// <param name="Offset">The fragment's first byte.</param>
/// <param name="Length">The fragment's length.</param>
internal readonly record struct FragmentRange(int Offset, int Length);

/// <summary>
/// Entry fragments, per format, as data: what one entry is in each format's documents, so that a document can be put
/// together from the bytes its entries had in other documents of the same feed (a build where only page boundaries
/// moved writes bytes, not XML or JSON).
/// </summary>
/// <remarks>
/// <para>
/// An entry's bytes in a document depend on the entry, the format and the feed's options (indentation, the feed's
/// authors or title, which stand in for an entry's missing authors), never on the entries beside it or on the
/// document's page: the writers keep it so. <see cref="FeedGenerator.GetFragmentContext"/> names that context (the format and
/// <see cref="FeedGenerator.Fingerprint"/>, every option value: deliberately more than the bytes depend on, so two
/// feeds never share a fragment they might write differently). A fragment is spliced only into documents of the same
/// context.
/// </para>
/// <para>
/// What a fragment holds, per format (each row's writer captures it while writing a document normally, and writes it
/// back verbatim when splicing):
/// </para>
/// <list type="table">
/// <listheader><term>Format</term><description>Fragment</description></listheader>
/// <item><term>RSS</term><description>An <c>&lt;item&gt;</c> of <c>&lt;channel&gt;</c> with the line end and
/// indentation before it (<see cref="FeedXmlWriter"/>): spliced after the channel's own elements.</description></item>
/// <item><term>Atom</term><description>An <c>&lt;entry&gt;</c> of <c>&lt;feed&gt;</c>, the same way.</description></item>
/// <item><term>JSON</term><description>An object of <c>items</c> with the line end and indentation before it, without
/// the comma between items (<see cref="Json.JsonFeedWriter"/>, which writes the comma).</description></item>
/// </list>
/// <para>
/// Not spliced: documents of a generator with <see cref="FeedOptions.Extensions"/>, whose hooks see the whole
/// document (<see cref="FeedExtension.WriteEntryElements"/> gets it) and may write an entry differently in each.
/// </para>
/// <para>
/// Internal: the <c>feed</c> tool's build cache is the one user. It sees the library's internals because its package
/// ships its own copy of <c>Feed.dll</c>, so the two always match.
/// </para>
/// </remarks>
internal static class EntryFragments
{
    /// <summary>Gets the formats whose entries can be spliced, one row each.</summary>
    public static IReadOnlyList<FragmentRow> Rows { get; } =
    [
        new(FeedFormat.Rss, EntryElement: "item", EntryDepth: 2),
        new(FeedFormat.Atom, EntryElement: "entry", EntryDepth: 1),
        new(FeedFormat.Json, EntryElement: "items[]", EntryDepth: 2),
    ];

    /// <summary>Gets the row of a format, or <see langword="null"/> when its entries cannot be spliced.</summary>
    /// <param name="format">The format.</param>
    /// <returns>The row.</returns>
    public static FragmentRow? Row(FeedFormat format)
    {
        foreach (FragmentRow row in Rows)
        {
            if (row.Format == format)
            {
                return row;
            }
        }

        return null;
    }
}

/// <summary>One format's entry fragments.</summary>
/// <param name="Format">The format.</param>
/// <param name="EntryElement">What an entry is in the document (the element, or the JSON array's items).</param>
/// <param name="EntryDepth">How many elements (objects and arrays in JSON) enclose an entry: the root's depth is 0.</param>
internal sealed record FragmentRow(FeedFormat Format, string EntryElement, int EntryDepth);

/// <summary>
/// One entry of a document written from fragments: the bytes it had in another document of the same context, or an
/// entry to format (whose fragment is made on the way), with what the document itself needs of it (its place in the
/// newest-first order, its date, whether it has content).
/// </summary>
/// <remarks>Immutable.</remarks>
internal sealed class SplicedEntry
{
    private SplicedEntry(string id, DateTimeOffset published, DateTimeOffset updated, bool hasContent, ReadOnlyMemory<byte> fragment, FeedEntry? entry)
    {
        Id = id;
        Published = published;
        Updated = updated;
        HasContent = hasContent;
        Fragment = fragment;
        Entry = entry;
    }

    /// <summary>Gets the entry's id, as <see cref="FeedEntry.Id"/>.</summary>
    public string Id { get; }

    /// <summary>Gets the entry's publication time, as <see cref="FeedEntry.Published"/>.</summary>
    public DateTimeOffset Published { get; }

    /// <summary>Gets the entry's update time, as <see cref="FeedEntry.Updated"/>.</summary>
    public DateTimeOffset Updated { get; }

    /// <summary>Gets whether the entry has content HTML (RSS declares the content namespace for it).</summary>
    public bool HasContent { get; }

    /// <summary>Gets the fragment; empty when <see cref="Entry"/> is to be formatted.</summary>
    public ReadOnlyMemory<byte> Fragment { get; }

    /// <summary>Gets the entry to format, or <see langword="null"/> when <see cref="Fragment"/> is given.</summary>
    public FeedEntry? Entry { get; }

    /// <summary>An entry known by its fragment: the bytes it had in a document of the same context.</summary>
    /// <param name="effectiveId">The post's feed id (<see cref="FeedPost.EffectiveId"/>); cleaned here as the entry's id is.</param>
    /// <param name="published">The post's publication time.</param>
    /// <param name="updated">The post's update time (<see cref="FeedPost.Updated"/>), or <see langword="null"/>.</param>
    /// <param name="hasContent">Whether the entry had content HTML.</param>
    /// <param name="fragment">The fragment.</param>
    /// <returns>The spliced entry.</returns>
    public static SplicedEntry FromFragment(string effectiveId, DateTimeOffset published, DateTimeOffset? updated, bool hasContent, ReadOnlyMemory<byte> fragment) =>
        new(Internal.FeedText.Clean(effectiveId), published, updated ?? published, hasContent, fragment, null);

    /// <summary>An entry to format: its fragment is made from it while the document is written.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The spliced entry.</returns>
    public static SplicedEntry FromEntry(FeedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Id, entry.Published, entry.Updated, Internal.FeedText.HasContent(entry.ContentHtml), ReadOnlyMemory<byte>.Empty, entry);
    }
}
