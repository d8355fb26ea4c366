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

    /// <summary>Gets <c>timeZone</c>: the zone of front-matter dates written without an offset.</summary>
    public TimeZoneInfo? TimeZone { get; init; }
}
