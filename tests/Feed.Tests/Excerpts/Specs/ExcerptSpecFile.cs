using System.Globalization;
using System.Text.RegularExpressions;
using Feed.Excerpts;

namespace Feed.Tests.Excerpts.Specs;

/// <summary>One example of <c>ExcerptSpecs.md</c>: a body, the options it runs with, and what it must give.</summary>
internal sealed record ExcerptSpecExample(
    string Id,
    int Line,
    string Body,
    bool IsHtml,
    ExcerptOptions Options,
    string ExpectedText,
    bool ExpectedTruncated,
    ExcerptSource ExpectedSource);

/// <summary>
/// Reads <c>ExcerptSpecs.md</c> (format described at the top of that file): a line of 32 backticks plus <c>example</c>
/// and option words opens an example, a line holding only <c>.</c> separates the body from the expected excerpt, and a
/// line of 32 backticks closes it.
/// </summary>
internal static partial class ExcerptSpecFile
{
    private static readonly string Fence = new('`', 32);

    private static readonly Lazy<IReadOnlyList<ExcerptSpecExample>> Cached = new(() => Parse(File.ReadAllText(Locate())));

    public static IReadOnlyList<ExcerptSpecExample> Examples => Cached.Value;

    /// <summary>
    /// The spec is copied next to the test assembly by the test project (<c>None Update="Excerpts/Specs/**/*.md"</c>
    /// with <c>CopyToOutputDirectory</c>), so it is read from there: no search of the file system above the build output.
    /// </summary>
    public static string Locate()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Excerpts", "Specs", "ExcerptSpecs.md");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing: Feed.Tests.csproj copies Excerpts/Specs/*.md to the output folder.", path);
    }

    public static IReadOnlyList<ExcerptSpecExample> Parse(string text)
    {
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var examples = new List<ExcerptSpecExample>();
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
                throw new FormatException($"ExcerptSpecs.md line {i + 1}: the example needs a '.' line and a closing fence.");
            }

            string body = CodePoint().Replace(string.Join('\n', lines[start..dot]).Replace('→', '\t'), match =>
                char.ConvertFromUtf32(int.Parse(match.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            string expected = string.Join('\n', lines[(dot + 1)..close]);
            var options = new ExcerptOptions();
            bool html = false, truncated = false;
            ExcerptSource source = ExcerptSource.Body;
            foreach (string word in line[(Fence.Length + " example".Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = word.IndexOf('=', StringComparison.Ordinal);
                string key = eq < 0 ? word : word[..eq];
                string value = eq < 0 ? string.Empty : word[(eq + 1)..];
                switch (key)
                {
                    case "length": options.Length = int.Parse(value, CultureInfo.InvariantCulture); break;
                    case "boundary": options.Boundary = Enum.Parse<ExcerptBoundary>(value, ignoreCase: true); break;
                    case "ellipsis": options.Ellipsis = value; break;
                    case "math": options.MathPlaceholder = value; break;
                    case "displaymath": options.DisplayMathPlaceholder = value; break;
                    case "html": html = true; break;
                    case "cut": truncated = true; break;
                    case "divider": source = ExcerptSource.Divider; break;
                    default: throw new FormatException($"ExcerptSpecs.md line {i + 1}: unknown word '{word}'.");
                }
            }

            string id = string.Create(CultureInfo.InvariantCulture, $"{examples.Count + 1:000} {section} (line {i + 1})");
            examples.Add(new ExcerptSpecExample(id, i + 1, body, html, options, expected, truncated, source));
            i = close;
        }

        return examples;
    }

    [GeneratedRegex(@"\{U\+([0-9A-F]{4,6})\}")]
    private static partial Regex CodePoint();
}
