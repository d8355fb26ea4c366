using System.ServiceModel.Syndication;
using System.Text;
using CsCheck;
using Feed.Hosting.Tests.Support;
using Feed.Paging;

namespace Feed.Hosting.Tests.Hosting;

/// <summary>The mapping of a host's own type, and the database path: a page from its own rows plus the total count.</summary>
public sealed class FeedRendererTests
{
    private static readonly FeedFormat[] Formats = [FeedFormat.Rss20, FeedFormat.Atom10];

    private static FeedRenderer<Article> Renderer(Action<FeedOptions>? tweak = null)
    {
        var options = new FeedOptions();
        Sample.Configure(options);
        tweak?.Invoke(options);
        return new FeedRenderer<Article>(new FeedGenerator(options), Sample.ToFeedPost);
    }

    [Fact]
    public void The_mapping_carries_title_url_dates_tags_and_a_Markdown_body_into_both_formats()
    {
        FeedRenderer<Article> feed = Renderer();
        Article[] articles = Sample.Articles(5);

        SyndicationFeed atom = FeedXml.Load(feed.RenderPage(FeedFormat.Atom10, 1, articles));
        SyndicationFeed rss = FeedXml.Load(feed.RenderPage(FeedFormat.Rss20, 1, articles));

        foreach (SyndicationFeed read in new[] { atom, rss })
        {
            read.Items.Select(i => i.Title.Text).ShouldBe([.. Enumerable.Range(1, 5).Reverse().Select(n => $"Article {n}: <notes> & \"quotes\"")]);
            SyndicationItem five = read.Items.First();
            five.Links.ShouldContain(l => l.Uri == new Uri("https://blog.example.org/posts/post-005/"));
            five.PublishDate.ShouldBe(Sample.Start.AddDays(5));
            five.Categories.Select(c => c.Name).ShouldBe(["odd"]);
        }

        // Atom carries the edit date as updated (RFC 4287 §4.2.15); the excerpt is plain text, the content HTML with
        // the Markdown's relative links resolved against the post's own URL.
        SyndicationItem edited = atom.Items.First();
        edited.LastUpdatedTime.ShouldBe(Sample.Start.AddDays(6).AddHours(3));
        edited.Summary.Text.ShouldBe("Article 5 follows the one before with a chart. It has two paragraphs.");
        string html = ((TextSyndicationContent)edited.Content).Text;
        html.ShouldContain("<a href=\"https://blog.example.org/posts/post-004/\">the one before</a>");
        html.ShouldContain("<img src=\"https://blog.example.org/posts/post-005/chart.png\" alt=\"a chart\"");
        html.ShouldContain("<em>two</em>");
    }

    [Fact]
    public void The_mapping_carries_an_HTML_body_as_is_and_strips_it_for_the_excerpt()
    {
        var feed = new FeedRenderer<Release>(new FeedGenerator(Configured(Sample.ConfigureReleases)), Sample.ToFeedPost);

        SyndicationFeed atom = FeedXml.Load(feed.RenderPage(FeedFormat.Atom10, 1, Sample.Releases(2)));

        SyndicationItem newest = atom.Items.First();
        newest.Id.ShouldBe("tag:blog.example.org,2024:release-1.1.0");
        newest.Summary.Text.ShouldBe("Version 1.1 adds feature 1. See the docs.");
        ((TextSyndicationContent)newest.Content).Text
            .ShouldBe("<p>Version 1.1 adds <strong>feature 1</strong>. See <a href=\"https://blog.example.org/docs/1.1/\">the docs</a>.</p>");
    }

    [Fact]
    public async Task Every_page_rendered_from_its_own_rows_equals_the_page_rendered_from_all_posts()
    {
        FeedRenderer<Article> feed = Renderer();
        var store = new ArticleStore(Sample.Articles(23));
        int total = await store.CountAsync();
        feed.GetPageCount(total).ShouldBe(3);

        foreach (FeedFormat format in Formats)
        {
            for (int number = 1; number <= 3; number++)
            {
                string fromAll = feed.RenderPage(format, number, Sample.Articles(23));
                feed.TryGetPage(number, total, out FeedPageRef? page).ShouldBeTrue();

                int before = store.RowsRead;
                string fromRows = await feed.RenderPageAsync(format, page, total, store.ListNewestFirstAsync(page.Offset, page.Count));
                (store.RowsRead - before).ShouldBe(page.Count, "only the page's own rows are read");
                fromRows.ShouldBe(fromAll);

                feed.RenderPage(format, page, total, store.ListNewestFirst(page.Offset, page.Count)).ShouldBe(fromAll);
                (await BytesOf(s => feed.WritePageAsync(format, page, total, store.ListNewestFirstAsync(page.Offset, page.Count), s))).ShouldBe(Utf8(fromAll));
                (await BytesOf(s => feed.WritePageAsync(format, page, total, store.ListNewestFirst(page.Offset, page.Count), s))).ShouldBe(Utf8(fromAll));
            }
        }
    }

