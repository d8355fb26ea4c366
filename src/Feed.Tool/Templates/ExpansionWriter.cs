using System.Text;

namespace Feed.Tool.Templates;

/// <summary>
/// Writes a body with its tags expanded: the text between tags is copied, code exactly (but for the escapes its
/// generator honours there, see <see cref="CopyCode"/>), and each tag is replaced by what it stands for.
/// </summary>
internal sealed class ExpansionWriter
{
    private readonly string _text;
    private readonly List<CodeRegion> _code;
    private readonly List<TemplateTag> _tags;
    private readonly TemplateContext _context;
    private readonly StringBuilder _out;
    private int _region;
    private int _current;

    // Whitespace control (a "-" inside a delimiter) trims what was written before the tag, but never into code or a
    // raw block's literal text written before it.
    private int _trimFloor;

    // Jekyll 3 posts write {{ site.baseurl }}{% post_url x %} (and {{ site.url }}{{ site.baseurl }}{% link x %}); the
    // tool writes a reference's absolute URL, so site variables written right before it are taken back
    // (https://jekyllrb.com/docs/liquid/tags/#links: since Jekyll 4 the tags add the base URL themselves).
    private int _siteVariablesEnd = -1;
    private int _siteVariablesOutput;

    // Whether the floor is the end of code: whitespace control then leaves the white space after it.
    private bool _floorIsCode;

    public ExpansionWriter(string text, List<CodeRegion> code, List<TemplateTag> tags, TemplateContext context, IReadOnlySet<int>? htmlCode = null)
    {
        _text = text;
        _code = code;
        _tags = tags;
        _context = context;
        HtmlCode = htmlCode;
        _out = new StringBuilder(text.Length + 64);
    }

    /// <summary>What stands in the line of a tag that was alone on it and left nothing.</summary>
    public const string LineKeeper = "<!-- -->";

    /// <summary>Gets the number of tags removed with no output of their own (a pair counts once).</summary>
    public int Removed { get; private set; }

    /// <summary>Gets the fenced code blocks this writer made of code tags, to be checked against the parser.</summary>
    public List<WrittenFence> Fences { get; } = [];

    /// <summary>Gets the indexes of the code tags to write as HTML <c>pre</c> rather than fences (where a fence would not be one).</summary>
    internal IReadOnlySet<int>? HtmlCode { get; }

    /// <summary>Writes the expanded body.</summary>
    public string Write()
    {
        int pos = 0;
        for (int i = 0; i < _tags.Count; i++)
        {
            TemplateTag tag = _tags[i];
            Copy(pos, tag.Start);
            if (tag.TrimBefore)
            {
                TrimEnd();
            }

            _current = i;
            i = Emit(i, tag);
            TemplateTag last = _tags[i];
            pos = last.End;
            if (last.TrimAfter || last.CloserTrimsAfter)
            {
                pos = SkipWhiteSpace(pos);
            }

            if (OutputLineIsBlank())
            {
                if (!EndsLine(pos))
                {
                    // Tags removed from the start of a line take the spaces after them along, so the text after them
                    // keeps the line's indentation: more of it could make the line code (CommonMark §4.4).
                    while (pos < _text.Length && _text[pos] is ' ' or '\t' && !InCode(pos))
                    {
                        pos++;
                    }
                }
                else if ((!last.TrimAfter && !last.CloserTrimsAfter || pos < _text.Length && _text[pos] == '\n') && TextFollows(pos))
                {
                    // A line of tags that left nothing would be an empty line, which ends a paragraph, a list or a
                    // quote and can make the indented lines after it code, or code no more (CommonMark §4.4, §5.2).
                    // An empty HTML comment keeps the line as the parser read it; readers never see it.
                    KeepLine(pos);
                }
            }
        }

        Copy(pos, _text.Length);
        return _out.ToString();
    }

