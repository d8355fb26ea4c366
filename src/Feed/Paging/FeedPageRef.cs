namespace Feed.Paging;

/// <summary>
/// Where one document's entries sit in the newest-first order of all posts (<see cref="FeedGenerator.NewestFirst"/>).
/// Computed from the total number of posts alone, so a host with a database loads only that document's posts:
/// skip <see cref="Offset"/>, take <see cref="Count"/>.
/// </summary>
/// <remarks>Immutable; instances may be shared freely between threads.</remarks>
/// <param name="Kind">A page (or the subscription document) or an archive.</param>
/// <param name="Number">The page number (1 = newest) or archive number (1 = oldest).</param>
/// <param name="Offset">How many newer posts come before this document's first entry.</param>
/// <param name="Count">How many entries the document holds.</param>
public sealed record FeedPageRef(FeedPageKind Kind, int Number, int Offset, int Count);
