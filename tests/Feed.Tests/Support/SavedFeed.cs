using Feed.Writers;

namespace Feed.Tests.Support;

/// <summary>Every document of a feed written to a temporary folder, findable by its own URL, as a reader would fetch it.</summary>
internal sealed class SavedFeed : IDisposable
{
    private readonly Dictionary<Uri, (string Path, FeedDocument Document)> _byUrl = [];

    private SavedFeed(string folder) => Folder = folder;

    public string Folder { get; }

    public IEnumerable<(string Path, FeedDocument Document)> Documents => _byUrl.Values;

    public static async Task<SavedFeed> WriteAsync(FeedGenerator generator, FeedFormat format, IEnumerable<FeedPost> posts)
    {
        var saved = new SavedFeed(Directory.CreateTempSubdirectory("feed-tests-").FullName);
        int n = 0;
        foreach (FeedDocument document in generator.CreateDocuments(format, posts))
        {
            string path = Path.Combine(saved.Folder, $"{++n:D3}.{(format == FeedFormat.Rss ? "rss" : "atom")}.xml");
            await using (FileStream file = File.Create(path))
            {
                await generator.WriteAsync(document, file);
            }

            saved._byUrl.Add(document.Links.Self, (path, document));
        }

        return saved;
    }

    public static SavedFeed FromFiles(IEnumerable<(string Path, FeedDocument Document)> files)
    {
        var saved = new SavedFeed(string.Empty);
        foreach ((string path, FeedDocument document) in files)
        {
            saved._byUrl.Add(document.Links.Self, (path, document));
        }

        return saved;
    }

    /// <summary>The file a link points to; a link to a document that was not written fails the test.</summary>
    public string PathOf(string url)
    {
        _byUrl.TryGetValue(new Uri(url), out var document).ShouldBeTrue($"the link {url} points to no written document");
        return document.Path;
    }

    public void Dispose()
    {
        if (Folder.Length > 0)
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
