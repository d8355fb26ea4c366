#pragma warning disable IDE0130 // One file compiled into every test project that checks a README (see their .csproj).
namespace Feed.Testing;
#pragma warning restore IDE0130

/// <summary>
/// A README's code is compiled code (Polly's mdsnippets idea, without the tool): a block under
/// <c>&lt;!-- snippet: NAME --&gt;</c> is the text between <c>// begin-snippet: NAME</c> and <c>// end-snippet</c> in a
/// source file (without its common indentation), <c>&lt;!-- snippet: A + B --&gt;</c> is A, a blank line and B (usings
/// and the code that needs them), and <c>&lt;!-- file: PATH --&gt;</c> is a repository file verbatim. Every such block
/// ends with <c>&lt;!-- endSnippet --&gt;</c>.
/// </summary>
internal static class ReadmeSnippets
{
    /// <summary>The lines between <c>// begin-snippet: name</c> and <c>// end-snippet</c> of every file given, dedented.</summary>
    public static string Snippet(string name, params string[] files)
    {
        foreach (string file in files)
        {
            string[] lines = Lines(file);
            int begin = Array.FindIndex(lines, l => l.Trim() == $"// begin-snippet: {name}");
            if (begin < 0)
            {
                continue;
            }

            int end = Array.FindIndex(lines, begin, l => l.Trim() == "// end-snippet");
            if (end < 0)
            {
                throw new InvalidOperationException($"{file}: '// begin-snippet: {name}' has no '// end-snippet'.");
            }

            string[] body = lines[(begin + 1)..end];
            int indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
            return string.Join('\n', body.Select(l => l.Trim().Length == 0 ? string.Empty : l[indent..]));
        }

        throw new InvalidOperationException($"No '// begin-snippet: {name}' in {string.Join(", ", files)}.");
    }

    /// <summary>What a README's block under <paramref name="marker"/> must be, from the snippet files (and the repository for <c>file:</c>).</summary>
    public static string Expected(string marker, string repositoryRoot, params string[] files)
    {
        if (marker.StartsWith("file: ", StringComparison.Ordinal))
        {
            return File.ReadAllText(Path.Combine(repositoryRoot, marker["file: ".Length..])).ReplaceLineEndings("\n").TrimEnd('\n');
        }

        string names = marker["snippet: ".Length..];
        return string.Join("\n\n", names.Split(" + ").Select(name => Snippet(name.Trim(), files)));
    }

    /// <summary>Every checked block of a README: its marker (<c>snippet: …</c> or <c>file: …</c>) and its text.</summary>
    public static IReadOnlyList<(string Marker, string Text)> Blocks(string readme)
    {
        string[] lines = Lines(readme);
        var blocks = new List<(string, string)>();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (!line.StartsWith("<!-- snippet: ", StringComparison.Ordinal) && !line.StartsWith("<!-- file: ", StringComparison.Ordinal))
            {
                continue;
            }

            string marker = line["<!-- ".Length..^" -->".Length];
            if (!lines[i + 1].StartsWith("```", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{readme}: '{line}' is not followed by a ``` block.");
            }

            int close = Array.FindIndex(lines, i + 2, l => l == "```");
            if (close < 0 || close + 1 >= lines.Length || lines[close + 1] != "<!-- endSnippet -->")
            {
                throw new InvalidOperationException($"{readme}: the block under '{line}' is not closed by ``` and <!-- endSnippet -->.");
            }

            blocks.Add((marker, string.Join('\n', lines[(i + 2)..close])));
            i = close;
        }

        return blocks;
    }

    /// <summary>The ```csharp blocks of a README that no snippet marker checks (each should be one).</summary>
    public static IReadOnlyList<int> UncheckedCSharpBlocks(string readme)
    {
        string[] lines = Lines(readme);
        var found = new List<int>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i] == "```csharp" && (i == 0 || !lines[i - 1].StartsWith("<!-- snippet: ", StringComparison.Ordinal)))
            {
                found.Add(i + 1);
            }
        }

        return found;
    }

    private static string[] Lines(string file) => File.ReadAllText(file).ReplaceLineEndings("\n").Split('\n');
}