    /// <summary>Writes what <paramref name="tag"/> stands for; returns the index of the last tag it consumed (its closing tag when its content goes with it).</summary>
    private int Emit(int index, TemplateTag tag)
    {
        switch (tag.Syntax)
        {
            case TagSyntax.Stray:
                Removed++;
                _context.Notes.Add(tag.Start, $"'{_text.AsSpan(tag.Start, tag.End - tag.Start)}' opens a tag that is never closed; it was removed.");
                return index;

            case TagSyntax.NunjucksComment:
                Removed++;
                return index;

            case TagSyntax.ShortcodeComment:
                // Hugo shows a commented shortcode as the shortcode's own text, delimiters without "/*" and "*/".
                AppendLiteral(_text, tag.Start, 3);
                AppendLiteral(_text, tag.ArgumentsStart, tag.ArgumentsEnd - tag.ArgumentsStart);
                AppendLiteral(_text, tag.End - 3, 3);
                return index;

            case TagSyntax.LiquidOutput:
                ReadOnlySpan<char> expression = tag.Arguments(_text);
                string? value = LiquidOutput.Evaluate(expression, _context.Dialect, _context.Site);
                if (value is null)
                {
                    Removed++;
                    return index;
                }

                if (expression.SequenceEqual("site.url") || expression.SequenceEqual("site.baseurl"))
                {
                    if (tag.Start != _siteVariablesEnd)
                    {
                        _siteVariablesOutput = _out.Length;
                    }

                    _siteVariablesEnd = tag.End;
                }

                AppendLiteral(value, 0, value.Length);
                return index;

            default:
                return tag.IsVerbatim ? EmitVerbatim(tag, index) : EmitTag(tag, index);
        }
    }

    private int EmitVerbatim(TemplateTag tag, int index)
    {
        switch (tag.Name)
        {
            case "raw":
                // Liquid's raw: the content is output as it is, template syntax and all
                // (https://shopify.github.io/liquid/tags/template/#raw).
                AppendLiteral(_text, tag.ContentStart, tag.ContentEnd - tag.ContentStart);
                Protect();
                break;
            case "highlight" or "codeblock" or "code":
                CodeFence.Write(this, tag, _current);
                break;
            default:
                Removed++; // comments, Hugo inline shortcodes
                break;
        }

        return index;
    }

    private int EmitTag(TemplateTag tag, int index)
    {
        if (tag.Match > index)
        {
            // An opening tag with its closing tag: capture assigns its content to a variable and outputs nothing
            // (https://shopify.github.io/liquid/tags/variable/#capture); every other block, control flow (if, for,
            // case …) or unknown, keeps its content, which is read as if the tags were not there.
            Removed++;
            if (tag.Syntax == TagSyntax.LiquidTag && tag.Name == "capture")
            {
                return tag.Match;
            }

            return index;
        }

        if (tag.Match >= 0)
        {
            return index; // a closing tag, counted with its opening tag
        }

        if (TagPairing.ClosedName(tag) is null && ExpandSingle(tag) is { } expanded)
        {
            _out.Append(expanded);
            return index;
        }

        Removed++;
        if (TagPairing.ClosedName(tag) is { } closed)
        {
            _context.Notes.Add(tag.Start, $"'{Show(tag)}' closes no open '{closed}' tag; it was removed.");
        }
        else if (TemplateTags.IsBlock(_context.Dialect, tag.Name))
        {
            _context.Notes.Add(tag.Start, $"'{Show(tag)}' is never closed; the tag was removed and the text after it kept.");
        }

        return index;
    }

