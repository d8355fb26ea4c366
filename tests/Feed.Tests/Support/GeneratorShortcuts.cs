namespace Feed.Tests.Support;

/// <summary>
/// The steps a host takes with the public API — look a document up in <see cref="FeedGenerator.Paging"/>, sort the
/// posts by <see cref="FeedGenerator.NewestFirst"/>, make the slice's entries, make the document — as one call each,
/// so that tests about what a document holds read as one line.
/// </summary>
internal static class GeneratorShortcuts
{
    public static FeedPage GetPage(this FeedGenerator generator, int number, int totalCount) =>
        generator.Paging.TryGetPage(number, totalCount, out FeedPage? page)
            ? page
            : throw new FeedPageNotFoundException(FeedPageKind.Page, number, generator.Paging.GetPageCount(totalCount));

    public static FeedPage GetArchive(this FeedGenerator generator, int number, int totalCount) =>
        generator.Paging.TryGetArchive(number, totalCount, out FeedPage? archive)
            ? archive
            : throw new FeedPageNotFoundException(FeedPageKind.Archive, number, generator.Paging.GetArchiveCount(totalCount));

    public static int GetPageCount(this FeedGenerator generator, int totalCount) => generator.Paging.GetPageCount(totalCount);

    public static int GetArchiveCount(this FeedGenerator generator, int totalCount) => generator.Paging.GetArchiveCount(totalCount);

    public static IReadOnlyList<FeedPage> GetPages(this FeedGenerator generator, int totalCount) => generator.Paging.GetPages(totalCount);

    public static Uri GetUrl(this FeedGenerator generator, FeedFormat format, FeedPage page) => generator.Paging.GetUrl(format, page);

    public static FeedDocument CreatePage(this FeedGenerator generator, FeedFormat format, IEnumerable<FeedPost> allPosts, int number)
    {
        FeedPost[] posts = Sorted(allPosts);
        return Create(generator, format, generator.GetPage(number, posts.Length), posts);
    }

    public static FeedDocument CreateArchive(this FeedGenerator generator, FeedFormat format, IEnumerable<FeedPost> allPosts, int number)
    {
        FeedPost[] posts = Sorted(allPosts);
        return Create(generator, format, generator.GetArchive(number, posts.Length), posts);
    }

    public static IReadOnlyList<FeedDocument> CreateDocuments(this FeedGenerator generator, FeedFormat format, IEnumerable<FeedPost> allPosts)
    {
        FeedPost[] posts = Sorted(allPosts);
        return [.. generator.Paging.GetPages(posts.Length).Select(page => Create(generator, format, page, posts))];
    }

    /// <summary>Makes a document from the page's posts given in any order (the generator sorts the entries).</summary>
    public static FeedDocument CreateDocument(this FeedGenerator generator, FeedFormat format, FeedPage page, IEnumerable<FeedPost> postsOfPage) =>
        generator.CreateDocument(format, page, [.. postsOfPage.Select(generator.CreateEntry)]);

    private static FeedPost[] Sorted(IEnumerable<FeedPost> allPosts)
    {
        ArgumentNullException.ThrowIfNull(allPosts);
        FeedPost[] posts = [.. allPosts];
        Array.Sort(posts, FeedGenerator.NewestFirst);
        return posts;
    }

    private static FeedDocument Create(FeedGenerator generator, FeedFormat format, FeedPage page, FeedPost[] sorted) =>
        generator.CreateDocument(format, page, [.. sorted.Skip(page.Offset).Take(page.Count).Select(generator.CreateEntry)]);
}
