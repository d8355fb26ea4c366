namespace Feed.Excerpts;

/// <summary>Where an excerpt that is too long may be cut.</summary>
public enum ExcerptBoundary
{
    /// <summary>
    /// Never inside a word of a space-separated script: a word runs from space to space (U+200B counts as a space),
    /// so the cut moves back to the start of the word it would split, and trailing white space and opening brackets
    /// or quotes go too. Next to a CJK character (Han, kana, CJK punctuation, fullwidth forms) any boundary is a word
    /// boundary. Falls back to <see cref="Character"/> when moving back would lose more than half the length (one
    /// giant token such as a URL).
    /// </summary>
    Word = 0,

    /// <summary>Exactly at the length, counted in user-perceived characters (grapheme clusters); trailing white space goes.</summary>
    Character = 1,
}
