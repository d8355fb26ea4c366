namespace Feed.Tool.Templates;

/// <summary>
/// Collects the warnings of one expansion by index in the body, and turns them into file lines and columns at the
/// end in one pass. Bounded: a hostile body with a million stray delimiters gets <see cref="MaxNotes"/> notes and
/// one that counts the rest.
/// </summary>
internal sealed class NoteList
{
    /// <summary>The most notes one post gets before the rest are only counted.</summary>
    public const int MaxNotes = 50;

    private readonly List<(int Index, string Message)> _notes = [];
    private int _dropped;
    private int _firstDropped = -1;

    /// <summary>Adds a note at <paramref name="index"/> in the body.</summary>
    public void Add(int index, string message)
    {
        if (_notes.Count < MaxNotes)
        {
            _notes.Add((index, message));
        }
        else
        {
            _dropped++;
            _firstDropped = _firstDropped < 0 ? index : Math.Min(_firstDropped, index);
        }
    }

    /// <summary>The notes in body order, located in the file.</summary>
    /// <param name="body">The body the indexes point into.</param>
    /// <param name="firstLine">The file line of the body's first line.</param>
    public IReadOnlyList<TemplateNote> ToNotes(string body, int firstLine)
    {
        if (_notes.Count == 0)
        {
            return [];
        }

        var all = new List<(int Index, string Message)>(_notes);
        if (_dropped > 0)
        {
            all.Add((_firstDropped, $"{_dropped} more template warnings in this post are not shown."));
        }

        // Stable by index: notes made at one place keep the order they were made in.
        (int Index, string Message)[] ordered = [.. all.Select((note, order) => (note, order)).OrderBy(x => x.note.Index).ThenBy(x => x.order).Select(x => x.note)];
        var notes = new List<TemplateNote>(ordered.Length);
        int line = firstLine;
        int lineStart = 0;
        int scanned = 0;
        foreach ((int index, string message) in ordered)
        {
            int at = Math.Clamp(index, 0, body.Length);
            for (; scanned < at; scanned++)
            {
                if (body[scanned] == '\n')
                {
                    line++;
                    lineStart = scanned + 1;
                }
            }

            notes.Add(new TemplateNote(line, 1 + ScalarCount(body.AsSpan(lineStart, at - lineStart)), message));
        }

        return notes;
    }

    /// <summary>Counts Unicode scalar values (a surrogate pair is one), as the tool's other columns do.</summary>
    private static int ScalarCount(ReadOnlySpan<char> text)
    {
        int count = 0;
        foreach (char c in text)
        {
            if (!char.IsLowSurrogate(c))
            {
                count++;
            }
        }

        return count;
    }
}
