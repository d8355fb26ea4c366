namespace Feed.Html;

/// <summary>What <see cref="HtmlTokenizer.Next"/> found.</summary>
internal enum HtmlTokenKind
{
    /// <summary>No token: the end of the input (a tag cut off by the end is dropped, as a browser drops it).</summary>
    EndOfInput,

    /// <summary>Text, character references not decoded. A run that starts with a <c>&lt;</c> starts no markup.</summary>
    Text,

    /// <summary>A start tag: <see cref="HtmlTokenizer.Name"/>, its attributes, <see cref="HtmlTokenizer.SelfClosing"/>.</summary>
    StartTag,

    /// <summary>An end tag (its attributes, which HTML ignores, are parsed only to find its end).</summary>
    EndTag,

    /// <summary>A comment; <see cref="HtmlTokenizer.Name"/> is its body.</summary>
    Comment,

    /// <summary>A doctype, CDATA section, processing instruction or other bogus comment (HTML §13.2.5.41).</summary>
    BogusComment,
}

/// <summary>One attribute of a tag, as positions in the tokenized text.</summary>
internal readonly record struct HtmlAttribute(int NameStart, int NameLength, int ValueStart, int ValueLength, bool HasValue);

/// <summary>
/// The one HTML tokenizer: the content sanitiser and the excerpt engine both read HTML through it, so both agree on
/// where every tag, comment and text run starts and ends.
/// </summary>
/// <remarks>
/// <para>
/// The HTML Living Standard §13.2.5 (tokenization), data state and what leaves it: tag open (§13.2.5.6: <c>&lt;</c>
/// and a letter opens a tag, <c>&lt;/</c> and a letter an end tag, <c>&lt;/&gt;</c> is nothing, <c>&lt;!</c>,
/// <c>&lt;?</c> and <c>&lt;/</c> before anything else a bogus comment, any other <c>&lt;</c> is text); tag name and
/// attributes (§13.2.5.8–42: a quoted value may hold <c>&gt;</c>, an attribute name may start with <c>=</c>,
/// a <c>/</c> not before <c>&gt;</c> is ignored); comments (§13.2.5.43–52: <c>&lt;!--&gt;</c> and <c>&lt;!---&gt;</c>
/// are empty, a comment ends at <c>--&gt;</c> or <c>--!&gt;</c>, or at the end of input); and the raw-text states
/// (§13.2.5.3–5) the caller enters with <see cref="SkipRawText"/> when a tree builder would (script, style …): only
/// <c>&lt;/name</c> followed by whitespace, <c>/</c> or <c>&gt;</c> ends them.
/// </para>
/// <para>
/// Character references are not decoded here (<see cref="CharacterReferences"/> does that where a value is needed):
/// text runs are positions in the input, so a caller that copies text copies it exactly as written.
/// </para>
/// </remarks>
internal ref struct HtmlTokenizer
{
    private readonly ReadOnlySpan<char> _html;
    private readonly List<HtmlAttribute>? _attributes;
    private int _position;

    /// <summary>Initializes a tokenizer over <paramref name="html"/>.</summary>
    /// <param name="html">The HTML.</param>
    /// <param name="attributes">Receives each start tag's attributes (cleared per tag), or null when they are not needed.</param>
    public HtmlTokenizer(ReadOnlySpan<char> html, List<HtmlAttribute>? attributes)
    {
        _html = html;
        _attributes = attributes;
    }

    /// <summary>Gets the kind of the current token.</summary>
    public HtmlTokenKind Kind { get; private set; }

    /// <summary>Gets where the current token starts.</summary>
    public int Start { get; private set; }

    /// <summary>Gets where the current token ends (exclusive): the next token's start.</summary>
    public readonly int End => _position;

    /// <summary>Gets where the tag name (or comment body) starts.</summary>
    public int NameStart { get; private set; }

    /// <summary>Gets where the tag name (or comment body) ends (exclusive).</summary>
    public int NameEnd { get; private set; }

    /// <summary>Gets where the attributes of a tag start (after its name).</summary>
    public int AttributesStart { get; private set; }

    /// <summary>Gets where the attributes of a tag end (before its <c>&gt;</c> or <c>/&gt;</c>).</summary>
    public int AttributesEnd { get; private set; }

    /// <summary>Gets a value indicating whether the tag ends with <c>/&gt;</c>.</summary>
    public bool SelfClosing { get; private set; }

    /// <summary>Gets the text of the current token.</summary>
    public readonly ReadOnlySpan<char> Token => _html[Start.._position];

    /// <summary>Gets the tag name as written, or a comment's body.</summary>
    public readonly ReadOnlySpan<char> Name => _html[NameStart..NameEnd];

    /// <summary>Gets the attribute text of a tag, as written.</summary>
    public readonly ReadOnlySpan<char> AttributeText => _html[AttributesStart..AttributesEnd];

    /// <summary>Gets or sets where the next token starts.</summary>
    public int Position
    {
        readonly get => _position;
        set => _position = value;
    }

    /// <summary>Whether <paramref name="c"/> is ASCII whitespace as HTML counts it (tab, LF, FF, CR, space).</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

    /// <summary>
    /// The index of the <c>&lt;</c> of the end tag that ends raw text named <paramref name="name"/> (HTML §13.2.5.3–5,
    /// "appropriate end tag": <c>&lt;/name</c> then whitespace, <c>/</c> or <c>&gt;</c>), searching from
    /// <paramref name="from"/>; -1 when the raw text runs to the end.
    /// </summary>
    public static int IndexOfRawTextEnd(ReadOnlySpan<char> html, int from, ReadOnlySpan<char> name)
    {
        int search = from;
        while (true)
        {
            int found = html[search..].IndexOf("</", StringComparison.Ordinal);
            if (found < 0)
            {
                return -1;
            }

            int lt = search + found;
            int after = lt + 2 + name.Length;
            if (after <= html.Length
                && html.Slice(lt + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (after == html.Length || IsSpace(html[after]) || html[after] is '/' or '>'))
            {
                return lt;
            }

            search = lt + 2;
        }
    }

    /// <summary>
    /// Skips the raw text of the element named <paramref name="name"/> whose start tag was just read: the next token
    /// is its end tag, or the end of input when there is none.
    /// </summary>
    public void SkipRawText(ReadOnlySpan<char> name)
    {
        int end = IndexOfRawTextEnd(_html, _position, name);
        _position = end < 0 ? _html.Length : end;
    }

    /// <summary>
    /// Skips the raw text of the element named <paramref name="name"/> whose start tag was just read, when its end tag
    /// follows (the next token is then that end tag); returns false, skipping nothing, when it never ends.
    /// </summary>
    public bool TrySkipRawText(ReadOnlySpan<char> name)
    {
        int end = IndexOfRawTextEnd(_html, _position, name);
        if (end < 0)
        {
            return false;
        }

        _position = end;
        return true;
    }

    /// <summary>Reads the next token; returns false at the end of the input.</summary>
    public bool Next()
    {
        ReadOnlySpan<char> html = _html;
        Start = _position;
        SelfClosing = false;
        if (_position >= html.Length)
        {
            Kind = HtmlTokenKind.EndOfInput;
            return false;
        }

        if (html[_position] != '<')
        {
            int lt = html[_position..].IndexOf('<');
            _position = lt < 0 ? html.Length : _position + lt;
            Kind = HtmlTokenKind.Text;
            return true;
        }

        int i = _position + 1;
        if (i == html.Length)
        {
            return StrayText(i);
        }

        char c = html[i];
        if (char.IsAsciiLetter(c))
        {
            return Tag(i, HtmlTokenKind.StartTag);
        }

        switch (c)
        {
            case '/':
                i++;
                if (i == html.Length)
                {
                    return StrayText(i); // "</" at the end is text (eof-before-tag-name)
                }

                if (char.IsAsciiLetter(html[i]))
                {
                    return Tag(i, HtmlTokenKind.EndTag);
                }

                if (html[i] == '>')
                {
                    // "</>" is nothing (missing-end-tag-name): an empty bogus comment.
                    return Bogus(i, i, i + 1);
                }

                return BogusComment(i);
            case '!':
                return html[(i + 1)..].StartsWith("--", StringComparison.Ordinal) ? Comment(i + 3) : BogusComment(i + 1);
            case '?':
                return BogusComment(i);
            default:
                return StrayText(i);
        }
    }

    /// <summary>Reads the attributes between <paramref name="start"/> and <paramref name="end"/> into <paramref name="attributes"/>.</summary>
    public static void ReadAttributes(ReadOnlySpan<char> html, int start, int end, List<HtmlAttribute> attributes)
    {
        attributes.Clear();
        var tokenizer = new HtmlTokenizer(html[..end], attributes);
        tokenizer.Attributes(start, collect: true);
    }

    // A '<' that starts no markup: a text run of that '<' (and, at the end of input, what follows it).
    private bool StrayText(int end)
    {
        _position = end;
        Kind = HtmlTokenKind.Text;
        return true;
    }

    private bool Bogus(int bodyStart, int bodyEnd, int end)
    {
        Kind = HtmlTokenKind.BogusComment;
        NameStart = bodyStart;
        NameEnd = bodyEnd;
        _position = end;
        return true;
    }

    // A bogus comment (a doctype, CDATA in HTML content, a processing instruction, "</3") ends at the first '>'.
    private bool BogusComment(int bodyStart)
    {
        int gt = _html[bodyStart..].IndexOf('>');
        return gt < 0 ? Bogus(bodyStart, _html.Length, _html.Length) : Bogus(bodyStart, bodyStart + gt, bodyStart + gt + 1);
    }

    // After "<!--": ends at "-->", "--!>", or right away as "<!-->" / "<!--->"; unclosed, at the end.
    private bool Comment(int bodyStart)
    {
        ReadOnlySpan<char> html = _html;
        Kind = HtmlTokenKind.Comment;
        NameStart = bodyStart;
        if (bodyStart < html.Length && html[bodyStart] == '>')
        {
            NameEnd = bodyStart;
            _position = bodyStart + 1;
            return true;
        }

        if (bodyStart + 1 < html.Length && html[bodyStart] == '-' && html[bodyStart + 1] == '>')
        {
            NameEnd = bodyStart;
            _position = bodyStart + 2;
            return true;
        }

        int search = bodyStart;
        while (true)
        {
            int dashes = html[search..].IndexOf("--", StringComparison.Ordinal);
            if (dashes < 0)
            {
                NameEnd = html.Length;
                _position = html.Length;
                return true;
            }

            int bodyEnd = search + dashes;
            int after = bodyEnd + 2;
            while (after < html.Length && html[after] == '-')
            {
                after++;
                bodyEnd++; // §13.2.5.51 comment end state: an extra '-' belongs to the body
            }

            if (after < html.Length && html[after] == '>')
            {
                NameEnd = bodyEnd;
                _position = after + 1;
                return true;
            }

            if (after + 1 < html.Length && html[after] == '!' && html[after + 1] == '>')
            {
                NameEnd = bodyEnd;
                _position = after + 2;
                return true;
            }

            search = after;
        }
    }

    // A start or end tag whose name starts at nameStart, up to its '>' (HTML §13.2.5.8–42).
    private bool Tag(int nameStart, HtmlTokenKind kind)
    {
        ReadOnlySpan<char> html = _html;
        int i = nameStart;
        while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('/' or '>'))
        {
            i++;
        }

        Kind = kind;
        NameStart = nameStart;
        NameEnd = i;
        AttributesStart = i;
        _attributes?.Clear();
        if (!Attributes(i, collect: kind == HtmlTokenKind.StartTag && _attributes is not null))
        {
            // End of input inside a tag: the tag is dropped, as a browser drops it (eof-in-tag).
            Kind = HtmlTokenKind.EndOfInput;
            _position = html.Length;
            return false;
        }

        return true;
    }

    // Parses attributes from i to the tag's '>'; sets AttributesEnd, SelfClosing and _position after the '>'.
    // Returns false when the input ends first.
    private bool Attributes(int i, bool collect)
    {
        ReadOnlySpan<char> html = _html;
        while (true)
        {
            while (i < html.Length && IsSpace(html[i]))
            {
                i++;
            }

            if (i == html.Length)
            {
                return false;
            }

            if (html[i] == '>')
            {
                AttributesEnd = i;
                _position = i + 1;
                return true;
            }

            if (html[i] == '/')
            {
                i++;
                if (i < html.Length && html[i] == '>')
                {
                    AttributesEnd = i - 1;
                    SelfClosing = true;
                    _position = i + 1;
                    return true;
                }

                continue;
            }

            // Attribute name: its first character is taken even if it is '=' (§13.2.5.32).
            int nameAt = i++;
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('/' or '>' or '='))
            {
                i++;
            }

            int nameEnd = i;
            while (i < html.Length && IsSpace(html[i]))
            {
                i++;
            }

            bool hasValue = false;
            int valueStart = i;
            int valueEnd = i;
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && IsSpace(html[i]))
                {
                    i++;
                }

                if (i == html.Length)
                {
                    return false;
                }

                hasValue = true;
                char quote = html[i];
                if (quote is '"' or '\'')
                {
                    int close = html[(i + 1)..].IndexOf(quote);
                    if (close < 0)
                    {
                        return false;
                    }

                    valueStart = i + 1;
                    valueEnd = valueStart + close;
                    i = valueEnd + 1;
                }
                else
                {
                    // Unquoted, up to whitespace or '>'; "a=>" is an empty value (missing-attribute-value).
                    valueStart = i;
                    while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }

                    valueEnd = i;
                }
            }

            if (collect)
            {
                _attributes!.Add(new HtmlAttribute(nameAt, nameEnd - nameAt, valueStart, valueEnd - valueStart, hasValue));
            }
        }
    }
}

/// <summary>What the HTML tree builder says about elements, where the tokenizer needs it.</summary>
internal static class HtmlElements
{
    /// <summary>
    /// Whether the content of the element named <paramref name="name"/> is raw text (or RCDATA) that only its own end
    /// tag ends: HTML §13.2.6.4.7 switches the tokenizer to the script data, RAWTEXT or RCDATA state for script,
    /// style, xmp, iframe, noembed, noframes, noscript (a reader with scripting on), textarea and title.
    /// </summary>
    public static bool IsRawText(ReadOnlySpan<char> name) => name.Length switch
    {
        3 => Is(name, "xmp"),
        5 => Is(name, "style") || Is(name, "title"),
        6 => Is(name, "script") || Is(name, "iframe"),
        7 => Is(name, "noembed"),
        8 => Is(name, "noframes") || Is(name, "noscript") || Is(name, "textarea"),
        _ => false,
    };

    private static bool Is(ReadOnlySpan<char> name, string candidate) =>
        name.Equals(candidate, StringComparison.OrdinalIgnoreCase);
}
