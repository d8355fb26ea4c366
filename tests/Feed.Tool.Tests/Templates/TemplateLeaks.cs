using Feed.Tool.Templates;

namespace Feed.Tool.Tests.Templates;

/// <summary>
/// Finds template syntax left outside code in an expanded body: the opening delimiters the dialect's generator would
/// have read. Code is what the library's Markdown pipeline, which makes the feed's excerpts and content, reads as code
/// in the expanded body (<see cref="CodeRegions"/>), independently of how the expander read the post.
/// </summary>
internal static class TemplateLeaks
{
    /// <summary>Each leak as "index: delimiter"; empty when none.</summary>
    public static List<string> OutsideCode(string body, TemplateDialect dialect)
    {
        char[] mask = body.ToCharArray();
        foreach (CodeRegion region in CodeRegions.Find(body))
        {
            Array.Fill(mask, ' ', region.Start, region.End - region.Start);
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
