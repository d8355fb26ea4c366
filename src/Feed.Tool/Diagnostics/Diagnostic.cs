using System.Globalization;
using System.Text;

namespace Feed.Tool.Diagnostics;

/// <summary>One problem found in the input, printed MSBuild-style so IDEs and CI logs link it to the file.</summary>
/// <param name="Path">The file, as the user named it (posts folder joined with the file's path inside it); or <see langword="null"/> for a problem with no file.</param>
/// <param name="Line">The 1-based line, or 0 when the problem concerns the whole file.</param>
/// <param name="Column">The 1-based column, or 0 when the problem concerns the whole file.</param>
/// <param name="Code">The stable code, one of <see cref="DiagnosticCodes"/>.</param>
/// <param name="Message">One sentence saying what is wrong and, where it helps, how to fix it.</param>
/// <remarks>Immutable.</remarks>
internal sealed record Diagnostic(string? Path, int Line, int Column, string Code, string Message)
{
    /// <summary>Gets whether this is a warning: printed, but the build goes on and succeeds.</summary>
    public bool IsWarning { get; init; }

    /// <summary>Gets whether <see cref="Path"/> is printed as it is, already escaped (a name with bytes that are not UTF-8, shown as <c>%XX</c>).</summary>
    public bool PathIsEscaped { get; init; }

    /// <summary>Orders diagnostics by path (ordinal), then line, column and code, so output never depends on thread timing.</summary>
    public static IComparer<Diagnostic> Order { get; } = Comparer<Diagnostic>.Create(static (a, b) =>
    {
        int c = string.CompareOrdinal(a.Path, b.Path);
        if (c == 0)
        {
            c = a.Line.CompareTo(b.Line);
        }

        if (c == 0)
        {
            c = a.Column.CompareTo(b.Column);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.Code, b.Code);
        }

        return c == 0 ? string.CompareOrdinal(a.Message, b.Message) : c;
    });

    /// <summary>A warning (the build goes on).</summary>
    public static Diagnostic Warning(string? path, int line, int column, string code, string message) =>
        new(path, line, column, code, message) { IsWarning = true };

    /// <summary>
    /// Formats as <c>path(line,col): error FEEDnnnn: message</c> (the MSBuild canonical error format), always on one
    /// line: see <see cref="EscapePath"/> and <see cref="EscapeText"/>.
    /// </summary>
    /// <returns>The line to print.</returns>
    public override string ToString()
    {
        string origin = Path is null
            ? "feed"
            : Line > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{(PathIsEscaped ? Path : EscapePath(Path))}({Line},{Column})")
                : PathIsEscaped ? Path : EscapePath(Path);
        return $"{origin}: {(IsWarning ? "warning" : "error")} {Code}: {EscapeText(Message)}";
    }

    /// <summary>
    /// A path as printed in a diagnostic's origin: percent-encoded where it could break or forge the line. A file name
    /// may hold any byte but '/' and NUL, so a name with a newline, or named <c>a(1,2): error FEED9999: x.md</c>, would
    /// otherwise print a second line or a fake diagnostic. Encoded: '%', control characters (C0, DEL, C1), line and
    /// paragraph separators, bidirectional controls (which reorder what a terminal shows), ':' other than a drive
    /// letter's (the MSBuild format ends the origin at the first ':'), '(' and ')' (which hold the position), and
    /// U+FFFD, which is what .NET makes of bytes that are not UTF-8.
    /// </summary>
    /// <param name="path">The path.</param>
    /// <returns>The printable path; a plain path is returned as it is.</returns>
    public static string EscapePath(string path)
    {
        bool drive = path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':' && System.IO.Path.DirectorySeparatorChar == '\\';
        StringBuilder? text = null;
        for (int i = 0; i < path.Length; i++)
        {
            char c = path[i];
            bool escape = c is '%' or '(' or ')' or '\uFFFD' || (c == ':' && !(drive && i == 1)) || IsUnsafe(c);
            if (escape)
            {
                text ??= new StringBuilder(path, 0, i, path.Length + 16);
                AppendPercent(text, c);
            }
            else
            {
                text?.Append(c);
            }
        }

        return text?.ToString() ?? path;
    }

    /// <summary>A message with its control characters written as <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\uXXXX</c>: one line, whatever it quotes.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The printable message.</returns>
    public static string EscapeText(string message)
    {
        if (!HasUnsafe(message))
        {
            return message;
        }

        var text = new StringBuilder(message.Length + 16);
        foreach (char c in message)
        {
            switch (c)
            {
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (IsUnsafe(c))
                    {
                        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.ToString();
    }

    private static bool HasUnsafe(string text)
    {
        foreach (char c in text)
        {
            if (IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }

    // C0 and C1 controls, DEL, line/paragraph separators, and the bidirectional formatting characters.
    private static bool IsUnsafe(char c) =>
        c < ' ' || c is >= '\u007F' and <= '\u009F' || c is '\u2028' or '\u2029' or '\u061C' or '\u200E' or '\u200F'
        || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';

    private static void AppendPercent(StringBuilder text, char c)
    {
        Span<byte> bytes = stackalloc byte[4];
        int count = Encoding.UTF8.GetBytes([c], bytes);
        foreach (byte b in bytes[..count])
        {
            text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
    }
}
