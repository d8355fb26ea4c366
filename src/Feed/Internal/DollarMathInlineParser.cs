using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Feed.Internal;

/// <summary>
/// Inline math delimited by dollars, by pandoc's <c>tex_math_dollars</c> rule instead of Markdig's emphasis-like
/// rule: <c>$…$</c> is math when the opening <c>$</c> has a non-space character right after it, and the first
/// unescaped <c>$</c> after that has a non-space character right before it and no digit right after it
/// (<c>$5 and $6</c> stays text). <c>$$…$$</c> is display math, spaces inside allowed. Nothing is asked of the
/// character before the opening <c>$</c>, so math sits directly beside Chinese and Japanese text
/// (<c>中文$x^2$后面</c>), where writers put no space; Markdig's rule wants a space or punctuation there.
/// </summary>
/// <remarks>
/// A <c>\$</c> outside math never reaches this parser (Markdig's escape parser makes it a literal dollar); inside
/// math a backslash escapes the next character, and <c>\text{…}</c> may hold dollars in balanced braces, as in pandoc.
/// The result is Markdig's own <see cref="MathInline"/>, so its HTML renderer and the excerpt walker are unchanged.
/// </remarks>
internal sealed class DollarMathInlineParser : InlineParser
{
    public DollarMathInlineParser()
    {
        OpeningCharacters = ['$'];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        // A run of dollars is read once, from its first dollar: a parser called on the second dollar of "$$$" must
        // not make math from the rest of the run.
        if (slice.PeekCharExtra(-1) == '$')
        {
            return false;
        }

        string text = slice.Text;
        int open = slice.Start;
        int end = slice.End; // inclusive
        int run = 1;
        while (open + run <= end && text[open + run] == '$')
        {
            run++;
        }

        int contentStart = open + run;
        int contentEnd; // exclusive
        int close;      // index after the closing delimiter
        if (run == 1)
        {
            if (!TryClose(text, contentStart, end, display: false, out contentEnd))
            {
                return false;
            }

            close = contentEnd + 1;
        }
        else if (run == 2)
        {
            if (!TryClose(text, contentStart, end, display: true, out contentEnd))
            {
                return false;
            }

            close = contentEnd + 2;
        }
        else
        {
            return false; // three or more dollars open nothing in pandoc either
        }

        var content = new StringSlice(text, contentStart, contentEnd - 1);
        if (run == 2)
        {
            content.Trim(); // pandoc: display math may be separated from its delimiters by spaces
        }

        var inline = new MathInline
        {
            Span = new SourceSpan(processor.GetSourcePosition(open, out int line, out int column), processor.GetSourcePosition(close - 1)),
            Line = line,
            Column = column,
            Delimiter = '$',
            DelimiterCount = run,
            Content = content,
        };
        inline.GetAttributes().AddClass("math");
        processor.Inline = inline;
        slice.Start = close;
        return true;
    }

    // Finds the closing delimiter, pandoc's way. $…$: a non-space right after the opening dollar; the first unescaped
    // dollar closes, and only when a non-space is right before it and no digit right after it. $$…$$: the next
    // unescaped "$$" closes, unless the math between is empty or blank. Either way a blank line ends the search, and a
    // delimiter that cannot close means there is no math here at all (pandoc does not look for a later one).
    internal static bool TryClose(string text, int start, int end, bool display, out int closing)
    {
        closing = -1;
        if (!display && (start > end || IsSpace(text[start])))
        {
            return false;
        }

        int last = display ? end - 1 : end; // "$$" needs the character after the first dollar
        int i = start;
        while (i <= last)
        {
            char c = text[i];
            if (c == '\\')
            {
                i = SkipEscape(text, i, end);
                continue;
            }

            if (c == '$' && (!display || text[i + 1] == '$'))
            {
                bool closes = display
                    ? i > start && !text.AsSpan(start, i - start).IsWhiteSpace() // "$$$$" or "$$ $$" is not math
                    : !IsSpace(text[i - 1]) && !(i < end && char.IsAsciiDigit(text[i + 1]));
                closing = closes ? i : -1;
                return closes;
            }

            if (c == '\n' && IsBlankLineAfter(text, i, end))
            {
                return false;
            }

            i++;
        }

        return false;
    }

    // A backslash escapes the next character; "\text{…}" escapes up to its balanced closing brace.
    private static int SkipEscape(string text, int backslash, int end)
    {
        const string Text = "text{";
        int next = backslash + 1;
        if (string.CompareOrdinal(text, next, Text, 0, Text.Length) != 0 || next + Text.Length - 1 > end)
        {
            return Math.Min(next + 1, end + 1);
        }

        int depth = 0;
        for (int i = next + Text.Length - 1; i <= end; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++;
                    break;
                case '{':
                    depth++;
                    break;
                case '}':
                    if (--depth == 0)
                    {
                        return i + 1;
                    }

                    break;
            }
        }

        return next + 1; // unbalanced: just the backslash and the "t" are escaped
    }

    private static bool IsBlankLineAfter(string text, int newline, int end)
    {
        for (int i = newline + 1; i <= end; i++)
        {
            if (text[i] == '\n')
            {
                return true;
            }

            if (!IsSpace(text[i]))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' || char.IsWhiteSpace(c);
}

/// <summary>Replaces the inline math parser of <see cref="MathExtension"/> with <see cref="DollarMathInlineParser"/>; math blocks stay Markdig's.</summary>
/// <remarks>Add it after <c>UseMathematics()</c>: extensions are set up in the order they were added.</remarks>
internal sealed class DollarMathExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Replace<MathInlineParser>(new DollarMathInlineParser()))
        {
            pipeline.InlineParsers.AddIfNotAlready<DollarMathInlineParser>();
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}
