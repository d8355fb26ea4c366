using System.Globalization;
using System.Text.RegularExpressions;

namespace Feed.Tests.Support;

/// <summary>One example of a spec file: its input, what it must give, and the words on its opening line.</summary>
internal sealed record SpecExample(string Id, int Line, string Input, string Expected, IReadOnlyList<string> Words);

/// <summary>
/// Reads a Markdig-style spec file (<c>Excerpts/Specs/ExcerptSpecs.md</c>, <c>Content/Specs/ContentSpecs.md</c>): a
/// line of 32 backticks plus <c>example</c> and option words opens an example, a line holding only <c>.</c>
/// separates the input from the expected output, and a line of 32 backticks closes it. In an input, <c>→</c> stands
/// for a tab and <c>{U+XXXX}</c> for that code point (a control character the page could not show). The last
/// heading above an example names it.
/// </summary>
internal static partial class SpecFile
{
    private static readonly string Fence = new('`', 32);

    /// <summary>
    /// The path of a spec copied next to the test assembly by the test project (<c>None Update="…/Specs/**/*.md"</c>
    /// with <c>CopyToOutputDirectory</c>): specs are read from there, with no search of the file system above the build output.
    /// </summary>
    public static string Locate(params string[] relativePath)
    {
        string path = Path.Combine([AppContext.BaseDirectory, .. relativePath]);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing: Feed.Tests.csproj copies the Specs/*.md files to the output folder.", path);
    }

    /// <summary>Parses <paramref name="text"/>, naming <paramref name="fileName"/> in errors.</summary>
    /// <exception cref="FormatException">An example has no <c>.</c> line or no closing fence (the message gives its line).</exception>
    public static IReadOnlyList<SpecExample> Parse(string text, string fileName)
    {
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var examples = new List<SpecExample>();
        string section = "Spec";
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.StartsWith('#'))
            {
                section = line.TrimStart('#').Trim();
                continue;
            }

            if (!line.StartsWith(Fence + " example", StringComparison.Ordinal))
            {
                continue;
            }

            int start = i + 1;
            int dot = Array.IndexOf(lines, ".", start);
            int close = Array.IndexOf(lines, Fence, start);
            if (dot < 0 || close < 0 || dot > close)
            {
                throw new FormatException($"{fileName} line {i + 1}: the example needs a '.' line and a closing fence.");
            }

            string input = CodePoint().Replace(string.Join('\n', lines[start..dot]).Replace('→', '\t'), match =>
                char.ConvertFromUtf32(int.Parse(match.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            string expected = string.Join('\n', lines[(dot + 1)..close]);
            string[] words = line[(Fence.Length + " example".Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string id = string.Create(CultureInfo.InvariantCulture, $"{examples.Count + 1:000} {section} (line {i + 1})");
            examples.Add(new SpecExample(id, i + 1, input, expected, words));
            i = close;
        }

        return examples;
    }

    [GeneratedRegex(@"\{U\+([0-9A-F]{4,6})\}")]
    private static partial Regex CodePoint();
}