    /// <summary>What a single tag the tool knows stands for, or null when it is to be removed.</summary>
    private string? ExpandSingle(TemplateTag tag)
    {
        switch (_context.Dialect, tag.Name)
        {
            case (TemplateDialect.Jekyll, "link"):
                return AfterSiteVariables(tag, ReferenceTags.JekyllLink(this, tag));
            case (TemplateDialect.Jekyll, "post_url"):
                return AfterSiteVariables(tag, ReferenceTags.JekyllPostUrl(this, tag));
            case (TemplateDialect.Hugo, "ref" or "relref"):
                return ReferenceTags.HugoRef(this, tag);
            case (TemplateDialect.Hugo, "figure"):
                return ImageTags.HugoFigure(this, tag);
            case (TemplateDialect.Hexo, "post_link"):
                return ReferenceTags.HexoPostLink(this, tag);
            case (TemplateDialect.Hexo, "post_path"):
                return ReferenceTags.HexoPostPath(this, tag);
            case (TemplateDialect.Hexo, "img" or "image"):
                return ImageTags.HexoImg(this, tag);
            case (TemplateDialect.Hexo, "asset_img" or "asset_image"):
                return ImageTags.HexoAssetImg(this, tag);
            case (TemplateDialect.Hexo, "asset_path"):
                return ImageTags.HexoAssetPath(this, tag);
            case (TemplateDialect.Hexo, "asset_link"):
                return ImageTags.HexoAssetLink(this, tag);
            case (TemplateDialect.Hexo, "url_for" or "full_url_for"):
                // https://hexo.io/docs/tag-plugins#URL: a path under the site's root, relative or full.
                List<string> arguments = ImageTags.HexoArguments(this, tag);
                return arguments.Count == 0 ? null
                    : tag.Name == "url_for" ? LiquidOutput.RelativeUrl(arguments[0], _context.Site) : LiquidOutput.AbsoluteUrl(arguments[0], _context.Site);
            default:
                return EmbedTags.Expand(this, tag);
        }
    }

    private string AfterSiteVariables(TemplateTag tag, string url)
    {
        if (tag.Start == _siteVariablesEnd)
        {
            _out.Length = Math.Max(_siteVariablesOutput, _trimFloor);
        }

        return url;
    }

    /// <summary>The tag as written, shortened to one line for a message.</summary>
    internal string Show(TemplateTag tag)
    {
        ReadOnlySpan<char> written = _text.AsSpan(tag.Start, Math.Min(tag.End - tag.Start, 80));
        int newline = written.IndexOfAny('\r', '\n');
        return newline < 0 && tag.End - tag.Start <= 80 ? written.ToString() : string.Concat(written[..(newline < 0 ? written.Length : newline)], "…");
    }

    internal string Text => _text;

    internal StringBuilder Output => _out;

    internal TemplateContext Context => _context;

    /// <summary>
    /// Appends text that is to be read as it is (code, raw text, a shortcode comment, a string output) with its
    /// <c>{</c> written as <see cref="DelimiterGuard.CodeBrace"/> or <see cref="DelimiterGuard.LiteralBrace"/>, so that
    /// the guard that removes template delimiters the expansion itself put side by side (<see cref="DelimiterGuard"/>)
    /// never touches it; the expander puts the braces back at the end.
    /// </summary>
    internal void AppendLiteral(string text, int start, int count, bool code = false)
    {
        if (!_context.GuardBraces)
        {
            _out.Append(text, start, count);
            return;
        }

        int end = start + count;
        for (int i = start; i < end;)
        {
            int brace = text.IndexOf('{', i, end - i);
            if (brace < 0)
            {
                _out.Append(text, i, end - i);
                return;
            }

            _out.Append(text, i, brace - i).Append(code ? DelimiterGuard.CodeBrace : DelimiterGuard.LiteralBrace);
            i = brace + 1;
        }
    }

    /// <summary>Marks everything written so far as out of reach of whitespace control.</summary>
    internal void Protect(bool isCode = false)
    {
        _trimFloor = _out.Length;
        _floorIsCode = isCode;
    }

    /// <summary>Copies <c>[from, to)</c> of the source, its code through <see cref="CopyCode"/>.</summary>
    internal void Copy(int from, int to)
    {
        int pos = from;
        while (pos < to)
        {
            while (_region < _code.Count && _code[_region].End <= pos)
            {
                _region++;
            }

            if (_region < _code.Count && _code[_region].Start <= pos)
            {
                int end = Math.Min(to, _code[_region].End);
                CopyCode(pos, end, _code[_region].IsBlock);
                Protect(isCode: true);
                pos = end;
                continue;
            }

            int next = _region < _code.Count ? Math.Min(to, _code[_region].Start) : to;
            _out.Append(_text, pos, next - pos);
            pos = next;
        }
    }

