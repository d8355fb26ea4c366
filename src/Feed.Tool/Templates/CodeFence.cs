using System.Text;

namespace Feed.Tool.Templates;

/// <summary>
/// Writes a code block tag (Jekyll <c>{% highlight lang %}</c>, Hugo <c>{{&lt; highlight lang &gt;}}</c>, Hexo
/// <c>{% codeblock … lang:x %}</c>) as a Markdown fenced code block of its language, the tags' line prefixes kept so
/// the block stays in its list item or quote.
/// </summary>
internal static class CodeFence
{
    /// <summary>Writes <paramref name="tag"/>, a verbatim code block, in place.</summary>
    public static void Write(ExpansionWriter writer, TemplateTag tag)
    {
        string text = writer.Text;
        StringBuilder output = writer.Output;
        string language = Language(tag, text, writer.Context.Dialect);

        // CommonMark §4.5: the closing fence must be at least as long as the opening one, and a backtick fence's
        // info string cannot hold a backtick; a fence longer than any run of backticks inside cannot end early.
        string fence = new('`', Math.Max(3, LongestRun(text.AsSpan(tag.ContentStart, tag.ContentEnd - tag.ContentStart), '`') + 1));

        int lineStart = text.LastIndexOf('\n', Math.Max(0, tag.Start - 1)) + 1;
        if (tag.Start == 0)
        {
            lineStart = 0;
        }

        ReadOnlySpan<char> before = text.AsSpan(lineStart, tag.Start - lineStart);
        string continuation = Continuation(before);
        if (!IsContainerPrefix(before))
        {
            output.Append('\n').Append(continuation);
        }

        output.Append(fence).Append(language);

        int bodyStart = tag.ContentStart;
        int firstNewline = text.IndexOf('\n', tag.ContentStart, tag.ContentEnd - tag.ContentStart);
        if (firstNewline >= 0 && text.AsSpan(tag.ContentStart, firstNewline - tag.ContentStart).IsWhiteSpace())
        {
            bodyStart = firstNewline + 1; // the rest of the opening tag's line is empty: the code starts on the next
            output.Append('\n');
        }
        else
        {
            output.Append('\n').Append(continuation);
        }

        int lastNewline = bodyStart < tag.ContentEnd ? text.LastIndexOf('\n', tag.ContentEnd - 1, tag.ContentEnd - bodyStart) : -1;
        if (lastNewline >= 0 && IsContainerPrefix(text.AsSpan(lastNewline + 1, tag.ContentEnd - lastNewline - 1)))
        {
            writer.CopyCode(bodyStart, lastNewline + 1, isBlock: false);
            output.Append(text, lastNewline + 1, tag.ContentEnd - lastNewline - 1); // the closing tag's own prefix
        }
        else
        {
            writer.CopyCode(bodyStart, tag.ContentEnd, isBlock: false);
            output.Append('\n').Append(continuation);
        }

        output.Append(fence);
        int lineEnd = text.IndexOf('\n', tag.End);
        if (!text.AsSpan(tag.End, (lineEnd < 0 ? text.Length : lineEnd) - tag.End).IsWhiteSpace())
        {
            output.Append('\n').Append(continuation); // a closing fence line holds nothing else
        }

        writer.Protect();
    }

    private static string Language(TemplateTag tag, string text, TemplateDialect dialect)
    {
        List<TagArgument> arguments = TagArguments.Parse(tag.Arguments(text), dialect);
        string? language = dialect switch
        {
            // {% codeblock [title] [lang:language] [url] [link text] [options] %} (https://hexo.io/docs/tag-plugins#Code-Block)
            TemplateDialect.Hexo => arguments.FirstOrDefault(a => a.Value.StartsWith("lang:", StringComparison.Ordinal)).Value?["lang:".Length..],

            // {{< highlight go "linenos=table" >}} (https://gohugo.io/shortcodes/highlight/)
            TemplateDialect.Hugo => TagArguments.Get(arguments, "lang", 0),

            // {% highlight ruby linenos %} (https://jekyllrb.com/docs/liquid/tags/#code-snippet-highlighting)
            _ => TagArguments.Get(arguments, null, 0),
        };

        if (string.IsNullOrEmpty(language))
        {
            return string.Empty;
        }

        var clean = new StringBuilder(language.Length);
        foreach (char c in language)
        {
            if (!char.IsWhiteSpace(c) && c != '`')
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    /// <summary>Whether <paramref name="before"/>, the start of a line, holds only indentation, quote markers and list markers.</summary>
    private static bool IsContainerPrefix(ReadOnlySpan<char> before)
    {
        foreach (char c in before)
        {
            if (!(char.IsWhiteSpace(c) || c is '>' or '-' or '*' or '+' or '.' or ')' || char.IsAsciiDigit(c)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What continues a line that starts with <paramref name="before"/> in the same container: its leading quote markers and indentation, list markers as spaces.</summary>
    private static string Continuation(ReadOnlySpan<char> before)
    {
        var continuation = new StringBuilder(before.Length);
        foreach (char c in before)
        {
            if (!IsContainerPrefix([c]))
            {
                break;
            }

            continuation.Append(c is '>' or '\t' ? c : ' ');
        }

        return continuation.ToString();
    }

    private static int LongestRun(ReadOnlySpan<char> text, char c)
    {
        int longest = 0;
        int run = 0;
        foreach (char x in text)
        {
            run = x == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
