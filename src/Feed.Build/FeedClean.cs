using Feed.Tool.Output;
using Microsoft.Build.Framework;

namespace Feed.Build;

/// <summary>
/// The MSBuild task behind the <c>FeedClean</c> target (run after <c>Clean</c>): deletes the files the last feed build
/// listed in the output folder's <c>.feed-manifest</c>, the manifest itself, and the folders that leaves empty. Any
/// other file in the folder is left alone, as the tool leaves it alone.
/// </summary>
public sealed class FeedClean : Microsoft.Build.Utilities.Task
{
    /// <summary>Gets or sets the output folder (full path) whose generated files are removed.</summary>
    [Required]
    public string OutputDir { get; set; } = "";

    /// <summary>Gets the files that were deleted (for the log and the tests).</summary>
    [Output]
    public ITaskItem[] Deleted { get; private set; } = [];

    /// <inheritdoc />
    public override bool Execute()
    {
        string outDir = Path.GetFullPath(OutputDir);
        string manifest = Path.Join(outDir, ManifestFile.Name);
        if (!File.Exists(manifest))
        {
            return true;
        }

        var deleted = new List<ITaskItem>();
        try
        {
            // ManifestFile.Read drops every line that could leave the folder (absolute paths, '..').
            foreach (string relative in ManifestFile.Read(outDir))
            {
                string full = Path.Join(outDir, relative.Replace('/', Path.DirectorySeparatorChar));
                if (File.Exists(full))
                {
                    File.Delete(full);
                    deleted.Add(new Microsoft.Build.Utilities.TaskItem(full));
                }

                RemoveEmptyParents(outDir, Path.GetDirectoryName(full));
            }

            File.Delete(manifest);
            deleted.Add(new Microsoft.Build.Utilities.TaskItem(manifest));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.LogError(null, "FEED0013", null, outDir, 0, 0, 0, 0, "cannot remove the generated feeds: {0}", e.Message);
        }

        Deleted = [.. deleted];
        Log.LogMessage(MessageImportance.Normal, "feed: {0} generated files removed from {1}", deleted.Count, outDir);
        return !Log.HasLoggedErrors;
    }

    private static void RemoveEmptyParents(string outDir, string? dir)
    {
        string root = Path.TrimEndingDirectorySeparator(outDir);
        while (dir is not null && dir.Length > root.Length && dir.StartsWith(root, StringComparison.Ordinal)
               && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any())
        {
            Directory.Delete(dir);
            dir = Path.GetDirectoryName(dir);
        }
    }
}
