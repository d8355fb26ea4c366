using Feed.Tool.Conventions;
using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests.Conventions;

/// <summary>
/// Folders in each generator's shape, written for these tests, built end to end with one line of config: which files
/// are posts, which keys mean what, which dates and URLs come out.
/// </summary>
public sealed class ConventionSiteTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private async Task<ToolRun> BuildAsync(string postsDir, string config, params string[] extra)
    {
        string file = Path.Combine(_site.Root, "feed.json");
        await File.WriteAllTextAsync(file, config);
        return await ToolRun.RunAsync(["build", postsDir, "--out", _site.Out, "--config", file, "--now", "2025-01-01T00:00:00Z", "--no-cache", .. extra]);
    }

    private List<FeedXml.Entry> Entries()
    {
        var entries = new List<FeedXml.Entry>(FeedXml.Load(Path.Combine(_site.Out, "atom.xml")).Entries);
        string pages = Path.Combine(_site.Out, "atom");
        if (Directory.Exists(pages))
        {
            foreach (string page in Directory.GetFiles(pages, "*.xml").Order(StringComparer.Ordinal))
            {
                entries.AddRange(FeedXml.Load(page).Entries);
            }
        }

        return entries;
    }

    [Fact]
    public async Task Jekyll_reads_its_posts_keys_dates_and_permalinks()
    {
        string posts = Path.Combine(_site.Posts, "_posts");
        _site.Write("_posts/2013-05-06-one-zero-zero.markdown", "---\ntitle: One\ndate: 2013-05-06 02:12:52 +0200\ncategory: release\ndescription: The summary.\n---\nBody one.\n");
        _site.Write("_posts/2016-03-10-dated-by-name.mkdn", "---\ncategories: news release\ntags: a b c\n---\nBody two.\n");
        _site.Write("_posts/2023-01-29-ruby-date.md", "---\ntitle: Three\ndate: 2023-01-29 18:30:22 2023 -0800\nlast_modified_at: 2023-02-01\n---\nBody three.\n");
        _site.Write("_posts/2020-01-01-no-front-matter.md", "Just text.\n");
        _site.Write("_posts/2020-02-02-unpublished.md", "---\ntitle: Hidden\npublished: false\n---\nNo.\n");
        _site.Write("_posts/2020-03-03-page.html", "---\ntitle: HTML\n---\n<p>x</p>\n");
        _site.Write("_posts/notes.md", "---\ntitle: Not dated\n---\nx\n");
        _site.Write("_posts/_hidden/2020-04-04-x.md", "---\ntitle: x\n---\nx\n");
        ToolRun run = await BuildAsync(posts, """
            { "siteUrl": "https://example.org/", "title": "J", "conventions": "jekyll", "timeZone": "America/Los_Angeles",
              "permalink": "/news/:year/:month/:day/:title/", "taxonomies": { "tags": true, "categories": true } }
            """);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stdout.ShouldContain("feed: 5 posts read, 1 skipped (1 draft, 0 future), 3 other files not read (2 .md, 1 .html)");
        List<FeedXml.Entry> entries = Entries();
        entries.Select(e => (e.Title, e.Url)).ShouldBe([
            ("Three", "https://example.org/news/2023/01/29/ruby-date/"),
            ("No Front Matter", "https://example.org/news/2020/01/01/no-front-matter/"),
            ("Dated By Name", "https://example.org/news/2016/03/10/dated-by-name/"),
            // 02:12:52 +02:00 is the evening before in Los Angeles, where Jekyll (timezone) dates it.
            ("One", "https://example.org/news/2013/05/05/one-zero-zero/"),
        ]);
        entries.Single(e => e.Title == "One").Excerpt.ShouldBe("The summary.");
        string atom = _site.ReadOut("atom.xml");
        atom.ShouldContain("<published>2023-01-29T18:30:22-08:00</published>");
        atom.ShouldContain("<updated>2023-02-01T00:00:00-08:00</updated>");
        Directory.GetDirectories(Path.Combine(_site.Out, "tags")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["a", "b", "c"]);
        Directory.GetDirectories(Path.Combine(_site.Out, "categories")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["news", "release"]);
        FeedXml.Load(Path.Combine(_site.Out, "categories", "release", "atom.xml")).Entries.Select(e => e.Title).ShouldBe(["Dated By Name", "One"]);
    }

    [Fact]
    public async Task Hugo_reads_toml_json_and_yaml_bundles_and_list_pages()
    {
        _site.Write("news/_index.md", "---\ntitle: News\n---\n");
        _site.Write("news/2021/0.91.2-relnotes/index.md", "\n---\ntitle: \"Fixes\"\ndate: 2021-12-23T17:47:41+01:00\n---\nRead it.\n");
        _site.Write("news/2021/0.91.2-relnotes/featured.png", "png");
        _site.Write("news/2021/0.91.2-relnotes/notes.md", "---\ntitle: resource\n---\n");
        _site.Write("entry/2014/02/28/232846.md", "\uFEFF+++\nCategories = [\"アプリ\", \"\"]\nDescription = \"説明文\"\ndate = \"2014-02-28T23:28:00+09:00\"\nTitle = \"日本語の記事\"\n[author]\nname = \"mosuke\"\navatar = \"a.png\"\n+++\n本文。\n");
        _site.Write("entry/json-post.md", "{\n  \"title\": \"JSON post\",\n  \"date\": \"2020-05-01\",\n  \"slug\": \"Custom Slug\",\n  \"tags\": [\"x\"]\n}\nBody.\n");
        _site.Write("entry/native-date.md", "+++\ntitle = 'Native'\ndate = 2020-06-01T10:00:00Z\nlastmod = 2020-06-02T10:00:00Z\nurl = 'elsewhere/native'\n+++\nBody.\n");
        _site.Write("entry/draft.md", "+++\ntitle = ''\ndraft = true\n+++\n");
        _site.Write("entry/expired.md", "---\ntitle: Old\ndate: 2020-01-01\nexpiryDate: 2021-01-01\n---\n");
        ToolRun run = await BuildAsync(_site.Posts, """{ "siteUrl": "https://example.org/", "title": "H", "conventions": "hugo", "timeZone": "Asia/Tokyo" }""");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stdout.ShouldContain("feed: 6 posts read, 2 skipped (1 draft, 0 future, 1 expired), 3 other files not read (1 list page, 1 .md, 1 .png)");
        Entries().Select(e => (e.Title, e.Url)).ShouldBe([
            ("Fixes", "https://example.org/news/2021/0.91.2-relnotes/"),
            ("Native", "https://example.org/elsewhere/native/"),
            ("JSON post", "https://example.org/entry/custom-slug/"),
            ("日本語の記事", "https://example.org/entry/2014/02/28/232846/"),
        ]);
        string atom = _site.ReadOut("atom.xml");
        atom.ShouldContain("<published>2020-05-01T00:00:00+09:00</published>");
        atom.ShouldContain("<updated>2020-06-02T10:00:00Z</updated>");
        atom.ShouldContain("<name>mosuke</name>");
        Entries().Single(e => e.Title == "日本語の記事").Excerpt.ShouldBe("説明文");
    }

    [Fact]
    public async Task Hexo_reads_its_front_matter_forms_nested_categories_and_permalinks()
    {
        string posts = Path.Combine(_site.Posts, "_posts");
        _site.Write("_posts/hello-world.md", "title: Hello\ndate: 2021-09-07 23:30:00\ncategories:\n- [Diary, PlayStation]\n- [Life]\ntags: Games\n---\n你好 $E=mc^2$.\n");
        _site.Write("_posts/json-post.md", "\"title\": \"JSON\",\n\"date\": \"2021-01-01 10:00:00\",\n\"description\": \"描述\"\n;;;\nBody.\n");
        _site.Write("_posts/sub/own-link.md", "---\ntitle: Own\ndate: 2021-02-02\npermalink: custom/path/\n---\nBody.\n");
        _site.Write("_posts/_partial.md", "---\ntitle: x\ndate: 2021-01-01\n---\n");
        _site.Write("_posts/hello-world/image.png", "png");
        ToolRun run = await BuildAsync(posts, """
            { "siteUrl": "https://example.org/", "title": "X", "conventions": "hexo", "timeZone": "Asia/Shanghai",
              "permalink": ":year/:category/:title/", "taxonomies": { "categories": true } }
            """);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stdout.ShouldContain("feed: 3 posts read, 0 skipped (0 draft, 0 future), 2 other files not read (1 .md, 1 .png)");
        Entries().Select(e => (e.Title, e.Url)).ShouldBe([
            ("Hello", "https://example.org/2021/Life/hello-world/"),
            ("Own", "https://example.org/custom/path/"),
            ("JSON", "https://example.org/2021/uncategorized/json-post/"),
        ]);
        _site.ReadOut("atom.xml").ShouldContain("<published>2021-09-07T23:30:00+08:00</published>");
        Entries().Single(e => e.Title == "JSON").Excerpt.ShouldBe("描述");
        Directory.GetDirectories(Path.Combine(_site.Out, "categories")).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["diary", "life", "playstation"]);
    }

    [Theory]
    [InlineData("plain", "---\n·title: Typo\ndate: 2024-01-01\n---\n", "(2,1): error FEED0005: the front matter has no 'title', but has '·title' here; did you mean `title`?")]
    [InlineData("plain", "---\nTitle: Typo\ndate: 2024-01-01\n---\n", "(2,1): error FEED0005: the front matter has no 'title', but has 'Title' here; did you mean `title`?")]
    [InlineData("hexo", "---\ntitel: Typo\ndate: 2024-01-01\n---\n", "(2,1): error FEED0005: the front matter has no 'title', but has 'titel' here; did you mean `title`?")]
    [InlineData("hugo", "+++\ntitle = 'x'\n\ndtae = 2024-01-01\n+++\n", "(4,1): error FEED0005: the front matter has no 'date', but has 'dtae' here; did you mean `date`?")]
    public async Task A_missing_key_with_a_near_miss_is_an_error_at_the_near_miss(string convention, string file, string error)
    {
        _site.Write("_posts/a.md", file);
        ToolRun run = await BuildAsync(Path.Combine(_site.Posts, "_posts"), $$"""{ "siteUrl": "https://example.org/", "title": "T", "conventions": "{{convention}}" }""");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Errors.ShouldHaveSingleItem().ShouldEndWith("a.md" + error);
        Directory.Exists(_site.Out).ShouldBeFalse();
    }

    [Fact]
    public async Task Jekyll_titles_a_post_from_its_file_name_and_warns_of_a_near_miss_it_does_not_read()
    {
        _site.Write("_posts/2024-01-02-my-first-post.md", "---\nTitel: Mine\n---\nx\n");
        ToolRun run = await BuildAsync(Path.Combine(_site.Posts, "_posts"), """{ "siteUrl": "https://example.org/", "title": "T", "conventions": "jekyll" }""");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stderr.ShouldContain("2024-01-02-my-first-post.md(2,1): warning FEED0040: 'Titel' is not a key Jekyll reads, so the title is 'My First Post' (from the file name); did you mean `title`?");
        Entries().Select(e => (e.Title, e.Url)).ShouldBe([("My First Post", "https://example.org/2024/01/02/my-first-post.html")]);
    }

    [Fact]
    public async Task Skip_invalid_builds_the_valid_posts_and_warns_of_each_invalid_one_where_it_is()
    {
        _site.Post("good.md", "Good", "2024-01-01");
        _site.Write("bad.md", "---\ntitle: Bad\ndate: 2024-13-45\n---\nx\n");
        _site.Write("worse.md", "---\ntitle: Worse\n---\nx\n");
        string config = """{ "siteUrl": "https://example.org/", "title": "T" }""";

        ToolRun strict = await BuildAsync(_site.Posts, config);
        strict.ExitCode.ShouldBe(1);
        Directory.Exists(_site.Out).ShouldBeFalse();

        ToolRun run = await BuildAsync(_site.Posts, config, "--skip-invalid");
        run.ExitCode.ShouldBe(0, run.ToString());
        run.Errors.ShouldBeEmpty();
        run.Stderr.ShouldContain("bad.md(3,7): warning FEED0007:");
        run.Stderr.ShouldContain("worse.md(1,1): warning FEED0005: the front matter has no 'date'");
        run.Stdout.ShouldContain("3 posts read, 2 skipped (0 draft, 0 future, 2 invalid)");
        Entries().Select(e => e.Title).ShouldBe(["Good"]);

        ToolRun fromConfig = await BuildAsync(_site.Posts, """{ "siteUrl": "https://example.org/", "title": "T", "skipInvalid": true }""");
        fromConfig.ExitCode.ShouldBe(0, fromConfig.ToString());
    }

    [Fact]
    public async Task A_post_linking_to_another_is_rendered_again_when_that_post_moves_and_its_own_bytes_do_not()
    {
        // Template-sensitive posts carry the site's link digest in their cache identity (PostCatalog), so a cached
        // entry is never served once any post's URL has changed.
        _site.Write("_posts/2020-01-01-a.md", "---\ntitle: A\n---\nSee {% post_url 2020-01-02-b %}.\n");
        _site.Write("_posts/2020-01-02-b.md", "---\ntitle: B\n---\nB.\n");
        string cache = Path.Combine(_site.Root, "cache");
        string config = """{ "siteUrl": "https://example.org/", "title": "J", "conventions": "jekyll", "permalink": "/:year/:title/" }""";
        string file = Path.Combine(_site.Root, "feed.json");
        await File.WriteAllTextAsync(file, config);
        string[] args = ["build", Path.Combine(_site.Posts, "_posts"), "--out", _site.Out, "--config", file, "--cache-dir", cache];
        (await ToolRun.RunAsync(args)).ExitCode.ShouldBe(0);

        _site.Write("_posts/2020-01-02-b.md", "---\ntitle: B\nslug: moved\n---\nB.\n");
        var rules = new Feed.Tool.Posts.PostRules(new Uri("https://example.org/"), "/:year/:title/", TimeZoneInfo.Utc) { Convention = Convention.Jekyll };
        var before = Feed.Tool.Posts.PostCatalog.Load(Path.Combine(_site.Posts, "_posts"), rules, false, false, DateTimeOffset.MaxValue, null, default);
        before.Posts.Single(p => p.Title == "A").TemplateSensitive.ShouldBeTrue();
        _site.Write("_posts/2020-01-02-b.md", "---\ntitle: B\nslug: moved-again\n---\nB.\n");
        var after = Feed.Tool.Posts.PostCatalog.Load(Path.Combine(_site.Posts, "_posts"), rules, false, false, DateTimeOffset.MaxValue, null, default);
        after.Posts.Single(p => p.Title == "A").ContentHash.ShouldNotBe(before.Posts.Single(p => p.Title == "A").ContentHash,
            "A's bytes did not change, but B's URL did: A's cache identity must change with it");
        (await ToolRun.RunAsync(args)).ExitCode.ShouldBe(0);
    }

    [Fact]
    public void The_readme_config_of_coming_from_jekyll_hugo_hexo_is_a_valid_config()
    {
        string dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Feed.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("Feed.sln not found above the test folder");
        }

        string readme = File.ReadAllText(Path.Combine(dir, "README.md"));
        string section = readme[readme.IndexOf("### Coming from Jekyll / Hugo / Hexo", StringComparison.Ordinal)..];
        int start = section.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        string json = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
        var diagnostics = new List<Feed.Tool.Diagnostics.Diagnostic>();
        Feed.Tool.Configuration.ToolConfig config = Feed.Tool.Configuration.ConfigReader.Parse(System.Text.Encoding.UTF8.GetBytes(json), "README.md", diagnostics);
        diagnostics.ShouldBeEmpty();
        config.Conventions.ShouldBe(Convention.Jekyll);
        Convention.Jekyll.CheckPermalink(config.Permalink!).ShouldBeNull();
    }
}
