using Feed.Tool.Templates;

namespace Feed.Tool.Tests.Templates.Specs;

/// <summary>The site every example of <c>TemplateSpecs.md</c> expands against; the spec file's introduction lists it.</summary>
internal sealed class SpecSite : ITemplateSite
{
    public static readonly SpecSite Instance = new();

    public static readonly string PostSourcePath = "posts/this-post.md";

    public static readonly Uri PostUrl = new("https://example.com/blog/2024/05/06/this-post/");

    private static readonly Dictionary<(TemplateReferenceKind, string), Uri> Posts = new()
    {
        [(TemplateReferenceKind.SourcePath, "_posts/2024-01-02-hello.md")] = new("https://example.com/blog/2024/01/02/hello/"),
        [(TemplateReferenceKind.JekyllPostName, "2024-01-02-hello")] = new("https://example.com/blog/2024/01/02/hello/"),
        [(TemplateReferenceKind.JekyllPostName, "news/2023-12-31-bye")] = new("https://example.com/blog/2023/12/31/bye/"),
        [(TemplateReferenceKind.HugoRef, "/posts/hello.md")] = new("https://example.com/blog/posts/hello/"),
        [(TemplateReferenceKind.HugoRef, "/posts/bundle")] = new("https://example.com/blog/posts/bundle/"),
        [(TemplateReferenceKind.HugoRef, "/notes/2025/08/x.md")] = new("https://example.com/blog/notes/2025/08/x/"),
        [(TemplateReferenceKind.HexoPostSlug, "hello-world")] = new("https://example.com/blog/2024/01/02/hello-world/"),
    };

    public Uri SiteUrl { get; } = new("https://example.com/blog/");

    public string BaseUrl => "/blog";

    public bool TryResolve(TemplateReferenceKind kind, string target, out Uri url)
    {
        if (Posts.TryGetValue((kind, target), out Uri? found))
        {
            url = found;
            return true;
        }

        url = null!;
        return false;
    }
}
