using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Feed.Internal;

/// <summary>
/// MathJax's delimiters in Markdown: <c>\(…\)</c> inline and <c>\[…\]</c> display math, as an author writes them for
/// each of the two ways sites pass them to MathJax (https://docs.mathjax.org/en/latest/input/tex/delimiters.html).
/// </summary>
/// <remarks>
/// <para>
/// Doubled, <c>\\(…\\)</c> and <c>\\[…\\]</c>: a CommonMark renderer turns <c>\\</c> into one backslash, so this is what
/// reaches MathJax as <c>\(…\)</c> on a Jekyll (kramdown), Hexo (marked) or plain Hugo site; no one doubles a backslash
/// before a parenthesis for anything else, so it is always math.
/// </para>
/// <para>
/// Single, <c>\(…\)</c> and <c>\[…\]</c>: what Hugo's passthrough extension hands to MathJax unchanged
/// (https://gohugo.io/content-management/mathematics/), and pandoc's <c>tex_math_single_backslash</c>. To CommonMark
/// (§2.4) they are escaped brackets, which authors write to keep text from becoming a link: <c>\[1\]</c>,
/// <c>\[citation needed\]</c>. So <c>\(…\)</c> is math (no one needs to escape a pair of parentheses), and <c>\[…\]</c>
/// only when what it holds has a TeX character (<c>\ ^ _ { } =</c>); the rest stay escaped brackets.
/// </para>
/// <para>
/// Either way the math ends at its closing delimiter in the same paragraph, before any backtick (a code span binds
/// tighter), a backslash inside escapes the character after it (TeX's <c>\\</c> does not close), and blank math is none. The result is Markdig's own <see cref="MathInline"/>,
/// rendered <c>&lt;span class="math"&gt;\(…\)&lt;/span&gt;</c> like dollar math and read by the excerpt walker as math.
/// </para>
/// </remarks>
internal sealed class BackslashMathInlineParser : InlineParser
{
    // A search that found no closing delimiter is remembered (per thread: the pipeline is shared), so a paragraph of a
    // million unclosed "\(" is read in linear time. Markdig calls the parser at the positions a search steps on.
    [ThreadStatic]
    private static string? t_failedText;

    [ThreadStatic]
    private static int[]? t_failedFrom;

    [ThreadStatic]
    private static int[]? t_failedEnd;

    public BackslashMathInlineParser()
    {
        OpeningCharacters = ['\\'];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        string text = slice.Text;
        int open = slice.Start;
        int end = slice.End; // inclusive
        bool doubled = open + 2 <= end && text[open + 1] == '\\';
        int bracketAt = doubled ? open + 2 : open + 1;
        if (bracketAt > end || text[bracketAt] is not ('(' or '['))
        {
            return false;
        }

        bool display = text[bracketAt] == '[';
        char closing = display ? ']' : ')';
        int contentStart = bracketAt + 1;
        int kind = (doubled ? 2 : 0) + (display ? 1 : 0);
        if (ReferenceEquals(t_failedText, text) && t_failedFrom![kind] >= 0 && contentStart >= t_failedFrom[kind] && end <= t_failedEnd![kind])
        {
            return false;
        }

        int close = FindClose(text, contentStart, end, doubled, closing);
        if (close < 0)
        {
            if (!ReferenceEquals(t_failedText, text))
            {
                t_failedText = text;
                t_failedFrom ??= new int[4];
                t_failedEnd ??= new int[4];
                Array.Fill(t_failedFrom, -1);
            }

            t_failedFrom![kind] = contentStart;
            t_failedEnd![kind] = end;
            return false;
        }

        ReadOnlySpan<char> content = text.AsSpan(contentStart, close - contentStart);
        if (content.IsWhiteSpace() || (display && !doubled && content.IndexOfAny(@"\^_{}=") < 0))
        {
            return false;
        }

        int after = close + (doubled ? 3 : 2);
        var inline = new MathInline
        {
            Span = new SourceSpan(processor.GetSourcePosition(open, out int line, out int column), processor.GetSourcePosition(after - 1)),
            Line = line,
            Column = column,
            Delimiter = '\\',
            DelimiterCount = display ? 2 : 1,
            Content = new StringSlice(text, contentStart, close - 1),
        };
        inline.Content.Trim();
        inline.GetAttributes().AddClass("math");
        processor.Inline = inline;
        slice.Start = after;
        return true;
    }

    /// <summary>The index of the closing delimiter's first backslash, or -1.</summary>
    private static int FindClose(string text, int start, int end, bool doubled, char closing)
    {
        for (int i = start; i <= end; i++)
        {
            if (text[i] == '`')
            {
                return -1; // a code span binds tighter (CommonMark §6.1): math does not reach into one
            }

            if (text[i] != '\\')
            {
                continue;
            }

            if (doubled)
            {
                if (i + 2 <= end && text[i + 1] == '\\' && text[i + 2] == closing)
                {
                    return i;
                }

                if (i + 1 <= end && text[i + 1] == '\\')
                {
                    i++; // "\\\\" is TeX's "\\" written for Markdown
                }
            }
            else
            {
                if (i + 1 <= end && text[i + 1] == closing)
                {
                    return i;
                }

                i++; // a backslash escapes the next character, "\\" included
            }
        }

        return -1;
    }
}

/// <summary>Adds <see cref="BackslashMathInlineParser"/> before Markdig's escape parser, which would otherwise read <c>\(</c> as an escaped parenthesis.</summary>
internal sealed class BackslashMathExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<BackslashMathInlineParser>())
        {
            pipeline.InlineParsers.InsertBefore<EscapeInlineParser>(new BackslashMathInlineParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}
