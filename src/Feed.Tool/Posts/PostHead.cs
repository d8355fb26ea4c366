namespace Feed.Tool.Posts;

/// <summary>
/// What the first pass knows about one post: its front matter, as a <see cref="FeedPost"/> whose
/// <see cref="FeedPost.Body"/> is empty. Cheap to hold for every post of a large site; the body is read again only
/// when the page holding the post is written.
/// </summary>
/// <param name="File">Where the post lives.</param>
/// <param name="Post">The post, body empty.</param>
/// <param name="Draft">Whether the front matter says <c>draft: true</c>.</param>
/// <param name="SlugLine">The line to report a duplicate URL on (the <c>slug</c> or <c>permalink</c> field, else 1).</param>
/// <param name="SlugColumn">The column that goes with <paramref name="SlugLine"/>.</param>
/// <param name="IdLine">The line to report a duplicate id on (the <c>id</c> field, else <paramref name="SlugLine"/>).</param>
/// <param name="IdColumn">The column that goes with <paramref name="IdLine"/>.</param>
/// <remarks>Immutable.</remarks>
internal sealed record PostHead(PostFile File, FeedPost Post, bool Draft, int SlugLine, int SlugColumn, int IdLine, int IdColumn);

/// <summary>The posts folder a build reads: shared by every <see cref="PostFile"/> of the build.</summary>
/// <param name="FullPath">The folder's absolute path.</param>
/// <param name="DisplayPath">The folder as the user wrote it, for messages.</param>
internal sealed record PostsFolder(string FullPath, string DisplayPath);

/// <summary>A post's file.</summary>
/// <remarks>
/// Holds only its own relative path and shares the folder: the first pass keeps one of these for every post of the
/// site, so its size is the tool's memory per post (issue 6: memory must stay flat as a site grows).
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
