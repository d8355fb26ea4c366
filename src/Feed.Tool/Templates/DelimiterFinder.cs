namespace Feed.Tool.Templates;

/// <summary>
/// Finds the next occurrence of one delimiter, remembering the last answer, so that a scan whose queries move
/// forward costs one pass over the text in all: a thousand <c>{%</c> with no <c>%}</c> after them search the rest of
/// the text once, not a thousand times.
/// </summary>
internal struct DelimiterFinder
{
    private readonly string _text;
    private readonly string _delimiter;
    private int _from;
    private int _found; // -1: none at or after _from

    public DelimiterFinder(string text, string delimiter)
    {
        _text = text;
        _delimiter = delimiter;
        _from = int.MaxValue; // nothing asked yet
        _found = -1;
    }

    /// <summary>The index of the first occurrence at or after <paramref name="from"/>, or -1.</summary>
    public int Find(int from)
    {
        if (from >= _from && (_found < 0 || from <= _found))
        {
            return _found; // the last search covered this one
        }

        _from = from;
        _found = from >= _text.Length ? -1 : _text.IndexOf(_delimiter, from, StringComparison.Ordinal);
        return _found;
    }
}
