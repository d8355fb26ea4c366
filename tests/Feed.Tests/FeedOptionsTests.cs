using Feed.Excerpts;
using Feed.Tests.Support;
using Feed.Writers;

namespace Feed.Tests;

public sealed class FeedOptionsTests
{
    [Fact]
    public void A_clone_copies_every_property_and_shares_nothing_mutable()
    {
        // Every property is set away from its default first, so a property added later and left out of Clone fails here.
        var options = new FeedOptions
        {
            Title = "T", Description = "D", SiteUrl = new Uri("https://s.example/"), RssUrl = new Uri("https://s.example/r"),
            AtomUrl = new Uri("https://s.example/a"), JsonUrl = new Uri("https://s.example/j"), Hub = new Uri("https://hub.example/"),
            JsonPageUrlTemplate = "j{page}", JsonArchiveUrlTemplate = "j{archive}", Id = "urn:x", RssPageUrlTemplate = "r{page}", AtomPageUrlTemplate = "a{page}",
            RssArchiveUrlTemplate = "r{archive}", AtomArchiveUrlTemplate = "a{archive}", Language = "en",
            Authors = [new FeedAuthor("A")], Copyright = "C", Generator = "G", Icon = new Uri("https://s.example/i"),
            Logo = new Uri("https://s.example/l"), EmptyFeedUpdated = DateTimeOffset.UnixEpoch, PageSize = 3, FullContent = false,
            Archive = true, Indent = false, HtmlUrl = new Uri("https://s.example/h/"), HtmlPageUrlTemplate = "h{page}",
            HtmlArchiveUrlTemplate = "h{archive}", HtmlFeedFormats = [FeedFormat.Json], HtmlTemplate = new NoTemplate(),
            Excerpt = new ExcerptOptions { Length = 5, Ellipsis = "…", Boundary = ExcerptBoundary.Character, MathPlaceholder = "m", DisplayMathPlaceholder = "d" },
        };
        options.Extensions.Add(new NoExtension());
        var defaults = new FeedOptions();

        FeedOptions copy = options.Clone();

        foreach (System.Reflection.PropertyInfo property in typeof(FeedOptions).GetProperties())
        {
            object? original = property.GetValue(options);
            object? copied = property.GetValue(copy);
            Same(original, property.GetValue(defaults)).ShouldBeFalse($"the test leaves {property.Name} at its default");
            Same(original, copied).ShouldBeTrue($"{property.Name} is not copied");
            if (original is System.Collections.IEnumerable and not string || original is ExcerptOptions)
            {
                copied.ShouldNotBeSameAs(original, $"{property.Name} is shared");
            }
        }

        foreach (System.Reflection.PropertyInfo property in typeof(ExcerptOptions).GetProperties())
        {
            property.GetValue(options.Excerpt).ShouldNotBe(property.GetValue(defaults.Excerpt), $"the test leaves Excerpt.{property.Name} at its default");
        }

        options.Excerpt.SameAs(copy.Excerpt).ShouldBeTrue();
        copy.Excerpt.Length = 6;
        options.Excerpt.SameAs(copy.Excerpt).ShouldBeFalse();
    }

    private static bool Same(object? a, object? b) => (a, b) switch
    {
        (ExcerptOptions x, ExcerptOptions y) => x.SameAs(y),
        (System.Collections.IEnumerable x, System.Collections.IEnumerable y) when a is not string =>
            x.Cast<object>().SequenceEqual(y.Cast<object>()),
        _ => Equals(a, b),
    };

    private sealed class NoExtension : Feed.FeedExtension
    {
    }

    private sealed class NoTemplate : FeedHtmlTemplate
    {
        public override string Identity => "none";

