using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Feed.Build;

/// <summary>
/// Turns a line the tool printed on stderr into an MSBuild event. The tool prints every problem in the MSBuild
/// canonical format, <c>path(line,col): error FEEDnnnn: message</c> (or <c>path: error ...</c> for a whole file, or
/// <c>feed: error ...</c> for no file at all), so a line becomes an error (or warning) with its file, line, column and
/// code; any other line is a message.
/// </summary>
internal static partial class ToolLine
{
    /// <summary>Logs <paramref name="line"/> through <paramref name="log"/>.</summary>
    /// <param name="log">The task's logger.</param>
    /// <param name="line">One line of the tool's stderr.</param>
    public static void Log(TaskLoggingHelper log, string line)
    {
        Match match = Canonical().Match(line);
        if (!match.Success)
        {
            log.LogMessage(MessageImportance.High, line);
            return;
        }

        string origin = match.Groups["origin"].Value;
        string? file = origin == "feed" ? null : Unescape(origin);
        int lineNumber = match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) : 0;
        int column = match.Groups["col"].Success ? int.Parse(match.Groups["col"].Value, CultureInfo.InvariantCulture) : 0;
        string code = match.Groups["code"].Value;
        string message = match.Groups["message"].Value;
        if (match.Groups["severity"].Value == "warning")
        {
            log.LogWarning(null, code, null, file, lineNumber, column, 0, 0, "{0}", message);
        }
        else
        {
            log.LogError(null, code, null, file, lineNumber, column, 0, 0, "{0}", message);
        }
    }

    // The tool percent-encodes the characters of a path that the one-line format cannot hold as they are: '%', '(',
    // ')' and ':' (see Feed.Tool.Diagnostics.Diagnostic.EscapePath). An MSBuild event carries the file as a field of
    // its own, so those four are decoded: the IDE must get a path it can open. Control and bidirectional characters
    // stay encoded, as they would otherwise reach a console logger as they are.
    private static string Unescape(string origin) =>
        origin.Contains('%', StringComparison.Ordinal) ? Encoded().Replace(origin, static m => m.Value.ToUpperInvariant() switch
        {
            "%25" => "%",
            "%28" => "(",
            "%29" => ")",
            _ => ":",
        }) : origin;

    [GeneratedRegex("%(?:25|28|29|3[Aa])", RegexOptions.CultureInvariant)]
    private static partial Regex Encoded();

    // The origin is matched lazily, so "(line,col)" goes to its own groups whenever it is there.
    [GeneratedRegex(@"^(?<origin>.+?)(?:\((?<line>[0-9]+),(?<col>[0-9]+)\))?: (?<severity>error|warning) (?<code>FEED[0-9]{4}): (?<message>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Canonical();
}
