using System.Net;
using Feed.EntityFrameworkCore.Tests.Snippets;
using Feed.Hosting.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Feed.EntityFrameworkCore.Tests;

/// <summary>The package README's quick start, verbatim, served over real Kestrel from a real SQLite file.</summary>
public sealed class QuickStartTests
{
    private static readonly string[] SnippetFiles = [RepositoryFiles.Path("tests", "Feed.EntityFrameworkCore.Tests", "Snippets", "QuickStart.cs")];

    [Fact]
    public void The_package_README_shows_the_compiled_quick_start_verbatim()
    {
        string readme = RepositoryFiles.Path("src", "Feed.EntityFrameworkCore", "README.md");
        IReadOnlyList<(string Marker, string Text)> blocks = ReadmeSnippets.Blocks(readme);

        blocks.Select(b => b.Marker).ShouldBe(["snippet: ef-usings + ef-quick-start", "snippet: ef-model"]);
        foreach ((string marker, string text) in blocks)
        {
            string expected = ReadmeSnippets.Expected(marker, RepositoryFiles.Root, SnippetFiles);
            text.ShouldBe(expected, $"Paste this under <!-- {marker} --> in src/Feed.EntityFrameworkCore/README.md:\n{expected}");
        }

        ReadmeSnippets.UncheckedCSharpBlocks(readme).ShouldBeEmpty("every C# block of the package README is compiled code");
    }

    [Fact]
    public async Task The_quick_start_serves_the_feed_and_every_spelling_of_a_tag_from_SQLite()
    {
        string folder = Directory.CreateTempSubdirectory("feed-ef-quick-").FullName;
        string connection = $"Data Source={Path.Combine(folder, "blog.db")};Pooling=False";
        try
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            await using WebApplication app = QuickStart.Build(builder, connection);
            await using (AsyncServiceScope scope = app.Services.CreateAsyncScope())
            {
                BlogDb db = scope.ServiceProvider.GetRequiredService<BlogDb>();
                await db.Database.EnsureCreatedAsync();
                for (int i = 1; i <= 25; i++)
                {
                    string name = i % 2 == 0 ? "DotNet" : "dotnet";
                    db.Posts.Add(new Post
                    {
                        FeedId = $"tag:blog.example.org,2025:post-{i:D2}",
                        Slug = $"post-{i:D2}",
                        Title = $"Post {i}",
                        Markdown = $"Post *{i}*.",
                        PublishedUtc = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i),
                        Draft = i == 25,
                        Tags = i % 3 == 0 ? [new PostTag { Name = name, Key = FeedTerms.Normalize(name) }] : [],
                    });
                }

                await db.SaveChangesAsync();
            }

            await app.StartAsync();
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false })
            {
                BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single()),
            };

            using HttpResponseMessage feed = await client.GetAsync("/feed.xml");
            using HttpResponseMessage spelled = await client.GetAsync("/tags/DotNet/feed.xml");
            using HttpResponseMessage tag = await client.GetAsync("/tags/dotnet/feed.xml");

            feed.StatusCode.ShouldBe(HttpStatusCode.OK);
            string rss = await feed.Content.ReadAsStringAsync();
            rss.ShouldContain("<title>Post 24</title>"); // the newest published post; 25 is a draft
            rss.ShouldNotContain("<title>Post 25</title>");
            rss.ShouldContain("https://blog.example.org/feed.xml?page=3"); // 24 posts, 10 a page
            spelled.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
            spelled.Headers.Location!.AbsoluteUri.ShouldBe("https://blog.example.org/tags/dotnet/feed.xml");
            tag.StatusCode.ShouldBe(HttpStatusCode.OK);
            string tagged = await tag.Content.ReadAsStringAsync();
            foreach (int i in new[] { 3, 6, 9, 12, 15, 18, 21, 24 })
            {
                tagged.ShouldContain($"<title>Post {i}</title>"); // both spellings of the tag
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
