namespace Feed.Tool.Configuration;

/// <summary>
/// The settings read from a config file. Every value is <see langword="null"/> when the file does not give it, so a
/// flag, the file and the default can be told apart when they are merged (<see cref="BuildSettings"/>).
/// </summary>
/// <remarks>Immutable.</remarks>
internal sealed record ToolConfig
{
    /// <summary>An empty config: every value unset.</summary>
    public static ToolConfig Empty { get; } = new();

    /// <summary>Gets <c>siteUrl</c>.</summary>
    public Uri? SiteUrl { get; init; }

    /// <summary>Gets <c>title</c>.</summary>
    public string? Title { get; init; }

    /// <summary>Gets <c>description</c>.</summary>
    public string? Description { get; init; }

    /// <summary>Gets <c>language</c>.</summary>
    public string? Language { get; init; }

    /// <summary>Gets <c>author</c>.</summary>
    public FeedAuthor? Author { get; init; }

    /// <summary>Gets <c>copyright</c>.</summary>
    public string? Copyright { get; init; }

    /// <summary>Gets <c>icon</c>.</summary>
    public Uri? Icon { get; init; }

    /// <summary>Gets <c>logo</c>.</summary>
    public Uri? Logo { get; init; }

    /// <summary>Gets <c>pageSize</c>.</summary>
    public int? PageSize { get; init; }

    /// <summary>Gets <c>permalink</c>.</summary>
    public string? Permalink { get; init; }

    /// <summary>Gets <c>fullContent</c>.</summary>
    public bool? FullContent { get; init; }

    /// <summary>Gets <c>formats</c>.</summary>
    public IReadOnlyList<FeedFormat>? Formats { get; init; }

    /// <summary>Gets <c>htmlTemplate</c>: the Liquid page template's path as written (relative to the config file's folder).</summary>
    public string? HtmlTemplate { get; init; }

    /// <summary>Gets <c>archive</c>.</summary>
    public bool? Archive { get; init; }

    /// <summary>Gets <c>excerpt.length</c>.</summary>
    public int? ExcerptLength { get; init; }

    /// <summary>Gets <c>excerpt.ellipsis</c>.</summary>
    public string? ExcerptEllipsis { get; init; }

    /// <summary>Gets <c>excerpt.boundary</c>.</summary>
    public Feed.Excerpts.ExcerptBoundary? ExcerptBoundary { get; init; }

    /// <summary>Gets <c>excerpt.mathPlaceholder</c>.</summary>
    public string? MathPlaceholder { get; init; }

    /// <summary>Gets <c>excerpt.displayMathPlaceholder</c>.</summary>
    public string? DisplayMathPlaceholder { get; init; }

    /// <summary>Gets <c>hub</c>: the WebSub hub every document announces.</summary>
    public Uri? Hub { get; init; }

    /// <summary>Gets <c>taxonomies.tags</c>: whether each tag gets its own feed.</summary>
    public bool? TagFeeds { get; init; }

    /// <summary>Gets <c>taxonomies.categories</c>: whether each category gets its own feed.</summary>
    public bool? CategoryFeeds { get; init; }

    /// <summary>Gets <c>taxonomies.authors</c>: whether each author gets its own feed.</summary>
    public bool? AuthorFeeds { get; init; }

    /// <summary>Gets <c>timeZone</c>: the zone of front-matter dates written without an offset.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>Gets <c>conventions</c>: the site generator whose rules the posts are read by.</summary>
    public Conventions.Convention? Conventions { get; init; }

    /// <summary>Gets <c>skipInvalid</c>: build from the valid posts, each invalid one a warning.</summary>
    public bool? SkipInvalid { get; init; }

    /// <summary>Gets <c>followExternalLinks</c>: follow symbolic links in the posts folder that lead outside it.</summary>
    public bool? FollowExternalLinks { get; init; }

    /// <summary>Gets the config file's path as the user gave it; <see langword="null"/> without a file.</summary>
    public string? Path { get; init; }

    /// <summary>Gets where each key was given in the file, by its path (<c>title</c>, <c>author.email</c>, <c>excerpt.length</c>).</summary>
    public IReadOnlyDictionary<string, (int Line, int Column)> Positions { get; init; } = new Dictionary<string, (int Line, int Column)>();

    /// <summary>
    /// Gets the config key that sets the <see cref="FeedOptions"/> property at <paramref name="member"/> (a path from
    /// <see cref="System.ComponentModel.DataAnnotations.ValidationResult.MemberNames"/>, such as <c>Authors[0].Email</c>):
    /// each segment in camel case, the one author as <c>author</c>.
    /// </summary>
    /// <returns>The key, such as <c>author.email</c>.</returns>
    public static string KeyOf(string member)
    {
        string[] segments = member.Split('.');
        for (int i = 0; i < segments.Length; i++)
        {
            string segment = segments[i].StartsWith("Authors[", StringComparison.Ordinal) ? "author" : segments[i];
            segments[i] = segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..];
        }

        return string.Join('.', segments);
    }
}
