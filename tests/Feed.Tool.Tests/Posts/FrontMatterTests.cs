using System.Text;
using CsCheck;
using Feed.Tool.Posts;

namespace Feed.Tool.Tests.Posts;

public sealed class FrontMatterTests
{
    private static readonly Uri Site = new("https://example.org/blog/");

    [Theory]
    [InlineData("---\ntitle: A\n---\nBody\n", "title: A\n", "Body\n")]
    [InlineData("---\r\ntitle: A\r\n---\r\nBody\r\n", "title: A\r\n", "Body\r\n")]
    [InlineData("\uFEFF---\ntitle: A\n...\nBody", "title: A\n", "Body")]
    [InlineData("---  \ntitle: A\n---\t\n", "title: A\n", "")]
    [InlineData("---\n---\nBody", "", "Body")]
    [InlineData("---\ntitle: A\n---", "title: A\n", "")]
    [InlineData("---\nline: ----\n---\n---\n", "line: ----\n", "---\n")]
    public void Finds_the_yaml_and_the_body(string file, string yaml, string body)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(file);
        FrontMatter.TryFind(bytes, out FrontMatter found, out string? error).ShouldBeTrue(error);
        Encoding.UTF8.GetString(bytes, found.TextStart, found.TextLength).ShouldBe(yaml);
        Encoding.UTF8.GetString(bytes[found.BodyStart..]).ShouldBe(body);
    }

    [Theory]
    [InlineData("")]
    [InlineData("title: A\n")]
    [InlineData("--- \ntitle: A\n")]
    [InlineData("----\ntitle: A\n----\n")]
    [InlineData(" ---\ntitle: A\n---\n")]
    public void Refuses_files_without_closed_front_matter(string file) =>
        FrontMatter.TryFind(Encoding.UTF8.GetBytes(file), out _, out _).ShouldBeFalse();

    [Theory]
    [InlineData("2024-03-01-hello-world.md", "hello-world")]
    [InlineData("hello-world.md", "hello-world")]
    [InlineData("2024-03-01-你好世界.md", "你好世界")]
    [InlineData("2024/2024-03-01-nested.md", "nested")]
    [InlineData("trips/2024-05-06-lisbon/index.md", "lisbon")]
    [InlineData("index.md", "index")]
    [InlineData("2024-3-1-short-date.md", "2024-3-1-short-date")]
    public void Slug_comes_from_the_file_name(string path, string slug) =>
        FrontMatterReader.SlugFromFileName(path).ShouldBe(slug);

    [Theory]
    [InlineData("/posts/{slug}/", "a b", "https://example.org/blog/posts/a%20b/")]
    [InlineData("/{year}/{month}/{day}/{slug}.html", "x", "https://example.org/blog/2024/03/09/x.html")]
    [InlineData("{slug}/", "x", "https://example.org/blog/x/")]
    [InlineData("/posts/{slug}/", "..", null)]
    [InlineData("/../{slug}/", "x", null)]
    [InlineData("/a/./{slug}/", "x", null)]
    [InlineData("//evil.example/{slug}/", "x", null)]
    [InlineData("https://evil.example/{slug}/", "x", null)]
    [InlineData("/", "x", null)]
    public void Permalinks_resolve_under_the_site_url_or_are_refused(string template, string slug, string? expected)
    {
        var date = new DateTimeOffset(2024, 3, 9, 23, 0, 0, TimeSpan.FromHours(-5));
        Uri? url = FrontMatterReader.ResolveUrl(template, slug, date, Site, out string? error);
        if (expected is null)
        {
            url.ShouldBeNull();
            error.ShouldNotBeNull();
        }
        else
        {
            url.ShouldNotBeNull(error).AbsoluteUri.ShouldBe(expected);
        }
    }

    [Fact]
    public void No_slug_escapes_the_site_whatever_its_characters()
    {
        // Any slug the reader lets through ('/', '\\', '.', '..' and control characters are refused earlier) gives a
        // URL strictly under the site URL.
        Gen.String.Where(s => s.Length > 0 && s is not "." and not ".." && s.IndexOfAny(['/', '\\']) < 0 && !s.Any(char.IsControl))
            .Sample(slug =>
            {
                Uri? url = FrontMatterReader.ResolveUrl("/posts/{slug}/", slug, DateTimeOffset.UnixEpoch, Site, out _);
                return url is not null && url.AbsoluteUri.StartsWith("https://example.org/blog/posts/", StringComparison.Ordinal)
                    && url.AbsoluteUri.Length > "https://example.org/blog/posts/".Length + 1;
            });
    }
}
