using Feed.Paging;
using Feed.Tests.Support;
using Feed.Writers;

namespace Feed.Tests.Paging;

public sealed class PagingTests
{
    private static FeedGenerator Generator(int pageSize, bool archive = false) => new(TestData.Options(pageSize, archive));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    [InlineData(6, 2)]
    [InlineData(7, 3)]
    public void Page_count_rounds_up_and_is_at_least_one(int total, int pages) =>
        Generator(pageSize: 3).GetPageCount(total).ShouldBe(pages);

    [Fact]
    public void Pages_cut_the_newest_first_order_from_the_front()
    {
        FeedGenerator generator = Generator(pageSize: 3);
        generator.GetPage(1, 7).ShouldBe(new FeedPage(FeedPageKind.Page, 1, 0, 3, 7));
        generator.GetPage(2, 7).ShouldBe(new FeedPage(FeedPageKind.Page, 2, 3, 3, 7));
        generator.GetPage(3, 7).ShouldBe(new FeedPage(FeedPageKind.Page, 3, 6, 1, 7));
        generator.GetPage(1, 0).ShouldBe(new FeedPage(FeedPageKind.Page, 1, 0, 0, 0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(-1)]
    public void A_page_out_of_range_is_an_error_a_host_can_map_to_404(int number)
    {
        var ex = Should.Throw<FeedPageNotFoundException>(() => Generator(pageSize: 3).GetPage(number, 7));
        ex.ShouldBeAssignableTo<ArgumentOutOfRangeException>();
        ex.Number.ShouldBe(number);
        ex.Count.ShouldBe(3);
        ex.Kind.ShouldBe(FeedPageKind.Page);
        ex.Message.ShouldContain("pages 1 to 3");
    }

    [Fact]
    public void A_negative_total_is_rejected() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Generator(3).GetPageCount(-1));

    [Fact]
    public void Middle_page_links_every_neighbour()
    {
        FeedGenerator generator = Generator(pageSize: 3);
        FeedDocument page = generator.CreatePage(FeedFormat.Atom, TestData.Posts(7), 2);

        page.Links.Self.AbsoluteUri.ShouldBe("https://example.com/blog/atom.xml?page=2");
        page.Links.Alternate.ShouldBe(TestData.Site);
        page.Links.First!.AbsoluteUri.ShouldBe("https://example.com/blog/atom.xml");
        page.Links.Previous!.AbsoluteUri.ShouldBe("https://example.com/blog/atom.xml");
        page.Links.Next!.AbsoluteUri.ShouldBe("https://example.com/blog/atom.xml?page=3");
        page.Links.Last!.AbsoluteUri.ShouldBe("https://example.com/blog/atom.xml?page=3");
        page.Links.Current.ShouldBeNull();
        page.Links.PreviousArchive.ShouldBeNull();
        page.IsComplete.ShouldBeFalse();
        page.IsArchive.ShouldBeFalse();
        page.Entries.Select(e => e.Title).ShouldBe(["Post 4", "Post 3", "Post 2"]);
    }

    [Fact]
    public void First_and_last_pages_have_no_previous_and_no_next()
    {
        FeedGenerator generator = Generator(pageSize: 3);
        IReadOnlyList<FeedDocument> pages = generator.CreateDocuments(FeedFormat.Rss, TestData.Posts(7));

        pages.Count.ShouldBe(3);
        pages[0].Links.Previous.ShouldBeNull();
        pages[0].Links.Next.ShouldBe(pages[1].Links.Self);
        pages[2].Links.Next.ShouldBeNull();
        pages[2].Links.Previous.ShouldBe(pages[1].Links.Self);
        pages[0].Links.Self.AbsoluteUri.ShouldBe("https://example.com/blog/feed.xml");
    }

    [Fact]
    public void A_feed_that_fits_on_one_page_is_complete_and_has_no_paging_links()
    {
        FeedDocument page = Generator(pageSize: 3).CreatePage(FeedFormat.Rss, TestData.Posts(3), 1);
        page.IsComplete.ShouldBeTrue();
        page.Links.First.ShouldBeNull();
        page.Links.Last.ShouldBeNull();
        page.Links.Next.ShouldBeNull();
        page.Links.Previous.ShouldBeNull();
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(7, 2)]
    [InlineData(9, 3)]
    public void Archives_are_the_full_groups(int total, int archives)
    {
        FeedGenerator generator = Generator(pageSize: 3, archive: true);
        generator.GetArchiveCount(total).ShouldBe(archives);
        generator.GetPageCount(total).ShouldBe(1);
        generator.GetPages(total).Count.ShouldBe(1 + archives);
    }

    [Fact]
    public void Archives_count_from_the_oldest_post_so_a_full_archive_never_changes()
    {
        FeedGenerator generator = Generator(pageSize: 3, archive: true);
        FeedPost[] posts = TestData.Posts(11);

        string[] Archive(int count, int number) =>
            [.. generator.CreateArchive(FeedFormat.Atom, posts.Take(count), number).Entries.Select(e => e.Title)];

        Archive(7, 1).ShouldBe(["Post 3", "Post 2", "Post 1"]);
        Archive(7, 2).ShouldBe(["Post 6", "Post 5", "Post 4"]);
        foreach (int count in new[] { 8, 9, 10, 11 })
        {
            Archive(count, 1).ShouldBe(Archive(7, 1));
            Archive(count, 2).ShouldBe(Archive(7, 2));
        }

        generator.GetArchive(1, 7).ShouldBe(new FeedPage(FeedPageKind.Archive, 1, 4, 3, 7));
        Should.Throw<FeedPageNotFoundException>(() => generator.GetArchive(3, 8)).Kind.ShouldBe(FeedPageKind.Archive);
        Should.Throw<FeedPageNotFoundException>(() => generator.GetPage(2, 8));
    }

    [Fact]
    public void Archive_documents_link_current_and_their_neighbours()
    {
        FeedGenerator generator = Generator(pageSize: 3, archive: true);
        IReadOnlyList<FeedDocument> documents = generator.CreateDocuments(FeedFormat.Rss, TestData.Posts(10));
        documents.Count.ShouldBe(4);

        FeedDocument subscription = documents[0];
        subscription.Page.Kind.ShouldBe(FeedPageKind.Page);
        subscription.Entries.Select(e => e.Title).ShouldBe(["Post 10", "Post 9", "Post 8"]);
        subscription.Links.PreviousArchive!.AbsoluteUri.ShouldBe("https://example.com/blog/feed.xml?archive=3");
        subscription.Links.Current.ShouldBeNull();
        subscription.IsArchive.ShouldBeFalse();
        subscription.IsComplete.ShouldBeFalse();

        FeedDocument oldest = documents[1];
        oldest.IsArchive.ShouldBeTrue();
        oldest.Links.Self.AbsoluteUri.ShouldBe("https://example.com/blog/feed.xml?archive=1");
        oldest.Links.Current.ShouldBe(subscription.Links.Self);
        oldest.Links.PreviousArchive.ShouldBeNull();
        oldest.Links.NextArchive!.AbsoluteUri.ShouldBe("https://example.com/blog/feed.xml?archive=2");

        FeedDocument newest = documents[3];
        newest.Entries.Select(e => e.Title).ShouldBe(["Post 9", "Post 8", "Post 7"]);
        newest.Links.PreviousArchive.ShouldBe(documents[2].Links.Self);
        newest.Links.NextArchive.ShouldBeNull();
        newest.Links.First.ShouldBeNull();
        newest.Links.Next.ShouldBeNull();
    }

    [Fact]
    public void A_host_can_render_one_page_from_only_its_own_posts()
    {
        FeedGenerator generator = Generator(pageSize: 3);
        FeedPost[] all = TestData.Posts(8);
        FeedPost[] newestFirst = [.. all.Order(FeedGenerator.NewestFirst)];

        FeedPage page = generator.GetPage(2, all.Length);
        FeedDocument fromSlice = generator.CreateDocument(FeedFormat.Atom, page, newestFirst.Skip(page.Offset).Take(page.Count).Reverse());
        FeedDocument fromAll = generator.CreatePage(FeedFormat.Atom, all, 2);

        generator.WriteToString(fromSlice).ShouldBe(generator.WriteToString(fromAll));
    }

    [Fact]
    public void A_short_slice_is_written_as_it_is_with_the_links_of_the_count()
    {
        // A host counts, then loads; a post deleted in between must not turn the page into an error.
        FeedGenerator generator = Generator(pageSize: 3);
        FeedPage page = generator.GetPage(1, 8);
        FeedDocument document = generator.CreateDocument(FeedFormat.Rss, page, TestData.Posts(2));

        document.Entries.Count.ShouldBe(2);
        document.Links.Last!.AbsoluteUri.ShouldBe("https://example.com/blog/feed.xml?page=3");
        document.Links.Next!.AbsoluteUri.ShouldBe("https://example.com/blog/feed.xml?page=2");
    }

    [Fact]
    public void A_slice_larger_than_its_page_or_a_page_of_another_feed_is_rejected()
    {
        FeedGenerator generator = Generator(pageSize: 3);
        FeedPage page = generator.GetPage(1, 8);
        Should.Throw<ArgumentException>(() => generator.CreateDocument(FeedFormat.Rss, page, TestData.Posts(4)))
            .Message.ShouldContain("holds at most 3 entries, but 4 were given");

        FeedPage other = Generator(pageSize: 2).GetPage(1, 8);
        Should.Throw<ArgumentException>(() => generator.CreateDocument(FeedFormat.Rss, other, TestData.Posts(2)))
            .ParamName.ShouldBe("page");
    }

    [Fact]
    public void Posts_published_at_the_same_instant_are_ordered_by_id()
    {
        FeedPost a = TestData.Post(1) with { Id = "tag:example.com,2024:a" };
        FeedPost b = TestData.Post(1) with { Id = "tag:example.com,2024:b", Url = new Uri(TestData.Site, "posts/b/") };
        FeedPost newer = TestData.Post(2);

        FeedPost[] sorted = [.. new[] { b, newer, a }.Order(FeedGenerator.NewestFirst)];
        sorted.ShouldBe([newer, a, b]);
    }
}
