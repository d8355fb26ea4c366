using Feed.Entries;
using Feed.Excerpts;
using Feed.Tests.Support;

namespace Feed.Tests.Entries;

public sealed class FeedEntryTests
{
    private static readonly FeedGenerator Generator = new(TestData.Options());

    [Fact]
    public void The_url_is_the_id_unless_the_post_gives_its_own()
    {
        Generator.CreateEntry(TestData.Post(1)).Id.ShouldBe("https://example.com/blog/posts/1/");
        Generator.CreateEntry(TestData.Post(1) with { Id = "tag:example.com,2024:1" }).Id.ShouldBe("tag:example.com,2024:1");
    }

    [Fact]
    public void Updated_defaults_to_published()
    {
        FeedPost post = TestData.Post(1);
        Generator.CreateEntry(post).Updated.ShouldBe(post.Published);
        DateTimeOffset later = post.Published.AddDays(2);
        Generator.CreateEntry(post with { Updated = later }).Updated.ShouldBe(later);
    }

    [Fact]
    public void Text_is_cleaned_and_categories_lose_blanks_and_duplicates()
    {
        FeedPost post = TestData.Post(1) with
        {
            Title = "Ti\u0000tle\u0080",
            Categories = ["  news ", "", "ne\u0001ws", "zeta", "news"],
            Authors = [new FeedAuthor("A\u0002nn") { Email = "ann@example.com" }],
        };
        FeedEntry entry = Generator.CreateEntry(post);

        entry.Title.ShouldBe("Title");
        entry.Categories.ShouldBe(["news", "zeta"]);
        entry.Authors.Single().Name.ShouldBe("Ann");
        entry.Properties.ShouldBeSameAs(post.Properties);
    }

    [Fact]
    public void The_excerpt_comes_from_the_excerpt_engine_and_a_summary_replaces_it()
    {
        FeedPost post = TestData.Post(1) with { Body = "Some **bold** text and a [link](https://example.com/)." };
        Excerpt excerpt = Generator.CreateEntry(post).Excerpt;
        excerpt.ShouldBe(new ExcerptGenerator().Create(post));
        excerpt.Text.ShouldNotContain("**");

        FeedEntry summarized = Generator.CreateEntry(post with { Summary = "Written by hand." });
        summarized.Excerpt.Text.ShouldBe("Written by hand.");
        summarized.Excerpt.Source.ShouldBe(ExcerptSource.Summary);
    }

    [Fact]
    public void Excerpt_options_are_applied()
    {
        FeedOptions options = TestData.Options();
        options.Excerpt = new ExcerptOptions { Length = 5, Ellipsis = "…" };
        FeedEntry entry = new FeedGenerator(options).CreateEntry(TestData.Post(1) with { Body = "abcdefghij" });
        entry.Excerpt.Text.ShouldBe("abcde…");
        entry.Excerpt.IsTruncated.ShouldBeTrue();
    }

    [Fact]
    public void Content_html_is_rendered_only_with_full_content()
    {
        FeedPost post = TestData.Post(1) with { Body = "Hello *world*" };
        Generator.CreateEntry(post).ContentHtml!.ShouldContain("<em>world</em>");

        FeedOptions options = TestData.Options();
        options.FullContent = false;
        new FeedGenerator(options).CreateEntry(post).ContentHtml.ShouldBeNull();
    }

    [Fact]
    public void Html_bodies_are_used_as_html()
    {
        FeedPost post = TestData.Post(1) with { Body = "<p>Already <b>HTML</b></p>", BodyFormat = PostBodyFormat.Html };
        FeedEntry entry = Generator.CreateEntry(post);
        entry.ContentHtml!.ShouldContain("<b>HTML</b>");
        entry.Excerpt.Text.ShouldBe("Already HTML");
    }

    [Fact]
    public void An_invalid_post_is_rejected_with_every_problem()
    {
        FeedPost post = TestData.Post(1) with
        {
            Url = new Uri("posts/1/", UriKind.Relative),
            Id = "  ",
            Authors = [new FeedAuthor(" ") { Email = "not an address" }],
        };
        var ex = Should.Throw<ArgumentException>(() => Generator.CreateEntry(post));
        ex.ParamName.ShouldBe("post");
        ex.Message.ShouldContain("Url must be absolute");
        ex.Message.ShouldContain("Id must not be blank");
        ex.Message.ShouldContain("Authors[0].Name");
        ex.Message.ShouldContain("Authors[0].Email");
    }

    [Fact]
    public void Entries_are_shared_between_formats()
    {
        FeedPost[] posts = TestData.Posts(4);
        FeedEntry[] entries = [.. posts.Select(Generator.CreateEntry)];
        var page = Generator.GetPage(1, posts.Length);

        string rss = Generator.WriteToString(Generator.CreateDocument(FeedFormat.Rss, page, entries));
        string atom = Generator.WriteToString(Generator.CreateDocument(FeedFormat.Atom, page, entries));

        rss.ShouldBe(Generator.WriteToString(Generator.CreatePage(FeedFormat.Rss, posts, 1)));
        atom.ShouldBe(Generator.WriteToString(Generator.CreatePage(FeedFormat.Atom, posts, 1)));
    }
}
