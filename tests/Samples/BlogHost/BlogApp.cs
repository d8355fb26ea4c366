using System.Globalization;
// begin-snippet: aspnetcore-usings
using Feed;
using Microsoft.AspNetCore.ResponseCompression; // AddFeedMediaTypes
using Microsoft.EntityFrameworkCore; // Include
// end-snippet

namespace BlogHost;

/// <summary>The sample blog: its services, its feeds, and its database seeded on first start.</summary>
public static class BlogApp
{
    public static readonly Uri Site = new("https://blog.example.org/");

    /// <summary>The builder with the blog's services; tests add theirs before <see cref="Build"/>.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
        string connection = builder.Configuration.GetConnectionString("Blog")
            ?? $"Data Source={Path.Combine(AppContext.BaseDirectory, "blog.db")}";
        // Pooled: a feed request then reuses a context instead of building one (most of what EF allocates per request).
        builder.Services.AddDbContextPool<BlogDb>(options => options.UseSqlite(connection));
        builder.Services.AddScoped<BlogStore>();

        // Output caching: "memory" (one instance), "redis" (several instances share rendered pages), "none".
        string cache = builder.Configuration["Blog:OutputCache"] ?? "memory";
        if (cache == "redis")
        {
            builder.Services.AddStackExchangeRedisOutputCache(options => options.Configuration = builder.Configuration["Blog:Redis"]);
        }

        builder.Services.AddOutputCache(options => options.AddPolicy(
            BlogStore.FeedTag,
            policy => (cache == "none" ? policy.NoCache() : policy).Tag(BlogStore.FeedTag)));

