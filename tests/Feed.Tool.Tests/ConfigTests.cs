using System.Xml.Linq;
using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests;

/// <summary>The config file: every problem reported with file, line and key; flags win over it.</summary>
public sealed class ConfigTests : IDisposable
{
    private readonly TestSite _site = new();

    public ConfigTests() => _site.ManyPosts(7);

    public void Dispose() => _site.Dispose();

    private string Config(string json)
    {
        string path = Path.Combine(_site.Root, "feed.json");
        File.WriteAllText(path, json.Replace("\r\n", "\n", StringComparison.Ordinal));
        return path;
    }

    private Task<ToolRun> BuildWithConfigOnlyAsync(string config, params string[] extra) =>
        ToolRun.RunAsync(["build", _site.Posts, "--out", _site.Out, "--config", config, "--now", "2025-01-01T00:00:00Z", .. extra]);

    [Fact]
    public async Task The_config_alone_can_give_every_setting()
    {
        string config = Config("""
            {
              // comments are allowed
              "siteUrl": "https://example.net/journal",
              "title": "From the config",
              "description": "Described",
              "language": "en-GB",
              "author": { "name": "Ada", "email": "ada@example.net", "uri": "https://example.net/ada/" },
              "pageSize": 3,
              "permalink": "/{year}/{slug}/",
              "fullContent": false,
              "formats": ["atom", "rss"],
              "archive": false,
              "excerpt": { "length": 5, "ellipsis": "…", "boundary": "character", "mathPlaceholder": "[m]", "displayMathPlaceholder": "[M]" },
            }
            """);

        ToolRun run = await BuildWithConfigOnlyAsync(config);

        run.ExitCode.ShouldBe(0, run.ToString());
        _site.Snapshot().Keys.ShouldBe([".feed-manifest", "atom.xml", "atom/2.xml", "atom/3.xml", "feed.xml", "feed/2.xml", "feed/3.xml"]);
        XDocument atom = XDocument.Load(Path.Combine(_site.Out, "atom.xml"));
        XNamespace a = "http://www.w3.org/2005/Atom";
        ((string)atom.Root!.Element(a + "title")!).ShouldBe("From the config");
        ((string)atom.Root.Element(a + "author")!.Element(a + "name")!).ShouldBe("Ada");
        FeedXml feed = FeedXml.Load(Path.Combine(_site.Out, "atom.xml"));
        feed.Link("self").ShouldBe("https://example.net/journal/atom.xml"); // the missing final '/' was added
        feed.Entries[0].Url.ShouldBe("https://example.net/journal/2024/post-7/");
        feed.Entries[0].Content.ShouldBeNull(); // fullContent: false
        feed.Entries[0].Excerpt.ShouldBe("The b…"); // length 5, character boundary, custom ellipsis
    }

    [Fact]
    public async Task Flags_win_over_the_config()
    {
        string config = Config("""{ "siteUrl": "https://example.net/", "title": "Config title", "pageSize": 2, "excerpt": { "length": 100 } }""");

        ToolRun run = await BuildWithConfigOnlyAsync(config, "--title", "Flag title", "--page-size", "4", "--excerpt-length", "6", "--site-url", TestSite.SiteUrl);

        run.ExitCode.ShouldBe(0, run.ToString());
        _site.Snapshot().Keys.ShouldBe([".feed-manifest", "atom.xml", "atom/2.xml", "feed.xml", "feed/2.xml"]); // 7 posts / 4
        XDocument rss = XDocument.Load(Path.Combine(_site.Out, "feed.xml"));
        ((string)rss.Root!.Element("channel")!.Element("title")!).ShouldBe("Flag title");
        FeedXml feed = FeedXml.Load(Path.Combine(_site.Out, "feed.xml"));
        feed.Link("self").ShouldBe(TestSite.SiteUrl + "feed.xml");
        feed.Entries[0].Excerpt.Length.ShouldBeLessThan(20);
    }

    [Fact]
    public async Task Config_values_apply_when_no_flag_is_given()
    {
        string config = Config("""{ "pageSize": 2 }""");

        ToolRun run = await _site.BuildAsync("--config", config);

        run.ExitCode.ShouldBe(0, run.ToString());
        _site.Snapshot().Keys.Count(k => k.StartsWith("feed", StringComparison.Ordinal)).ShouldBe(4); // 7 posts / 2 = 4 pages
    }

    [Fact]
    public async Task Formats_limits_what_is_written()
    {
        string config = Config("""{ "formats": ["atom"] }""");

        ToolRun run = await _site.BuildAsync("--config", config);

        run.ExitCode.ShouldBe(0, run.ToString());
        _site.Snapshot().Keys.ShouldBe([".feed-manifest", "atom.xml"]);
    }

