using System.Reflection;
using Feed.Hosting;
using Feed.Hosting.Tests.Support;

namespace Feed.Hosting.Tests.Hosting;

public sealed class EntryCacheTests
{
    private static readonly FeedGenerator Generator = new(new FeedOptions
    {
        Title = "Cache",
        SiteUrl = new Uri("https://blog.example.org/"),
        Authors = { new FeedAuthor("Ada") },
        PageSize = 2,
    });

    private static FeedPost Post(string slug, string body = "Some *text*.") => new()
    {
        Title = "Post " + slug,
        Url = new Uri("https://blog.example.org/posts/" + slug + "/"),
        Published = new DateTimeOffset(2025, 3, 2, 13, 15, 0, TimeSpan.Zero),
        Body = body,
        Categories = ["a", "b"],
        Authors = [new FeedAuthor("Ada") { Email = "ada@example.org", Uri = new Uri("https://example.org/#me") }],
        Properties = new Dictionary<string, string> { ["k"] = "v" },
    };

    [Fact]
    public void An_unchanged_post_reuses_its_entry_and_a_changed_one_does_not()
    {
        var cache = new EntryCache(16);
        var first = cache.GetOrCreate(Generator, Post("x"));

        cache.GetOrCreate(Generator, Post("x")).ShouldBeSameAs(first); // equal, though a new instance
        cache.GetOrCreate(Generator, Post("x", "Other *text*.")).ShouldNotBeSameAs(first);
        cache.GetOrCreate(Generator, Post("x", "Other *text*.")).Excerpt.Text.ShouldBe("Other text.");
    }

    public static TheoryData<string> Changes => new()
    {
        "Id", "Title", "Url", "Published offset", "Updated", "Authors uri fragment", "Authors email", "Categories",
        "Body", "BodyFormat", "Summary", "Language", "Properties",
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Every_field_that_can_change_the_output_is_compared(string change)
    {
        FeedPost a = Post("x");
        FeedPost b = change switch
        {
            "Id" => a with { Id = "tag:example.org,2025:x" },
            "Title" => a with { Title = "Post X" },
            "Url" => a with { Url = new Uri("https://blog.example.org/posts/x/#top") },
            "Published offset" => a with { Published = a.Published.ToOffset(TimeSpan.FromHours(8)) }, // same instant
            "Updated" => a with { Updated = a.Published },
            "Authors uri fragment" => a with { Authors = [new FeedAuthor("Ada") { Email = "ada@example.org", Uri = new Uri("https://example.org/#you") }] },
            "Authors email" => a with { Authors = [new FeedAuthor("Ada") { Uri = new Uri("https://example.org/#me") }] },
            "Categories" => a with { Categories = ["b", "a"] },
            "Body" => a with { Body = a.Body + " " },
            "BodyFormat" => a with { BodyFormat = PostBodyFormat.Html },
            "Summary" => a with { Summary = "S" },
            "Language" => a with { Language = "en" },
            "Properties" => a with { Properties = new Dictionary<string, string> { ["k"] = "w" } },
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        a.Equals(Post("x")).ShouldBeTrue(); // the cache reuses an entry for an equal post (FeedPost.Equals)
        a.Equals(b).ShouldBeFalse(change);
    }

    [Fact]
    public void The_comparison_covers_every_property_of_FeedPost()
    {
        // Adding a property to FeedPost must come with a line in FeedPost.Equals/GetHashCode and a case above.
        string[] compared = ["Id", "Title", "Url", "Published", "Updated", "Authors", "Categories", "Body", "BodyFormat", "Summary", "Language", "Properties"];
        string[] derived = ["EffectiveId", "EffectiveUpdated"];
        typeof(FeedPost).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.Name)
            .Where(name => name != "EqualityContract")
            .Except(derived)
            .Order(StringComparer.Ordinal)
            .ShouldBe(compared.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_cache_stays_within_its_capacity_and_zero_turns_it_off()
    {
        var cache = new EntryCache(2);
        var x = cache.GetOrCreate(Generator, Post("x"));
        cache.GetOrCreate(Generator, Post("y"));
        cache.GetOrCreate(Generator, Post("z")); // full: emptied, then z kept
        cache.GetOrCreate(Generator, Post("x")).ShouldNotBeSameAs(x);

        var off = new EntryCache(0);
        off.GetOrCreate(Generator, Post("x")).ShouldNotBeSameAs(off.GetOrCreate(Generator, Post("x")));
        Should.Throw<ArgumentOutOfRangeException>(() => new EntryCache(-1));
    }

    [Fact]
    public void A_page_served_from_the_cache_has_the_same_bytes_as_a_fresh_render()
    {
        FeedPost[] rows = [Post("a"), Post("b")];
        var cached = new FeedRenderer<FeedPost>(Generator, p => p);
        var fresh = new FeedRenderer<FeedPost>(Generator, p => p, entryCacheCapacity: 0);
        FeedPage page = cached.GetPage(1, 2);

        string first = cached.RenderPage(FeedFormat.Atom, page, rows);
        string second = cached.RenderPage(FeedFormat.Atom, page, [Post("a"), Post("b")]);
        string edited = cached.RenderPage(FeedFormat.Rss, page, [Post("a", "Edited."), Post("b")]);

        second.ShouldBe(first);
        first.ShouldBe(fresh.RenderPage(FeedFormat.Atom, page, rows));
        edited.ShouldBe(fresh.RenderPage(FeedFormat.Rss, page, [Post("a", "Edited."), Post("b")]));
        edited.ShouldContain("Edited.");
    }
}
