using System.ServiceModel.Syndication;
using System.Xml;
using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests;

/// <summary>The sample blog shipped in the repo (tests/Samples), built exactly as the README's command does.</summary>
public sealed class SampleBlogTests : IDisposable
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "Samples");
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private Task<ToolRun> BuildSamplesAsync(string outDir) => ToolRun.RunAsync(
        "build", Path.Combine(Samples, "blog"), "--out", outDir, "--config", Path.Combine(Samples, "feed.json"), "--now", "2025-01-01T00:00:00Z");

    [Fact]
    public async Task Sample_blog_builds_every_page_and_every_document_reads_back()
    {
        ToolRun run = await BuildSamplesAsync(_site.Out);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stdout.ShouldStartWith("feed: 12 posts read, 2 skipped (1 draft, 1 future), 9 files written, 0 unchanged, 0 removed, ");
        _site.Snapshot().Keys.ShouldBe([
            ".feed-manifest", "atom.xml", "atom/2.xml", "atom/3.xml", "feed.xml", "feed/2.xml", "feed/3.xml",
            "index.html", "page/2/index.html", "page/3/index.html",
        ]);
        LinkAssertions.EveryLinkPointsAtAWrittenFile(_site.Out, "https://blog.example.org/");

        // An independent reader (System.ServiceModel.Syndication) loads every document.
        var titles = new List<string>();
        foreach (string file in (string[])["feed.xml", "feed/2.xml", "feed/3.xml"])
        {
            using XmlReader reader = XmlReader.Create(Path.Combine(_site.Out, file));
            titles.AddRange(SyndicationFeed.Load(reader).Items.Select(i => i.Title.Text));
        }

        titles.Count.ShouldBe(10);
        titles.ShouldContain("中文排版的几个小细节");
        titles.ShouldContain("给静态网站生成订阅源");
        titles.ShouldContain("Three days in Kyoto");
        titles.ShouldNotContain("Ideas for later (draft)");
        titles.ShouldNotContain("A letter to the future");
        foreach (string file in (string[])["atom.xml", "atom/2.xml", "atom/3.xml"])
        {
            using XmlReader reader = XmlReader.Create(Path.Combine(_site.Out, file));
            SyndicationFeed.Load(reader).Items.ShouldNotBeEmpty();
        }
    }

    [Fact]
    public async Task Sample_posts_show_the_excerpt_rules()
    {
        (await BuildSamplesAsync(_site.Out)).ExitCode.ShouldBe(0);
        var entries = new[] { "atom.xml", "atom/2.xml", "atom/3.xml" }
            .SelectMany(f => FeedXml.Load(Path.Combine(_site.Out, f)).Entries).ToDictionary(e => e.Title);

        // <!--more--> ends the excerpt where the author put it.
        entries["Writing excerpts that don't cut words in half"].Excerpt.ShouldNotContain("The simplest control");
        entries["给静态网站生成订阅源"].Excerpt.ShouldNotContain("一个好的构建步骤");
        // A front-matter summary replaces the excerpt.
        entries["Async streams in C# without the footguns"].Excerpt.ShouldStartWith("IAsyncEnumerable is the right shape");
    }

    [Fact]
    public async Task Sample_posts_relative_image_urls_become_absolute()
    {
        (await BuildSamplesAsync(_site.Out)).ExitCode.ShouldBe(0);
        var entries = new[] { "atom.xml", "atom/2.xml", "atom/3.xml" }
            .SelectMany(f => FeedXml.Load(Path.Combine(_site.Out, f)).Entries).ToDictionary(e => e.Title);

        entries["Three days in Kyoto"].Content.ShouldNotBeNull().ShouldContain("https://blog.example.org/posts/2024/kyoto-notes/path.jpg");
        entries["Paging feeds with RFC 5005"].Content.ShouldNotBeNull().ShouldContain("https://blog.example.org/posts/2024/paging-feeds-with-rfc5005/images/paging.png");
    }

    [Fact]
    public async Task Sample_blog_builds_byte_identically_twice()
    {
        string other = Path.Combine(_site.Root, "again");
        (await BuildSamplesAsync(_site.Out)).ExitCode.ShouldBe(0);
        (await BuildSamplesAsync(other)).ExitCode.ShouldBe(0);

        var first = _site.Snapshot();
        var second = TestSite.SnapshotOf(other);
        second.Keys.ShouldBe(first.Keys);
        foreach (string key in first.Keys)
        {
            second[key].ShouldBe(first[key], key);
        }
    }
}
