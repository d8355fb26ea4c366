namespace Feed.Excerpts;

/// <summary>The plain-text excerpt of a post.</summary>
/// <remarks>Immutable; instances may be shared freely between threads.</remarks>
/// <param name="Text">The excerpt, ellipsis included when <paramref name="IsTruncated"/> is <see langword="true"/>. Contains no character that XML 1.0 forbids.</param>
/// <param name="IsTruncated"><see langword="true"/> when text was cut off, so a host can add its own "read more".</param>
/// <param name="Source">Where the text came from.</param>
public sealed record Excerpt(string Text, bool IsTruncated, ExcerptSource Source);
