namespace Feed.Tool.Posts;

/// <summary>
/// What a build keeps in memory of one post between its two passes: the part of its head that the page plan needs —
/// its file, identity and URL, its place in the newest-first order, its feeds (tags, categories, authors), the lines
/// messages point at, and the hashes its cache keys are made of. Its texts (title, summary, language, categories as
/// written, body) are not kept: they are read again, with the body, when the page that shows the post is written
/// (<see cref="PostReader.ReadPost"/>), or come with its entry from the build cache.
/// </summary>
/// <remarks>
/// <para>
/// Why: memory must not grow with what the posts say, only with how many there are. A site's texts are its bulk (a
/// title alone is as large as everything else here), and 100,000 posts' heads were most of the tool's peak memory.
/// What is kept here is mostly the path and the URL.
/// </para>
/// <para>Immutable. Made from a <see cref="PostHead"/> (<see cref="From"/>) or read back from the build cache's file index.</para>
/// </remarks>
internal sealed record CatalogPost
{
    /// <summary>The newest-first order of <see cref="FeedGenerator.NewestFirst"/>: published descending, then the feed id in ordinal order.</summary>
    public static readonly Comparison<CatalogPost> NewestFirst = static (x, y) =>
        Feed.Internal.NewestFirst.Compare(x.Published, x.EffectiveId, y.Published, y.EffectiveId);

    /// <summary>Gets where the post lives.</summary>
    public required PostFile File { get; init; }

    /// <summary>Gets the front matter's <c>id</c>, if any.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the post's absolute URL, as <see cref="Uri.AbsoluteUri"/> gives it.</summary>
    public required string Url { get; init; }

    /// <summary>Gets the publication time.</summary>
    public required DateTimeOffset Published { get; init; }

    /// <summary>Gets the update time, if any.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>Gets the time after which the post is no longer published, if any.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>Gets whether the front matter makes the post a draft.</summary>
    public bool Draft { get; init; }

    /// <summary>Gets the file line the body starts on.</summary>
    public int BodyLine { get; init; } = 1;

    /// <summary>Gets whether the body holds template syntax its convention expands (see <see cref="PostHead.TemplateSensitive"/>).</summary>
    public bool TemplateSensitive { get; init; }

    /// <summary>Gets the authors (shared lists).</summary>
    public IReadOnlyList<FeedAuthor> Authors { get; init; } = [];

    /// <summary>Gets the front matter's <c>tags</c> (shared list).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Gets the front matter's <c>categories</c> (shared list).</summary>
    public IReadOnlyList<string> CategoryNames { get; init; } = [];

    /// <summary>Gets the line of <c>tags</c>, for messages.</summary>
    public int TagsLine { get; init; } = 1;

    /// <summary>Gets the line of <c>categories</c>, for messages.</summary>
    public int CategoriesLine { get; init; } = 1;

    /// <summary>Gets the line of the authors, for messages.</summary>
    public int AuthorsLine { get; init; } = 1;

    /// <summary>Gets the line to report a duplicate URL on.</summary>
    public int SlugLine { get; init; }

    /// <summary>Gets the column that goes with <see cref="SlugLine"/>.</summary>
    public int SlugColumn { get; init; }

    /// <summary>Gets the line to report a duplicate id on.</summary>
    public int IdLine { get; init; }

    /// <summary>Gets the column that goes with <see cref="IdLine"/>.</summary>
    public int IdColumn { get; init; }

    /// <summary>Gets the hash of the post file's bytes (see <see cref="PostHead.FileHash"/>).</summary>
    public UInt128 FileHash { get; init; }

    /// <summary>Gets the post's identity for the build cache (see <see cref="PostHead.ContentHash"/>).</summary>
    public UInt128 ContentHash { get; init; }

    /// <summary>Gets the id the feed writes (<see cref="FeedPost.EffectiveId"/>).</summary>
    public string EffectiveId => Id ?? Url;

    /// <summary>The catalog's part of a head.</summary>
    /// <param name="head">The head, as the first pass read it.</param>
    /// <returns>The catalog post.</returns>
    public static CatalogPost From(PostHead head) => new()
    {
        File = head.File,
        Id = head.Id,
        Url = head.Url,
        Published = head.Published,
        Updated = head.Updated,
        Expires = head.Expires,
        Draft = head.Draft,
        BodyLine = head.BodyLine,
        TemplateSensitive = head.TemplateSensitive,
        Authors = head.Authors,
        Tags = head.Tags,
        CategoryNames = head.CategoryNames,
        TagsLine = head.TagsLine,
        CategoriesLine = head.CategoriesLine,
        AuthorsLine = head.AuthorsLine,
        SlugLine = head.SlugLine,
        SlugColumn = head.SlugColumn,
        IdLine = head.IdLine,
        IdColumn = head.IdColumn,
        FileHash = head.FileHash,
        ContentHash = head.ContentHash,
    };
}
