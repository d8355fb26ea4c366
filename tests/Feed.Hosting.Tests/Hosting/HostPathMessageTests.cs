using Feed.Hosting.Tests.Support;

namespace Feed.Hosting.Tests.Hosting;

/// <summary>
/// A mapping that gives a post a relative URL gets the message <c>CreateEntry</c> gives, naming the post, on every
/// path of <see cref="FeedRenderer{TPost}"/>: never <c>System.Uri</c>'s own "not supported for a relative URI".
/// </summary>
public sealed class HostPathMessageTests
{
    private static FeedRenderer<Article> Renderer(int cacheCapacity)
    {
        var options = new FeedOptions();
        Sample.Configure(options);
        return new FeedRenderer<Article>(new FeedGenerator(options), RelativeForSlug3, cacheCapacity);
    }

    // The mistake a host makes: a path where the mapping should give an absolute URL.
    private static FeedPost RelativeForSlug3(Article article)
    {
        FeedPost post = Sample.ToFeedPost(article);
        return article.Slug == "post-003" ? post with { Url = new Uri($"/posts/{article.Slug}/", UriKind.Relative) } : post;
    }

    public static TheoryData<int> CacheCapacities => new() { 0, 256 };

    [Theory]
    [MemberData(nameof(CacheCapacities))]
    public void Rendering_a_page_from_all_posts_names_the_post(int cacheCapacity)
    {
        ArgumentException error = Should.Throw<ArgumentException>(() => Renderer(cacheCapacity).RenderPage(FeedFormat.Atom, 1, Sample.Articles(5)));
        ShouldBeTheEntryMessage(error);
    }

    [Theory]
    [MemberData(nameof(CacheCapacities))]
    public async Task Writing_a_page_from_its_rows_names_the_post(int cacheCapacity)
    {
        FeedRenderer<Article> feed = Renderer(cacheCapacity);
        Article[] rows = [.. Sample.Articles(5).OrderByDescending(a => a.PublishedAt)];
        feed.Generator.Paging.TryGetPage(1, rows.Length, out FeedPage? page).ShouldBeTrue();
        using var output = new MemoryStream();

        ShouldBeTheEntryMessage(await Should.ThrowAsync<ArgumentException>(() => feed.WritePageAsync(FeedFormat.Rss, page, rows, output)));
        ShouldBeTheEntryMessage(await Should.ThrowAsync<ArgumentException>(() => feed.WritePageAsync(FeedFormat.Rss, page, rows.ToAsyncEnumerable(), output)));
        output.Length.ShouldBe(0, "nothing is written");
    }

    [Fact]
    public void The_generator_paths_say_the_same()
    {
        FeedRenderer<Article> feed = Renderer(0);
        FeedPost relative = RelativeForSlug3(Sample.Articles(5).Single(a => a.Slug == "post-003"));
        ShouldBeTheEntryMessage(Should.Throw<ArgumentException>(() => feed.Generator.CreateEntry(relative)));

        // Sorting, which comes before CreateEntry on the all-posts path, does not throw on its own.
        FeedPost[] posts = [relative, Sample.ToFeedPost(Sample.Articles(1)[0])];
        Array.Sort(posts, FeedGenerator.NewestFirst);
        posts[0].ShouldBe(relative);
    }

    private static void ShouldBeTheEntryMessage(ArgumentException error)
    {
        error.Message.ShouldContain("Post \"/posts/post-003/\" is invalid: Url must be absolute (was \"/posts/post-003/\").");
        error.Message.ShouldNotContain("relative URI");
    }
}
