namespace Feed.Tests.Support;

/// <summary>Finds the source tree from the test binaries (works on a clean clone and with CI path maps).</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root: the nearest folder above the test binaries that holds Feed.sln.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The source folder of this test project.</summary>
    public static string TestProject => Path.Combine(Root, "tests", "Feed.Tests");

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Feed.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Feed.sln above {AppContext.BaseDirectory}.");
    }
}
