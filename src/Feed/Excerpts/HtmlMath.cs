using Feed.Internal;

namespace Feed.Excerpts;

/// <summary>
/// Math in HTML text, where MathJax finds it in a page (https://docs.mathjax.org/en/latest/basic/mathematics.html):
/// <c>\(…\)</c> and <c>\[…\]</c>, MathJax's own delimiters, and <c>$…$</c> and <c>$$…$$</c> by the same pandoc rule as
/// in Markdown (<see cref="DollarMathInlineParser"/>), so <c>&lt;td&gt;$a = b$&lt;/td&gt;</c> in a Markdown HTML block,
/// or in an HTML body, reads like <c>$a = b$</c> in a paragraph. In HTML a backslash escapes nothing, so a single one
/// is the delimiter; <c>\$</c> is a literal dollar, as MathJax's <c>processEscapes</c> makes it.
/// </summary>
/// <remarks>
/// Math is found within one run of text: math broken by a tag (<c>$a&lt;sub&gt;1&lt;/sub&gt;$</c>) stays text, and text
/// inside <c>code</c> is never math (MathJax skips it too; <c>pre</c>, <c>script</c> and the like are not read at all).
/// A search that finds no closing delimiter is not made again for a later opening one, so the time is linear.
/// </remarks>
internal static class HtmlMath
{
    /// <summary>Appends <paramref name="text"/> (references decoded) to <paramref name="collector"/>, each piece of math as its placeholder.</summary>
    public static void Append(string text, TextCollector collector, TextRules rules)
    {
        int plain = 0;
        int noDollarFrom = int.MaxValue;
        int noParenFrom = int.MaxValue;
        int noBracketFrom = int.MaxValue;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '$')
            {
                int run = 1;
                while (i + run < text.Length && text[i + run] == '$')
                {
                    run++;
                }

                int close = -1;
                if (run <= 2 && i + run < noDollarFrom && DollarMathInlineParser.TryClose(text, i + run, text.Length - 1, display: run == 2, out close))
                {
                    collector.Append(text.AsSpan(plain, i - plain));
                    collector.Append(run == 2 ? rules.DisplayMathPlaceholder : rules.MathPlaceholder);
                    i = close + run;
                    plain = i;
                    continue;
                }

                i += run;
                continue;
            }

            if (c == '\\' && i + 1 < text.Length)
            {
                char next = text[i + 1];
                if (next == '$')
                {
                    collector.Append(text.AsSpan(plain, i - plain)); // "\$" is a dollar
                    plain = i + 1;
                    i += 2;
                    continue;
                }

                if (next is '(' or '[')
                {
                    bool display = next == '[';
                    ref int failed = ref display ? ref noBracketFrom : ref noParenFrom;
                    int close = i + 2 < failed ? FindClose(text, i + 2, display ? ']' : ')') : -1;
                    if (close < 0)
                    {
                        failed = Math.Min(failed, i + 2);
                    }
                    else if (!text.AsSpan(i + 2, close - i - 2).IsWhiteSpace())
                    {
                        collector.Append(text.AsSpan(plain, i - plain));
                        collector.Append(display ? rules.DisplayMathPlaceholder : rules.MathPlaceholder);
                        i = close + 2;
                        plain = i;
                        continue;
                    }
                }

                i += 2;
                continue;
            }

            i++;
        }

        collector.Append(text.AsSpan(plain));
    }

    /// <summary>Whether <paramref name="text"/> may hold math at all: most text has neither a dollar nor a backslash.</summary>
    public static bool MayHoldMath(ReadOnlySpan<char> text) => text.IndexOfAny('$', '\\') >= 0;

    private static int FindClose(string text, int start, char closing)
    {
        for (int i = start; i + 1 < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                if (text[i + 1] == closing)
                {
                    return i;
                }

                i++; // TeX: a backslash takes the next character, "\\" included
            }
        }

        return -1;
    }
}
