namespace Feed;

/// <summary>A published post: the input to every stage of Feed (post → excerpt → entry → page → document → bytes).</summary>
/// <remarks>
/// <para>
/// Immutable; instances may be shared freely between threads. Hosts with their own post type map it onto this
/// record once (see the dependency-injection extensions) rather than deriving from it.
/// </para>
/// <para>
/// Two posts are equal when every property is equal as it is written, so equal posts make the same entry: text
/// ordinally; dates as the instant and the offset (<see cref="DateTimeOffset.EqualsExact"/>: a feed writes the offset);
/// <see cref="Url"/> as written (<see cref="Uri.OriginalString"/>); <see cref="Authors"/> and <see cref="Categories"/>
/// element by element, in order, whatever the list type; <see cref="Properties"/> as a set of key/value pairs compared
/// ordinally, whatever the dictionary's type, order or comparer.
/// </para>
/// </remarks>
public sealed record FeedPost
{
    internal static readonly IReadOnlyDictionary<string, string> EmptyProperties =
        new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Gets the post's permanent identity, written as Atom <c>id</c> and RSS <c>guid</c>.</summary>
    /// <value>
    /// The default value is <see langword="null"/>, which means the absolute <see cref="Url"/> is the identity.
    /// Once a post is published its id must never change, or readers show it again as new (RFC 4287 §4.2.6).
    /// </value>
    public string? Id { get; init; }

    /// <summary>Gets the post's title as plain text.</summary>
    public required string Title { get; init; }

    /// <summary>Gets the absolute http(s) URL of the post's page on the site; any other scheme is rejected by <see cref="FeedGenerator.CreateEntry"/>.</summary>
    public required Uri Url { get; init; }

    /// <summary>Gets when the post was first published.</summary>
    public required DateTimeOffset Published { get; init; }

    /// <summary>Gets when the post was last changed in a way readers should see.</summary>
    /// <value>The default value is <see langword="null"/>, which means <see cref="Published"/>.</value>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>Gets the post's authors, in the order they are credited.</summary>
    /// <value>The default value is empty: the feed's own authors stand for the post.</value>
    public IReadOnlyList<FeedAuthor> Authors { get; init; } = [];

    /// <summary>Gets the post's categories and tags, in the order given.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Gets the post's body in <see cref="BodyFormat"/>.</summary>
    public required string Body { get; init; }

    /// <summary>Gets the markup language of <see cref="Body"/>.</summary>
    /// <value>The default value is <see cref="PostBodyFormat.Markdown"/>.</value>
    public PostBodyFormat BodyFormat { get; init; } = PostBodyFormat.Markdown;

    /// <summary>Gets an author-written summary that replaces the automatic excerpt.</summary>
    /// <value>
    /// The default value is <see langword="null"/>: the excerpt is cut from <see cref="Body"/>. A summary is read as
    /// the same markup as the body, rendered to plain text by the same rules, and never cut.
    /// </value>
    public string? Summary { get; init; }

    /// <summary>Gets the post's language as a BCP 47 tag (for example <c>zh-CN</c>), when it differs from the feed's.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Language { get; init; }

    /// <summary>Gets extra values for <see cref="FeedExtension"/>s (a podcast episode's audio URL, say), keyed ordinally.</summary>
    /// <value>The default value is empty. Feed itself reads none of them.</value>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = EmptyProperties;

    /// <summary>Gets the identity written to the feed: <see cref="Id"/> when set, else the absolute <see cref="Url"/>.</summary>
    /// <remarks>
    /// Sorting and the entry cache read it before the post is checked, so it never throws: a relative or missing URL
    /// (which the entry factory then rejects with a message naming the post) gives its text instead of letting
    /// <see cref="Uri.AbsoluteUri"/> throw "not supported for a relative URI", which names no post.
    /// </remarks>
    internal string EffectiveId => Id ?? (Url is { IsAbsoluteUri: true } ? Url.AbsoluteUri : Url?.OriginalString ?? string.Empty);

    /// <summary>Gets the time written as the entry's <c>updated</c>: <see cref="Updated"/> when set, else <see cref="Published"/>.</summary>
    internal DateTimeOffset EffectiveUpdated => Updated ?? Published;

    /// <summary>Whether <paramref name="other"/> has every property equal to this post's, as written (see the remarks).</summary>
    /// <param name="other">The other post.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public bool Equals(FeedPost? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && Internal.ValueEquality.Same(Id, other.Id)
            && Internal.ValueEquality.Same(Title, other.Title)
            && Internal.ValueEquality.Same(Url, other.Url)
            && Internal.ValueEquality.Same(Published, other.Published)
            && Internal.ValueEquality.Same(Updated, other.Updated)
            && Internal.ValueEquality.Same(Authors, other.Authors, EqualityComparer<FeedAuthor>.Default)
            && Internal.ValueEquality.Same(Categories, other.Categories, Internal.ValueEquality.Text)
            && Internal.ValueEquality.Same(Body, other.Body)
            && BodyFormat == other.BodyFormat
            && Internal.ValueEquality.Same(Summary, other.Summary)
            && Internal.ValueEquality.Same(Language, other.Language)
            && Internal.ValueEquality.Same(Properties, other.Properties));

    /// <summary>Gets a hash code consistent with <see cref="Equals(FeedPost)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        Internal.ValueEquality.Add(ref hash, Id);
        Internal.ValueEquality.Add(ref hash, Title);
        Internal.ValueEquality.Add(ref hash, Url);
        Internal.ValueEquality.Add(ref hash, Published);
        Internal.ValueEquality.Add(ref hash, Updated);
        Internal.ValueEquality.Add(ref hash, Authors, EqualityComparer<FeedAuthor>.Default);
        Internal.ValueEquality.Add(ref hash, Categories, Internal.ValueEquality.Text);
        Internal.ValueEquality.Add(ref hash, Body);
        hash.Add(BodyFormat);
        Internal.ValueEquality.Add(ref hash, Summary);
        Internal.ValueEquality.Add(ref hash, Language);
        Internal.ValueEquality.Add(ref hash, Properties);
        return hash.ToHashCode();
    }
}
