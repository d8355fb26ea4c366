namespace Feed.Tool.Posts;

/// <summary>
/// What the first pass knows about one post: its front matter, checked. Cheap to hold for every post of a large
/// site, so memory stays flat as the site grows: the URL is kept as its absolute text rather than a
/// <see cref="Uri"/>, and the body is read again only when the page holding the post is written
/// (<see cref="ToPost"/>).
/// </summary>
/// <remarks>Immutable.</remarks>
internal sealed record PostHead
{
    /// <summary>The newest-first order of <see cref="FeedGenerator.NewestFirst"/>, on heads: published descending,
    /// then the feed id in ordinal order.</summary>
    public static readonly Comparison<PostHead> NewestFirst = static (x, y) =>
        Feed.Internal.NewestFirst.Compare(x.Published, x.EffectiveId, y.Published, y.EffectiveId);

    /// <summary>Gets where the post lives.</summary>
    public required PostFile File { get; init; }

    /// <summary>Gets the front matter's <c>id</c>, if any.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the title.</summary>
    public required string Title { get; init; }

    /// <summary>Gets the post's absolute URL, as <see cref="Uri.AbsoluteUri"/> gives it.</summary>
    public required string Url { get; init; }

    /// <summary>Gets the publication time.</summary>
    public required DateTimeOffset Published { get; init; }

    /// <summary>Gets the update time, if any.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>Gets the time after which the post is no longer published (Hugo's <c>expiryDate</c>), if any.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>Gets the file line the body starts on (for template warnings).</summary>
    public int BodyLine { get; init; } = 1;

    /// <summary>
    /// Gets whether the body holds template syntax (<c>{%</c>, <c>{{</c>) that the convention's template language
    /// expands: such a post's rendering may depend on other posts' URLs, so its cache keys include them.
    /// </summary>
    public bool TemplateSensitive { get; init; }

    /// <summary>Gets the authors (shared lists, see <see cref="SharedValues"/>).</summary>
    public IReadOnlyList<FeedAuthor> Authors { get; init; } = [];

    /// <summary>Gets the tags and categories (shared lists).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Gets the front matter's <c>tags</c> alone (shared list), for the feeds per tag.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Gets the front matter's <c>categories</c> alone (shared list), for the feeds per category.</summary>
    public IReadOnlyList<string> CategoryNames { get; init; } = [];

    /// <summary>Gets the line of <c>tags</c> in the file (1 when absent), for messages.</summary>
    public int TagsLine { get; init; } = 1;

    /// <summary>Gets the line of <c>categories</c> in the file (1 when absent), for messages.</summary>
    public int CategoriesLine { get; init; } = 1;

    /// <summary>Gets the line of <c>author</c>/<c>authors</c> in the file (1 when absent), for messages.</summary>
    public int AuthorsLine { get; init; } = 1;

    /// <summary>Gets the front matter's summary, if any.</summary>
    public string? Summary { get; init; }

    /// <summary>Gets the front matter's language tag, if any.</summary>
    public string? Language { get; init; }

    /// <summary>Gets whether the front matter says <c>draft: true</c>.</summary>
    public bool Draft { get; init; }

    /// <summary>Gets the 128-bit XXH3 hash of the post file's bytes, as the first pass read them.</summary>
    public UInt128 FileHash { get; init; }

    /// <summary>
    /// Gets the post's identity for the build cache: <see cref="FileHash"/>, mixed with a hash of every post's URL when
    /// the post has template tags (<see cref="TemplateSensitive"/>), whose expansion may name other posts' URLs.
    /// </summary>
    public UInt128 ContentHash { get; init; }

    /// <summary>Gets the line to report a duplicate URL on (the <c>slug</c> or <c>permalink</c> field, else 1).</summary>
    public int SlugLine { get; init; }

    /// <summary>Gets the column that goes with <see cref="SlugLine"/>.</summary>
    public int SlugColumn { get; init; }

