using Feed.Tool.Templates;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Feed.Tool.Tests.Templates;

/// <summary>
/// Finds template syntax left outside code in an expanded body, reading it with Markdig's plain CommonMark parser,
/// independently of the expander's own scanner: the opening delimiters the dialect's generator would have read.
/// </summary>
internal static class TemplateLeaks
{
    /// <summary>Each leak as "index: delimiter"; empty when none.</summary>
    public static List<string> OutsideCode(string body, TemplateDialect dialect)
    {
        char[] mask = body.ToCharArray();
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(body);
        }
        catch (ArgumentException)
        {
            document = new MarkdownDocument(); // nested past Markdig's limit: the library reads it as text, with no code
        }

        foreach (MarkdownObject node in document.Descendants())
        {
            if (node is CodeBlock or CodeInline)
            {
                for (int i = Math.Max(0, node.Span.Start); i <= node.Span.End && i < mask.Length; i++)
                {
                    mask[i] = ' ';
                }
            }
        }

        string outside = new(mask);
        string[] delimiters = dialect == TemplateDialect.Hugo ? ["{{<", "{{%"] : ["{%", "{{<", "{{%"];
        var leaks = new List<string>();
        foreach (string delimiter in delimiters)
        {
            for (int i = outside.IndexOf(delimiter, StringComparison.Ordinal); i >= 0 && leaks.Count < 10; i = outside.IndexOf(delimiter, i + 1, StringComparison.Ordinal))
            {
                leaks.Add($"{i}: {delimiter}");
            }
        }

        return leaks;
    }
}
