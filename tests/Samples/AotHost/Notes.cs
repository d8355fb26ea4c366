using Feed;

namespace AotHost;

/// <summary>A note of the sample: twelve of them, one a day, tagged by their parity.</summary>
public sealed record Note(int Number)
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public string Tag => Number % 2 == 0 ? "Even" : "Odd";

    public static FeedPost ToFeedPost(Note note) => new()
    {
        Id = $"tag:notes.example.net,2025:{note.Number}",
        Title = $"Note {note.Number}",
        Url = new Uri($"https://notes.example.net/notes/{note.Number}/"),
        Published = Start.AddDays(note.Number),
        Body = $"Note **{note.Number}**, written ahead of time and served by a native executable.",
        Categories = [note.Tag],
    };
}

/// <summary>The notes in memory, newest first; a variant is a tag's normalized key (<c>odd</c>, <c>even</c>).</summary>
public sealed class NoteSource : IFeedPageSource<Note>
{
    private static readonly Note[] NewestFirst = [.. Enumerable.Range(1, 12).Reverse().Select(n => new Note(n))];

    public ValueTask<FeedRows<Note>?> GetRowsAsync(FeedQuery query, CancellationToken cancellationToken)
    {
        Note[] notes = query.Variant is null ? NewestFirst : [.. NewestFirst.Where(n => FeedTerms.Normalize(n.Tag) == query.Variant)];
        if (notes.Length == 0)
        {
            return ValueTask.FromResult<FeedRows<Note>?>(null);
        }

        IEnumerable<Note> ordered = query.OldestFirst ? notes.Reverse() : notes;
        return ValueTask.FromResult<FeedRows<Note>?>(new FeedRows<Note>(notes.Length, [.. ordered.Skip(query.Skip).Take(query.Take)]));
    }
}
