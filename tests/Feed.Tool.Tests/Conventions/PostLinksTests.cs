using Feed.Tool.Conventions;
using Feed.Tool.Posts;
using Feed.Tool.Templates;
using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests.Conventions;

/// <summary>How reference tags find posts: the targets each generator's documentation names (see <see cref="TemplateReferenceKind"/>).</summary>
public sealed class PostLinksTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private PostLinks Load(string folder, Convention convention, string permalink)
    {
        var rules = new PostRules(new Uri("https://example.org/blog/"), permalink, TimeZoneInfo.Utc) { Convention = convention };
        PostCatalog catalog = PostCatalog.Load(Path.Combine(_site.Posts, folder), rules, false, false, DateTimeOffset.MaxValue, null, default);
        catalog.Diagnostics.ShouldBeEmpty();
        return catalog.Links.ShouldNotBeNull();
    }

    private static string? Resolve(PostLinks links, TemplateReferenceKind kind, string target) =>
        links.TryResolve(kind, target, out Uri url) ? url.AbsoluteUri : null;

    [Fact]
    public void Jekyll_link_and_post_url()
    {
        _site.Write("_posts/2016-07-26-name.md", "---\ntitle: A\n---\nA\n");
        _site.Write("_posts/sub/2010-07-21-other.markdown", "---\ntitle: B\n---\nB\n");
        PostLinks links = Load("_posts", Convention.Jekyll, "/:year/:title/");

        Resolve(links, TemplateReferenceKind.SourcePath, "_posts/2016-07-26-name.md").ShouldBe("https://example.org/blog/2016/name/");
        Resolve(links, TemplateReferenceKind.SourcePath, "_posts/sub/2010-07-21-other.markdown").ShouldBe("https://example.org/blog/2010/other/");
        Resolve(links, TemplateReferenceKind.SourcePath, "_docs/history.md").ShouldBeNull();
        Resolve(links, TemplateReferenceKind.JekyllPostName, "2016-07-26-name").ShouldBe("https://example.org/blog/2016/name/");
        Resolve(links, TemplateReferenceKind.JekyllPostName, "sub/2010-07-21-other").ShouldBe("https://example.org/blog/2010/other/");
        Resolve(links, TemplateReferenceKind.JekyllPostName, "2099-01-01-missing").ShouldBeNull();
        links.SiteUrl.AbsoluteUri.ShouldBe("https://example.org/blog/");
        links.BaseUrl.ShouldBe("/blog");
    }

    [Fact]
    public void Hugo_ref_by_content_path_bundle_folder_or_bare_name()
    {
        _site.Write("news/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\n");
        _site.Write("news/2021/bundle/index.md", "---\ntitle: B\ndate: 2021-01-01\n---\n");
        PostLinks links = Load("news", Convention.Hugo, Convention.Hugo.DefaultPermalink);

        Resolve(links, TemplateReferenceKind.HugoRef, "/a.md").ShouldBe("https://example.org/blog/a/");
        Resolve(links, TemplateReferenceKind.HugoRef, "/news/a.md").ShouldBe("https://example.org/blog/a/", "a path from the content root, through the posts folder");
        Resolve(links, TemplateReferenceKind.HugoRef, "/2021/bundle/index.md").ShouldBe("https://example.org/blog/2021/bundle/");
        Resolve(links, TemplateReferenceKind.HugoRef, "/2021/bundle").ShouldBe("https://example.org/blog/2021/bundle/");
        Resolve(links, TemplateReferenceKind.HugoRef, "bundle").ShouldBe("https://example.org/blog/2021/bundle/");
        Resolve(links, TemplateReferenceKind.HugoRef, "a").ShouldBe("https://example.org/blog/a/");
        Resolve(links, TemplateReferenceKind.HugoRef, "/nope.md").ShouldBeNull();
    }

    [Fact]
    public void Hexo_post_link_by_slug_or_path_and_a_shared_name_resolves_to_neither()
    {
        _site.Write("_posts/hello.md", "---\ntitle: Hello\ndate: 2021-01-01\n---\n");
        _site.Write("_posts/2013/nested.md", "---\ntitle: Nested\ndate: 2013-01-01\n---\n");
        _site.Write("_posts/x/same.md", "---\ntitle: S1\ndate: 2013-01-01\n---\n");
        _site.Write("_posts/y/same.md", "---\ntitle: S2\ndate: 2013-01-01\n---\n");
        PostLinks links = Load("_posts", Convention.Hexo, ":year/:title/");

        Resolve(links, TemplateReferenceKind.HexoPostSlug, "hello").ShouldBe("https://example.org/blog/2021/hello/");
        Resolve(links, TemplateReferenceKind.HexoPostSlug, "2013/nested").ShouldBe("https://example.org/blog/2013/2013/nested/");
        Resolve(links, TemplateReferenceKind.HexoPostSlug, "nested").ShouldBe("https://example.org/blog/2013/2013/nested/");
        Resolve(links, TemplateReferenceKind.HexoPostSlug, "x/same").ShouldBe("https://example.org/blog/2013/x/same/");
        Resolve(links, TemplateReferenceKind.HexoPostSlug, "same").ShouldBeNull();
    }
}
