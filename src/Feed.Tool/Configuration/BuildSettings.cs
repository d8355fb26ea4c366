using Feed.Tool.Posts;

namespace Feed.Tool.Configuration;

/// <summary>Everything one <c>feed build</c> run needs, after flags have been merged over the config file and checked.</summary>
/// <param name="PostsDir">The posts folder, as the user wrote it.</param>
/// <param name="OutDir">The output folder, as the user wrote it.</param>
/// <param name="Options">The feed options, validated (the generator is built from them once).</param>
/// <param name="Formats">The formats to write, in a fixed order (RSS, then Atom).</param>
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
}
