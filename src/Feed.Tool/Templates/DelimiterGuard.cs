using System.Text;

namespace Feed.Tool.Templates;

/// <summary>
/// Makes sure no opening delimiter of the dialect is left outside code and literal text, whatever the body:
/// removing <c>{{ x }}</c> from <c>{{{ x }}%</c> leaves <c>{{%</c>, which no tag of the body spelled; removing a stray
/// <c>{%</c> from <c>{%```</c> starts a fence at the line's start, and text that was code is code no more.
/// </summary>
/// <remarks>
/// Literal text reaches the guard with its braces written as <see cref="LiteralBrace"/> (raw text, shortcode
/// comments, string outputs: the author asked for them) or <see cref="CodeBrace"/> (code copied as it was), so it
/// cannot match. First the delimiters the expansion put side by side go. Then, if the output holds a delimiter at
/// all, it is parsed: delimiters in what was copied as code but is no longer code go too, and the output is parsed
/// again, at most <see cref="MaxPasses"/> times. Removing appends character by character and drops a delimiter the
/// moment its last character arrives; what that uncovers is checked again as the next characters arrive, so none
/// remains in what it scans.
/// </remarks>
internal static class DelimiterGuard
{
    /// <summary>Stands for a <c>{</c> of copied code until the guard has run (U+FDD0, a noncharacter no post needs).</summary>
    public const char CodeBrace = '\uFDD0';

    /// <summary>Stands for a <c>{</c> of literal text the author asked for (U+FDD1, a noncharacter).</summary>
    public const char LiteralBrace = '\uFDD1';

    private const int MaxPasses = 3;

    /// <summary>Whether <paramref name="body"/> can be guarded: it does not hold the placeholder characters itself.</summary>
    public static bool CanGuard(string body) => body.AsSpan().IndexOfAny(CodeBrace, LiteralBrace) < 0;

    /// <summary>The expanded text without the delimiters left outside code, its braces restored; each removal counts in <paramref name="removed"/>.</summary>
    public static string Apply(string text, TemplateDialect dialect, ref int removed)
    {
        string[] delimiters = Delimiters(dialect);
        text = Remove(text, delimiters, code: null, ref removed);
        text = text.Replace(CodeBrace, '{');
        for (int pass = 0; pass < MaxPasses && delimiters.Any(d => text.Contains(d, StringComparison.Ordinal)); pass++)
        {
            List<CodeRegion> code = CodeRegions.Find(text);
            int before = removed;
            text = Remove(text, delimiters, code, ref removed);
            if (removed == before)
            {
                break;
            }
        }

        return text.Replace(LiteralBrace, '{');
    }

    private static string[] Delimiters(TemplateDialect dialect) => dialect switch
    {
        TemplateDialect.Hugo => ["{{<", "{{%"],
        TemplateDialect.Hexo => ["{%", "{{", "{#"],
        _ => ["{%", "{{"],
    };

    /// <summary>Removes the delimiters outside <paramref name="code"/> (none when null).</summary>
    private static string Remove(string text, string[] delimiters, List<CodeRegion>? code, ref int removed)
    {
        if (!delimiters.Any(d => text.Contains(d, StringComparison.Ordinal)))
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        int region = 0;
        int floor = 0; // output before here is code: never part of a delimiter
        for (int i = 0; i < text.Length; i++)
        {
            while (code is not null && region < code.Count && code[region].End <= i)
            {
                region++;
            }

            output.Append(text[i]);
            if (code is not null && region < code.Count && code[region].Start <= i)
            {
                floor = output.Length;
                continue;
            }

            foreach (string delimiter in delimiters)
            {
                if (output.Length - delimiter.Length >= floor && EndsWith(output, delimiter))
                {
                    output.Length -= delimiter.Length;
                    removed++;
                    break;
                }
            }
        }

        return output.ToString();
    }

    private static bool EndsWith(StringBuilder output, string delimiter)
    {
        for (int i = 0; i < delimiter.Length; i++)
        {
            if (output[output.Length - delimiter.Length + i] != delimiter[i])
            {
                return false;
            }
        }

        return true;
    }
}
