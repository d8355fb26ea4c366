using System.Buffers;

namespace Feed.Excerpts;

/// <summary>
/// Decides where a Markdown body may be cut so that parsing only the part before the cut gives the excerpt engine the
/// same text, up to the point where the excerpt is decided, as parsing the whole body. The excerpt needs about 350
/// visible characters; a 6 KB post need not be parsed whole for them (the excerpt engine must keep up with a whole site).
/// </summary>
/// <remarks>
/// <para>
/// The cut is always at the start of a blank line. CommonMark parses blocks line by line: a blank line closes every
/// open paragraph, so what the lines before it are is settled by those lines, except where a later line reaches
/// back. The checks here refuse (conservatively, on the raw text) every way Markdig with Feed's extensions reaches back:
/// </para>
/// <list type="bullet">
/// <item>Definitions anywhere apply to the whole document: link reference definitions, footnote definitions and
/// abbreviations all hold <c>]:</c>, so the part after the cut must hold none, except footnote definitions opening a
/// line when the part before the cut holds nothing that could refer to one (no <c>[</c> then <c>^</c>).</item>
/// <item>YAML front matter is only front matter if a closing line exists anywhere in the body: a body opening with
/// <c>---</c> is refused.</item>
/// <item>A definition list (<c>:   definition</c>, or <c>~</c>) turns the paragraph before it into terms across any
/// number of blank lines: the first non-blank line after the cut must not start with one (no line at all, when a
/// footnote definition follows the cut: footnotes go into a group that may sit before the paragraph).</item>
/// <item>Markdig throws when containers nest past its depth limit (128 blocks, 10,240 inlines), and the engine then
/// reads the whole body as text: the part after the cut must be provably too shallow for that (see
/// <see cref="ScanLinePrefix"/>).</item>
/// <item>Grid tables (<c>+---+</c>) hold blocks anywhere on a line, which that bound cannot see, and one ending at the
/// cut is closed differently (end of input rather than the blank line): bodies that may hold one are refused.</item>
/// </list>
/// <para>
/// Blocks left open at the cut (fenced code, math, an HTML block of kinds 1–5, a list item, a custom container …) hold
/// in the short parse a prefix of what they hold in the whole one, and the walker reads them in order, so its output is
/// a prefix of the whole parse's output. The caller keeps the short parse only if the walker decided the excerpt
/// inside it: it stopped with more than the length in hand, or at a divider; and for a filled excerpt whose body may
/// hold a divider, only if no divider can follow (<see cref="MayHideDivider"/>).
/// </para>
/// </remarks>
internal static class MarkdownPrefix
{
    /// <summary>Markdig's block depth limit is 128 (ThrowHelper.DefaultDepthLimit); this keeps well below it.</summary>
    private const int DepthBudget = 120;

    /// <summary>Containers a line can hold without a character of its own: the document, the footnote group, the link
    /// reference definition group, the innermost definition list and item (continued by any line while their last
    /// child is a paragraph), a pipe table's table, row and cell (made in the inline pass), and a margin.</summary>
    private const int FixedContainers = 16;

    /// <summary>An inline container needs an ASCII punctuation character to open; Markdig's inline limit is 10,240.</summary>
    private const int InlineOpenersLimit = 10_000;

    private static readonly SearchValues<char> AsciiPunctuation =
        SearchValues.Create("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");

    private static readonly SearchValues<char> LineEnds = SearchValues.Create("\r\n");

    /// <summary>
    /// Checks what concerns the whole body and counts the containers that stay open without a marker on each line.
    /// </summary>
    /// <param name="body">The Markdown.</param>
    /// <param name="freeContainers">Fenced containers (<c>:::</c>, <c>^^^</c>) and footnotes, counted generously.</param>
    /// <returns>Whether a prefix parse can be tried at all.</returns>
    public static bool BodyAllows(string body, out int freeContainers)
    {
        freeContainers = Count(body, ":::") + Count(body, "^^^") + Count(body, "[^");
        return !OpensWithFrontMatterFence(body) && !MayHoldGridTable(body);
    }

