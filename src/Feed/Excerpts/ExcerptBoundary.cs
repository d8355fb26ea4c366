namespace Feed.Excerpts;

/// <summary>Where an excerpt that is too long may be cut.</summary>
public enum ExcerptBoundary
{
    /// <summary>
    /// Never inside a word of a space-separated script; between CJK characters any boundary is a word boundary.
    /// Falls back to <see cref="Character"/> when backing off would lose more than half the length.
    /// </summary>
    Word = 0,

    /// <summary>Exactly at the length, counted in user-perceived characters (grapheme clusters).</summary>
    Character = 1,
}
