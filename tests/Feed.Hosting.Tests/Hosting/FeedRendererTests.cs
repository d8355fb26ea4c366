using System.ServiceModel.Syndication;
using System.Text;
using CsCheck;
using Feed.Hosting.Tests.Support;

namespace Feed.Hosting.Tests.Hosting;

/// <summary>The mapping of a host's own type, and the database path: a page from its own rows plus the total count.</summary>
public sealed class FeedRendererTests
{
    private static readonly FeedFormat[] Formats = [FeedFormat.Rss, FeedFormat.Atom];

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

        SyndicationFeed atom = FeedXml.Load(feed.RenderPage(FeedFormat.Atom, 1, articles));
        SyndicationFeed rss = FeedXml.Load(feed.RenderPage(FeedFormat.Rss, 1, articles));

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

        SyndicationFeed atom = FeedXml.Load(feed.RenderPage(FeedFormat.Atom, 1, Sample.Releases(2)));

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
        feed.Generator.Paging.GetPageCount(total).ShouldBe(3);

        foreach (FeedFormat format in Formats)
        {
            for (int number = 1; number <= 3; number++)
            {
                string fromAll = feed.RenderPage(format, number, Sample.Articles(23));
                feed.Generator.Paging.TryGetPage(number, total, out FeedPage? page).ShouldBeTrue();

                int before = store.RowsRead;
                byte[] fromRows = await BytesOf(s => feed.WritePageAsync(format, page, store.ListNewestFirstAsync(page.Offset, page.Count), s));
                (store.RowsRead - before).ShouldBe(page.Count, "only the page's own rows are read");
                fromRows.ShouldBe(Utf8(fromAll));

                (await BytesOf(s => feed.WritePageAsync(format, page, store.ListNewestFirst(page.Offset, page.Count), s))).ShouldBe(Utf8(fromAll));
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
            string[] expected = [.. store.All.Select(a => Sample.ToFeedPost(a).Url.AbsoluteUri)];

            var seen = new List<string>();
            int number = 1;
            while (feed.Generator.Paging.TryGetPage(number++, total, out FeedPage? page))
            {
                page.Offset.ShouldBe(seen.Count);
                string xml = feed.RenderPage(FeedFormat.Atom, page, store.ListNewestFirst(page.Offset, page.Count));
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

        feed.Generator.Paging.TryGetArchive(5, 23, out _).ShouldBeFalse();
        string? previous = null;
        for (int number = 1; number <= 4; number++)
        {
            feed.Generator.Paging.TryGetArchive(number, 23, out FeedPage? archive).ShouldBeTrue();
            string fromRows = feed.RenderPage(FeedFormat.Atom, archive, store.ListNewestFirst(archive.Offset, archive.Count));

            // Archive k holds the k-th five posts counted from the oldest (RFC 5005 §4), written newest first.
            archive.Offset.ShouldBe(23 - (5 * number));
            FeedXml.Load(fromRows).Ids().ShouldBe([.. Sample.Articles(23).Skip(5 * (number - 1)).Take(5)
                .Select(Sample.ToFeedPost).Order(FeedGenerator.NewestFirst).Select(post => post.Url.AbsoluteUri)]);
            fromRows.ShouldContain("<fh:archive />");
            if (previous is not null)
            {
                fromRows.ShouldContain($"<link rel=\"prev-archive\" type=\"application/atom+xml\" href=\"https://blog.example.org/atom.xml?archive={number - 1}\" />");
            }

            previous = fromRows;
        }

        Renderer().Generator.Paging.TryGetArchive(1, 23, out _).ShouldBeFalse(); // a paged feed has no archives
    }

    [Fact]
    public void Page_count_and_page_urls_come_from_the_total_alone()
    {
        FeedPaging paging = Renderer().Generator.Paging;

        paging.GetPageCount(0).ShouldBe(1);
        paging.GetPageCount(10).ShouldBe(1);
        paging.GetPageCount(11).ShouldBe(2);
        paging.GetPages(23).Select(page => paging.GetUrl(FeedFormat.Rss, page)).ShouldBe([
            new Uri("https://blog.example.org/feed.xml"),
            new Uri("https://blog.example.org/feed.xml?page=2"),
            new Uri("https://blog.example.org/feed.xml?page=3"),
        ]);
        paging.GetPages(5).Select(page => paging.GetUrl(FeedFormat.Atom, page)).ShouldBe([new Uri("https://blog.example.org/atom.xml")]);
        paging.TryGetPage(3, 23, out FeedPage? third).ShouldBeTrue();
        paging.GetUrl(FeedFormat.Atom, third).ShouldBe(new Uri("https://blog.example.org/atom.xml?page=3"));
        third.ShouldBe(new FeedPage(FeedPageKind.Page, 3, 20, 3, 23));
        FeedMediaTypes.GetContentType(FeedFormat.Rss).ShouldBe("application/rss+xml; charset=utf-8");
        FeedMediaTypes.GetContentType(FeedFormat.Atom).ShouldBe("application/atom+xml; charset=utf-8");
        Should.Throw<ArgumentOutOfRangeException>(() => FeedMediaTypes.GetContentType((FeedFormat)7));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(4)]
    [InlineData(int.MaxValue)]
    public void A_page_outside_the_feed_is_not_found(int number)
    {
        FeedRenderer<Article> feed = Renderer();

        feed.Generator.Paging.TryGetPage(number, 23, out FeedPage? page).ShouldBeFalse();
        page.ShouldBeNull();

        FeedPageNotFoundException error = Should.Throw<FeedPageNotFoundException>(
            () => feed.RenderPage(FeedFormat.Rss, number, Sample.Articles(23)));
        error.Count.ShouldBe(3);
        error.Number.ShouldBe(number);
        Should.Throw<ArgumentOutOfRangeException>(() => feed.Generator.Paging.TryGetPage(1, -1, out _)); // a negative count is a bug, not a 404
    }

    [Fact]
    public async Task A_query_that_forgot_Take_is_read_only_up_to_the_page_size()
    {
        FeedRenderer<Article> feed = Renderer();
        var store = new ArticleStore(Sample.Articles(23));
        FeedPage page = feed.GetPage(2, 23);

        byte[] written = await BytesOf(s => feed.WritePageAsync(FeedFormat.Rss, page, store.ListNewestFirstAsync(page.Offset, 1000), s));

        store.RowsRead.ShouldBe(10);
        written.ShouldBe(Utf8(feed.RenderPage(FeedFormat.Rss, 2, Sample.Articles(23))));
        feed.RenderPage(FeedFormat.Rss, page, store.ListNewestFirst(page.Offset, 1000)).ShouldBe(feed.RenderPage(FeedFormat.Rss, 2, Sample.Articles(23)));
    }

    [Fact]
    public void Rows_and_count_that_disagree_give_the_rows_with_the_links_of_the_count()
    {
        // The count and the rows come from two queries; a post deleted in between must not fail the request.
        FeedRenderer<Article> feed = Renderer();
        var store = new ArticleStore(Sample.Articles(23));
        FeedPage page = feed.GetPage(2, 23);

        string xml = feed.RenderPage(FeedFormat.Atom, page, store.ListNewestFirst(page.Offset, 7));

        FeedXml.Load(xml).Ids().Count().ShouldBe(7);
        xml.ShouldContain("<link rel=\"last\" type=\"application/atom+xml\" href=\"https://blog.example.org/atom.xml?page=3\" />");
        xml.ShouldContain("<link rel=\"next\" type=\"application/atom+xml\" href=\"https://blog.example.org/atom.xml?page=3\" />");
    }

    [Fact]
    public async Task A_page_of_another_feed_is_rejected_before_the_query_runs()
    {
        FeedRenderer<Article> feed = Renderer();
        var store = new ArticleStore(Sample.Articles(23));
        FeedPage pageOfOther = Renderer(o => o.PageSize = 7).GetPage(3, 23);

        ArgumentException error = await Should.ThrowAsync<ArgumentException>(
            () => feed.WritePageAsync(FeedFormat.Rss, pageOfOther, store.ListNewestFirstAsync(pageOfOther.Offset, pageOfOther.Count), Stream.Null));

        error.ParamName.ShouldBe("page");
        store.RowsRead.ShouldBe(0);
    }

    [Fact]
    public void A_mapping_that_returns_null_is_named()
    {
        var feed = new FeedRenderer<Article>(Renderer().Generator, _ => null!);

        Should.Throw<InvalidOperationException>(() => feed.RenderPage(FeedFormat.Rss, 1, Sample.Articles(1)))
            .Message.ShouldBe("The feed mapping of Article returned null; it must return a FeedPost for every post.");
        Should.Throw<ArgumentNullException>(() => feed.RenderPage(FeedFormat.Rss, 1, [null!]));
        Should.Throw<ArgumentNullException>(() => new FeedRenderer<Article>(null!, Sample.ToFeedPost)).ParamName.ShouldBe("generator");
        Should.Throw<ArgumentNullException>(() => new FeedRenderer<Article>(feed.Generator, null!)).ParamName.ShouldBe("map");
        Should.Throw<ArgumentOutOfRangeException>(() => new FeedRenderer<Article>(feed.Generator, Sample.ToFeedPost, -1)).ParamName.ShouldBe("entryCacheCapacity");
    }

    [Fact]
    public async Task A_cancelled_request_writes_nothing()
    {
        FeedRenderer<Article> feed = Renderer();
        var store = new ArticleStore(Sample.Articles(23));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var output = new MemoryStream();
        FeedPage page = feed.GetPage(1, 23);

        await Should.ThrowAsync<OperationCanceledException>(
            () => feed.WritePageAsync(FeedFormat.Atom, page, store.ListNewestFirstAsync(0, 10), output, cancelled.Token));
        await Should.ThrowAsync<OperationCanceledException>(
            () => feed.WritePageAsync(FeedFormat.Atom, page, store.ListNewestFirst(0, 10), output, cancelled.Token));

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
            FeedPage page = feed.GetPage(r.number, 23);
            return await BytesOf(s => feed.WritePageAsync(r.format, page, store.ListNewestFirstAsync(page.Offset, page.Count), s));
        })));

        for (int i = 0; i < requests.Length; i++)
        {
            served[i].ShouldBe(expected[requests[i]], $"request {i}: {requests[i]}");
        }
    }

    [Fact]
    public void A_variant_is_the_same_feed_with_its_own_title_id_and_urls_sharing_the_entry_cache()
    {
        FeedRenderer<Article> feed = Renderer();
        FeedRenderer<Article> tag = feed.CreateVariant(options =>
        {
            options.Title = "Example blog: even";
            options.Id = "tag:blog.example.org,2024:tag/even";
            options.RssUrl = new Uri("https://blog.example.org/tags/even/feed.xml");
            options.AtomUrl = new Uri("https://blog.example.org/tags/even/atom.xml");
        });
        Article[] even = [.. Sample.Articles(6).Where(a => a.Tags.Contains("even"))];

        SyndicationFeed atom = FeedXml.Load(tag.RenderPage(FeedFormat.Atom, 1, even));

        atom.Title.Text.ShouldBe("Example blog: even");
        atom.Id.ShouldBe("tag:blog.example.org,2024:tag/even");
        atom.Links.ShouldContain(l => l.RelationshipType == "self" && l.Uri == new Uri("https://blog.example.org/tags/even/atom.xml"));
        atom.Items.Select(i => i.Id).ShouldBe(["https://blog.example.org/posts/post-006/", "https://blog.example.org/posts/post-004/", "https://blog.example.org/posts/post-002/"]);
        atom.Authors.Single().Name.ShouldBe("Ann Example"); // everything not changed is the feed's own
        tag.Entries.ShouldBeSameAs(feed.Entries);
        feed.Generator.Metadata.Title.ShouldBe("Example blog"); // the original is untouched

        FeedRenderer<Article> excerptsOnly = feed.CreateVariant(options => options.FullContent = false);
        excerptsOnly.Entries.ShouldNotBeSameAs(feed.Entries); // other entries: a cache of its own
        Should.Throw<FeedOptionsException>(() => feed.CreateVariant(options => options.PageSize = 0)).Errors.Single().MemberNames.ShouldBe(["PageSize"]);
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