    /// <summary>
    /// The first cut at or after <paramref name="from"/>: the start of a blank line (spaces and tabs only) that
    /// follows a line end; -1 when there is none.
    /// </summary>
    public static int FindCut(string body, int from)
    {
        int pos = Math.Max(from, 1);
        while (pos < body.Length)
        {
            int rel = body.AsSpan(pos - 1).IndexOfAny(LineEnds);
            if (rel < 0)
            {
                return -1;
            }

            int end = pos - 1 + rel; // a '\r' or '\n' at or after pos - 1
            int lineStart = end + (body[end] == '\r' && end + 1 < body.Length && body[end + 1] == '\n' ? 2 : 1);
            if (lineStart >= body.Length)
            {
                return -1;
            }

            if (IsBlankLine(body.AsSpan(lineStart)))
            {
                return lineStart;
            }

            pos = lineStart + 1;
        }

        return -1;
    }

    /// <summary>Whether nothing in <paramref name="rest"/> (the body after a cut) can change how <paramref name="prefix"/> (the body before it) parses.</summary>
    /// <param name="prefix">The body before the cut.</param>
    /// <param name="rest">The body from the cut on.</param>
    /// <param name="freeContainers">From <see cref="BodyAllows"/>.</param>
    public static bool RemainderIsInert(ReadOnlySpan<char> prefix, ReadOnlySpan<char> rest, int freeContainers)
    {
        // Markdig nests inlines at most 10,240 deep; each open one (a link bracket, an emphasis run …) needs an ASCII
        // punctuation character, and an inline never spans the blank line at the cut.
        if (rest.Length >= InlineOpenersLimit && CountAny(rest, AsciiPunctuation) >= InlineOpenersLimit)
        {
            return false;
        }

        bool first = true;
        bool footnotes = false;
        bool definitionMarkers = false;
        int budget = DepthBudget - FixedContainers - freeContainers;
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOfAny(LineEnds);
            ReadOnlySpan<char> line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? default : rest[(end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1))..];

            LinePrefix start = ScanLinePrefix(line); // grid tables were refused for the whole body (BodyAllows)
            if (2 * start.Columns > budget)
            {
                return false;
            }

            // Markdig's definition list reaches back to the last paragraph of the container however many blank lines
            // lie between: the first line with anything on it after the cut must not be a definition. After that line
            // every container still open has a newer last child than any paragraph before the cut, except that a
            // footnote definition goes into the footnote group, which may sit earlier in the document: with one after
            // the cut, no line after the cut may be a definition. (The group sits earlier only if a footnote definition
            // precedes the cut, which MayReferToFootnote refuses too; this rule does not lean on that one.)
            definitionMarkers |= start.DefinitionMarker;
            if (first && line.ContainsAnyExceptInRange('\0', ' '))
            {
                if (start.DefinitionMarker)
                {
                    return false;
                }

                first = false;
            }

