namespace Feed.Tool.Templates;

/// <summary>
/// Finds the tags of one dialect in a body, outside its code, in one forward pass: every delimiter search remembers
/// its last answer (<see cref="DelimiterFinder"/>), so the time is linear in the body's length whatever it holds.
/// </summary>
/// <remarks>
/// <para>
/// A tag ends at the first closing delimiter after it (Liquid's own tokenizer does the same:
/// <c>{%.*?%}</c>, https://github.com/Shopify/liquid/blob/main/lib/liquid.rb). An opening delimiter is a stray, not a
/// tag, when no closing one follows, when another opening one comes first (the inner one is the tag), or when a code
/// block lies between: tags hold code spans (Hugo's backtick-quoted parameters) but never reach into a code block.
/// </para>
/// <para>
/// Blocks whose content the generator does not read as template text (<c>raw</c>, <c>comment</c>, <c>highlight</c>,
/// Hexo's <c>codeblock</c>, Hugo's <c>highlight</c> and <c>comment</c> and inline shortcodes) are read verbatim up to
/// the first closing tag, as the generators do, code or not in between.
/// </para>
/// </remarks>
internal sealed class TemplateLexer
{
    private readonly string _text;
    private readonly TemplateDialect _dialect;
    private readonly List<CodeRegion> _code;
    private readonly int[] _nextBlock;
    private readonly Dictionary<string, int> _noCloserFrom = new(StringComparer.Ordinal);
    private DelimiterFinder _liquidTagOpen;
    private DelimiterFinder _liquidOutputOpen;
    private DelimiterFinder _liquidTagClose;
    private DelimiterFinder _liquidOutputClose;
    private DelimiterFinder _commentClose;
    private DelimiterFinder _angleOpen;
    private DelimiterFinder _percentOpen;
    private DelimiterFinder _angleClose;
    private DelimiterFinder _percentClose;
    private DelimiterFinder _angleCommentClose;
    private DelimiterFinder _percentCommentClose;

    private TemplateLexer(string text, List<CodeRegion> code, TemplateDialect dialect)
    {
        _text = text;
        _dialect = dialect;
        _code = code;

        // For each code region, the index of the first code block at or after it: whether a tag would reach into a
        // code block is then one comparison, however many code spans lie in between.
        _nextBlock = new int[code.Count + 1];
        _nextBlock[code.Count] = code.Count;
        for (int i = code.Count - 1; i >= 0; i--)
        {
            _nextBlock[i] = code[i].IsBlock ? i : _nextBlock[i + 1];
        }

        _liquidTagOpen = new DelimiterFinder(text, "{%");
        _liquidOutputOpen = new DelimiterFinder(text, "{{");
        _liquidTagClose = new DelimiterFinder(text, "%}");
        _liquidOutputClose = new DelimiterFinder(text, "}}");
        _commentClose = new DelimiterFinder(text, "#}");
        _angleOpen = new DelimiterFinder(text, "{{<");
        _percentOpen = new DelimiterFinder(text, "{{%");
        _angleClose = new DelimiterFinder(text, ">}}");
        _percentClose = new DelimiterFinder(text, "%}}");
        _angleCommentClose = new DelimiterFinder(text, "*/>}}");
        _percentCommentClose = new DelimiterFinder(text, "*/%}}");
    }

    /// <summary>The tags of <paramref name="text"/> outside <paramref name="code"/>, in order.</summary>
    public static List<TemplateTag> Lex(string text, List<CodeRegion> code, TemplateDialect dialect) =>
        new TemplateLexer(text, code, dialect).Run();

    /// <summary>Reads the Liquid tag at <paramref name="start"/> (which holds <c>{%</c>) of any text, or null when it does not close.</summary>
    /// <remarks>For the tags the generators honour inside code (Jekyll's <c>raw</c> markers): no code, no verbatim blocks.</remarks>
    public static TemplateTag? ReadLiquidTag(string text, int start, int end)
    {
        int close = text.IndexOf("%}", start + 2, end - start - 2, StringComparison.Ordinal);
        if (close < 0)
        {
            return null;
        }

        var tag = new TemplateTag(TagSyntax.LiquidTag, start, close + 2);
        ReadLiquidInside(text, tag, start + 2, close, named: true);
        return tag;
    }

