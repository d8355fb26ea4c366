namespace Feed.Excerpts;

/// <summary>Turns a post's body into the plain-text excerpt a reader sees.</summary>
/// <threadsafety>Immutable after construction; build once and share.</threadsafety>
public sealed class ExcerptGenerator
{
    private readonly int _length;
    private readonly string _ellipsis;

    /// <summary>Creates a generator with <paramref name="options"/>, or the defaults when <see langword="null"/>.</summary>
    /// <param name="options">The options; copied, so later changes to them have no effect.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> break a rule; the message lists every one.</exception>
    public ExcerptGenerator(ExcerptOptions? options = null)
    {
        options ??= new ExcerptOptions();
        IReadOnlyList<string> errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid excerpt options: " + string.Join(" ", errors), nameof(options));
        }

        _length = options.Length;
        _ellipsis = options.Ellipsis;
    }

    /// <summary>Makes the excerpt of <paramref name="post"/>: its summary when it has one, else its body cut to length.</summary>
    /// <param name="post">The post.</param>
    /// <returns>The excerpt.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="post"/> is <see langword="null"/>.</exception>
    public Excerpt Create(FeedPost post)
    {
        ArgumentNullException.ThrowIfNull(post);

        // TEMPORARY (issue 2 replaces this whole body with the Markdig walker).
        string text = post.Summary ?? post.Body;
        return text.Length <= _length
            ? new Excerpt(text, false, post.Summary is null ? ExcerptSource.Body : ExcerptSource.Summary)
            : new Excerpt(text[.._length] + _ellipsis, true, ExcerptSource.Body);
    }
}
