using System.Text;
using Feed.Tests.Support;

namespace Feed.Tests.Layout;

/// <summary>
/// <see cref="FeedLayout"/> (URL templates ↔ files) and <see cref="FeedGenerator.WriteFolderAsync"/> (every document of
/// a feed in memory, written in that layout): every link names the file written for its document.
/// </summary>
public sealed class FeedLayoutTests : IDisposable
{
    private static readonly Uri Folder = new("https://example.com/blog/feeds/");

    private readonly string _dir = Directory.CreateTempSubdirectory("feed-layout-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static FeedGenerator LaidOut(int pageSize, bool archive)
    {
        FeedOptions options = TestData.Options(pageSize, archive);
        FeedLayout.Apply(options, Folder);
        return new FeedGenerator(options);
    }

    [Fact]
    public void The_layout_is_the_documented_files()
    {
        FeedLayout.Formats.Select(f => f.Format).ShouldBe(Enum.GetValues<FeedFormat>());
        FeedLayout.Get(FeedFormat.Rss).ShouldBe(FeedLayout.Formats[0]);
        FeedLayout.Formats.Select(f => $"{f.FeedFile} {f.PageUrlTemplate} {f.ArchiveUrlTemplate}").ShouldBe([
            "feed.xml feed/{page}.xml feed/archive/{archive}.xml",
            "atom.xml atom/{page}.xml atom/archive/{archive}.xml",
            "feed.json feed/{page}.json feed/archive/{archive}.json",
            " page/{page}/ archive/{archive}/", // HTML: the folder itself (index.html), then page/2/index.html …
        ]);
        Should.Throw<ArgumentOutOfRangeException>(() => FeedLayout.Get((FeedFormat)99));
    }

    [Theory]
    [InlineData(false, "feed.xml feed/2.xml feed/3.xml", "atom.xml atom/2.xml atom/3.xml", "feed.json feed/2.json feed/3.json")]
    [InlineData(true, "feed.xml feed/archive/1.xml feed/archive/2.xml", "atom.xml atom/archive/1.xml atom/archive/2.xml", "feed.json feed/archive/1.json feed/archive/2.json")]
    public void Every_document_url_maps_to_its_file_under_the_folder(bool archive, string rss, string atom, string json)
    {
        FeedPaging paging = LaidOut(pageSize: 2, archive).Paging;
        IReadOnlyList<FeedPage> pages = paging.GetPages(5);

        string Files(FeedFormat format) => string.Join(' ', pages.Select(page => FeedLayout.GetRelativePath(paging.GetUrl(format, page), Folder)));
        Files(FeedFormat.Rss).ShouldBe(rss);
        Files(FeedFormat.Atom).ShouldBe(atom);
        Files(FeedFormat.Json).ShouldBe(json);
    }

    [Theory]
    [InlineData(false, "index.html page/2/index.html page/3/index.html")]
    [InlineData(true, "index.html archive/1/index.html archive/2/index.html")]
    public void Every_HTML_page_maps_to_an_index_html_under_the_folder(bool archive, string html)
    {
        FeedPaging paging = LaidOut(pageSize: 2, archive).Paging;
        string.Join(' ', paging.GetPages(5).Select(page => FeedLayout.GetRelativePath(paging.GetUrl(FeedFormat.Html, page), Folder))).ShouldBe(html);
    }

    [Fact]
    public void Apply_leaves_the_site_url_alone_and_takes_a_folder_without_its_slash()
    {
        FeedOptions options = TestData.Options();
        FeedLayout.Apply(options, new Uri("https://example.com/blog/tags/news"));

        options.SiteUrl.ShouldBe(TestData.Site);
        options.RssUrl.ShouldBe(new Uri("https://example.com/blog/tags/news/feed.xml"));
        options.JsonArchiveUrlTemplate.ShouldBe("feed/archive/{archive}.json");
        Should.Throw<ArgumentException>(() => FeedLayout.Apply(options, new Uri("ftp://example.com/")));
        Should.Throw<ArgumentException>(() => FeedLayout.Apply(options, new Uri("https://example.com/?x=1")));
    }

    [Theory]
    [InlineData("https://example.com/blog/feeds/tags/%E9%9D%99%E6%80%81/feed.xml", "tags/静态/feed.xml")]
    [InlineData("https://example.com/blog/feeds/page/2/", "page/2/index.html")]
    [InlineData("https://example.com/blog/feeds/", "index.html")]
    public void A_url_in_the_folder_is_its_unescaped_path(string url, string path) =>
        FeedLayout.GetRelativePath(new Uri(url), Folder).ShouldBe(path);

    [Theory]
    [InlineData("https://example.com/blog/feed.xml")] // above the folder
    [InlineData("https://example.org/blog/feeds/feed.xml")] // another site
    [InlineData("https://example.com/blog/feeds/feed.xml?page=2")] // a query names no file
    [InlineData("https://example.com/blog/feeds/feed.xml#top")]
    [InlineData("https://example.com/blog/feeds/a%2Fb.xml")] // an escaped slash
    [InlineData("https://example.com/blog/feeds/a%5Cb.xml")] // a backslash
    [InlineData("https://example.com/blog/feeds/%2E%2E/x.xml")]
    [InlineData("https://example.com/blog/feeds/c%3A.xml")]
    [InlineData("https://example.com/blog/feeds/a%0Ab.xml")]
    public void A_url_that_is_no_plain_file_in_the_folder_is_refused(string url) =>
        Should.Throw<ArgumentException>(() => FeedLayout.GetRelativePath(new Uri(url), Folder)).Message.ShouldContain("feeds/");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WriteFolderAsync_writes_every_document_of_every_format_as_the_generator_writes_it(bool archive)
    {
        FeedGenerator generator = LaidOut(pageSize: 2, archive);
        FeedPost[] posts = [.. TestData.Posts(5).Reverse()]; // any order in

        IReadOnlyList<string> written = await generator.WriteFolderAsync(posts, _dir, Folder);

        FeedPost[] sorted = [.. posts.Order(FeedGenerator.NewestFirst)];
        IReadOnlyList<FeedPage> pages = generator.Paging.GetPages(posts.Length);
        var expected = new List<string>();
        foreach (FeedPage page in pages)
        {
            foreach (FeedFormat format in Enum.GetValues<FeedFormat>())
            {
                string path = FeedLayout.GetRelativePath(generator.Paging.GetUrl(format, page), Folder);
                expected.Add(path);
                FeedEntry[] entries = [.. sorted.Skip(page.Offset).Take(page.Count).Select(generator.CreateEntry)];
                string text = generator.WriteToString(generator.CreateDocument(format, page, entries));
                File.ReadAllText(Path.Combine(_dir, path), Encoding.UTF8).ShouldBe(text, path);
            }
        }

        written.ShouldBe(expected);
        Directory.EnumerateFiles(_dir, "*", SearchOption.AllDirectories).Count().ShouldBe(expected.Count); // no temporary file left
    }

    [Fact]
    public async Task WriteFolderAsync_writes_the_formats_asked_for_and_replaces_older_files()
    {
        FeedGenerator generator = LaidOut(pageSize: 10, archive: false);
        Directory.CreateDirectory(Path.Combine(_dir, "atom"));
        await File.WriteAllTextAsync(Path.Combine(_dir, "atom.xml"), "old");

        IReadOnlyList<string> written = await generator.WriteFolderAsync(TestData.Posts(3), _dir, Folder, [FeedFormat.Atom, FeedFormat.Atom]);

        written.ShouldBe(["atom.xml"]);
        (await File.ReadAllTextAsync(Path.Combine(_dir, "atom.xml"))).ShouldStartWith("<?xml");
        File.Exists(Path.Combine(_dir, "feed.xml")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_repeated_post_id_is_an_error_naming_both_posts_and_nothing_is_written()
    {
        FeedGenerator generator = LaidOut(pageSize: 2, archive: false);
        FeedPost[] posts = [.. TestData.Posts(4)];
        posts[3] = posts[3] with { Id = "urn:one", Title = "First of two" };
        posts[0] = posts[0] with { Id = "urn:one", Title = "Second of two" }; // pages apart: 1 and 2

        ArgumentException error = await Should.ThrowAsync<ArgumentException>(() => generator.WriteFolderAsync(posts, _dir, Folder));

        error.Message.ShouldContain("urn:one");
        error.Message.ShouldContain("\"First of two\" (https://example.com/blog/posts/4/)");
        error.Message.ShouldContain("\"Second of two\" (https://example.com/blog/posts/1/)");
        Directory.EnumerateFileSystemEntries(_dir).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_feed_whose_urls_are_not_files_of_the_folder_is_refused_before_anything_is_written()
    {
        var generator = new FeedGenerator(TestData.Options(pageSize: 2)); // ?page={page}: no file names

        ArgumentException error = await Should.ThrowAsync<ArgumentException>(() => generator.WriteFolderAsync(TestData.Posts(3), _dir, TestData.Site));

        error.Message.ShouldContain("?page=2");
        error.Message.ShouldContain("FeedLayout.Apply");
        Directory.EnumerateFileSystemEntries(_dir).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_invalid_post_is_refused_before_anything_is_written()
    {
        FeedGenerator generator = LaidOut(pageSize: 2, archive: false);
        FeedPost[] posts = [.. TestData.Posts(3)];
        posts[0] = posts[0] with { Url = new Uri("relative/", UriKind.Relative) };

        await Should.ThrowAsync<ArgumentException>(() => generator.WriteFolderAsync(posts, _dir, Folder));

        Directory.EnumerateFileSystemEntries(_dir).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_renderer_writes_the_same_files_from_its_own_post_type()
    {
        FeedGenerator generator = LaidOut(pageSize: 2, archive: true);
        var renderer = new FeedRenderer<int>(generator, TestData.Post);
        string other = Directory.CreateTempSubdirectory("feed-layout-").FullName;
        try
        {
            IReadOnlyList<string> fromPosts = await generator.WriteFolderAsync(TestData.Posts(5), _dir, Folder);
            IReadOnlyList<string> fromRenderer = await renderer.WriteFolderAsync([5, 3, 1, 2, 4], other, Folder);

            fromRenderer.ShouldBe(fromPosts);
            foreach (string path in fromPosts)
            {
                File.ReadAllBytes(Path.Combine(other, path)).ShouldBe(File.ReadAllBytes(Path.Combine(_dir, path)), path);
            }
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public async Task Arguments_are_checked()
    {
        FeedGenerator generator = LaidOut(pageSize: 2, archive: false);
        await Should.ThrowAsync<ArgumentNullException>(() => generator.WriteFolderAsync(null!, _dir, Folder));
        await Should.ThrowAsync<ArgumentNullException>(() => generator.WriteFolderAsync([null!], _dir, Folder));
        await Should.ThrowAsync<ArgumentException>(() => generator.WriteFolderAsync([], " ", Folder));
        await Should.ThrowAsync<ArgumentNullException>(() => generator.WriteFolderAsync([], _dir, null!));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => generator.WriteFolderAsync([], _dir, Folder, [(FeedFormat)9]));
        await Should.ThrowAsync<OperationCanceledException>(() => generator.WriteFolderAsync([], _dir, Folder, cancellationToken: new CancellationToken(true)));
    }
}
