using System.Net;
using BlogHost;
using Feed.AspNetCore.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.AspNetCore.Tests;

/// <summary>
/// A writer deletes and re-inserts posts while a reader walks the pages (the sample host's page source is
/// Feed.EntityFrameworkCore's): no response is a 5xx, and once the writer stops, walking next from page 1 reads every
/// post exactly once.
/// </summary>
public sealed class ChurnTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Deleting_and_reinserting_posts_while_pages_are_read_gives_no_server_error_and_every_post_once_when_still()
    {
        await using BlogHostInstance host = await BlogHostInstance.StartAsync(generatedPosts: 45);
        using var stop = new CancellationTokenSource();
        Task<int> writer = Task.Run(() => ChurnAsync(host.Database, stop.Token));

        var statuses = new Dictionary<HttpStatusCode, int>();
        string[] paths = ["/feed.xml", "/atom.xml", "/tags/feeds/atom.xml", "/tags/notes/feed.xml"];
        for (int round = 0; round < 5; round++)
        {
            foreach (string path in paths)
            {
                for (int page = 1; page <= 6; page++)
                {
                    using HttpResponseMessage response = await host.Client.GetAsync(page == 1 ? path : $"{path}?page={page}");
                    statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
                    await response.Content.ReadAsByteArrayAsync();
                }
            }
        }

        await stop.CancelAsync();
        int changes = await writer;

        output.WriteLine($"{changes} writes; responses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value}"))}");
        changes.ShouldBeGreaterThan(10, "the writer really wrote while pages were read");
        statuses.Keys.Where(status => (int)status >= 500).ShouldBeEmpty(string.Join(", ", statuses.Select(s => $"{(int)s.Key}: {s.Value}")));
        statuses.Keys.ShouldBeSubsetOf([HttpStatusCode.OK, HttpStatusCode.NotFound]); // 404: a tag's pages past its end
        statuses.GetValueOrDefault(HttpStatusCode.OK).ShouldBeGreaterThan(60);

        // Still: every feed, walked by its next links, holds every post of the database exactly once, newest first.
        foreach ((string path, string? tag) in new[] { ("/feed.xml", null), ("/atom.xml", null), ("/tags/feeds/atom.xml", "feeds"), ("/tags/notes/feed.xml", "notes") })
        {
            string[] expected = await FeedIdsAsync(host, tag);
            var seen = new List<string>();
            for (string? url = path; url is not null;)
            {
                using HttpResponseMessage response = await host.Client.GetAsync(url);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
                FeedDocumentText document = FeedDocumentText.Read(path.EndsWith("atom.xml", StringComparison.Ordinal) ? FeedFormat.Atom : FeedFormat.Rss, await response.Content.ReadAsByteArrayAsync());
                seen.AddRange(document.Ids);
                url = document.Link("next") is { } next ? new Uri(next).PathAndQuery : null;
            }

            seen.ToArray().ShouldBe(expected, path);
            output.WriteLine($"{path}: {seen.Count} posts, each once");
        }
    }

    private static async Task<string[]> FeedIdsAsync(BlogHostInstance host, string? tag)
    {
        await using AsyncServiceScope scope = host.Services.CreateAsyncScope();
        BlogDb db = scope.ServiceProvider.GetRequiredService<BlogDb>();
        IQueryable<Post> posts = tag is null ? db.Posts : db.Posts.Where(p => p.Tags.Any(t => t.Key == tag));
        return [.. await posts.OrderByDescending(p => p.PublishedTicks).ThenBy(p => p.FeedId).Select(p => p.FeedId).ToListAsync()];
    }

    /// <summary>Deletes a post with its tags and inserts it again (a new row id), over and over, on its own connection.</summary>
    private static async Task<int> ChurnAsync(string database, CancellationToken stop)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync(CancellationToken.None);
        await using (SqliteCommand fast = connection.CreateCommand())
        {
            fast.CommandText = "PRAGMA synchronous=OFF;"; // the test measures consistency, not durability
            await fast.ExecuteNonQueryAsync(CancellationToken.None);
        }

        int changes = 0;
        for (int i = 0; !stop.IsCancellationRequested; i++)
        {
            string slug = $"generated-{(1 + (i * 7 % 45)).ToString("D5", System.Globalization.CultureInfo.InvariantCulture)}";
            await using SqliteTransaction transaction = connection.BeginTransaction();
            await ExecuteAsync(connection, transaction, """
                CREATE TEMP TABLE IF NOT EXISTS moved AS SELECT * FROM Posts WHERE 0;
                CREATE TEMP TABLE IF NOT EXISTS moved_tags AS SELECT * FROM Tags WHERE 0;
                DELETE FROM moved; DELETE FROM moved_tags;
                INSERT INTO moved SELECT * FROM Posts WHERE Slug = $slug;
                INSERT INTO moved_tags SELECT * FROM Tags WHERE PostId IN (SELECT Id FROM moved);
                DELETE FROM Tags WHERE PostId IN (SELECT Id FROM moved);
                DELETE FROM Posts WHERE Slug = $slug;
                """, slug);
            await transaction.CommitAsync(CancellationToken.None);
            await Task.Delay(1, CancellationToken.None); // readers see the post missing in between

            await using SqliteTransaction back = connection.BeginTransaction();
            await ExecuteAsync(connection, back, """
                INSERT INTO Posts (FeedId, Slug, Title, Markdown, Language, PublishedTicks, UpdatedTicks)
                    SELECT FeedId, Slug, Title, Markdown, Language, PublishedTicks, UpdatedTicks FROM moved;
                INSERT INTO Tags (Name, Key, PostId) SELECT Name, Key, (SELECT Id FROM Posts WHERE Slug = $slug) FROM moved_tags;
                """, slug);
            await back.CommitAsync(CancellationToken.None);
            changes += 2;
            await Task.Delay(5, CancellationToken.None);
        }

        return changes;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, string slug)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$slug", slug);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
