using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.EntityFrameworkCore.Tests.Support;

/// <summary>A small blog schema: entries with tags, times as UTC ticks (SQLite sorts them), ASCII feed ids.</summary>
public sealed class NotesDb(DbContextOptions<NotesDb> options) : DbContext(options)
{
    public DbSet<Entry> Entries => Set<Entry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Entry>().HasIndex(e => new { e.PublishedTicks, e.FeedId });
        modelBuilder.Entity<EntryTag>().HasOne<Entry>().WithMany(e => e.Tags).HasForeignKey(t => t.EntryId);
        modelBuilder.Entity<EntryTag>().HasIndex(t => new { t.Key, t.EntryId });
    }
}

public sealed class Entry
{
    public int Id { get; set; }

    public required string FeedId { get; set; }

    public required string Title { get; set; }

    public long PublishedTicks { get; set; }

    public bool Draft { get; set; }

    public List<EntryTag> Tags { get; set; } = [];

    public static FeedPost Map(Entry entry) => new()
    {
        Id = entry.FeedId,
        Title = entry.Title,
        Url = new Uri($"https://notes.example.net/{Uri.EscapeDataString(entry.FeedId)}/"),
        Published = new DateTimeOffset(entry.PublishedTicks, TimeSpan.Zero),
        Body = entry.Title,
        Categories = [.. entry.Tags.Select(t => t.Name)],
    };
}

public sealed class EntryTag
{
    public int Id { get; set; }

    public int EntryId { get; set; }

    public required string Name { get; set; }

    public required string Key { get; set; }

    public static EntryTag Of(string name) => new() { Name = name, Key = FeedTerms.Normalize(name) };
}

/// <summary>
/// A SQLite database file in a temporary folder, in WAL mode, seeded with <c>count</c> entries: some share a published
/// time (the order's tie-breaker decides), every third is tagged <c>C#</c> (spelled three ways), every fifth is a draft.
/// </summary>
public sealed class NotesDatabase : IDisposable
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("feed-ef-").FullName;

    public NotesDatabase(int count)
    {
        ConnectionString = $"Data Source={Path.Combine(_folder, "notes.db")};Pooling=False";
        using NotesDb db = CreateContext();
        db.Database.EnsureCreated();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        string[] spellings = ["C#", "c#", "Ｃ＃"];
        for (int i = 1; i <= count; i++)
        {
            db.Entries.Add(new Entry
            {
                FeedId = $"tag:notes.example.net,2024:{i % 7:D2}-{i:D4}",
                Title = $"Entry {i}",
                PublishedTicks = Start.AddHours(i / 3).UtcTicks, // three entries an hour: ties
                Draft = i % 5 == 0,
                Tags = i % 3 == 0 ? [EntryTag.Of(spellings[i % spellings.Length]), EntryTag.Of("notes")] : [EntryTag.Of("notes")],
            });
        }

        db.SaveChanges();
    }

    public string ConnectionString { get; }

    public NotesDb CreateContext(IInterceptor? interceptor = null)
    {
        var options = new DbContextOptionsBuilder<NotesDb>().UseSqlite(ConnectionString);
        if (interceptor is not null)
        {
            options.AddInterceptors(interceptor);
        }

        return new NotesDb(options.Options);
    }

    /// <summary>Every published entry in <see cref="FeedGenerator.NewestFirst"/> order, read in memory.</summary>
    public string[] NewestFirst(Func<Entry, bool>? where = null)
    {
        using NotesDb db = CreateContext();
        return [.. db.Entries.Include(e => e.Tags).AsEnumerable().Where(e => !e.Draft && (where?.Invoke(e) ?? true))
            .Select(Entry.Map).Order(FeedGenerator.NewestFirst).Select(p => p.Id!)];
    }

    /// <summary>Adds an entry newer than all others, on a connection of its own, committed when this returns.</summary>
    public void AddNewest(string feedId, int timeoutSeconds = 30)
    {
        using var connection = new SqliteConnection(ConnectionString + $";Default Timeout={timeoutSeconds}");
        connection.Open();
        using DbCommand command = connection.CreateCommand();
        command.CommandText = "INSERT INTO Entries (FeedId, Title, PublishedTicks, Draft) VALUES ($id, 'Newest', $ticks, 0);";
        command.Parameters.Add(new SqliteParameter("$id", feedId));
        command.Parameters.Add(new SqliteParameter("$ticks", Start.AddYears(5).UtcTicks));
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>Builds the services a host would: the context and the source.</summary>
public static class NotesServices
{
    public static ServiceProvider Create(NotesDatabase database, Action<EntityFrameworkFeedSourceBuilder<NotesDb, Entry>> configure, IInterceptor? interceptor = null, bool factory = false)
    {
        var services = new ServiceCollection();
        if (factory)
        {
            services.AddDbContextFactory<NotesDb>(Options);
        }
        else
        {
            services.AddDbContext<NotesDb>(Options);
        }

        services.AddEntityFrameworkFeedSource(configure);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        void Options(DbContextOptionsBuilder options)
        {
            options.UseSqlite(database.ConnectionString);
            if (interceptor is not null)
            {
                options.AddInterceptors(interceptor);
            }
        }
    }

    /// <summary>The source of published entries, newest first, tagged by normalized key.</summary>
    public static void Published(EntityFrameworkFeedSourceBuilder<NotesDb, Entry> source) => source
        .Posts(db => db.Entries.Where(e => !e.Draft).Include(e => e.Tags))
        .NewestFirst(e => e.PublishedTicks, e => e.FeedId)
        .Variants((e, tag) => e.Tags.Any(t => t.Key == tag));
}
