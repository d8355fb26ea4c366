using Feed.Tool.Configuration;
using Feed.Tool.Diagnostics;
using Feed.Tool.Files;
using Feed.Tool.Output;
using Microsoft.Build.Framework;

namespace Feed.Build;

/// <summary>
/// The MSBuild task behind the <c>FeedClean</c> target (run after <c>Clean</c>): deletes the files the last feed build
/// listed in the output folder's <c>.feed-manifest</c>, the manifest itself, and the folders that leaves empty. Any
/// other file in the folder is left alone, as the tool leaves it alone.
/// </summary>
/// <remarks>
/// It is the tool's own code that does it (<see cref="OutputTransaction.Clean"/>), under the output folder's lock,
/// after completing or rolling back a build that was interrupted there: the same rules for what may be deleted
/// (nothing through a link or outside the folder), and the same codes (a manifest line left alone is a
/// <c>FEED0020</c> warning, as in the tool).
/// </remarks>
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
        if (FileKinds.Of(Path.Join(outDir, ManifestFile.Name), followLinks: false) == FileKind.Missing)
        {
            return true;
        }

        IReadOnlyList<string> removed = [];
        try
        {
            using var output = new OutputTransaction(outDir, TimeSpan.FromSeconds(BuildSettings.DefaultLockTimeoutSeconds), TimeProvider.System, log: null, CancellationToken.None);
            if (output.Problems.Count == 0)
            {
                removed = output.Clean();
            }

            foreach (Diagnostic d in output.Problems.Concat(output.Notes))
            {
                Report(d);
            }
        }
        catch (OutputLockedException e)
        {
            Report(new Diagnostic(outDir, 0, 0, DiagnosticCodes.OutputLocked, $"cannot remove the generated feeds: {e.Message}"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Report(new Diagnostic(outDir, 0, 0, DiagnosticCodes.OutputFailed, $"cannot remove the generated feeds: {e.Message}"));
        }

        Deleted = [.. removed.Select(path => new Microsoft.Build.Utilities.TaskItem(path))];
        Log.LogMessage(MessageImportance.Normal, "feed: {0} generated files removed from {1}", Deleted.Length, outDir);
        return !Log.HasLoggedErrors;
    }

    private void Report(Diagnostic d)
    {
        if (d.IsWarning)
        {
            Log.LogWarning(null, d.Code, null, d.Path, d.Line, d.Column, 0, 0, "{0}", d.Message);
        }
        else
        {
            Log.LogError(null, d.Code, null, d.Path, d.Line, d.Column, 0, 0, "{0}", d.Message);
        }
    }
}
