using System.Globalization;

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

    /// <summary>Formats as <c>path(line,col): error FEEDnnnn: message</c> (the MSBuild canonical error format).</summary>
    /// <returns>The line to print.</returns>
    public override string ToString()
    {
        string origin = Path is null
            ? "feed"
            : Line > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{Path}({Line},{Column})")
                : Path;
        return $"{origin}: error {Code}: {Message}";
    }
}
