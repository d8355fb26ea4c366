using System.Data;
using System.Data.Common;
using Feed.EntityFrameworkCore.Tests.Support;
using Feed.Querying;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.EntityFrameworkCore.Tests;

/// <summary>The Entity Framework Core page source over a real SQLite file: order, slices, variants, one snapshot.</summary>
public sealed class EntityFrameworkFeedSourceTests : IDisposable
{
    private const int PageSize = 10;
    private readonly NotesDatabase _database = new(95); // 76 published (every fifth is a draft)

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Pages_read_newest_first_in_the_librarys_order_ties_broken_by_the_feed_id()
    {
        using ServiceProvider services = NotesServices.Create(_database, NotesServices.Published);
        string[] expected = _database.NewestFirst();

        var seen = new List<string>();
        for (int number = 1; ; number++)
        {
            FeedRows<Entry> rows = (await GetRowsAsync(services, Page(number)))!;
            rows.TotalCount.ShouldBe(76);
            if (rows.Rows.Count == 0)
            {
                number.ShouldBe(9); // 76 posts: 8 pages of 10
                break;
            }

            seen.AddRange(rows.Rows.Select(e => e.FeedId));
        }

        seen.ShouldBe(expected);
    }

    [Fact]
    public async Task Archives_read_oldest_first_the_exact_reverse_of_the_feed_order()
    {
        using ServiceProvider services = NotesServices.Create(_database, NotesServices.Published);
        string[] oldestFirst = [.. _database.NewestFirst().Reverse()];

        FeedRows<Entry> first = (await GetRowsAsync(services, Archive(1)))!;
        FeedRows<Entry> third = (await GetRowsAsync(services, Archive(3)))!;

        first.Rows.Select(e => e.FeedId).ShouldBe(oldestFirst[..10]);
        third.Rows.Select(e => e.FeedId).ShouldBe(oldestFirst[20..30]);
    }

    [Theory]
    [InlineData("c#")]
    [InlineData("notes")]
    public async Task A_variant_reads_the_posts_whose_normalized_key_it_is(string variant)
    {
        using ServiceProvider services = NotesServices.Create(_database, NotesServices.Published);
        string[] expected = _database.NewestFirst(e => e.Tags.Any(t => FeedTerms.Normalize(t.Name) == variant));
        expected.Length.ShouldBeGreaterThan(PageSize);

        FeedRows<Entry> page1 = (await GetRowsAsync(services, Page(1, variant)))!;
        FeedRows<Entry> page2 = (await GetRowsAsync(services, Page(2, variant)))!;

        page1.TotalCount.ShouldBe(expected.Length);
        page1.Rows.Concat(page2.Rows).Select(e => e.FeedId).ShouldBe(expected.Take(2 * PageSize));
        page1.Rows.ShouldAllBe(e => e.Tags.Count > 0, "the query's Include is kept");
    }

    [Fact]
    public async Task A_variant_without_posts_is_null_so_the_endpoint_answers_404()
    {
        using ServiceProvider services = NotesServices.Create(_database, NotesServices.Published);

        (await GetRowsAsync(services, Page(1, "no-such-tag"))).ShouldBeNull();
    }

    [Fact]
    public async Task A_variant_asked_of_a_source_without_a_variant_filter_is_a_clear_error()
    {
        using ServiceProvider services = NotesServices.Create(_database, source => source
            .Posts(db => db.Entries)
            .NewestFirst(e => e.PublishedTicks, e => e.FeedId));

        var error = await Should.ThrowAsync<InvalidOperationException>(() => GetRowsAsync(services, Page(1, "c#")).AsTask());

        error.Message.ShouldContain(".Variants((post, variant) =>");
    }

