using System.Text;
using Feed.Tool.Configuration;
using Feed.Tool.Diagnostics;

namespace Feed.Tool.Building;

/// <summary>
/// <c>--changed-list</c>: the absolute URLs of the feed documents a build wrote because they are new or changed, one a
/// line in ordinal order, so a deploy step can notify a WebSub hub of exactly those topics (W3C WebSub §6: the
/// publisher informs the hub when a topic has been updated).
/// </summary>
internal static class ChangedList
{
    /// <summary>Writes the list to <see cref="BuildSettings.ChangedList"/> ('-' is stdout).</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="changed">The paths under <c>--out</c> written because they are new or changed.</param>
    /// <param name="urls">Each staged document's path and URL.</param>
    /// <param name="stdout">Standard output, for '-'.</param>
    /// <param name="stderr">Receives the error when the file cannot be written.</param>
    /// <returns>Whether the list was written.</returns>
    public static bool Write(
        BuildSettings settings, IReadOnlyCollection<string> changed, IReadOnlyDictionary<string, Uri> urls, TextWriter stdout, TextWriter stderr)
    {
        var text = new StringBuilder();
        // Only feed documents are WebSub topics: an HTML page that changed has no URL here.
        foreach (string url in changed.Where(urls.ContainsKey).Select(path => urls[path].AbsoluteUri).Order(StringComparer.Ordinal))
        {
            text.Append(url).Append('\n');
        }

        if (settings.ChangedList == "-")
        {
            stdout.Write(text.ToString());
            return true;
        }

        try
        {
            File.WriteAllText(settings.ChangedList!, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine(new Diagnostic(settings.ChangedList, 0, 0, DiagnosticCodes.OutputFailed,
                $"the feeds were written, but the list of changed documents cannot be: {e.Message}"));
            return false;
        }
    }
}
