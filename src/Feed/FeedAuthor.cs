namespace Feed;

/// <summary>A person who wrote a post or a feed: an Atom person construct (RFC 4287 §3.2).</summary>
/// <remarks>Immutable; instances may be shared freely between threads.</remarks>
/// <param name="Name">The person's name, as readers show it. Required and non-empty.</param>
public sealed record FeedAuthor(string Name)
{
    /// <summary>Gets the person's e-mail address, if they publish one.</summary>
    /// <value>The default value is <see langword="null"/>. RSS 2.0 writes <c>author</c> only when this is set.</value>
    public string? Email { get; init; }

    /// <summary>Gets an absolute URL for the person (a home page or profile).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Uri? Uri { get; init; }
}