    [Fact]
    public async Task Time_zone_applies_to_dates_without_an_offset()
    {
        _site.Post("2024-03-01-local.md", "Local", "2024-03-01 08:00");
        _site.Post("2024-03-02-offset.md", "Offset", "2024-03-02T08:00:00+02:00");
        string config = Config("""{ "timeZone": "Asia/Shanghai", "formats": ["atom"] }""");

        ToolRun run = await _site.BuildAsync("--config", config);

        run.ExitCode.ShouldBe(0, run.ToString());
        XNamespace a = "http://www.w3.org/2005/Atom";
        var published = XDocument.Load(Path.Combine(_site.Out, "atom.xml")).Root!.Elements(a + "entry")
            .ToDictionary(e => (string)e.Element(a + "title")!, e => DateTimeOffset.Parse((string)(e.Element(a + "published") ?? e.Element(a + "updated"))!, System.Globalization.CultureInfo.InvariantCulture));
        published["Local"].UtcDateTime.ShouldBe(new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc)); // 08:00 in UTC+8
        published["Offset"].UtcDateTime.ShouldBe(new DateTime(2024, 3, 2, 6, 0, 0, DateTimeKind.Utc)); // the written offset wins
    }

    [Fact]
    public async Task Every_config_problem_is_reported_with_file_line_and_column()
    {
        string config = Config("""
            {
              "siteUrl": "not a url",
              "title": 42,
              "pageSize": 0,
              "colour": "blue",
              "formats": ["rss", "yaml"],
              "excerpt": { "length": "long", "boundary": "sentence", "extra": true },
              "author": { "email": "x@example.org" },
              "timeZone": "Mars/Olympus_Mons",
              "archive": "yes"
            }
            """);

        ToolRun run = await BuildWithConfigOnlyAsync(config);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Errors.ShouldBe(
        [
            $"{config}(2,14): error FEED0103: 'siteUrl': 'not a url' is not an absolute http or https URL.",
            $"{config}(3,12): error FEED0103: 'title' must be a string, not a number.",
            $"{config}(4,15): error FEED0103: 'pageSize' must be a whole number of at least 1.",
            $"{config}(5,3): error FEED0102: unknown key 'colour'; the keys are siteUrl, title, description, language, author, copyright, icon, logo, pageSize, permalink, fullContent, formats, archive, excerpt, timeZone, hub, taxonomies, conventions, skipInvalid, htmlTemplate, followExternalLinks.",
            $"{config}(6,22): error FEED0103: 'formats' items must be \"rss\", \"atom\", \"json\" or \"html\".",
            $"{config}(7,26): error FEED0103: 'excerpt.length' must be a whole number, not a string.",
            $"{config}(7,46): error FEED0103: 'excerpt.boundary': 'sentence' is not \"word\" or \"character\".",
            $"{config}(7,58): error FEED0102: unknown key 'excerpt.extra'; the keys are length, ellipsis, boundary, mathPlaceholder, displayMathPlaceholder.",
            $"{config}(8,13): error FEED0103: 'author' needs a non-empty 'name'.",
            $"{config}(9,15): error FEED0103: 'timeZone': 'Mars/Olympus_Mons' is not a known IANA time zone (for example 'Asia/Shanghai').",
            $"{config}(10,14): error FEED0103: 'archive' must be true or false, not a string.",
        ], run.ToString());
        Directory.Exists(_site.Out).ShouldBeFalse();
    }

    [Theory]
    [InlineData("/", "is the site URL itself")]
    [InlineData("/../{slug}/", "has a '.' or '..' segment")]
    [InlineData("//evil.org/{slug}", "points to another site")]
    public async Task A_permalink_every_post_would_get_wrong_is_reported_once_at_its_line(string permalink, string message)
    {
        string config = Config($$"""{ "siteUrl": "https://example.org/", "title": "T",{{"\n"}}  "permalink": "{{permalink}}" }""");

        ToolRun run = await BuildWithConfigOnlyAsync(config);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Errors.ShouldHaveSingleItem().ShouldStartWith($"{config}(2,16): error FEED0103: 'permalink': the permalink '{permalink}' {message}");
    }

    [Fact]
    public async Task A_rule_of_the_library_is_reported_at_the_config_key_that_broke_it()
    {
        // The tool has no rule of its own for the ellipsis; the library's (no character XML 1.0 forbids) names the
        // property, and the tool maps Excerpt.Ellipsis back to the key that set it.
        string config = Config("""
            {
              "siteUrl": "https://example.org/",
              "title": "T",
              "excerpt": {
                "length": 20,
                "ellipsis": "\u0001"
              }
            }
            """);

        ToolRun run = await BuildWithConfigOnlyAsync(config);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Errors.ShouldBe(
        [
            $"{config}(6,5): error FEED0104: Excerpt.Ellipsis must not contain a character XML 1.0 forbids (a C0 control, a lone surrogate, U+FFFE or U+FFFF).",
        ], run.ToString());
    }

    [Fact]
    public async Task Broken_json_is_reported_with_its_position()
    {
        string config = Config("{\n  \"title\": \"T\"\n  \"siteUrl\": \"https://example.org/\"\n}\n");

        ToolRun run = await BuildWithConfigOnlyAsync(config);

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldHaveSingleItem().ShouldStartWith($"{config}(3,3): error FEED0101: invalid JSON: ");
    }

    [Fact]
    public async Task A_missing_config_file_is_a_usage_error()
    {
        string missing = Path.Combine(_site.Root, "nope.json");

        ToolRun run = await _site.BuildAsync("--config", missing);

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldHaveSingleItem().ShouldStartWith($"{missing}: error FEED0100: cannot read the config file");
    }

    [Fact]
    public async Task A_config_that_is_not_an_object_is_reported()
    {
        string config = Config("[1, 2]");

        ToolRun run = await _site.BuildAsync("--config", config);

        run.ExitCode.ShouldBe(2);
        run.Errors.ShouldHaveSingleItem().ShouldStartWith($"{config}(1,1): error FEED0101: the config file must hold a JSON object");
    }
}
