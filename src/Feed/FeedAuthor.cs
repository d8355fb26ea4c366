namespace Feed;

/// <summary>A person who wrote a post or a feed: an Atom person construct (RFC 4287 §3.2).</summary>
/// <remarks>
/// Immutable; instances may be shared freely between threads. Two authors are equal when every property is equal as it
/// is written: <see cref="Name"/> and <see cref="Email"/> ordinally, <see cref="Uri"/> as written
/// (<see cref="Uri.OriginalString"/>, so a different fragment is a different author, unlike <see cref="System.Uri.Equals(object)"/>).
/// </remarks>
/// <param name="Name">The person's name, as readers show it. Required and non-empty.</param>
public sealed record FeedAuthor(string Name)
{
    /// <summary>Gets the person's e-mail address, if they publish one.</summary>
    /// <value>
    /// The default value is <see langword="null"/>. Atom writes it as the person's <c>email</c>; RSS 2.0 only in the
    /// channel's <c>managingEditor</c>, when it is the feed's one author (RSS items name their authors in
    /// <c>dc:creator</c>, which holds a name); JSON Feed has no e-mail field.
    /// </value>
    public string? Email { get; init; }

    /// <summary>Gets an absolute http(s) URL for the person (a home page or profile); any other scheme is rejected where the author is used.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Uri? Uri { get; init; }

    /// <summary>Whether <paramref name="other"/> has every property equal to this author's, as written (see the remarks).</summary>
    /// <param name="other">The other author.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public bool Equals(FeedAuthor? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && Internal.ValueEquality.Same(Name, other.Name)
            && Internal.ValueEquality.Same(Email, other.Email)
            && Internal.ValueEquality.Same(Uri, other.Uri));

    /// <summary>Gets a hash code consistent with <see cref="Equals(FeedAuthor)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        Internal.ValueEquality.Add(ref hash, Name);
        Internal.ValueEquality.Add(ref hash, Email);
        Internal.ValueEquality.Add(ref hash, Uri);
        return hash.ToHashCode();
    }
}