    [Fact]
    public async Task Pages_from_all_posts_are_the_same_from_a_list_and_from_an_async_stream()
    {
        FeedRenderer<Article> feed = Renderer(o => o.PageSize = 4);
        var store = new ArticleStore(Sample.Articles(9));

        foreach (FeedFormat format in Formats)
        {
            for (int number = 1; number <= 3; number++)
            {
                string text = feed.RenderPage(format, number, store.All);
                (await feed.RenderPageAsync(format, number, store.ListNewestFirstAsync(0, 9))).ShouldBe(text);
                (await BytesOf(s => feed.WritePageAsync(format, number, store.All, s))).ShouldBe(Utf8(text));
                (await BytesOf(s => feed.WritePageAsync(format, number, store.ListNewestFirstAsync(0, 9), s))).ShouldBe(Utf8(text));
            }
        }
    }

    [Fact]
    public void The_rows_of_consecutive_pages_partition_the_feed_for_any_total_and_page_size()
    {
        // Property: for any total and page size, the pages' slices cover every post once, in the feed's order, and
        // each page's ids read back from the XML are exactly that slice.
        Gen.Select(Gen.Int[0, 31], Gen.Int[1, 12]).Sample((total, size) =>
        {
            FeedRenderer<Article> feed = Renderer(o => o.PageSize = size);
            var store = new ArticleStore(Sample.Articles(total));
            string[] expected = [.. store.All.Select(a => Sample.ToFeedPost(a).EffectiveId)];

            var seen = new List<string>();
            int number = 1;
            while (feed.TryGetPage(number++, total, out FeedPageRef? page))
            {
                page.Offset.ShouldBe(seen.Count);
                string xml = feed.RenderPage(FeedFormat.Atom10, page, total, store.ListNewestFirst(page.Offset, page.Count));
                seen.AddRange(FeedXml.Load(xml).Ids());
            }

            seen.ShouldBe(expected);
        }, iter: 60);
    }

    [Fact]
    public void Archive_documents_come_from_their_own_rows_too()
    {
        FeedRenderer<Article> feed = Renderer(o =>
        {
            o.Archive = true;
            o.PageSize = 5;
        });
        var store = new ArticleStore(Sample.Articles(23));
        Article[] all = Sample.Articles(23);

        feed.TryGetArchive(5, 23, out _).ShouldBeFalse();
        for (int number = 1; number <= 4; number++)
        {
            feed.TryGetArchive(number, 23, out FeedPageRef? archive).ShouldBeTrue();
            string fromRows = feed.RenderPage(FeedFormat.Atom10, archive, 23, store.ListNewestFirst(archive.Offset, archive.Count));
            fromRows.ShouldBe(feed.Generator.WriteToString(
                feed.Generator.CreateArchive(FeedFormat.Atom10, all.Select(Sample.ToFeedPost), number)));
        }

        Renderer().TryGetArchive(1, 23, out _).ShouldBeFalse(); // a paged feed has no archives
    }

    [Fact]
    public void Page_count_and_page_urls_come_from_the_total_alone()
    {
        FeedRenderer<Article> feed = Renderer();

        feed.GetPageCount(0).ShouldBe(1);
        feed.GetPageCount(10).ShouldBe(1);
        feed.GetPageCount(11).ShouldBe(2);
        feed.GetPageUrls(FeedFormat.Rss20, 23).ShouldBe([
            new Uri("https://blog.example.org/feed.xml"),
            new Uri("https://blog.example.org/feed.xml?page=2"),
            new Uri("https://blog.example.org/feed.xml?page=3"),
        ]);
        feed.GetPageUrls(FeedFormat.Atom10, 5).ShouldBe([new Uri("https://blog.example.org/atom.xml")]);
        feed.GetPageUrl(FeedFormat.Atom10, 3, 23).ShouldBe(new Uri("https://blog.example.org/atom.xml?page=3"));
        feed.GetPage(3, 23).ShouldBe(new FeedPageRef(FeedPageKind.Page, 3, 20, 3));
        feed.GetContentType(FeedFormat.Rss20).ShouldBe("application/rss+xml; charset=utf-8");
        feed.GetContentType(FeedFormat.Atom10).ShouldBe("application/atom+xml; charset=utf-8");
        Should.Throw<ArgumentOutOfRangeException>(() => feed.GetContentType((FeedFormat)7));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(4)]
    [InlineData(int.MaxValue)]
    public async Task A_page_outside_the_feed_is_not_found_and_nothing_is_written(int number)
    {
        FeedRenderer<Article> feed = Renderer();

        feed.TryGetPage(number, 23, out FeedPageRef? page).ShouldBeFalse();
        page.ShouldBeNull();
        Should.Throw<FeedPageNotFoundException>(() => feed.GetPageUrl(FeedFormat.Rss20, number, 23));

        using var output = new MemoryStream();
        FeedPageNotFoundException error = await Should.ThrowAsync<FeedPageNotFoundException>(
            () => feed.WritePageAsync(FeedFormat.Rss20, number, Sample.Articles(23), output));
        error.Count.ShouldBe(3);
        output.Length.ShouldBe(0);
        Should.Throw<ArgumentOutOfRangeException>(() => feed.TryGetPage(1, -1, out _)); // a negative count is a bug, not a 404
    }

