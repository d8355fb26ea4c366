using Feed.Tool.Files;
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
            // ManifestFile.Read drops every line that could leave the folder by its spelling (absolute paths, '..');
            // a line can still leave it through a link: "feed/2.xml" where feed is a symbolic link to another folder
            // names a file in that folder. So, as the tool does when it removes stale pages, only a regular file
            // reached through real folders is deleted; anything behind a link is left alone and reported.
            var skipped = new List<string>();
            foreach (string relative in ManifestFile.Read(outDir))
            {
                string full = Path.Join(outDir, relative.Replace('/', Path.DirectorySeparatorChar));
                string? through = LinkedFolder(outDir, relative);
                if (through is not null)
                {
                    skipped.Add(relative);
                    continue;
                }

                if (FileKinds.Of(full, followLinks: false) == FileKind.Regular)
                {
                    File.Delete(full);
                    deleted.Add(new Microsoft.Build.Utilities.TaskItem(full));
                }

                RemoveEmptyParents(outDir, Path.GetDirectoryName(full));
            }

            foreach (string relative in skipped)
            {
                Log.LogWarning(null, "FEED0013", null, Path.Join(outDir, relative), 0, 0, 0, 0,
                    "left in place: the path goes through a link or a file, not a folder of the output folder");
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

    // The first folder between the output folder and the listed file that is not a real folder (a symbolic link, a
    // file), or null when every one is a real folder or missing.
    private static string? LinkedFolder(string outDir, string relative)
    {
        int slash = -1;
        while ((slash = relative.IndexOf('/', slash + 1)) >= 0)
        {
            string folder = Path.Join(outDir, relative[..slash].Replace('/', Path.DirectorySeparatorChar));
            FileKind kind = FileKinds.Of(folder, followLinks: false);
            if (kind == FileKind.Missing)
            {
                return null;
            }

            if (kind != FileKind.Directory)
            {
                return folder;
            }
        }

        return null;
    }

    private static void RemoveEmptyParents(string outDir, string? dir)
    {
        string root = Path.TrimEndingDirectorySeparator(outDir);
        while (dir is not null && dir.Length > root.Length && dir.StartsWith(root, StringComparison.Ordinal)
               && FileKinds.Of(dir, followLinks: false) == FileKind.Directory && !Directory.EnumerateFileSystemEntries(dir).Any())
        {
            Directory.Delete(dir);
            dir = Path.GetDirectoryName(dir);
        }
    }
}
