using Microsoft.EntityFrameworkCore;

namespace BlogHost;

/// <summary>The blog's database: posts and their tags, with the index the feed's order reads.</summary>
public sealed class BlogDb(DbContextOptions<BlogDb> options) : DbContext(options)
{
    public DbSet<Post> Posts => Set<Post>();

    public DbSet<PostTag> Tags => Set<PostTag>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // The feed's order: published descending, then the feed id ordinally (SQLite compares TEXT byte by byte).
        modelBuilder.Entity<Post>().HasIndex(p => new { p.PublishedTicks, p.FeedId });
        modelBuilder.Entity<Post>().HasIndex(p => p.Slug).IsUnique();
        modelBuilder.Entity<PostTag>().HasKey(t => new { t.Name, t.PostId });
        modelBuilder.Entity<PostTag>().HasIndex(t => new { t.Key, t.PostId }); // a tag's feed matches the normalized key
        modelBuilder.Entity<PostTag>().HasOne<Post>().WithMany(p => p.Tags).HasForeignKey(t => t.PostId);
    }
}

/// <summary>A post row. Times are UTC ticks: SQLite has no date type that sorts.</summary>
public sealed class Post
{
    public int Id { get; set; }

    /// <summary>The permanent feed id (a tag: URI), ASCII so that SQLite's order is the feed's ordinal order.</summary>
    public required string FeedId { get; set; }

    public required string Slug { get; set; }

    public required string Title { get; set; }

    public required string Markdown { get; set; }

    public string? Language { get; set; }

    public long PublishedTicks { get; set; }

    public long? UpdatedTicks { get; set; }

    public List<PostTag> Tags { get; set; } = [];
}

/// <summary>One tag of one post: its name as written, and the key every spelling of it shares (what a tag's feed matches).</summary>
public sealed class PostTag
{
    private string _name = string.Empty;

    public required string Name
    {
        get => _name;
        set
        {
            _name = value;
            Key = Feed.FeedTerms.Normalize(value);
        }
    }

    public string Key { get; set; } = string.Empty;

    public int PostId { get; set; }
}

