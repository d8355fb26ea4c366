namespace Feed.Excerpts;

/// <summary>Where the text of an <see cref="Excerpt"/> came from.</summary>
public enum ExcerptSource
{
    /// <summary>Cut automatically from the start of the body.</summary>
    Body = 0,

    /// <summary>The body up to the author's <c>&lt;!--more--&gt;</c> divider.</summary>
    Divider = 1,

    /// <summary>The post's explicit summary.</summary>
    Summary = 2,
}
