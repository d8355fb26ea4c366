using Feed.Tool.Posts;

namespace Feed.Tool.Tests.Posts;

public sealed class PostHeadTests
{
    private static readonly PostsFolder Folder = new("/posts", "posts");

    private static PostHead Head(string slug, int hour, string? id = null) => new()
    {
        File = new PostFile(Folder, slug + ".md"),
        Id = id,
        Title = slug,
        Url = new Uri("https://blog.example.org/posts/" + slug + "/").AbsoluteUri,
        Published = new DateTimeOffset(2025, 1, 1, hour, 0, 0, TimeSpan.FromHours(hour % 3)),
    };

    [Fact]
    public void The_first_pass_sorts_in_exactly_the_library_order()
    {
        // Ties on the instant (different offsets, same moment), ids with and without an explicit value, URLs that
        // sort differently from their slugs: page offsets are only right if both orders agree everywhere.
        PostHead[] heads =
        [
            Head("b", 5), Head("a", 5), Head("zeta", 7, "tag:example.org,2025:a"), Head("c", 7),
            Head("ä", 5), Head("A", 5), Head("d", 1), Head("e", 9, "https://blog.example.org/posts/a/"),
            Head("f", 9), Head("g", 3, "urn:x"), Head("h", 3),
        ];

        string[] byHeads = [.. heads.Order(Comparer<PostHead>.Create(PostHead.NewestFirst)).Select(h => h.File.RelativePath)];
        string[] byLibrary = [.. heads.Order(Comparer<PostHead>.Create((x, y) => FeedGenerator.NewestFirst.Compare(x.ToPost(""), y.ToPost(""))))
            .Select(h => h.File.RelativePath)];

        byHeads.ShouldBe(byLibrary);
    }

    [Fact]
    public void The_post_has_the_head_fields_and_the_id_the_head_promises()
    {
        PostHead head = Head("x", 4) with { Summary = "S", Language = "en", Categories = ["t"], Updated = DateTimeOffset.UnixEpoch };
        FeedPost post = head.ToPost("Body");

        post.Id.ShouldBe(head.Id);
        (post.Id ?? post.Url.AbsoluteUri).ShouldBe(head.EffectiveId); // the feed id: Id, else the absolute URL
        post.Url.AbsoluteUri.ShouldBe(head.Url);
        (post.Title, post.Summary, post.Language, post.Body).ShouldBe(("x", "S", "en", "Body"));
        post.Categories.ShouldBe(["t"]);
        post.Updated.ShouldBe(DateTimeOffset.UnixEpoch);
        (head with { Id = "urn:y" }).ToPost("").Id.ShouldBe("urn:y");
    }
}
