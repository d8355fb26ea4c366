using Feed;

namespace AotHost;

/// <summary>A note: the sample's post type, as a host's own would be.</summary>
public sealed record Note(string Slug, string Title, string Markdown, DateTimeOffset Published, string[] Tags);

// begin-snippet: aspnetcore-page-source
/// <summary>
/// The notes, newest first, from wherever the host keeps them (here, twelve in memory). A request asks for one page: the
/// feed's (or one tag's) posts in newest-first order — oldest first for an archive — skip, take, and the count.
/// </summary>
public sealed class NoteSource : IFeedPageSource<Note>
{
    private static readonly Note[] NewestFirst = [.. Enumerable.Range(1, 12).Reverse().Select(n => new Note(
        $"note-{n}", $"Note {n}", $"Note **{n}**, served by a native executable.",
        new DateTimeOffset(2025, 1, n, 9, 0, 0, TimeSpan.Zero), [n % 2 == 0 ? "Even" : "Odd"]))];

    public ValueTask<FeedRows<Note>?> GetRowsAsync(FeedQuery query, CancellationToken cancellationToken)
    {
        // query.Variant is the tag of /tags/{tag}/atom.xml, normalized: match it against tags normalized alike.
        Note[] notes = query.Variant is null
            ? NewestFirst
            : [.. NewestFirst.Where(note => note.Tags.Any(tag => FeedTerms.Normalize(tag) == query.Variant))];
        if (notes.Length == 0)
        {
            return ValueTask.FromResult<FeedRows<Note>?>(null); // no such tag: 404
        }

        IEnumerable<Note> ordered = query.OldestFirst ? notes.Reverse() : notes;
        return ValueTask.FromResult<FeedRows<Note>?>(new FeedRows<Note>(notes.Length, [.. ordered.Skip(query.Skip).Take(query.Take)]));
    }
}
// end-snippet