    /// <summary>
    /// Copies code. It keeps its text exactly, but for the escapes its generator removes inside code too, because
    /// they run before Markdown is read and an author shows template syntax in code with them: Jekyll's
    /// <c>{% raw %}</c> and <c>{% endraw %}</c> (https://jekyllrb.com/docs/liquid/tags/#code-snippet-highlighting),
    /// Hexo's in code spans and tag bodies (Hexo sets fenced code blocks aside before it renders tags, but renders the
    /// raw tags of a code span: <c>escapeAllSwigTags</c> in hexo lib/hexo/post.ts), and Hugo's shortcode comments,
    /// shown as the shortcode's text (https://gohugo.io/content-management/shortcodes/#comments).
    /// </summary>
    /// <param name="from">The start of the code.</param>
    /// <param name="to">The end of the code.</param>
    /// <param name="isBlock">Whether it is a fenced or indented code block of the body (not a code span or the body of a code tag).</param>
    internal void CopyCode(int from, int to, bool isBlock)
    {
        switch (_context.Dialect)
        {
            case TemplateDialect.Jekyll:
            case TemplateDialect.Hexo when !isBlock:
                CopyCodeWithoutRawMarkers(from, to);
                break;
            case TemplateDialect.Hugo:
                CopyCodeWithShortcodeComments(from, to);
                break;
            default:
                AppendLiteral(_text, from, to - from, code: true);
                break;
        }
    }

    private void CopyCodeWithoutRawMarkers(int from, int to)
    {
        int pos = from;
        bool inRaw = false; // after {% raw %} everything up to the next {% endraw %} is literal, another {% raw %} too (Liquid's raw block)
        while (pos < to)
        {
            int open = _text.IndexOf("{%", pos, to - pos, StringComparison.Ordinal);
            TemplateTag? tag = open < 0 ? null : TemplateLexer.ReadLiquidTag(_text, open, to);
            if (tag is null)
            {
                AppendLiteral(_text, pos, to - pos, code: true);
                return;
            }

            bool marker = inRaw ? tag.Name == "endraw" : tag.Name is "raw" or "endraw";
            AppendLiteral(_text, pos, (marker ? tag.Start : tag.End) - pos, code: true);
            inRaw = marker ? tag.Name == "raw" : inRaw;
            pos = tag.End;
        }
    }

    private void CopyCodeWithShortcodeComments(int from, int to)
    {
        int pos = from;
        while (pos < to)
        {
            int open = _text.IndexOf("{{", pos, to - pos, StringComparison.Ordinal);
            if (open < 0 || open + 5 > to)
            {
                break;
            }

            char kind = _text[open + 2];
            string closing = kind == '<' ? "*/>}}" : "*/%}}";
            int close = kind is '<' or '%' && string.CompareOrdinal(_text, open + 3, "/*", 0, 2) == 0
                ? _text.IndexOf(closing, open + 5, to - open - 5, StringComparison.Ordinal)
                : -1;
            if (close < 0)
            {
                AppendLiteral(_text, pos, open + 2 - pos, code: true);
                pos = open + 2;
                continue;
            }

            AppendLiteral(_text, pos, open + 3 - pos, code: true);
            AppendLiteral(_text, open + 5, close - open - 5, code: true);
            AppendLiteral(_text, close + 2, 3, code: true);
            pos = close + 5;
        }

        AppendLiteral(_text, pos, to - pos, code: true);
    }

