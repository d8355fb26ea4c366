using Feed.Excerpts;

namespace Feed.Hosting.Tests.Snippets;

/// <summary>
/// The README's quick start, compiled here. The text between the markers is the README's ```csharp block under
/// <c>&lt;!-- snippet: quick-start --&gt;</c>, and what it prints is the README's block under
/// <c>&lt;!-- output: quick-start --&gt;</c>; both are checked by <see cref="ReadmeSnippetTests"/>.
/// </summary>
public static class LibrarySnippet
{
    public static void Run()
    {
        // begin-snippet: quick-start
        var generator = new FeedGenerator(new FeedOptions
        {
            Title = "Notes",
            SiteUrl = new Uri("https://blog.example.org/"),
            Authors = { new FeedAuthor("Ada Lin") },
        });

        var post = new FeedPost
        {
            Title = "Flow 模型",
            Url = new Uri("https://blog.example.org/posts/flow/"),
            Published = new DateTimeOffset(2025, 3, 2, 13, 15, 0, TimeSpan.Zero),
            Body = "# Flow\n\n不得不说，flow模型是一个在设计上*非常精巧*的模型。![diagram](flow.png)",
        };

        FeedEntry entry = generator.CreateEntry(post);
        Console.WriteLine(entry.Excerpt.Text);
        Console.WriteLine(new ExcerptGenerator(new ExcerptOptions { Length = 10 }).FromMarkdown(post.Body).Text);

        if (generator.Paging.TryGetPage(1, totalCount: 1, out FeedPage? page))
        {
            Console.WriteLine(generator.WriteToString(generator.CreateDocument(FeedFormat.Atom, page, [entry])));
        }
        // end-snippet
    }
}
