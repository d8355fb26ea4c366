namespace Feed.Tool.Posts;

/// <summary>
/// A linear pre-check of a Markdown body's nesting, run before Markdig sees it. Markdig's block parser re-walks the
/// open containers for every line, so a list or quote nested n deep costs about n² (1,000 levels: seconds; 3,000:
/// minutes), and deep inline nesting costs the same in the inline parser. No real post nests more than a handful of
/// levels; past <see cref="MaxDepth"/> the post is refused with the line where it happens.
/// </summary>
internal static class MarkdownNesting
{
    /// <summary>The deepest nesting accepted: list items, block quotes and brackets, each counted as one level.</summary>
    public const int MaxDepth = 100;

    /// <summary>Finds the first line nested deeper than <see cref="MaxDepth"/>.</summary>
    /// <param name="body">The body, UTF-8.</param>
    /// <param name="line">The 1-based line within the body.</param>
    /// <param name="what">What is nested, for the message ("lists or quotes are", "brackets are").</param>
    /// <returns><see langword="true"/> when the body is too deep.</returns>
    public static bool FindTooDeep(ReadOnlySpan<byte> body, out int line, out string? what)
    {
        line = 1;
        int brackets = 0;
        int start = 0;
        while (start < body.Length)
        {
            int end = body[start..].IndexOf((byte)'\n');
            end = end < 0 ? body.Length : start + end;
            ReadOnlySpan<byte> text = body[start..end];
            if (ContainerDepth(text) > MaxDepth)
            {
                what = "lists or quotes are";
                return true;
            }

            // Brackets stay open across lines of a paragraph; a blank line closes them all.
            if (text.Trim(" \t\r"u8).IsEmpty)
            {
                brackets = 0;
            }

            byte previous = 0;
            foreach (byte b in text)
            {
                // '[' opens a level and ']' closes it; "](" opens a link destination, closed by ')'. A '(' elsewhere
                // is prose (a sad smiley) and counts nothing.
                if (b == (byte)'[' || (b == (byte)'(' && previous == (byte)']'))
                {
                    if (++brackets > MaxDepth)
                    {
                        what = "brackets are";
                        return true;
                    }
                }
                else if (b is (byte)']' or (byte)')' && brackets > 0)
                {
                    brackets--;
                }

                previous = b;
            }

            start = end + 1;
            line++;
        }

        line = 0;
        what = null;
        return false;
    }

    // The container levels a line opens or continues: each '>' and each list marker (-, *, +, 1. or 1)) at its
    // start, plus its indentation in steps of two columns when such a marker follows (a nested item is indented under
    // its parent's text). Indented code without markers counts nothing, so deep code is never refused.
    private static int ContainerDepth(ReadOnlySpan<byte> line)
    {
        int depth = 0;
        int columns = 0;
        int i = 0;
        bool marker = false;
        while (i < line.Length)
        {
            byte b = line[i];
            if (b == (byte)' ')
            {
                columns++;
                i++;
            }
            else if (b == (byte)'\t')
            {
                columns += 4 - (columns % 4);
                i++;
            }
            else if (b == (byte)'>')
            {
                depth++;
                marker = true;
                i++;
            }
            else if (b is (byte)'-' or (byte)'*' or (byte)'+' && (i + 1 == line.Length || line[i + 1] is (byte)' ' or (byte)'\t'))
            {
                depth++;
                marker = true;
                i++;
            }
            else if (b is >= (byte)'0' and <= (byte)'9')
            {
                int j = i;
                while (j < line.Length && j - i < 9 && line[j] is >= (byte)'0' and <= (byte)'9')
                {
                    j++;
                }

                if (j < line.Length && line[j] is (byte)'.' or (byte)')' && (j + 1 == line.Length || line[j + 1] is (byte)' ' or (byte)'\t'))
                {
                    depth++;
                    marker = true;
                    i = j + 1;
                }
                else
                {
                    break;
                }
            }
            else
            {
                break;
            }
        }

        return marker ? depth + (columns / 2) : 0;
    }
}