    [Fact]
    public async Task A_query_that_forgot_Take_is_stopped_at_the_first_row_too_many_and_told_the_fix()
    {
        FeedRenderer<Article> feed = Renderer();
        var store = new ArticleStore(Sample.Articles(23));
        FeedPageRef page = feed.GetPage(2, 23);

        ArgumentException error = await Should.ThrowAsync<ArgumentException>(
            () => feed.RenderPageAsync(FeedFormat.Rss20, page, 23, store.ListNewestFirstAsync(page.Offset, 1000)));

        error.ParamName.ShouldBe("postsOfPage");
        error.Message.ShouldStartWith("Page 2 of a feed of 23 posts holds 10 posts, but more than 10 were given: load Skip(10).Take(10)");
        store.RowsRead.ShouldBe(11);
    }

    [Fact]
    public void Too_few_rows_fail_with_the_same_advice()
    {
        FeedRenderer<Article> feed = Renderer();
        var store = new ArticleStore(Sample.Articles(23));
        FeedPageRef page = feed.GetPage(3, 23);

        Should.Throw<ArgumentException>(() => feed.RenderPage(FeedFormat.Atom10, page, 23, store.ListNewestFirst(page.Offset, 2)))
            .Message.ShouldStartWith("Page 3 of a feed of 23 posts holds 3 posts, but 2 were given: load Skip(20).Take(3)");
    }

    [Fact]
    public async Task A_page_of_another_total_is_rejected_before_the_query_runs()
    {
        FeedRenderer<Article> feed = Renderer();
        var store = new ArticleStore(Sample.Articles(23));
        FeedPageRef pageOf30 = feed.GetPage(3, 30);

        ArgumentException error = await Should.ThrowAsync<ArgumentException>(
            () => feed.WritePageAsync(FeedFormat.Rss20, pageOf30, 23, store.ListNewestFirstAsync(pageOf30.Offset, pageOf30.Count), Stream.Null));

        error.ParamName.ShouldBe("page");
        store.RowsRead.ShouldBe(0);
    }

    [Fact]
    public void A_mapping_that_returns_null_is_named()
    {
        var feed = new FeedRenderer<Article>(Renderer().Generator, _ => null!);

        Should.Throw<InvalidOperationException>(() => feed.RenderPage(FeedFormat.Rss20, 1, Sample.Articles(1)))
            .Message.ShouldBe("The feed mapping of Article returned null; it must return a FeedPost for every post.");
        Should.Throw<ArgumentNullException>(() => feed.ToFeedPost(null!));
        Should.Throw<ArgumentNullException>(() => new FeedRenderer<Article>(null!, Sample.ToFeedPost)).ParamName.ShouldBe("generator");
        Should.Throw<ArgumentNullException>(() => new FeedRenderer<Article>(feed.Generator, null!)).ParamName.ShouldBe("map");
    }

    [Fact]
    public async Task A_cancelled_request_writes_nothing()
    {
        FeedRenderer<Article> feed = Renderer();
        var store = new ArticleStore(Sample.Articles(23));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var output = new MemoryStream();

        await Should.ThrowAsync<OperationCanceledException>(
            () => feed.WritePageAsync(FeedFormat.Atom10, 1, store.ListNewestFirstAsync(0, 23), output, cancelled.Token));
        await Should.ThrowAsync<OperationCanceledException>(
            () => feed.WritePageAsync(FeedFormat.Atom10, feed.GetPage(1, 23), 23, store.ListNewestFirstAsync(0, 10), output, cancelled.Token));
        await Should.ThrowAsync<OperationCanceledException>(
            () => feed.WritePageAsync(FeedFormat.Atom10, 1, store.All, output, cancelled.Token));

        output.Length.ShouldBe(0);
        store.RowsRead.ShouldBe(0);
    }

    [Fact]
    public async Task One_renderer_serves_concurrent_requests_with_the_same_bytes_as_one_at_a_time()
    {
        FeedRenderer<Article> feed = Renderer();
        var store = new ArticleStore(Sample.Articles(23));
        var requests = (from format in Formats from number in Enumerable.Range(1, 3) from copy in Enumerable.Range(0, 8) select (format, number)).ToArray();
        var expected = requests.Distinct().ToDictionary(r => r, r => Utf8(feed.RenderPage(r.format, r.number, Sample.Articles(23))));

        byte[][] served = await Task.WhenAll(requests.Select(r => Task.Run(async () =>
        {
            FeedPageRef page = feed.GetPage(r.number, 23);
            return await BytesOf(s => feed.WritePageAsync(r.format, page, 23, store.ListNewestFirstAsync(page.Offset, page.Count), s));
        })));

        for (int i = 0; i < requests.Length; i++)
        {
            served[i].ShouldBe(expected[requests[i]], $"request {i}: {requests[i]}");
        }
    }

    private static FeedOptions Configured(Action<FeedOptions> configure)
    {
        var options = new FeedOptions();
        configure(options);
        return options;
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static async Task<byte[]> BytesOf(Func<Stream, Task> write)
    {
        using var stream = new MemoryStream();
        await write(stream);
        return stream.ToArray();
    }
}