    [Fact]
    public void A_source_without_its_posts_or_order_is_refused_when_it_is_added()
    {
        var services = new ServiceCollection();

        var error = Should.Throw<ArgumentException>(() => services.AddEntityFrameworkFeedSource<NotesDb, Entry>(source => source.Posts(db => db.Entries)));

        error.Message.ShouldContain(".NewestFirst(p => p.Published, p => p.Id)");
        services.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_count_and_the_rows_come_from_one_snapshot_while_a_writer_commits_between_them()
    {
        // A writer commits a new newest entry after the count is read and before the rows are: the rows must still be
        // those of the count's snapshot, and the writer must not wait (SQLite: a deferred read transaction, WAL).
        var writer = new WriteAfterCount(_database, timeoutSeconds: 2);
        using ServiceProvider services = NotesServices.Create(_database, NotesServices.Published, writer);

        FeedRows<Entry> rows = (await GetRowsAsync(services, Page(1)))!;

        writer.Error.ShouldBeNull();
        writer.Wrote.ShouldBe(1);
        rows.TotalCount.ShouldBe(76);
        rows.Rows.Select(e => e.FeedId).ShouldBe(_database.NewestFirst().Skip(1).Take(PageSize), "the snapshot of the count, without the new entry");
        rows.Rows.ShouldNotContain(e => e.Title == "Newest");
    }

    [Fact]
    public async Task Without_a_transaction_the_same_writer_makes_the_count_and_the_rows_disagree()
    {
        // The check above can fail: read without a snapshot, the rows show the entry the count did not.
        var writer = new WriteAfterCount(_database, timeoutSeconds: 2);
        using ServiceProvider services = NotesServices.Create(_database, source => NotesServices.Published(source.Isolation(IsolationLevel.Unspecified)), writer);

        FeedRows<Entry> rows = (await GetRowsAsync(services, Page(1)))!;

        rows.TotalCount.ShouldBe(76);
        rows.Rows[0].Title.ShouldBe("Newest");
    }

    [Fact]
    public async Task An_immediate_transaction_would_make_the_writer_wait_which_the_deferred_one_does_not()
    {
        // Microsoft.Data.Sqlite begins SERIALIZABLE as BEGIN IMMEDIATE: a write lock for the whole read.
        var writer = new WriteAfterCount(_database, timeoutSeconds: 1);
        using ServiceProvider services = NotesServices.Create(_database, source => NotesServices.Published(source.Isolation(IsolationLevel.Serializable)), writer);

        await GetRowsAsync(services, Page(1));

        writer.Error.ShouldBeOfType<SqliteException>().SqliteErrorCode.ShouldBe(5); // SQLITE_BUSY
    }

    [Fact]
    public async Task A_context_factory_is_used_when_no_context_is_registered_and_the_context_is_disposed_with_the_scope()
    {
        using ServiceProvider services = NotesServices.Create(_database, NotesServices.Published, factory: true);

        FeedRows<Entry> rows = (await GetRowsAsync(services, Page(8)))!;

        rows.Rows.Count.ShouldBe(6);
    }

    [Fact]
    public async Task A_transaction_the_host_began_is_the_snapshot()
    {
        using ServiceProvider services = NotesServices.Create(_database, NotesServices.Published);
        await using AsyncServiceScope scope = services.CreateAsyncScope();
        NotesDb db = scope.ServiceProvider.GetRequiredService<NotesDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();

        FeedRows<Entry> rows = (await scope.ServiceProvider.GetRequiredService<IFeedPageSource<Entry>>().GetRowsAsync(Page(1), CancellationToken.None))!;

        rows.TotalCount.ShouldBe(76);
        db.Database.CurrentTransaction.ShouldBeSameAs(transaction, "the host's transaction is left as it was");
    }

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore.Sqlite", null)]
    [InlineData("Npgsql.EntityFrameworkCore.PostgreSQL", IsolationLevel.RepeatableRead)]
    [InlineData("Microsoft.EntityFrameworkCore.SqlServer", IsolationLevel.Snapshot)]
    [InlineData("Pomelo.EntityFrameworkCore.MySql", IsolationLevel.RepeatableRead)]
    [InlineData("Oracle.EntityFrameworkCore", IsolationLevel.Serializable)]
    public void Each_provider_reads_at_its_snapshot_level(string provider, IsolationLevel? level)
    {
        Snapshot.DefaultLevel(provider).ShouldBe(level);
    }

    private static FeedQuery Page(int number, string? variant = null) =>
        new(variant, FeedPageKind.Page, number, (number - 1) * PageSize, PageSize);

    private static FeedQuery Archive(int number) =>
        new(null, FeedPageKind.Archive, number, (number - 1) * PageSize, PageSize);

    private static async ValueTask<FeedRows<Entry>?> GetRowsAsync(ServiceProvider services, FeedQuery query)
    {
        await using AsyncServiceScope scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IFeedPageSource<Entry>>().GetRowsAsync(query, CancellationToken.None);
    }

    /// <summary>After the first COUNT query, commits a newer entry from another connection; records what happened.</summary>
    private sealed class WriteAfterCount(NotesDatabase database, int timeoutSeconds) : DbCommandInterceptor
    {
        public int Wrote { get; private set; }

        public Exception? Error { get; private set; }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (Wrote == 0 && Error is null && command.CommandText.Contains("COUNT(*)", StringComparison.Ordinal))
            {
                try
                {
                    database.AddNewest("tag:notes.example.net,2029:newest", timeoutSeconds);
                    Wrote++;
                }
                catch (SqliteException ex)
                {
                    Error = ex;
                }
            }

            return ValueTask.FromResult(result);
        }
    }
}
