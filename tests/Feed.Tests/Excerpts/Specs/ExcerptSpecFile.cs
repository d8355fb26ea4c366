using System.Globalization;
using Feed.Excerpts;
using Feed.Tests.Support;

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
/// Reads <c>ExcerptSpecs.md</c> (format described at the top of that file, parsed by <see cref="SpecFile"/>) and
/// turns the words on each example's opening line into excerpt options and expectations.
/// </summary>
internal static class ExcerptSpecFile
{
    private static readonly Lazy<IReadOnlyList<ExcerptSpecExample>> Cached = new(() => Parse(File.ReadAllText(Locate())));

    public static IReadOnlyList<ExcerptSpecExample> Examples => Cached.Value;

    public static string Locate() => SpecFile.Locate("Excerpts", "Specs", "ExcerptSpecs.md");

    public static IReadOnlyList<ExcerptSpecExample> Parse(string text) =>
        [.. SpecFile.Parse(text, "ExcerptSpecs.md").Select(ToExcerptExample)];

    private static ExcerptSpecExample ToExcerptExample(SpecExample example)
    {
        var options = new ExcerptOptions();
        bool html = false, truncated = false;
        ExcerptSource source = ExcerptSource.Body;
        foreach (string word in example.Words)
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
                default: throw new FormatException($"ExcerptSpecs.md line {example.Line}: unknown word '{word}'.");
            }
        }

        return new ExcerptSpecExample(example.Id, example.Line, example.Input, html, options, example.Expected, truncated, source);
    }
}
