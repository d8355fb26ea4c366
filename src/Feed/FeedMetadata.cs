namespace Feed;

/// <summary>
/// The feed-level data every document of a feed shares: a validated, cleaned snapshot of <see cref="FeedOptions"/>.
/// </summary>
/// <remarks>Immutable; instances may be shared freely between threads.</remarks>
internal sealed record FeedMetadata
{
    /// <summary>Gets the feed's title.</summary>
    public required string Title { get; init; }

    /// <summary>Gets what the feed is about (RSS <c>description</c>, Atom <c>subtitle</c>).</summary>
    /// <value>The default value is <see langword="null"/>: RSS, which requires a description, repeats <see cref="Title"/>; Atom writes no subtitle.</value>
    public string? Description { get; init; }

    /// <summary>Gets the permanent identity of the logical feed (Atom <c>id</c>), the same on every document.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the absolute URL of the site.</summary>
    public required Uri SiteUrl { get; init; }

    /// <summary>Gets the feed's language as a BCP 47 tag.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Language { get; init; }

    /// <summary>Gets the feed's authors.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<FeedAuthor> Authors { get; init; } = [];

    /// <summary>
    /// Gets the name the site publishes under: the title of the feed, or for a variant (<see cref="FeedGenerator.CreateVariant"/>)
    /// the title of the feed it was made from, never the variant's own ("Blog (tag: news)" is no one's name).
    /// </summary>
    public required string Publisher { get; init; }

    /// <summary>
    /// Gets who an entry without authors of its own is credited to, in every format: the feed's <see cref="Authors"/>,
    /// else the <see cref="Publisher"/>. Every entry names them (RFC 4287 §4.2.1 would let an Atom entry inherit the
    /// feed's, and JSON Feed 1.1 an item the top-level <c>authors</c>, but readers show a blank author for an entry without
    /// its own: newsboat, sfeed and most libraries).
    /// </summary>
    public required IReadOnlyList<FeedAuthor> EntryAuthors { get; init; }

    /// <summary>Gets the copyright notice.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Copyright { get; init; }

    /// <summary>Gets the generator's name.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Generator { get; init; }

    /// <summary>Gets the absolute URL of the feed's icon.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Uri? Icon { get; init; }

    /// <summary>Gets the WebSub hub every document announces (W3C WebSub §4).</summary>
    /// <value>The default value is <see langword="null"/>: none.</value>
    public Uri? Hub { get; init; }

    /// <summary>Gets the absolute URL of the feed's logo.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Uri? Logo { get; init; }
}