        public override void Render(IReadOnlyDictionary<string, object?> model, TextWriter output, CancellationToken cancellationToken)
        {
        }
    }

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var options = new FeedOptions();
        options.PageSize.ShouldBe(10);
        options.FullContent.ShouldBeTrue();
        options.Archive.ShouldBeFalse();
        options.Indent.ShouldBeTrue();
        options.Generator.ShouldBe("Feed");
        options.RssPageUrlTemplate.ShouldBe("?page={page}");
        options.AtomPageUrlTemplate.ShouldBe("?page={page}");
        options.RssArchiveUrlTemplate.ShouldBe("?archive={archive}");
        options.AtomArchiveUrlTemplate.ShouldBe("?archive={archive}");
        options.Authors.ShouldBeEmpty();
        options.Extensions.ShouldBeEmpty();
        options.Excerpt.Length.ShouldBe(ExcerptOptions.DefaultLength);
    }

    [Fact]
    public void Title_and_site_url_are_enough()
    {
        var options = new FeedOptions { Title = "T", SiteUrl = new Uri("https://example.com/") };
        options.Validate().ShouldBeEmpty();

        var generator = new FeedGenerator(options);
        generator.Metadata.Id.ShouldBe("https://example.com/atom.xml");
        generator.GetUrl(FeedFormat.Rss, generator.GetPage(1, 0)).ShouldBe(new Uri("https://example.com/feed.xml"));
        generator.GetUrl(FeedFormat.Atom, generator.GetPage(1, 0)).ShouldBe(new Uri("https://example.com/atom.xml"));
    }

    [Fact]
    public void Missing_title_and_site_url_are_both_reported()
    {
        var ex = Should.Throw<FeedOptionsException>(() => new FeedGenerator(new FeedOptions()));
        ex.Errors.Count.ShouldBe(2);
        ex.Errors.ShouldContain(e => e.ErrorMessage!.StartsWith("Title", StringComparison.Ordinal) && e.MemberNames.Single() == "Title");
        ex.Errors.ShouldContain(e => e.ErrorMessage!.StartsWith("SiteUrl", StringComparison.Ordinal) && e.MemberNames.Single() == "SiteUrl");
        ex.ParamName.ShouldBe("options");
    }

    [Fact]
    public void Every_problem_is_listed_in_one_exception()
    {
        var options = new FeedOptions
        {
            Title = " ",
            SiteUrl = new Uri("/blog/", UriKind.Relative),
            RssUrl = new Uri("feed.xml", UriKind.Relative),
            AtomUrl = new Uri("ftp://example.com/atom.xml"),
            Icon = new Uri("icon.png", UriKind.Relative),
            Logo = new Uri("logo.png", UriKind.Relative),
            Id = "not an iri",
            PageSize = 0,
            RssPageUrlTemplate = "?p=2",
            AtomPageUrlTemplate = "",
            RssArchiveUrlTemplate = "?page={page}",
            AtomArchiveUrlTemplate = "?a=1",
            Language = "english please",
            Authors = [new FeedAuthor(""), null!, new FeedAuthor("Bob") { Email = "bob at example", Uri = new Uri("me", UriKind.Relative) }],
            Excerpt = new ExcerptOptions { Length = 0 },
        };
        options.Extensions.Add(null!);
        options.Extensions.Add(new NamespaceExtension("atom", "http://example.com/not-atom"));

        var ex = Should.Throw<FeedOptionsException>(() => new FeedGenerator(options));

        string[] expected =
        [
            "Title", "SiteUrl", "RssUrl", "AtomUrl", "Icon", "Logo", "Id", "PageSize", "RssPageUrlTemplate",
            "AtomPageUrlTemplate", "RssArchiveUrlTemplate", "AtomArchiveUrlTemplate", "Language", "Authors[0].Name",
            "Authors[1]", "Authors[2].Email", "Authors[2].Uri", "Excerpt.Length", "Extensions[0]", "Extensions[1].Namespaces",
        ];
        foreach (string property in expected)
        {
            ex.Errors.ShouldContain(e => e.ErrorMessage!.StartsWith(property, StringComparison.Ordinal), $"no error names {property}");
            ex.Message.ShouldContain(property);
        }

        ex.Errors.Count.ShouldBe(expected.Length);
        ex.Errors.Select(e => e.MemberNames.Single()).Distinct().ShouldBe(expected, ignoreOrder: true); // the path that starts each message
    }

    [Theory]
    [InlineData("/feed/{page}.xml", "https://example.com/feed/2.xml")]
    [InlineData("feed-{page}.xml", "https://example.com/blog/feed-2.xml")]
    [InlineData("?page={page}", "https://example.com/blog/feed.xml?page=2")]
    [InlineData("https://cdn.example.com/blog/{page}/feed.xml", "https://cdn.example.com/blog/2/feed.xml")]
    public void Page_templates_resolve_against_the_feed_url(string template, string expected)
    {
        FeedOptions options = TestData.Options(pageSize: 1);
        options.RssPageUrlTemplate = template;
        var generator = new FeedGenerator(options);

        generator.GetUrl(FeedFormat.Rss, generator.GetPage(2, 5)).AbsoluteUri.ShouldBe(expected);
        generator.GetUrl(FeedFormat.Rss, generator.GetPage(1, 5)).AbsoluteUri.ShouldBe("https://example.com/blog/feed.xml");
    }

    [Fact]
    public void A_template_that_gives_every_page_the_same_url_is_rejected()
    {
        FeedOptions options = TestData.Options();
        options.AtomPageUrlTemplate = "https://example.com/blog/atom.xml#{page}";
        options.Validate().ShouldContain(e => e.MemberNames.Single() == "AtomPageUrlTemplate");
    }

    [Fact]
    public void The_generator_keeps_a_snapshot_of_the_options()
    {
        FeedOptions options = TestData.Options(pageSize: 2);
        var generator = new FeedGenerator(options);
        options.PageSize = 5;
        options.Title = "Changed";
        options.Authors.Clear();

        generator.Paging.PageSize.ShouldBe(2);
        generator.Metadata.Title.ShouldBe("Example Blog");
        generator.Metadata.Authors.Count.ShouldBe(1);
        generator.GetPageCount(10).ShouldBe(5);
    }

    [Fact]
    public void Feed_level_text_is_cleaned_of_forbidden_characters()
    {
        FeedOptions options = TestData.Options();
        options.Title = "Bad\u0001 title\u0085";
        options.Description = "Line\u000Bfeed";
        var generator = new FeedGenerator(options);

        generator.Metadata.Title.ShouldBe("Bad title ");
        generator.Metadata.Description.ShouldBe("Line feed"); // a vertical tab separates words: a space
    }

    [Theory]
    [InlineData("https://example.org/blog")]
    [InlineData("https://example.org/blog/")]
    public void A_site_url_is_a_folder_with_or_without_its_trailing_slash(string siteUrl)
    {
        FeedOptions options = TestData.Options(pageSize: 1);
        options.SiteUrl = new Uri(siteUrl);
        options.Validate().ShouldBeEmpty();
        var generator = new FeedGenerator(options);

        generator.Metadata.SiteUrl.AbsoluteUri.ShouldBe("https://example.org/blog/");
        generator.Metadata.Id.ShouldBe("https://example.org/blog/atom.xml");
        generator.Paging.TryGetPage(2, 3, out FeedPage? second).ShouldBeTrue();
        generator.Paging.GetUrl(FeedFormat.Rss, second).AbsoluteUri.ShouldBe("https://example.org/blog/feed.xml?page=2");
        string atom = generator.WriteToString(generator.CreatePage(FeedFormat.Atom, TestData.Posts(3), 1));
        atom.ShouldContain("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/blog/atom.xml\" />");
        atom.ShouldContain("<link rel=\"alternate\" type=\"text/html\" href=\"https://example.org/blog/\" />");
        atom.ShouldNotContain("https://example.org/atom.xml");
    }

    private sealed class NamespaceExtension(string prefix, string uri) : FeedExtension
    {
        public override IReadOnlyList<KeyValuePair<string, string>> Namespaces => [new(prefix, uri)];
    }
}
