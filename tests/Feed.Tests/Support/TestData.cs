namespace Feed.Tests.Support;

/// <summary>Small, deterministic posts and options for tests.</summary>
internal static class TestData
{
    public static readonly Uri Site = new("https://example.com/blog/");

    public static readonly DateTimeOffset Start = new(2024, 3, 1, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The XML formats: tests that read the documents as XML run over these; JSON Feed has tests of its own.</summary>
    public static readonly FeedFormat[] XmlFormats = [FeedFormat.Rss, FeedFormat.Atom];

    public static FeedOptions Options(int pageSize = 10, bool archive = false) => new()
    {
        Title = "Example Blog",
        Description = "Posts from the example blog.",
        SiteUrl = Site,
        Language = "en",
        PageSize = pageSize,
        Archive = archive,
        Authors = [new FeedAuthor("Ann Example") { Email = "ann@example.com" }],
    };

    /// <summary>Post <paramref name="n"/>: published <paramref name="n"/> hours after <see cref="Start"/>, so higher is newer.</summary>
    public static FeedPost Post(int n) => new()
    {
        Title = $"Post {n}",
        Url = new Uri(Site, $"posts/{n}/"),
        Published = Start.AddHours(n),
        Body = $"Body of post {n}, with *emphasis*.",
    };

    public static FeedPost[] Posts(int count) => [.. Enumerable.Range(1, count).Select(Post)];
}
