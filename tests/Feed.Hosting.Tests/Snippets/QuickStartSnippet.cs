using Feed.Hosting.Tests.Support;
using Feed.Paging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.Hosting.Tests.Snippets;

/// <summary>
/// The README's "Use it from ASP.NET Core" sample, compiled here and served by <see cref="AspNetCore.FeedEndpointTests"/>.
/// The text between the markers is the README's ```csharp block under <c>&lt;!-- snippet: di --&gt;</c>, checked by
/// <see cref="ReadmeSnippetTests"/>. <c>Article</c> and <c>ArticleStore</c> stand for the host's own post type and storage.
/// </summary>
public static class QuickStartSnippet
{
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        // begin-snippet: di
        builder.Services.AddFeed<Article>(
            options =>
            {
                options.Title = "Example blog";
                options.SiteUrl = new Uri("https://blog.example.org/");
            },
            article => new FeedPost
            {
                Title = article.Title,
                Url = new Uri($"https://blog.example.org/posts/{article.Slug}/"),
                Published = article.PublishedAt,
                Updated = article.EditedAt,
                Body = article.Markdown, // or HTML, with BodyFormat = PostBodyFormat.Html
            });

        WebApplication app = builder.Build();
        app.MapGet("/feed.xml", (int? page, FeedRenderer<Article> feed, ArticleStore db, CancellationToken ct) =>
            ServeAsync(FeedFormat.Rss20, page ?? 1, feed, db, ct));
        app.MapGet("/atom.xml", (int? page, FeedRenderer<Article> feed, ArticleStore db, CancellationToken ct) =>
            ServeAsync(FeedFormat.Atom10, page ?? 1, feed, db, ct));

        static async Task<IResult> ServeAsync(FeedFormat format, int number, FeedRenderer<Article> feed, ArticleStore db, CancellationToken ct)
        {
            int total = await db.CountAsync(ct);
            if (!feed.TryGetPage(number, total, out FeedPageRef? page))
            {
                return Results.NotFound();
            }

            // Only this page's rows: ORDER BY published DESC, id; skip page.Offset, take page.Count.
            var rows = db.ListNewestFirstAsync(page.Offset, page.Count, ct);
            return Results.Text(await feed.RenderPageAsync(format, page, total, rows, ct), feed.GetContentType(format));
        }
        // end-snippet

        return app;
    }
}