    /// <summary>Gets the line to report a duplicate id on (the <c>id</c> field, else <see cref="SlugLine"/>).</summary>
    public int IdLine { get; init; }

    /// <summary>Gets the column that goes with <see cref="IdLine"/>.</summary>
    public int IdColumn { get; init; }

    /// <summary>Gets the id the feed writes: <see cref="FeedPost.EffectiveId"/> of <see cref="ToPost"/>'s result.</summary>
    public string EffectiveId => Id ?? Url;

    /// <summary>The post with its <paramref name="body"/>, for the library.</summary>
    public FeedPost ToPost(string body) => new()
    {
        Id = Id,
        Title = Title,
        Url = new Uri(Url, UriKind.Absolute),
        Published = Published,
        Updated = Updated,
        Authors = Authors,
        Categories = Categories,
        Summary = Summary,
        Language = Language,
        Body = body,
    };
}

/// <summary>The posts folder a build reads: shared by every <see cref="PostFile"/> of the build.</summary>
/// <param name="FullPath">The folder's absolute path.</param>
/// <param name="DisplayPath">The folder as the user wrote it, for messages.</param>
internal sealed record PostsFolder(string FullPath, string DisplayPath)
{
    /// <summary>Gets the folder's real path (every link along it resolved): what "inside the posts folder" is measured against.</summary>
    public string RealPath { get; init; } = FullPath;

    /// <summary>Gets whether links that lead outside the folder are followed (<see cref="PostRules.FollowExternalLinks"/>).</summary>
    public bool FollowExternalLinks { get; init; }

    /// <summary>Whether a real path (links resolved) is this folder or inside it.</summary>
    /// <param name="realPath">The path, every link along it resolved.</param>
    /// <returns><see langword="true"/> when it is inside.</returns>
    public bool Holds(string realPath)
    {
        StringComparison comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        string root = Path.TrimEndingDirectorySeparator(RealPath);
        return realPath.Equals(root, comparison)
            || (realPath.StartsWith(root, comparison) && realPath.Length > root.Length && realPath[root.Length] == Path.DirectorySeparatorChar)
            || root.Length == 1; // the file system's root holds everything
    }

    /// <summary>
    /// Where a link in the folder leads, when that is outside it and such links are not followed; else
    /// <see langword="null"/> (not a link, a link inside, or one that cannot be resolved: reading it says why).
    /// </summary>
    /// <param name="fullPath">The path of an entry of the folder.</param>
    /// <returns>The link's own target text, or <see langword="null"/>.</returns>
    public string? ExternalLinkTarget(string fullPath)
    {
        if (FollowExternalLinks || Files.FileKinds.Of(fullPath, followLinks: false) != Files.FileKind.SymbolicLink)
        {
            return null;
        }

        try
        {
            return Holds(Files.FileKinds.RealPath(fullPath)) ? null : new FileInfo(fullPath).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // a loop of links, say: reading it reports it
        }
    }
}

/// <summary>A post's file.</summary>
/// <remarks>
/// Holds only its own relative path and shares the folder: the first pass keeps one of these for every post of the
/// site, so its size is the tool's memory per post (it must stay flat as a site grows).
/// </remarks>
/// <param name="Folder">The posts folder.</param>
/// <param name="RelativePath">The path inside the posts folder with <c>/</c> separators: the sort key.</param>
internal sealed record PostFile(PostsFolder Folder, string RelativePath)
{
    /// <summary>Gets the absolute path, for reading.</summary>
    public string FullPath => Path.Join(Folder.FullPath, OsRelativePath);

    /// <summary>Gets the path printed in messages: the posts folder as the user wrote it, joined with the relative path.</summary>
    public string DisplayPath => Path.Join(Folder.DisplayPath, OsRelativePath);

    private string OsRelativePath => RelativePath.Replace('/', Path.DirectorySeparatorChar);
}
