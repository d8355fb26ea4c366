namespace Feed.Hosting.Tests.Support;

/// <summary>Deterministic sample data and the mappings a host would write once.</summary>
public static class Sample
{
    public static readonly Uri Site = new("https://blog.example.org/");

    public static readonly DateTimeOffset Start = new(2024, 5, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Article <paramref name="id"/>: published <paramref name="id"/> days after <see cref="Start"/>, so a higher id is
    /// newer; articles 13 and 14 share a timestamp, so with 10 per page the tie falls on the boundary of pages 1 and 2.
    /// Slugs are zero-padded, so the feed id (the URL) sorts like the numeric id, as the store's index does.
    /// </summary>
    public static Article Article(int id) => new()
    {
        Id = id,
        Slug = $"post-{id:D3}",
        Title = $"Article {id}: <notes> & \"quotes\"",
        Markdown = id == 1
            ? "The *first* article, with no links."
            : $"Article {id} follows [the one before](../post-{id - 1:D3}/) with a chart.\n\n![a chart](chart.png)\n\nIt has *two* paragraphs.",
        PublishedAt = Start.AddDays(id == 14 ? 13 : id),
        EditedAt = id % 5 == 0 ? Start.AddDays(id + 1).AddHours(3) : null,
        Tags = id % 2 == 0 ? ["even", "dotnet"] : ["odd"],
    };

    public static Article[] Articles(int count) => [.. Enumerable.Range(1, count).Select(Article)];

    /// <summary>The mapping from the host's type, written once.</summary>
    public static FeedPost ToFeedPost(Article article) => new()
    {
        Title = article.Title,
        Url = new Uri(Site, $"posts/{article.Slug}/"),
        Published = article.PublishedAt,
        Updated = article.EditedAt,
        Body = article.Markdown,
        Categories = article.Tags,
    };

    public static void Configure(FeedOptions options)
    {
        options.Title = "Example blog";
        options.Description = "Notes from the example blog.";
        options.SiteUrl = Site;
        options.Language = "en";
        options.Authors.Add(new FeedAuthor("Ann Example") { Email = "ann@example.org" });
    }

    public static Release Release(int minor) =>
        new($"1.{minor}.0", $"<p>Version 1.{minor} adds <strong>feature {minor}</strong>. See <a href=\"/docs/1.{minor}/\">the docs</a>.</p>", Start.AddDays(30 * minor));

    public static Release[] Releases(int count) => [.. Enumerable.Range(0, count).Select(Release)];

    public static FeedPost ToFeedPost(Release release) => new()
    {
        Id = $"tag:blog.example.org,2024:release-{release.Version}",
        Title = $"Feed {release.Version}",
        Url = new Uri(Site, $"releases/{release.Version}/"),
        Published = release.ShippedAt,
        Body = release.NotesHtml,
        BodyFormat = PostBodyFormat.Html,
    };

    public static void ConfigureReleases(FeedOptions options)
    {
        options.Title = "Example releases";
        options.SiteUrl = new Uri(Site, "releases/");
        options.RssUrl = new Uri(Site, "releases.xml");
        options.AtomUrl = new Uri(Site, "releases.atom");
        options.PageSize = 2;
    }
}
