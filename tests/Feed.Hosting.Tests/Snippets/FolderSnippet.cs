using Feed.Hosting.Tests.Support;

namespace Feed.Hosting.Tests.Snippets;

/// <summary>
/// The README's "every document to a folder" example, compiled and run here: the text between the markers is the
/// README's ```csharp block under <c>&lt;!-- snippet: folder --&gt;</c>, and what it prints is the block under
/// <c>&lt;!-- output: folder --&gt;</c> (<see cref="ReadmeSnippetTests"/>).
/// </summary>
public static class FolderSnippet
{
    public static async Task RunAsync(string wwwroot, IEnumerable<Article> articles, CancellationToken ct)
    {
        // begin-snippet: folder
        var options = new FeedOptions { Title = "Example blog", SiteUrl = new Uri("https://blog.example.org/"), PageSize = 2 };
        var feedsUrl = new Uri("https://blog.example.org/feeds/");
        FeedLayout.Apply(options, feedsUrl); // feed.xml, feed/2.xml, atom.xml, …, feed.json under feeds/

        var feed = new FeedRenderer<Article>(new FeedGenerator(options), article => new FeedPost
        {
            Title = article.Title,
            Url = new Uri($"https://blog.example.org/posts/{article.Slug}/"),
            Published = article.PublishedAt,
            Body = article.Markdown,
        });

        IReadOnlyList<string> files = await feed.WriteFolderAsync(articles, Path.Combine(wwwroot, "feeds"), feedsUrl, cancellationToken: ct);
        Console.WriteLine(string.Join(' ', files));
        // end-snippet
    }
}