    private List<TemplateTag> Run()
    {
        var tags = new List<TemplateTag>();
        int n = _text.Length;
        int pos = 0;
        int region = 0;
        while (pos < n)
        {
            while (region < _code.Count && _code[region].End <= pos)
            {
                region++;
            }

            int limit = n;
            if (region < _code.Count)
            {
                if (_code[region].Start <= pos)
                {
                    pos = _code[region].End;
                    continue;
                }

                limit = _code[region].Start;
            }

            int brace = _text.IndexOf('{', pos, limit - pos);
            if (brace < 0)
            {
                pos = limit;
                continue;
            }

            TemplateTag? tag = LexAt(brace, region);
            if (tag is null)
            {
                pos = brace + 1;
                continue;
            }

            tags.Add(tag);
            pos = tag.End;
        }

        return tags;
    }

    private TemplateTag? LexAt(int i, int region)
    {
        char c1 = At(i + 1);
        if (_dialect == TemplateDialect.Hugo)
        {
            char c2 = At(i + 2);
            return c1 == '{' && c2 is '<' or '%' && !OpensAt(i + 1) ? LexShortcode(i, region, c2) : null;
        }

        return c1 switch
        {
            '%' => LexLiquid(i, region, TagSyntax.LiquidTag, ref _liquidTagClose),
            '{' => LexLiquid(i, region, TagSyntax.LiquidOutput, ref _liquidOutputClose),
            '#' when _dialect == TemplateDialect.Hexo => LexLiquid(i, region, TagSyntax.NunjucksComment, ref _commentClose),
            _ => null,
        };
    }

    private TemplateTag? LexLiquid(int i, int region, TagSyntax syntax, ref DelimiterFinder closing)
    {
        if (OpensAt(i + 1))
        {
            return null; // "{{%" or "{{{": the delimiter starts at the next brace
        }

        int close = closing.Find(i + 2);
        if (close < 0 || OpensBefore(i + 2, close) || ReachesCodeBlock(region, close + 2) || InsideCode(close, region))
        {
            return Stray(i, 2);
        }

        var tag = new TemplateTag(syntax, i, close + 2);
        ReadLiquidInside(_text, tag, i + 2, close, named: syntax == TagSyntax.LiquidTag);
        string? closer = syntax == TagSyntax.LiquidTag ? VerbatimCloser(tag.Name) : null;
        if (closer is not null)
        {
            ReadVerbatim(tag, closer);
        }

        return tag;
    }

    // Jekyll's raw, comment and highlight (https://jekyllrb.com/docs/liquid/tags/), Hexo's raw and codeblock/code
    // (https://hexo.io/docs/tag-plugins): their content is not template text.
    private string? VerbatimCloser(string name) => (_dialect, name) switch
    {
        (_, "raw") => "endraw",
        (TemplateDialect.Jekyll, "comment") => "endcomment",
        (TemplateDialect.Jekyll, "highlight") => "endhighlight",
        (TemplateDialect.Hexo, "codeblock") => "endcodeblock",
        (TemplateDialect.Hexo, "code") => "endcode",
        _ => null,
    };

    private bool OpensBefore(int from, int close)
    {
        if (_dialect == TemplateDialect.Hugo)
        {
            return Before(_angleOpen.Find(from), close) || Before(_percentOpen.Find(from), close);
        }

        return Before(_liquidTagOpen.Find(from), close) || Before(_liquidOutputOpen.Find(from), close);

        static bool Before(int index, int close) => index >= 0 && index < close;
    }

