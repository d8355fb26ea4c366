// begin-snippet: ef-usings
using Feed;
using Microsoft.EntityFrameworkCore;
// end-snippet
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.EntityFrameworkCore.Tests.Snippets;

/// <summary>The package README's quick start, compiled here and served over real Kestrel and SQLite by <see cref="QuickStartTests"/>.</summary>
public static class QuickStart
{
    public static WebApplication Build(WebApplicationBuilder builder, string connectionString)
    {
        // begin-snippet: ef-quick-start
        builder.Services.AddDbContext<BlogDb>(options => options.UseSqlite(connectionString));
        builder.Services
            .AddFeed<Post>(post => new FeedPost
            {
                Id = post.FeedId,
                Title = post.Title,
                Url = new Uri($"https://blog.example.org/posts/{post.Slug}/"),
                Published = DateTime.SpecifyKind(post.PublishedUtc, DateTimeKind.Utc), // stored as UTC
                Body = post.Markdown,
                Categories = [.. post.Tags.Select(tag => tag.Name)],
            })
            .Configure(options =>
            {
                options.Title = "Notes";
                options.SiteUrl = new Uri("https://blog.example.org/");
            });
        builder.Services.AddEntityFrameworkFeedSource<BlogDb, Post>(source => source
            .Posts(db => db.Posts.Where(post => !post.Draft).Include(post => post.Tags))
            .NewestFirst(post => post.PublishedUtc, post => post.FeedId)
            .Variants((post, tag) => post.Tags.Any(t => t.Key == tag)));

        WebApplication app = builder.Build();
        app.MapFeed<Post>("/feed.xml", FeedFormat.Rss);
        app.MapFeed<Post>("/tags/{tag}/feed.xml", FeedFormat.Rss, feed => feed.VariantRouteParameter = "tag");
        // end-snippet
        return app;
    }
}

// begin-snippet: ef-model
public sealed class BlogDb(DbContextOptions<BlogDb> options) : DbContext(options)
{
    public DbSet<Post> Posts => Set<Post>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Post>().HasIndex(post => new { post.PublishedUtc, post.FeedId }); // the feed's order
        modelBuilder.Entity<PostTag>().HasIndex(tag => new { tag.Key, tag.PostId }); // a tag's feed
    }
}

public sealed class Post
{
    public int Id { get; set; }
    public required string FeedId { get; set; } // tag:blog.example.org,2025:slug: ASCII, so the database orders it ordinally
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public required string Markdown { get; set; }
    public DateTime PublishedUtc { get; set; }
    public bool Draft { get; set; }
    public List<PostTag> Tags { get; set; } = [];
}

public sealed class PostTag
{
    public int Id { get; set; }
    public int PostId { get; set; }
    public required string Name { get; set; } // as written: "DotNet"
    public required string Key { get; set; } // FeedTerms.Normalize(Name): "dotnet", what a tag's URL is matched by
}
// end-snippet