    /// <summary>
    /// Writes <see cref="LineKeeper"/> where the line's text would start: after the line's own indentation and quote
    /// markers, or, when the line continued the paragraph of the line before it (a lazy line, CommonMark §5.1), after
    /// that line's container markers, so the comment stays in the list item or quote the line belonged to. The spaces
    /// between the removed tags go: they could indent the line into code.
    /// </summary>
    private void KeepLine(int end)
    {
        int sourceLine = end == 0 ? 0 : _text.LastIndexOf('\n', end - 1) + 1;
        int own = 0;
        while (sourceLine + own < end && (_text[sourceLine + own] is ' ' or '\t' or '>'))
        {
            own++;
        }

        string prefix = _text.Substring(sourceLine, own);
        if (sourceLine > 0)
        {
            int previous = sourceLine == 1 ? 0 : _text.LastIndexOf('\n', sourceLine - 2) + 1;
            ReadOnlySpan<char> line = _text.AsSpan(previous, sourceLine - 1 - previous);
            if (!line.IsWhiteSpace() && !InCode(previous + (line.Length - line.TrimStart().Length)))
            {
                string continuation = CodeFence.Continuation(line);
                if (continuation.Length > prefix.Length)
                {
                    prefix = continuation;
                }
            }
        }

        int outputLine = _out.Length;
        while (outputLine > 0 && _out[outputLine - 1] != '\n')
        {
            outputLine--;
        }

        _out.Length = outputLine;
        _out.Append(prefix).Append(LineKeeper);
    }

    /// <summary>Whether <paramref name="pos"/> is inside code of the source.</summary>
    private bool InCode(int pos)
    {
        int low = 0;
        int high = _code.Count - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) / 2);
            if (_code[middle].End <= pos)
            {
                low = middle + 1;
            }
            else if (_code[middle].Start > pos)
            {
                high = middle - 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether anything but white space follows <paramref name="pos"/> (a line kept at the end of the body keeps nothing apart).</summary>
    private bool TextFollows(int pos)
    {
        while (pos < _text.Length && char.IsWhiteSpace(_text[pos]))
        {
            pos++;
        }

        return pos < _text.Length;
    }

    private bool EndsLine(int pos)
    {
        for (int i = pos; i < _text.Length && _text[i] != '\n'; i++)
        {
            if (!char.IsWhiteSpace(_text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the output's last line holds only white space, quote markers and unresolved references (which go).</summary>
    private bool OutputLineIsBlank()
    {
        string unresolved = ReferenceTags.Unresolved;
        for (int i = _out.Length - 1; i >= 0 && _out[i] != '\n'; i--)
        {
            if (_out[i] == unresolved[^1] && i >= unresolved.Length - 1 && _out[i - unresolved.Length + 1] == unresolved[0])
            {
                i -= unresolved.Length - 1;
                continue;
            }

            if (!(char.IsWhiteSpace(_out[i]) || _out[i] == '>'))
            {
                return false;
            }
        }

        return true;
    }

    // Whitespace control strips the white space on its side of a tag (https://shopify.github.io/liquid/basics/whitespace/),
    // but in a post it keeps Markdown's blocks apart: it leaves a run of white space that holds a blank line, and the
    // white space next to code, since a fence that no longer starts its line, or a code span run into a URL, is code
    // no more.
    private void TrimEnd()
    {
        int end = _out.Length;
        int newlines = 0;
        while (end > _trimFloor && char.IsWhiteSpace(_out[end - 1]))
        {
            newlines += _out[end - 1] == '\n' ? 1 : 0;
            end--;
        }

        if (newlines < 2 && (end > _trimFloor || !_floorIsCode))
        {
            _out.Length = end;
        }
    }

    private int SkipWhiteSpace(int pos)
    {
        int region = _region;
        while (region < _code.Count && _code[region].End <= pos)
        {
            region++;
        }

        int limit = region < _code.Count ? Math.Max(pos, _code[region].Start) : _text.Length;
        int start = pos;
        int newlines = 0;
        while (pos < limit && char.IsWhiteSpace(_text[pos]))
        {
            newlines += _text[pos] == '\n' ? 1 : 0;
            pos++;
        }

        return newlines >= 2 || (pos == limit && region < _code.Count) ? start : pos;
    }
}
