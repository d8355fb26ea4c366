namespace Feed.Hosting.Tests.Support;

/// <summary>Finds files of the repository the tests were built from.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Feed.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Feed.sln above {AppContext.BaseDirectory}.");
    }
}
