using Feed.Hosting.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.Hosting.Tests.Snippets;

/// <summary>
/// The README's "The renderer in any host" sample, compiled here and served by <see cref="AspNetCore.FeedEndpointTests"/>.
/// The text between the markers is the README's ```csharp block under <c>&lt;!-- snippet: di --&gt;</c>, checked by
/// <see cref="ReadmeSnippetTests"/>. <c>Article</c> and <c>ArticleStore</c> stand for the host's own post type and storage.
/// </summary>
public static class QuickStartSnippet
{
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        // begin-snippet: di
        builder.Services
            .AddFeed<Article>(article => new FeedPost
            {
                Title = article.Title,
                Url = new Uri($"https://blog.example.org/posts/{article.Slug}/"),
                Published = article.PublishedAt,
                Updated = article.EditedAt,
                Body = article.Markdown, // or HTML, with BodyFormat = PostBodyFormat.Html
            })
            .Configure(options =>
            {
                options.Title = "Example blog";
                options.SiteUrl = new Uri("https://blog.example.org/");
            });

        WebApplication app = builder.Build();
        app.MapGet("/feed.xml", (int? page, FeedRenderer<Article> feed, ArticleStore db, CancellationToken ct) =>
            ServeAsync(FeedFormat.Rss, page ?? 1, feed, db, ct));
        app.MapGet("/atom.xml", (int? page, FeedRenderer<Article> feed, ArticleStore db, CancellationToken ct) =>
            ServeAsync(FeedFormat.Atom, page ?? 1, feed, db, ct));

        static async Task<IResult> ServeAsync(FeedFormat format, int number, FeedRenderer<Article> feed, ArticleStore db, CancellationToken ct)
        {
            int total = await db.CountAsync(ct);
            if (!feed.Generator.Paging.TryGetPage(number, total, out FeedPage? page))
            {
                return Results.NotFound();
            }

            // Only this page's rows: ORDER BY published DESC, id; skip page.Offset, take page.Count.
            IAsyncEnumerable<Article> rows = db.ListNewestFirstAsync(page.Offset, page.Count, ct);
            return Results.Stream(body => feed.WritePageAsync(format, page, rows, body, ct), FeedMediaTypes.GetContentType(format));
        }
        // end-snippet

        return app;
    }
}
