using Feed.Tool.Output;
using Microsoft.Build.Framework;

namespace Feed.Build;

/// <summary>
/// Lists the files of the last feed build (from the output folder's <c>.feed-manifest</c>) as items whose
/// <c>RelativePath</c> is their path inside the folder (with <c>/</c>), which is also the path of their URL under the
/// site URL. The targets of a Web SDK project make them static web assets from this list, also when the build itself
/// was skipped as up to date.
/// </summary>
public sealed class FeedOutputs : Microsoft.Build.Utilities.Task
{
    /// <summary>Gets or sets the output folder (full path).</summary>
    [Required]
    public string OutputDir { get; set; } = "";

    /// <summary>Gets the generated files, each with <c>RelativePath</c> metadata.</summary>
    [Output]
    public ITaskItem[] Files { get; private set; } = [];

    /// <inheritdoc />
    public override bool Execute()
    {
        string outDir = Path.GetFullPath(OutputDir);
        var files = new List<ITaskItem>();
        foreach (string relative in ManifestFile.Read(outDir))
        {
            string full = Path.Join(outDir, relative.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(full))
            {
                var item = new Microsoft.Build.Utilities.TaskItem(full);
                item.SetMetadata("RelativePath", relative);
                files.Add(item);
            }
        }

        Files = [.. files];
        return true;
    }
}