    // A tag may hold a whole code span (Hugo's backtick-quoted values), but a code span's text is code: a closing
    // delimiter inside one closes nothing.
    private bool InsideCode(int index, int region)
    {
        int low = region;
        int high = _code.Count - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) / 2);
            if (_code[middle].End <= index)
            {
                low = middle + 1;
            }
            else if (_code[middle].Start > index)
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

    private bool OpensAt(int i) => At(i) == '{' && (_dialect == TemplateDialect.Hugo ? At(i + 1) == '{' && At(i + 2) is '<' or '%' : At(i + 1) is '%' or '{' || (At(i + 1) == '#' && _dialect == TemplateDialect.Hexo));

    private bool ReachesCodeBlock(int region, int end)
    {
        int block = region < _code.Count ? _nextBlock[region] : _code.Count;
        return block < _code.Count && _code[block].Start < end;
    }

    private static TemplateTag Stray(int i, int length) => new(TagSyntax.Stray, i, i + length);

    /// <summary>Reads the whitespace control, name and arguments between <paramref name="from"/> and <paramref name="close"/>.</summary>
    private static void ReadLiquidInside(string text, TemplateTag tag, int from, int close, bool named)
    {
        int p = from;
        int end = close;
        if (p < end && text[p] == '-')
        {
            tag.TrimBefore = true;
            p++;
        }

        if (end > p && text[end - 1] == '-')
        {
            tag.TrimAfter = true;
            end--;
        }

        while (p < end && char.IsWhiteSpace(text[p]))
        {
            p++;
        }

        if (named)
        {
            int nameStart = p;
            if (p < end && text[p] == '#')
            {
                p++; // {% # an inline comment %} (Liquid 5)
            }
            else
            {
                while (p < end && (char.IsAsciiLetterOrDigit(text[p]) || text[p] == '_'))
                {
                    p++;
                }
            }

            tag.Name = text[nameStart..p];
        }

        tag.ArgumentsStart = p;
        tag.ArgumentsEnd = end;
    }

    private TemplateTag LexShortcode(int i, int region, char kind)
    {
        bool angle = kind == '<';
        if (At(i + 3) == '/' && At(i + 4) == '*')
        {
            // A shortcode comment: Hugo's lexer wants "/*" right after the delimiter and "*/" right before the
            // closing one (https://gohugo.io/content-management/shortcodes/#comments).
            int commentClose = (angle ? ref _angleCommentClose : ref _percentCommentClose).Find(i + 5);
            if (commentClose < 0 || ReachesCodeBlock(region, commentClose + 5) || InsideCode(commentClose, region))
            {
                return Stray(i, 3);
            }

            return new TemplateTag(TagSyntax.ShortcodeComment, i, commentClose + 5) { ArgumentsStart = i + 5, ArgumentsEnd = commentClose };
        }

        int close = (angle ? ref _angleClose : ref _percentClose).Find(i + 3);
        if (close < 0 || OpensBefore(i + 3, close) || ReachesCodeBlock(region, close + 3) || InsideCode(close, region))
        {
            return Stray(i, 3);
        }

        var tag = new TemplateTag(angle ? TagSyntax.Shortcode : TagSyntax.MarkdownShortcode, i, close + 3);
        ReadShortcodeInside(_text, tag, i + 3, close);
        string? closer = !tag.Closing && !tag.SelfClosing ? VerbatimShortcode(tag.Name) : null;
        if (closer is not null)
        {
            ReadVerbatim(tag, closer);
        }

        return tag;
    }

    // Hugo's highlight shortcode takes its inner text as code, and its comment shortcode (Hugo 0.137) drops it; an
    // inline shortcode's inner text is a template (https://gohugo.io/content-management/shortcodes/#inline).
    private static string? VerbatimShortcode(string name) =>
        name is "highlight" or "comment" || name.EndsWith(".inline", StringComparison.Ordinal) ? name : null;

    /// <summary>Reads <c>[/]name arguments[/]</c> between <paramref name="from"/> and <paramref name="close"/>.</summary>
    private static void ReadShortcodeInside(string text, TemplateTag tag, int from, int close)
    {
        int p = from;
        int end = close;
        while (end > p && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > p && text[end - 1] == '/')
        {
            tag.SelfClosing = true; // {{< name />}}: no inner text (https://gohugo.io/content-management/shortcodes/#self-closing)
            end--;
        }

        while (p < end && char.IsWhiteSpace(text[p]))
        {
            p++;
        }

        if (p < end && text[p] == '/')
        {
            tag.Closing = true;
            p++;
            while (p < end && char.IsWhiteSpace(text[p]))
            {
                p++;
            }
        }

        int nameStart = p;
        while (p < end && !char.IsWhiteSpace(text[p]) && text[p] is not ('"' or '`' or '='))
        {
            p++;
        }

        tag.Name = text[nameStart..p];
        tag.ArgumentsStart = p;
        tag.ArgumentsEnd = end;
    }

    /// <summary>Finds the tag that closes the verbatim block <paramref name="tag"/> opens, or leaves it an ordinary (unterminated) tag.</summary>
    private void ReadVerbatim(TemplateTag tag, string closer)
    {
        string key = tag.Syntax == TagSyntax.LiquidTag ? closer : "/" + closer;
        if (_noCloserFrom.TryGetValue(key, out int none) && tag.End >= none)
        {
            return;
        }

        int p = tag.End;
        while (true)
        {
            TemplateTag? candidate = tag.Syntax == TagSyntax.LiquidTag ? NextLiquidTag(ref p) : NextShortcode(ref p);
            if (candidate is null)
            {
                _noCloserFrom[key] = tag.End; // no closer after here, nor after any later opener
                return;
            }

            bool closes = tag.Syntax == TagSyntax.LiquidTag
                ? candidate.Name == closer
                : candidate.Closing && candidate.Name == closer;
            if (closes)
            {
                tag.ContentStart = tag.End;
                tag.ContentEnd = candidate.Start;
                tag.CloserTrimsAfter = candidate.TrimAfter;
                tag.End = candidate.End;
                return;
            }
        }
    }

    /// <summary>The next well-formed Liquid tag at or after <paramref name="p"/>, code or not; moves <paramref name="p"/> past it.</summary>
    private TemplateTag? NextLiquidTag(ref int p)
    {
        while (true)
        {
            int open = _liquidTagOpen.Find(p);
            if (open < 0)
            {
                return null;
            }

            int close = _liquidTagClose.Find(open + 2);
            if (close < 0)
            {
                return null;
            }

            int next = _liquidTagOpen.Find(open + 2);
            if (next >= 0 && next < close)
            {
                p = next;
                continue;
            }

            var tag = new TemplateTag(TagSyntax.LiquidTag, open, close + 2);
            ReadLiquidInside(_text, tag, open + 2, close, named: true);
            p = tag.End;
            return tag;
        }
    }

    /// <summary>The next well-formed shortcode at or after <paramref name="p"/>, code or not; moves <paramref name="p"/> past it.</summary>
    private TemplateTag? NextShortcode(ref int p)
    {
        while (true)
        {
            int angle = _angleOpen.Find(p);
            int percent = _percentOpen.Find(p);
            int open = angle < 0 ? percent : percent < 0 ? angle : Math.Min(angle, percent);
            if (open < 0)
            {
                return null;
            }

            bool isAngle = open == angle;
            int close = (isAngle ? ref _angleClose : ref _percentClose).Find(open + 3);
            if (close < 0)
            {
                p = open + 3;
                continue;
            }

            var tag = new TemplateTag(isAngle ? TagSyntax.Shortcode : TagSyntax.MarkdownShortcode, open, close + 3);
            ReadShortcodeInside(_text, tag, open + 3, close);
            p = tag.End;
            return tag;
        }
    }

    private char At(int i) => i < _text.Length ? _text[i] : '\0';
}
