using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Feed.Hosting.Tests.Support;

/// <summary>
/// The steps a host takes with <see cref="FeedRenderer{TPost}"/> and its generator's <see cref="FeedPaging"/>, one call
/// each, so that tests about what a page holds read as one line. Text comes from the public stream writer.
/// </summary>
internal static class RendererShortcuts
{
    public static int GetPageCount<T>(this FeedRenderer<T> feed, int totalCount) => feed.Generator.Paging.GetPageCount(totalCount);

    public static bool TryGetPage<T>(this FeedRenderer<T> feed, int number, int totalCount, [NotNullWhen(true)] out FeedPage? page) =>
        feed.Generator.Paging.TryGetPage(number, totalCount, out page);

    public static bool TryGetArchive<T>(this FeedRenderer<T> feed, int number, int totalCount, [NotNullWhen(true)] out FeedPage? archive) =>
        feed.Generator.Paging.TryGetArchive(number, totalCount, out archive);

    public static FeedPage GetPage<T>(this FeedRenderer<T> feed, int number, int totalCount) =>
        feed.TryGetPage(number, totalCount, out FeedPage? page)
            ? page
            : throw new FeedPageNotFoundException(FeedPageKind.Page, number, feed.GetPageCount(totalCount));

    public static Uri GetPageUrl<T>(this FeedRenderer<T> feed, FeedFormat format, int number, int totalCount) =>
        feed.Generator.Paging.GetUrl(format, feed.GetPage(number, totalCount));

    public static string GetContentType<T>(this FeedRenderer<T> feed, FeedFormat format) => FeedMediaTypes.GetContentType(format);

    public static async Task<string> RenderPageAsync<T>(this FeedRenderer<T> feed, FeedFormat format, FeedPage page, IAsyncEnumerable<T> postsOfPage, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await feed.WritePageAsync(format, page, postsOfPage, buffer, cancellationToken);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string RenderPage<T>(this FeedRenderer<T> feed, FeedFormat format, FeedPage page, IEnumerable<T> postsOfPage)
    {
        using var buffer = new MemoryStream();
        feed.WritePageAsync(format, page, postsOfPage, buffer).GetAwaiter().GetResult(); // completes synchronously: no I/O
        string text = Encoding.UTF8.GetString(buffer.ToArray());
        feed.WritePageToString(format, page, postsOfPage).ShouldBe(text); // the string form takes the same inputs
        return text;
    }

    public static string RenderPage<T>(this FeedRenderer<T> feed, FeedFormat format, int number, IEnumerable<T> allPosts) =>
        feed.WritePageFromAllPostsToString(format, number, allPosts);
}
