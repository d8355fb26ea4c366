namespace Feed.Tool.Templates;

/// <summary>The delimiters of a tag, which decide how it is read.</summary>
internal enum TagSyntax
{
    /// <summary><c>{% name arguments %}</c>: a Liquid tag (Jekyll) or a Nunjucks tag (Hexo).</summary>
    LiquidTag,

    /// <summary><c>{{ expression }}</c>: a Liquid or Nunjucks output.</summary>
    LiquidOutput,

    /// <summary><c>{# … #}</c>: a Nunjucks comment (Hexo).</summary>
    NunjucksComment,

    /// <summary><c>{{&lt; name arguments &gt;}}</c>: a Hugo shortcode whose inner text is not Markdown.</summary>
    Shortcode,

    /// <summary><c>{{% name arguments %}}</c>: a Hugo shortcode whose inner text is Markdown.</summary>
    MarkdownShortcode,

    /// <summary><c>{{&lt;/* … */&gt;}}</c> or <c>{{%/* … */%}}</c>: a Hugo shortcode comment, shown as the shortcode's text.</summary>
    ShortcodeComment,

    /// <summary>An opening delimiter with no closing one where a tag could end: removed, with a warning.</summary>
    Stray,
}

/// <summary>One tag found in a body, with its place in the source and, once paired, the tag that closes it.</summary>
internal sealed class TemplateTag
{
    public TemplateTag(TagSyntax syntax, int start, int end)
    {
        Syntax = syntax;
        Start = start;
        End = end;
    }

    /// <summary>Gets the tag's delimiters.</summary>
    public TagSyntax Syntax { get; }

    /// <summary>Gets the index of the tag's first character (<c>{</c>).</summary>
    public int Start { get; }

    /// <summary>Gets the index after the tag's last character; for a verbatim block, after its closing tag.</summary>
    public int End { get; set; }

    /// <summary>Gets or sets the tag's name (<c>highlight</c>, <c>endif</c>, <c>figure</c>), or <c>""</c> for outputs, comments and malformed tags.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the index of the arguments (after the name).</summary>
    public int ArgumentsStart { get; set; }

    /// <summary>Gets or sets the index after the arguments (before the closing delimiter and its whitespace control).</summary>
    public int ArgumentsEnd { get; set; }

    /// <summary>Gets or sets a value indicating whether this is a Hugo closing shortcode (<c>{{&lt; /name &gt;}}</c>).</summary>
    public bool Closing { get; set; }

    /// <summary>Gets or sets a value indicating whether this is a self-closed Hugo shortcode (<c>{{&lt; name /&gt;}}</c>): it has no inner text.</summary>
    public bool SelfClosing { get; set; }

    /// <summary>Gets or sets a value indicating whether a <c>-</c> after the opening delimiter strips the white space before the tag (Liquid, Nunjucks).</summary>
    public bool TrimBefore { get; set; }

    /// <summary>Gets or sets a value indicating whether a <c>-</c> before the closing delimiter strips the white space after the tag.</summary>
    public bool TrimAfter { get; set; }

    /// <summary>Gets or sets, for a block read verbatim (<c>raw</c>, <c>highlight</c> …), the index of its content; else -1.</summary>
    public int ContentStart { get; set; } = -1;

    /// <summary>Gets or sets, for a block read verbatim, the index after its content (where its closing tag starts).</summary>
    public int ContentEnd { get; set; } = -1;

    /// <summary>Gets or sets, for a block read verbatim, whether its closing tag strips the white space after it.</summary>
    public bool CloserTrimsAfter { get; set; }

    /// <summary>Gets or sets, for a paired tag, the index in the tag list of the tag that closes (or opens) it; else -1.</summary>
    public int Match { get; set; } = -1;

    /// <summary>Gets a value indicating whether this block was read verbatim up to its closing tag.</summary>
    public bool IsVerbatim => ContentStart >= 0;

    /// <summary>The tag's arguments, trimmed.</summary>
    public ReadOnlySpan<char> Arguments(string text) => text.AsSpan(ArgumentsStart, ArgumentsEnd - ArgumentsStart).Trim();
}
