using System.Globalization;
using Feed.Tests.Support;
using Feed.Tool.Templates;

namespace Feed.Tool.Tests.Templates.Specs;

/// <summary>One example of <c>TemplateSpecs.md</c>: a body, its dialect, and what it must expand to.</summary>
internal sealed record TemplateSpecExample(
    string Id,
    int Line,
    string Body,
    TemplateDialect Dialect,
    int FirstLine,
    string ExpectedBody,
    IReadOnlyList<string> ExpectedNotes,
    int ExpectedRemoved);

/// <summary>Reads <c>TemplateSpecs.md</c> (format described at the top of that file, parsed by <see cref="SpecFile"/>).</summary>
internal static class TemplateSpecFile
{
    private static readonly Lazy<IReadOnlyList<TemplateSpecExample>> Cached = new(() => Parse(File.ReadAllText(Locate())));

    public static IReadOnlyList<TemplateSpecExample> Examples => Cached.Value;

    public static string Locate() => SpecFile.Locate("Templates", "Specs", "TemplateSpecs.md");

    public static IReadOnlyList<TemplateSpecExample> Parse(string text) =>
        [.. SpecFile.Parse(text, "TemplateSpecs.md").Select(ToTemplateExample)];

    private static TemplateSpecExample ToTemplateExample(SpecExample example)
    {
        TemplateDialect? dialect = null;
        int firstLine = 1;
        int removed = 0;
        foreach (string word in example.Words)
        {
            int eq = word.IndexOf('=', StringComparison.Ordinal);
            string key = eq < 0 ? word : word[..eq];
            string value = eq < 0 ? string.Empty : word[(eq + 1)..];
            switch (key)
            {
                case "jekyll": dialect = TemplateDialect.Jekyll; break;
                case "hugo": dialect = TemplateDialect.Hugo; break;
                case "hexo": dialect = TemplateDialect.Hexo; break;
                case "line": firstLine = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "removed": removed = int.Parse(value, CultureInfo.InvariantCulture); break;
                default: throw new FormatException($"TemplateSpecs.md line {example.Line}: unknown word '{word}'.");
            }
        }

        if (dialect is null)
        {
            throw new FormatException($"TemplateSpecs.md line {example.Line}: an example names its dialect (jekyll, hugo or hexo).");
        }

        // The expected text is the expanded body, then, after a second '.' line, the warnings, one per line.
        string[] lines = example.Expected.Split('\n');
        int dot = Array.IndexOf(lines, ".");
        string body = string.Join('\n', dot < 0 ? lines : lines[..dot]);
        string[] notes = dot < 0 ? [] : lines[(dot + 1)..];
        return new TemplateSpecExample(example.Id, example.Line, example.Input, dialect.Value, firstLine, body, notes, removed);
    }
}