        // begin-snippet: aspnetcore
        builder.Services
            .AddFeed<Post>(post => new FeedPost
            {
                Id = post.FeedId,
                Title = post.Title,
                Url = new Uri(Site, $"posts/{Uri.EscapeDataString(post.Slug)}/"),
                Published = new DateTimeOffset(post.PublishedTicks, TimeSpan.Zero),
                Updated = post.UpdatedTicks is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null,
                Body = post.Markdown,
                Language = post.Language,
                Categories = [.. post.Tags.Select(t => t.Name).Order(StringComparer.Ordinal)],
            })
            .Configure(options =>
            {
                options.Title = "Notes from the Feed sample blog";
                options.SiteUrl = Site;
                options.HtmlFeedFormats = [FeedFormat.Rss, FeedFormat.Atom, FeedFormat.Json]; // what the HTML pages link
                options.HtmlPageUrlTemplate = "?page={page}"; // the HTML listing is "/", its page N "/?page=N"
            });
        builder.Services.AddEntityFrameworkFeedSource<BlogDb, Post>(source => source // count + rows in one snapshot
            .Posts(db => db.Posts.Include(p => p.Tags))
            .NewestFirst(p => p.PublishedTicks, p => p.FeedId)
            .Variants((post, tag) => post.Tags.Any(t => t.Key == tag))); // tag: normalized by FeedTerms.Normalize
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.AddFeedMediaTypes(); // application/rss+xml, application/atom+xml: gzip and Brotli
        });
        // end-snippet

        return builder;
    }

    /// <summary>The app: the database made and seeded if new, compression, output caching when configured, the feeds.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        WebApplication app = builder.Build();
        using (IServiceScope scope = app.Services.CreateScope())
        {
            BlogDb db = scope.ServiceProvider.GetRequiredService<BlogDb>();
            Seed(db, builder.Configuration.GetValue("Blog:GeneratedPosts", 3000));
        }

        // Behind a proxy that serves the blog under a folder (https://example.org/blog/ → this app's /): the feeds link there.
        if (builder.Configuration["Blog:PathBase"] is { Length: > 0 } pathBase)
        {
            app.UsePathBase(pathBase);
            app.UseRouting();
        }

        // begin-snippet: aspnetcore-map
        app.UseResponseCompression();
        app.UseOutputCache();
        Action<FeedEndpointOptions> byTag = endpoint =>
        {
            endpoint.VariantRouteParameter = "tag"; // one feed per tag, from the one registration
            endpoint.ConfigureVariant = (options, tag) => options.Title = $"Notes tagged “{tag}”";
        };
        app.MapFeed<Post>("/feed.xml", FeedFormat.Rss).CacheOutput(BlogStore.FeedTag); // and ?page=N
        app.MapFeed<Post>("/atom.xml", FeedFormat.Atom).CacheOutput(BlogStore.FeedTag);
        app.MapFeed<Post>("/feed.json", FeedFormat.Json).CacheOutput(BlogStore.FeedTag);
        app.MapFeed<Post>("/", FeedFormat.Html).CacheOutput(BlogStore.FeedTag); // the same pages as HTML
        app.MapFeed<Post>("/tags/{tag}/feed.xml", FeedFormat.Rss, byTag).CacheOutput(BlogStore.FeedTag);
        app.MapFeed<Post>("/tags/{tag}/atom.xml", FeedFormat.Atom, byTag).CacheOutput(BlogStore.FeedTag);
        app.MapFeed<Post>("/tags/{tag}/feed.json", FeedFormat.Json, byTag).CacheOutput(BlogStore.FeedTag);
        // end-snippet

        return app;
    }

    /// <summary>Creates the database on first start: the sample posts, then <paramref name="generated"/> more (the same ones every time).</summary>
    private static void Seed(BlogDb db, int generated)
    {
        db.Database.EnsureCreated();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;"); // readers keep their snapshot while a writer commits
        if (db.Posts.Any())
        {
            return;
        }

        using var transaction = db.Database.BeginTransaction();
        db.Posts.AddRange(SamplePosts());
        db.Posts.AddRange(GeneratedPosts(generated));
        db.SaveChanges();
        transaction.Commit();
    }

    private static IEnumerable<Post> SamplePosts()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "seed");
        var yaml = new YamlDotNet.Serialization.DeserializerBuilder().Build();
        var cutoff = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero); // the README's --now: the future post stays out
        foreach (string file in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string text = File.ReadAllText(file).ReplaceLineEndings("\n");
            int end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
            var front = yaml.Deserialize<Dictionary<string, object>>(text[4..end]);
            if (front.TryGetValue("draft", out object? draft) && draft is "true"
                || !DateTimeOffset.TryParse(front["date"].ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset published)
                || published > cutoff)
            {
                continue;
            }

            string name = Path.GetFileNameWithoutExtension(file) == "index" ? Path.GetFileName(Path.GetDirectoryName(file)!) : Path.GetFileNameWithoutExtension(file);
            string slug = front.TryGetValue("slug", out object? s) ? s.ToString()! : name[11..];
            yield return new Post
            {
                FeedId = $"tag:blog.example.org,{published.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}:{Uri.EscapeDataString(slug)}",
                Slug = slug,
                Title = front["title"].ToString()!,
                Markdown = text[(end + 5)..],
                Language = front.TryGetValue("lang", out object? lang) ? lang.ToString() : null,
                PublishedTicks = published.UtcTicks,
                UpdatedTicks = front.TryGetValue("updated", out object? u)
                    && DateTimeOffset.TryParse(u.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset updated) ? updated.UtcTicks : null,
                Tags = [.. Tags(front).Select(tag => new PostTag { Name = tag })],
            };
        }
    }

    private static IEnumerable<string> Tags(Dictionary<string, object> front) =>
        (front.TryGetValue("tags", out object? tags) ? tags : null) switch
        {
            List<object> list => list.Select(t => t.ToString()!).Distinct(StringComparer.Ordinal),
            string one => [one],
            _ => [],
        };

    /// <summary>Posts 1..count, every seven hours from 2019-01-01, with tags that need URL escaping among them.</summary>
    public static IEnumerable<Post> GeneratedPosts(int count)
    {
        string[] tags = ["dotnet", "feeds", "typography", "c#", "静态网站", "travel", "notes"];
        var start = new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (int i = 1; i <= count; i++)
        {
            string n = i.ToString("D5", CultureInfo.InvariantCulture);
            yield return new Post
            {
                FeedId = $"tag:blog.example.org,2019:generated-{n}",
                Slug = $"generated-{n}",
                Title = $"Generated post {n}",
                Markdown = $"# Post {n}\n\nThis is generated post number {n}, written about *{tags[i % tags.Length]}*. " +
                    string.Concat(Enumerable.Repeat("It has a few sentences of text so that the excerpt has something to cut. ", 1 + (i % 5))) +
                    $"\n\nSee [the previous one](../generated-{(i - 1).ToString("D5", CultureInfo.InvariantCulture)}/).\n",
                PublishedTicks = start.AddHours(7 * i).UtcTicks,
                Tags = [.. new[] { tags[i % tags.Length], tags[i * 3 % 5] }.Distinct(StringComparer.Ordinal).Select(tag => new PostTag { Name = tag })],
            };
        }
    }
}
