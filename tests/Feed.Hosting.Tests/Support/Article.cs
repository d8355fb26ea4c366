namespace Feed.Hosting.Tests.Support;

/// <summary>A host's own post type, shaped like a database row: nothing of Feed's. Its body is Markdown.</summary>
public sealed record Article
{
    public required int Id { get; init; }

    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required string Markdown { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }

    public DateTimeOffset? EditedAt { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>A second host type, for a second feed in the same host: release notes with an HTML body.</summary>
public sealed record Release(string Version, string NotesHtml, DateTimeOffset ShippedAt);
