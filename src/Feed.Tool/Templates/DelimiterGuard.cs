using System.Text;

namespace Feed.Tool.Templates;

/// <summary>
/// Removes the template delimiters that expansion itself puts side by side: removing <c>{{ x }}</c> from
/// <c>{{{ x }}%</c> leaves <c>{{%</c>, which no tag of the body spelled. Whatever the body, the result then holds no
/// opening delimiter of its dialect outside code and literal text.
/// </summary>
/// <remarks>
/// Literal text (code, raw text, shortcode comments, string outputs) reaches the guard with its braces written as
/// <see cref="Brace"/>, so it cannot match. The guard appends character by character and drops a delimiter the
/// moment its last character arrives; what that uncovers is checked again as the next characters arrive, so none
/// can remain, in one pass.
/// </remarks>
internal static class DelimiterGuard
{
    /// <summary>Stands for a <c>{</c> of literal text until the guard has run (a noncharacter, U+FDD0, which no post needs).</summary>
    public const char Brace = '\uFDD0';

    /// <summary><paramref name="text"/> without the opening delimiters its dialect's generator would have read; each removal counts in <paramref name="removed"/>.</summary>
    public static string Remove(string text, TemplateDialect dialect, ref int removed)
    {
        string[] delimiters = dialect switch
        {
            TemplateDialect.Hugo => ["{{<", "{{%"],
            TemplateDialect.Hexo => ["{%", "{{", "{#"],
            _ => ["{%", "{{"],
        };
        if (!delimiters.Any(d => text.Contains(d, StringComparison.Ordinal)))
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            output.Append(c);
            foreach (string delimiter in delimiters)
            {
                if (EndsWith(output, delimiter))
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
        if (output.Length < delimiter.Length)
        {
            return false;
        }

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