            // Definitions apply to the whole document. Link reference, footnote and abbreviation definitions all hold
            // "]:" (the colon follows the label directly: CommonMark §4.7, and Markdig's footnote and abbreviation
            // parsers). Only a footnote definition opening the line is let through, and only when the prefix holds
            // nothing it could resolve (see MayReferToFootnote).
            if (line.Contains("]:", StringComparison.Ordinal))
            {
                if (!start.FootnoteDefinition || line[start.End..].Contains("]:", StringComparison.Ordinal))
                {
                    return false;
                }

                footnotes = true;
            }
        }

        return !footnotes || (!definitionMarkers && !MayReferToFootnote(prefix));
    }

    /// <summary>Whether a <c>&lt;!--more--&gt;</c> after the cut, or one opened before it and closed after it, could exist.</summary>
    public static bool MayHideDivider(ReadOnlySpan<char> rest) =>
        rest.Contains("<!--", StringComparison.Ordinal) || rest.Contains("-->", StringComparison.Ordinal);

    /// <summary>
    /// Reads the container markers and indentation a line starts with. <see cref="LinePrefix.Columns"/> is an upper
    /// bound, in columns (a tab or control character counts 4), of: spaces, <c>&gt;</c> (quote), <c>- + *</c> before
    /// a space or the end (bullet), digits or one letter or a run of roman letters before <c>.</c> or <c>)</c> and a
    /// space or the end (ordered, also list extras), <c>: ~</c> before a space (definition), <c>^^</c> (footer) and
    /// <c>[^label]:</c> (footnote). Every container Markdig opens or continues on a line, except the fenced ones,
    /// footnotes and the few counted in <see cref="FixedContainers"/>, takes at least half a column of this run (a list
    /// item: its list and itself for one column at least), so a line opens no container deeper than twice this plus
    /// those. A grid table is the exception (its cells hold blocks anywhere on the line), so one is reported.
    /// </summary>
    /// <param name="line">One line, without its line end.</param>
    internal static LinePrefix ScanLinePrefix(ReadOnlySpan<char> line)
    {
        var result = default(LinePrefix);
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            if (c == '+' && OpensGridTable(line[(i + 1)..]))
            {
                result.GridTable = true; // a grid table opens with "+---" ("+ ---", "+:--", "+===" …)
                break;
            }

            if (c == ' ')
            {
                result.Columns++;
                i++;
            }
            else if (c < ' ')
            {
                result.Columns += 4; // a tab, or a control Markdig might count as one
                i++;
            }
            else if (c == '>')
            {
                result.Columns++;
                i++;
            }
            else if (c is '-' or '+' or '*' && IsGapOrEnd(line, i + 1))
            {
                result.Columns++;
                i++;
            }
            else if (c is ':' or '~' && IsGapOrEnd(line, i + 1))
            {
                result.DefinitionMarker = true;
                result.Columns++;
                i++;
            }
            else if (c == '^' && i + 1 < line.Length && line[i + 1] == '^' && (i + 2 >= line.Length || line[i + 2] != '^'))
            {
                result.Columns += 2;
                i += 2;
            }
            else if (c == '[' && i + 1 < line.Length && line[i + 1] == '^' && FootnoteLabelEnd(line, i + 2) is int colon and >= 0)
            {
                result.FootnoteDefinition = true;
                result.Columns += colon + 1 - i;
                i = colon + 1;
            }
            else if (char.IsAsciiDigit(c) || char.IsAsciiLetter(c))
            {
                int j = i;
                bool digits = char.IsAsciiDigit(c);
                bool roman = true;
                while (j < line.Length && (digits ? char.IsAsciiDigit(line[j]) : char.IsAsciiLetter(line[j])))
                {
                    roman &= line[j] is 'i' or 'v' or 'x' or 'l' or 'c' or 'd' or 'm' or 'I' or 'V' or 'X' or 'L' or 'C' or 'D' or 'M';
                    j++;
                }

                bool marker = (digits || j - i == 1 || roman)
                    && j < line.Length && line[j] is '.' or ')'
                    && IsGapOrEnd(line, j + 1);
                if (!marker)
                {
                    break;
                }

                result.Columns += j + 1 - i;
                i = j + 1;
            }
            else
            {
                break;
            }
        }

        result.End = i;
        return result;
    }

    /// <summary>The index of the ':' of "]:" that closes a footnote label starting at <paramref name="from"/> on this line, or -1.</summary>
    private static int FootnoteLabelEnd(ReadOnlySpan<char> line, int from)
    {
        int close = line[from..].IndexOfAny('[', ']');
        return close > 0 && line[from + close] == ']' && from + close + 1 < line.Length && line[from + close + 1] == ':'
            ? from + close + 1
            : -1;
    }

    /// <summary>
    /// Whether the text could refer to a footnote definition: a footnote reference <c>[^x]</c>, or a link whose label
    /// starts with '^' after white space (a footnote definition is also a link reference definition labelled "^x", and
    /// labels are compared with white space trimmed).
    /// </summary>
    private static bool MayReferToFootnote(ReadOnlySpan<char> text)
    {
        int at;
        while ((at = text.IndexOf('[')) >= 0)
        {
            text = text[(at + 1)..];
            int k = 0;
            while (k < text.Length && (text[k] <= ' ' || char.IsWhiteSpace(text[k])))
            {
                k++;
            }

            if (k < text.Length && text[k] == '^')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a line of <paramref name="body"/> may open a grid table (see <see cref="LinePrefix.GridTable"/>).</summary>
    private static bool MayHoldGridTable(string body)
    {
        int from = 0;
        int plus;
        while ((plus = body.AsSpan(from).IndexOf('+')) >= 0)
        {
            plus += from;
            from = plus + 1;
            if (OpensGridTable(body.AsSpan(from)))
            {
                int lineStart = body.AsSpan(0, plus).LastIndexOfAny(LineEnds) + 1;
                int lineEnd = body.AsSpan(plus).IndexOfAny(LineEnds);
                ReadOnlySpan<char> line = body.AsSpan(lineStart, (lineEnd < 0 ? body.Length : plus + lineEnd) - lineStart);
                if (ScanLinePrefix(line).GridTable)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether what follows a '+' opens a grid table: spaces (or any control) and then '-', ':' or '='.</summary>
    private static bool OpensGridTable(ReadOnlySpan<char> afterPlus)
    {
        int k = 0;
        while (k < afterPlus.Length && (afterPlus[k] <= ' ' || char.IsWhiteSpace(afterPlus[k])))
        {
            k++; // Markdig trims Unicode white space here (Zs too); every control character is skipped to be safe
        }

        return k < afterPlus.Length && afterPlus[k] is '-' or ':' or '=';
    }

    private static bool IsGapOrEnd(ReadOnlySpan<char> line, int index) => index >= line.Length || line[index] <= ' ';

    private static bool IsBlankLine(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (c is '\n' or '\r')
            {
                return true;
            }

            if (c is not (' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Markdig takes a first line of exactly <c>---</c> for front matter if a closing line exists anywhere.</summary>
    private static bool OpensWithFrontMatterFence(string body) =>
        body.AsSpan().TrimStart(" \t\r\n\uFEFF").StartsWith("---", StringComparison.Ordinal);

    private static int Count(string text, string value)
    {
        int count = 0;
        ReadOnlySpan<char> rest = text;
        int at;
        while ((at = rest.IndexOf(value, StringComparison.Ordinal)) >= 0)
        {
            count++;
            rest = rest[(at + value.Length)..];
        }

        return count;
    }

    private static int CountAny(ReadOnlySpan<char> text, SearchValues<char> values)
    {
        int count = 0;
        int at;
        while ((at = text.IndexOfAny(values)) >= 0)
        {
            count++;
            text = text[(at + 1)..];
        }

        return count;
    }

    /// <summary>What <see cref="ScanLinePrefix"/> found at the start of a line.</summary>
    internal struct LinePrefix
    {
        /// <summary>An upper bound of the columns the container markers and indentation take.</summary>
        public int Columns;

        /// <summary>Where the markers end: the first character of the line's content.</summary>
        public int End;

        /// <summary>Whether a definition list marker (<c>:</c> or <c>~</c> before white space) is among them.</summary>
        public bool DefinitionMarker;

        /// <summary>Whether a footnote definition (<c>[^label]:</c>) is among them.</summary>
        public bool FootnoteDefinition;

        /// <summary>Whether a grid table may open on the line.</summary>
        public bool GridTable;
    }
}
