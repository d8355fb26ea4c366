using System.Text;

namespace Feed.Tool.Templates;

/// <summary>A fenced code block a writer made: where its opening and closing fences start in the output.</summary>
internal readonly record struct WrittenFence(int TagIndex, int Open, int Close, int Length);

/// <summary>
/// Writes a code block tag (Jekyll <c>{% highlight lang %}</c>, Hugo <c>{{&lt; highlight lang &gt;}}</c>, Hexo
/// <c>{% codeblock … lang:x %}</c>) as a Markdown fenced code block of its language, the tags' line prefixes kept so
/// the block stays in its list item or quote. Where a fence would not be one (the tag in the middle of a paragraph
/// line, indented as a paragraph's continuation, inside an HTML block), the expander has it written again as HTML
/// <c>&lt;pre&gt;&lt;code&gt;</c>, which is code in any place.
/// </summary>
internal static class CodeFence
{
    /// <summary>Writes <paramref name="tag"/>, a verbatim code block, in place.</summary>
    public static void Write(ExpansionWriter writer, TemplateTag tag, int tagIndex)
    {
        string text = writer.Text;
        StringBuilder output = writer.Output;
        string language = Language(tag, text, writer.Context.Dialect);
        if (writer.HtmlCode?.Contains(tagIndex) == true)
        {
            WriteHtml(writer, tag, language);
            return;
        }

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

        int open = output.Length;
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

        writer.Fences.Add(new WrittenFence(tagIndex, open, output.Length, fence.Length));
        output.Append(fence);
        int lineEnd = text.IndexOf('\n', tag.End);
        if (!text.AsSpan(tag.End, (lineEnd < 0 ? text.Length : lineEnd) - tag.End).IsWhiteSpace())
        {
            output.Append('\n').Append(continuation); // a closing fence line holds nothing else
        }

        writer.Protect(isCode: true);
    }

    /// <summary>
    /// Writes the code as HTML on one line: every line break and ASCII punctuation character as a numeric reference,
    /// so neither Markdown nor an HTML block's end can read into it, and the lines' container prefixes dropped.
    /// </summary>
    private static void WriteHtml(ExpansionWriter writer, TemplateTag tag, string language)
    {
        string text = writer.Text;
        int lineStart = tag.Start == 0 ? 0 : text.LastIndexOf('\n', tag.Start - 1) + 1;
        string prefix = Continuation(text.AsSpan(lineStart, tag.Start - lineStart));
        StringBuilder output = writer.Output;
        output.Append("<pre><code");
        if (language.Length > 0)
        {
            output.Append(" class=\"language-").Append(MarkdownText.Html(language)).Append('"');
        }

        output.Append('>');
        string code = text.AsSpan(tag.ContentStart, tag.ContentEnd - tag.ContentStart).Trim('\n').TrimEnd().ToString();
        string[] lines = code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string bare = prefix.TrimEnd();
        for (int l = 0; l < lines.Length; l++)
        {
            ReadOnlySpan<char> line = lines[l];
            if (l > 0)
            {
                output.Append("&#10;");
            }

            line = prefix.Length > 0 && line.StartsWith(prefix) ? line[prefix.Length..]
                : bare.Length > 0 && line.StartsWith(bare) ? line[bare.Length..]
                : line;

            foreach (char c in line)
            {
                if (c < 0x80 && !char.IsAsciiLetterOrDigit(c) && c != ' ')
                {
                    output.Append("&#").Append((int)c).Append(';');
                }
                else
                {
                    output.Append(c);
                }
            }
        }

        output.Append("</code></pre>");
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
    internal static string Continuation(ReadOnlySpan<char> before)
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
