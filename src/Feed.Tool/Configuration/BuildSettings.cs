using Feed.Tool.Posts;

namespace Feed.Tool.Configuration;

/// <summary>Everything one <c>feed build</c> run needs, after flags have been merged over the config file and checked.</summary>
/// <param name="PostsDir">The posts folder, as the user wrote it.</param>
/// <param name="OutDir">The output folder, as the user wrote it.</param>
/// <param name="Options">The feed options, validated (the generator is built from them once).</param>
/// <param name="Formats">The formats to write, in a fixed order (RSS, Atom, JSON).</param>
/// <param name="Rules">The site-wide post rules (site URL, permalink, time zone).</param>
/// <param name="IncludeDrafts"><c>--drafts</c>.</param>
/// <param name="IncludeFuture"><c>--future</c>.</param>
/// <param name="Now"><c>--now</c>, or <see langword="null"/> for the clock.</param>
/// <param name="Quiet"><c>--quiet</c>.</param>
internal sealed record BuildSettings(
    string PostsDir,
    string OutDir,
    FeedOptions Options,
    IReadOnlyList<FeedFormat> Formats,
    PostRules Rules,
    bool IncludeDrafts,
    bool IncludeFuture,
    DateTimeOffset? Now,
    bool Quiet)
{
    /// <summary>The default of <c>--max-post-size</c>, in megabytes: far above any real post, far below what would exhaust memory.</summary>
    public const int DefaultMaxPostSizeMegabytes = 16;

    /// <summary>The default of <c>--lock-timeout</c>, in seconds.</summary>
    public const int DefaultLockTimeoutSeconds = 60;

    /// <summary>Gets how long to wait for another build of the same <c>--out</c> to finish (<c>--lock-timeout</c>).</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(DefaultLockTimeoutSeconds);

    /// <summary>Gets which taxonomies get feeds of their own (config <c>taxonomies</c>).</summary>
    public Taxonomies Taxonomies { get; init; } = Taxonomies.None;

    /// <summary>Gets <c>--changed-list</c>: where to write the URLs of the documents this build changed; '-' is stdout.</summary>
    public string? ChangedList { get; init; }

    /// <summary>Gets whether posts with errors are left out, each a warning, rather than failing the build (<c>--skip-invalid</c>).</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Gets the build cache folder (<c>--cache-dir</c>), or <see langword="null"/> for a build without a cache.</summary>
    public string? CacheDir { get; init; }
}

/// <summary>Which taxonomies get feeds of their own: config <c>taxonomies</c>.</summary>
/// <param name="Tags">A feed per tag (front matter <c>tags</c>).</param>
/// <param name="Categories">A feed per category (front matter <c>categories</c>).</param>
/// <param name="Authors">A feed per author (front matter <c>author</c>/<c>authors</c>, else the config's author).</param>
internal sealed record Taxonomies(bool Tags, bool Categories, bool Authors)
{
    /// <summary>No taxonomy feeds: the default.</summary>
    public static Taxonomies None { get; } = new(false, false, false);
}
