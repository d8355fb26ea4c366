using System.Text;
using System.Text.Json;
using Feed.Tests.Support;
using Feed.Tool.Building;
using Feed.Tool.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Feed.Tool.Tests;

/// <summary>
/// The feeds per tag, category and author (config <c>taxonomies</c>), JSON Feed output (<c>formats</c>) and the WebSub
/// hub and <c>--changed-list</c>, on the sample blog and on small sites.
/// </summary>
public sealed class TaxonomyTests : IDisposable
{
    private const string SampleSite = "https://blog.example.org/";
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "Samples");
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Sample_blog_gets_a_feed_per_tag_holding_exactly_its_posts_newest_first_paged_in_every_format()
    {
        ToolRun run = await BuildSamplesAsync(pageSize: 2);
        run.ExitCode.ShouldBe(0, run.ToString());

        // What each tag should hold, read from the posts' own front matter (not from the tool): the published posts
        // (no draft, nothing after --now) that list the tag, in the order of the site's feed.
        string[] siteOrder = [.. Walk("atom.xml", Atom).SelectMany(d => d.Titles)];
        siteOrder.Length.ShouldBe(10);
        Dictionary<string, string[]> tagsByTitle = SampleFrontMatter("tags");
        string[] tags = [.. siteOrder.SelectMany(t => tagsByTitle[t]).Distinct().Order(StringComparer.Ordinal)];
        tags.ShouldContain("静态网站");
        tags.ShouldNotContain("drafts"); // only a draft has it
        tags.ShouldNotContain("future");

        int pagedTags = 0;
        foreach (string tag in tags)
        {
            string[] expected = [.. siteOrder.Where(t => tagsByTitle[t].Contains(tag))];
            string folder = $"tags/{FeedSets.Slug(tag)}/";
            foreach ((string first, Func<string, (string[] Titles, string? Next, string Self)> read) in
                     new (string, Func<string, (string[], string?, string)>)[] { ("feed.xml", Rss), ("atom.xml", Atom), ("feed.json", Json) })
            {
                var documents = Walk(folder + first, read);
                documents.SelectMany(d => d.Titles).ShouldBe(expected, $"{folder}{first} and its pages");
                documents.Count.ShouldBe((expected.Length + 1) / 2, $"{folder}{first}: pages of two");
            }

            pagedTags += expected.Length > 2 ? 1 : 0;
        }

        pagedTags.ShouldBeGreaterThan(0, "some tag has more than one page");
        Directory.Exists(Path.Combine(_site.Out, "tags", "静态网站")).ShouldBeTrue("Unicode is kept in the folder name");
        File.ReadAllText(Path.Combine(_site.Out, "tags", "静态网站", "atom.xml"))
            .ShouldContain("href=\"https://blog.example.org/tags/%E9%9D%99%E6%80%81%E7%BD%91%E7%AB%99/atom.xml\"");

        // Categories too; authors were not asked for.
        Dictionary<string, string[]> categoriesByTitle = SampleFrontMatter("categories");
        string[] craft = [.. siteOrder.Where(t => categoriesByTitle[t].Contains("Craft"))];
        craft.Length.ShouldBe(2);
        Walk("categories/craft/atom.xml", Atom).SelectMany(d => d.Titles).ShouldBe(craft);
        Directory.Exists(Path.Combine(_site.Out, "authors")).ShouldBeFalse();

        LinkAssertions.EveryLinkPointsAtAWrittenFile(_site.Out, SampleSite);
        foreach (string json in Directory.EnumerateFiles(_site.Out, "*.json", SearchOption.AllDirectories))
        {
            JsonFeedRules.Check(File.ReadAllBytes(json)).ShouldBeEmpty(json);
        }
    }

    [Fact]
    public async Task Every_document_announces_the_hub_and_a_taxonomy_feed_has_its_own_title_and_id()
    {
        (await BuildSamplesAsync(pageSize: 4)).ExitCode.ShouldBe(0);
        // The feeds, not the HTML pages: a page is no WebSub topic (--changed-list leaves it out), so it names no hub.
        string[] documents = [.. Directory.EnumerateFiles(_site.Out, "*.*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith(".html", StringComparison.Ordinal))];
        documents.Length.ShouldBeGreaterThan(30);
        foreach (string file in documents)
        {
            if (file.EndsWith(".json", StringComparison.Ordinal))
            {
                using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(file));
                json.RootElement.GetProperty("hubs")[0].GetProperty("url").GetString().ShouldBe("https://hub.example.org/", file);
            }
            else
            {
                FeedXml.Load(file).Link("hub").ShouldBe("https://hub.example.org/", file);
            }
        }

        string atom = File.ReadAllText(Path.Combine(_site.Out, "tags", "feeds", "atom.xml"));
        atom.ShouldContain("<title type=\"text\">Notes from the Feed sample blog (tag: feeds)</title>");
        atom.ShouldContain("<id>https://blog.example.org/tags/feeds/atom.xml</id>");
    }

    [Fact]
    public async Task Names_that_differ_only_in_case_are_one_feed_named_as_the_newest_post_spells_it()
    {
        _site.Post("a.md", "A", "2025-01-01", "tags: [RL]");
        _site.Post("b.md", "B", "2025-01-02", "tags: [rl]");
        _site.Post("c.md", "C", "2025-01-03", "tags: [Rl]");
        ToolRun run = await BuildAsync(_site.Posts, """{ "taxonomies": { "tags": true } }""");

        run.ExitCode.ShouldBe(0, run.ToString());
        Walk("tags/rl/feed.xml", Rss, TestSite.SiteUrl).SelectMany(d => d.Titles).ShouldBe(["C", "B", "A"]);
        File.ReadAllText(Path.Combine(_site.Out, "tags", "rl", "atom.xml")).ShouldContain("(tag: Rl)</title>");
        Directory.GetDirectories(Path.Combine(_site.Out, "tags")).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Names_with_one_slug_get_distinct_slugs_that_stay_the_same_whatever_else_is_added()
    {
        _site.Post("a.md", "A", "2025-01-01", "tags: ['C#']");
        _site.Post("b.md", "B", "2025-01-02", "tags: [C]");
        ToolRun run = await BuildAsync(_site.Posts, """{ "taxonomies": { "tags": true } }""");

        run.ExitCode.ShouldBe(0, run.ToString());
        string[] folders = [.. Directory.GetDirectories(Path.Combine(_site.Out, "tags")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        folders.Length.ShouldBe(2);
        folders[0].ShouldBe("c", "the name that is its own slug keeps it");
        folders[1].ShouldMatch("^c-[0-9a-f]{8}$");
        Walk("tags/c/feed.xml", Rss, TestSite.SiteUrl).SelectMany(d => d.Titles).ShouldBe(["B"]);
        Walk($"tags/{folders[1]}/feed.xml", Rss, TestSite.SiteUrl).SelectMany(d => d.Titles).ShouldBe(["A"]);

        // Another name with the same slug, newer than both: neither existing feed moves.
        _site.Post("c.md", "C post", "2025-01-03", "tags: ['c!']");
        (await BuildAsync(_site.Posts, """{ "taxonomies": { "tags": true } }""")).ExitCode.ShouldBe(0);
        Directory.Exists(Path.Combine(_site.Out, "tags", folders[1])).ShouldBeTrue();
        Walk("tags/c/feed.xml", Rss, TestSite.SiteUrl).SelectMany(d => d.Titles).ShouldBe(["B"]);
    }

    [Fact]
    public async Task A_name_too_long_for_a_folder_is_cut_and_given_a_hash_and_builds()
    {
        string name = string.Concat(Enumerable.Repeat("长标签", 100)); // 300 characters, 900 UTF-8 bytes
        _site.Post("a.md", "A", "2025-01-01", $"tags: ['{name}']");
        ToolRun run = await BuildAsync(_site.Posts, """{ "taxonomies": { "tags": true } }""");

        run.ExitCode.ShouldBe(0, run.ToString());
        string folder = Path.GetFileName(Directory.GetDirectories(Path.Combine(_site.Out, "tags")).ShouldHaveSingleItem());
        Encoding.UTF8.GetByteCount(folder).ShouldBeLessThanOrEqualTo(FeedSets.MaxSlugBytes);
        folder.ShouldMatch("^(长标签)+[长标]*-[0-9a-f]{8}$");
        File.ReadAllText(Path.Combine(_site.Out, "tags", folder, "atom.xml")).ShouldContain($"(tag: {name})");
    }

    [Theory]
    [InlineData(new[] { "C#", "C" }, new[] { "c", "c-*" })]
    [InlineData(new[] { "C++", "C#" }, new[] { "c", "c-*" })]
    [InlineData(new[] { "Go", "GO", "go" }, new[] { "go" })]
    [InlineData(new[] { "!!!" }, new[] { "*" })]
    public void Terms_give_every_name_a_folder_of_its_own(string[] names, string[] slugs)
    {
        var terms = FeedSets.Terms(names);
        terms.Select(t => t.Slug).Distinct(StringComparer.Ordinal).Count().ShouldBe(terms.Count);
        terms.Count.ShouldBe(slugs.Length);
        foreach (string pattern in slugs)
        {
            string regex = "^" + pattern.Replace("*", "[0-9a-f]{8}", StringComparison.Ordinal) + "$";
            terms.ShouldContain(t => System.Text.RegularExpressions.Regex.IsMatch(t.Slug, regex), pattern);
        }

        // The same names in any order give the same slugs.
        FeedSets.Terms(names.Reverse()).Select(t => (t.Key, t.Slug)).Order().ShouldBe(terms.Select(t => (t.Key, t.Slug)).Order());
    }

    [Fact]
    public async Task Authors_get_feeds_and_a_post_without_authors_counts_as_the_feeds_author()
    {
        _site.Post("a.md", "A", "2025-01-01", "author: Sam Park");
        _site.Post("b.md", "B", "2025-01-02");
        ToolRun run = await BuildAsync(_site.Posts, """{ "author": "Ada Lin", "taxonomies": { "authors": true, "tags": false } }""");

        run.ExitCode.ShouldBe(0, run.ToString());
        Walk("authors/sam-park/feed.xml", Rss, TestSite.SiteUrl).SelectMany(d => d.Titles).ShouldBe(["A"]);
        Walk("authors/ada-lin/feed.xml", Rss, TestSite.SiteUrl).SelectMany(d => d.Titles).ShouldBe(["B"]);
        Directory.Exists(Path.Combine(_site.Out, "tags")).ShouldBeFalse();
    }

    [Fact]
    public async Task Changed_list_names_exactly_the_documents_that_changed()
    {
        _site.Post("a.md", "A", "2025-01-01", "tags: [x]");
        _site.Post("b.md", "B", "2025-01-02", "tags: [y]");
        string list = Path.Combine(_site.Root, "changed.txt");
        const string Config = """{ "pageSize": 1, "formats": ["atom", "json"], "hub": "https://hub.example.org/", "taxonomies": { "tags": true } }""";

        (await BuildAsync(_site.Posts, Config, "--changed-list", list)).ExitCode.ShouldBe(0);
        File.ReadAllText(list).ShouldBe(string.Join("", new[]
        {
            "atom.xml", "atom/2.xml", "feed.json", "feed/2.json", "tags/x/atom.xml", "tags/x/feed.json", "tags/y/atom.xml", "tags/y/feed.json",
        }.Select(p => TestSite.SiteUrl + p + "\n").Order(StringComparer.Ordinal)));

        (await BuildAsync(_site.Posts, Config, "--changed-list", list)).ExitCode.ShouldBe(0);
        File.ReadAllText(list).ShouldBeEmpty();

        // A new post for tag y: the site's pages shift and y's feed gains a page; x's feed is untouched.
        _site.Post("c.md", "C", "2025-01-03", "tags: [y]");
        ToolRun third = await BuildAsync(_site.Posts, Config, "--changed-list", "-");
        third.ExitCode.ShouldBe(0, third.ToString());
        string[] changed = [.. third.Stdout.Split('\n').Where(l => l.StartsWith("https://", StringComparison.Ordinal))];
        changed.ShouldBe(new[]
        {
            "atom.xml", "atom/2.xml", "atom/3.xml", "feed.json", "feed/2.json", "feed/3.json",
            "tags/y/atom.xml", "tags/y/atom/2.xml", "tags/y/feed.json", "tags/y/feed/2.json",
        }.Select(p => TestSite.SiteUrl + p).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task A_tag_no_post_has_any_more_loses_its_files_and_nothing_else_is_touched()
    {
        string a = _site.Post("a.md", "A", "2025-01-01", "tags: [x]");
        _site.Post("b.md", "B", "2025-01-02", "tags: [y]");
        const string Config = """{ "taxonomies": { "tags": true } }""";
        (await BuildAsync(_site.Posts, Config)).ExitCode.ShouldBe(0);
        File.Exists(Path.Combine(_site.Out, "tags", "x", "feed.xml")).ShouldBeTrue();
        byte[] y = File.ReadAllBytes(Path.Combine(_site.Out, "tags", "y", "atom.xml"));

        File.WriteAllText(a, File.ReadAllText(a).Replace("tags: [x]", "tags: [z]", StringComparison.Ordinal));
        ToolRun run = await BuildAsync(_site.Posts, Config);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stdout.ShouldContain(", 2 removed, ");
        Directory.EnumerateFiles(_site.Out, "*", SearchOption.AllDirectories).Any(f => f.Contains("/tags/x/", StringComparison.Ordinal)).ShouldBeFalse();
        Walk("tags/z/atom.xml", Atom, TestSite.SiteUrl).SelectMany(d => d.Titles).ShouldBe(["A"]);
        File.ReadAllBytes(Path.Combine(_site.Out, "tags", "y", "atom.xml")).ShouldBe(y);
    }

    [Fact]
    public void Slugs_keep_unicode_and_fold_case_spaces_and_punctuation()
    {
        FeedSets.Slug("静态网站").ShouldBe("静态网站");
        FeedSets.Slug("Dot NET").ShouldBe("dot-net");
        FeedSets.Slug("  C# / .NET!  ").ShouldBe("c-net");
        FeedSets.Slug("Café").ShouldBe("café");
        FeedSets.Slug("🎉 party").ShouldBe("🎉-party");
        FeedSets.Slug("../..").ShouldBe("");
    }

    private Task<ToolRun> BuildSamplesAsync(int pageSize)
    {
        // The sample config, with every format, a hub, and feeds per tag and category.
        string config = File.ReadAllText(Path.Combine(Samples, "feed.json"))
            .Replace("\"pageSize\": 4", $"\"pageSize\": {pageSize}", StringComparison.Ordinal)
            .Replace("\"formats\": [\"rss\", \"atom\", \"html\"]", "\"formats\": [\"rss\", \"atom\", \"json\", \"html\"], \"hub\": \"https://hub.example.org/\", \"taxonomies\": { \"tags\": true, \"categories\": true }", StringComparison.Ordinal);
        config.ShouldContain("taxonomies");
        string path = Path.Combine(_site.Root, "feed.json");
        File.WriteAllText(path, config, new UTF8Encoding(false));
        return ToolRun.RunAsync("build", Path.Combine(Samples, "blog"), "--out", _site.Out, "--config", path, "--now", "2025-01-01T00:00:00Z");
    }

    private Task<ToolRun> BuildAsync(string posts, string config, params string[] extra)
    {
        string path = Path.Combine(_site.Root, "config.json");
        File.WriteAllText(path, config, new UTF8Encoding(false));
        return ToolRun.RunAsync([
            "build", posts, "--out", _site.Out, "--config", path, "--site-url", TestSite.SiteUrl, "--title", "T", "--now", "2025-06-01T00:00:00Z", .. extra]);
    }

    /// <summary>Follows <c>next</c> (or <c>next_url</c>) from a feed's first document; each document's self link must be its own file.</summary>
    private List<(string[] Titles, string? Next, string Self)> Walk(string first, Func<string, (string[] Titles, string? Next, string Self)> read, string site = SampleSite)
    {
        var documents = new List<(string[], string?, string)>();
        string? url = new Uri(new Uri(site), string.Join('/', first.Split('/').Select(Uri.EscapeDataString))).AbsoluteUri;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (url is not null)
        {
            seen.Add(url).ShouldBeTrue($"{url} is reached twice");
            url.ShouldStartWith(site);
            var document = read(Path.Combine(_site.Out, Uri.UnescapeDataString(url[site.Length..])));
            document.Self.ShouldBe(url);
            documents.Add(document);
            url = document.Next;
        }

        return documents;
    }

    private static (string[] Titles, string? Next, string Self) Rss(string path) => Xml(path);

    private static (string[] Titles, string? Next, string Self) Atom(string path) => Xml(path);

    private static (string[] Titles, string? Next, string Self) Xml(string path)
    {
        FeedXml feed = FeedXml.Load(path);
        return ([.. feed.Entries.Select(e => e.Title)], feed.Link("next"), feed.Link("self")!);
    }

    private static (string[] Titles, string? Next, string Self) Json(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        JsonFeedRules.Check(bytes).ShouldBeEmpty(path);
        using JsonDocument json = JsonDocument.Parse(bytes);
        JsonElement root = json.RootElement;
        return (
            [.. root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)],
            root.TryGetProperty("next_url", out JsonElement next) ? next.GetString() : null,
            root.GetProperty("feed_url").GetString()!);
    }

    /// <summary>Title → the values of one front-matter list (<c>tags</c>, <c>categories</c>) of every sample post, read with YamlDotNet.</summary>
    private static Dictionary<string, string[]> SampleFrontMatter(string key)
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(Path.Combine(Samples, "blog"), "*.md", SearchOption.AllDirectories))
        {
            string[] parts = File.ReadAllText(file).Split("---\n", 3);
            var yaml = new YamlStream();
            yaml.Load(new StringReader(parts[1]));
            var map = (YamlMappingNode)yaml.Documents[0].RootNode;
            string title = ((YamlScalarNode)map.Children[new YamlScalarNode("title")]).Value!;
            result[title] = map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node)
                ? node is YamlSequenceNode list ? [.. list.Children.Select(c => ((YamlScalarNode)c).Value!)] : [((YamlScalarNode)node).Value!]
                : [];
        }

        return result;
    }
}
