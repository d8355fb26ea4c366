using System.Text;
using Feed.Html;
using Feed.Internal;

namespace Feed.Content;

/// <summary>
/// Makes an entry's HTML fit for a feed in one forward pass: only what <see cref="HtmlPolicy"/> allows is kept, URLs
/// are made absolute against the post, ids are prefixed, and no XML 1.0-forbidden character is left.
/// </summary>
/// <remarks>
/// <para>
/// A streaming pass over the tokens of <see cref="HtmlTokenizer"/> (the HTML Living Standard §13.2.5); text between
/// tags is copied through untouched, so Chinese, emoji and entities come out exactly as they went in. There is no
/// DOM, only the stack of open elements a browser's tree builder keeps (HtmlSanitizer.Tree.cs): the output is a
/// balanced fragment that a browser builds exactly as written, with everything closed at the end of the entry.
/// </para>
/// <para>
/// What keeps this safe is the shape of the output, not a list of tricks: every tag is written back from its parsed
/// parts (lower-case name, each allowed attribute as <c>name="value"</c> with <c>"</c>, <c>&lt;</c>, <c>&gt;</c>
/// escaped), and every <c>&lt;</c> that does not start a kept tag becomes <c>&amp;lt;</c>. Comments, doctypes,
/// CDATA and processing instructions are dropped, and no kept element puts a browser into a raw-text state. So a
/// reader's parser, in whatever state (foreign content included), can only ever find the tags written here, and
/// those are the tags this tokenizer saw and checked: the parser differentials behind mutation XSS
/// (<c>noscript</c>, <c>xmp</c>, <c>svg</c>+<c>style</c>, comments inside raw text) have nothing to work with.
/// </para>
/// <para>
/// Values are judged as a browser reads them: character references decoded (<see cref="CharacterReferences"/>),
/// and for URLs the whitespace and controls the URL parser strips or ignores left out. XML 1.0-forbidden characters
/// and C1 controls (<see cref="FeedText.Clean"/>) are removed before tokenizing, so none can reach the output and none
/// can hide a tag from the tokenizer (<c>&lt;scr</c>, U+0001, <c>ipt&gt;</c> is a script here). The result depends
/// only on the HTML and the post's URL; when nothing changes, the input string itself is returned.
/// </para>
/// </remarks>
internal sealed partial class HtmlSanitizer : IDisposable
{
    private const int MaxAttributeNameLength = 64;
    private const int MaxAttributes = 256;
    private const string HexDigits = "0123456789ABCDEF";

    private readonly string _html;
    private readonly Uri _postUrl;
    private readonly bool _webBase; // a relative reference is resolved only against an http(s) post URL
    private readonly List<HtmlAttribute> _attributes = [];
    private readonly List<int> _seen = [];          // indexes into _attributes of the distinct names met in a tag
    private PostBaseUrl? _baseUrl;
    private CharBuffer _output;
    private CharBuffer _scratch;     // an attribute value decoded for inspection, or a decoded srcset
    private CharBuffer _urlScratch;  // a URL decoded for classification (PostBaseUrl)
    private CharBuffer _url;         // a URL attribute in its canonical form (CanonicalUrl)
    private int _skipStart = -1;     // the name (in _html) of the element being dropped with its content
    private int _skipLength;
    private int _skipDepth;
    private int _skipResume;          // where the element being dropped with its content started (after its tag)
    private List<string>? _neverClose; // elements dropped with their content found to have no end tag

    private HtmlSanitizer(string html, Uri postUrl)
    {
        _html = html;
        _postUrl = postUrl;
        _webBase = postUrl.Scheme is "http" or "https";
        // Room for a few resolved URLs and id prefixes before the first growth.
        _output = new CharBuffer(html.Length + 256);
        _scratch = new CharBuffer(256);
        _urlScratch = new CharBuffer(256);
        _url = new CharBuffer(256);
    }

    private PostBaseUrl BaseUrl => _baseUrl ??= new PostBaseUrl(_postUrl);

    /// <summary>Returns <paramref name="html"/> sanitised, its relative URLs resolved against <paramref name="postUrl"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="html"/> or <paramref name="postUrl"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="postUrl"/> is not absolute.</exception>
    public static string Sanitize(string html, Uri postUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(postUrl);
        if (!postUrl.IsAbsoluteUri)
        {
            throw new ArgumentException($"The post URL '{postUrl.OriginalString}' is not absolute; content URLs are resolved against it.", nameof(postUrl));
        }

        // The same clean-up the feed writers apply to every text (FeedText.Clean), done first: a character removed
        // after this pass could join "java", U+0080, "script:" into a script URL that was never checked.
        string clean = FeedText.Clean(html);
        using var sanitizer = new HtmlSanitizer(clean, postUrl);
        sanitizer.Run();
        ReadOnlySpan<char> written = sanitizer._output.Written;
        return written.SequenceEqual(clean) ? clean : new string(written);
    }

    /// <summary>Returns the pooled buffers.</summary>
    public void Dispose()
    {
        _output.Dispose();
        _scratch.Dispose();
        _urlScratch.Dispose();
        _url.Dispose();
    }

    private static char Lower(char c) => char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;

    // HTML lower-cases names in ASCII only (§13.2.5.8): cheaper than the invariant culture's full case mapping.
    private static int AsciiLower(ReadOnlySpan<char> name, Span<char> lower)
    {
        for (int i = 0; i < name.Length; i++)
        {
            lower[i] = Lower(name[i]);
        }

        return name.Length;
    }

    private void Run()
    {
        var tokens = new HtmlTokenizer(_html, _attributes);
        while (true)
        {
            if (!tokens.Next())
            {
                if (_skipStart < 0)
                {
                    break;
                }

                // An element dropped with its content never ended: only its start tag goes, and what followed it is
                // read again as markup. Every later one of that name goes the same way (at most once per name, so
                // the pass stays linear).
                (_neverClose ??= []).Add(_html.Substring(_skipStart, _skipLength).ToLowerInvariant());
                tokens.Position = _skipResume;
                _skipStart = -1;
                continue;
            }

            switch (tokens.Kind)
            {
                case HtmlTokenKind.Text when _skipStart < 0:
                    ReadOnlySpan<char> text = tokens.Token;
                    BeforeText(text);
                    if (text[0] == '<')
                    {
                        // A '<' that starts no tag: escaped, so that no parser downstream can read it as one.
                        _output.Append("&lt;");
                        text = text[1..];
                    }

                    if (text.Contains("&#", StringComparison.Ordinal))
                    {
                        AppendTextWithNumericReferences(text);
                    }
                    else
                    {
                        AppendText(text);
                    }

                    break;
                case HtmlTokenKind.StartTag when _skipStart >= 0:
                    SkippedStartTag(ref tokens);
                    break;
                case HtmlTokenKind.StartTag:
                    StartTag(ref tokens);
                    break;
                case HtmlTokenKind.EndTag when _skipStart >= 0:
                    if (tokens.Name.Equals(_html.AsSpan(_skipStart, _skipLength), StringComparison.OrdinalIgnoreCase) && --_skipDepth == 0)
                    {
                        _skipStart = -1;
                    }

                    break;
                case HtmlTokenKind.EndTag:
                    EndTag(tokens.Name);
                    break;
                default:
                    // Comments, doctypes, CDATA, processing instructions: nothing for a reader, and a comment copied
                    // into a raw-text element is the classic mutation-XSS carrier.
                    break;
            }
        }

        CloseAll();
    }

    // Text is copied as written, except numeric references that do not stand for themselves (HTML §13.2.5.80): one
    // to 0x80–0x9F is read as windows-1252 by every browser (&#x80; is €) and is written as the character it shows;
    // one to a character XML 1.0 forbids or FeedText.Clean removes (&#1;, &#x81;, &#xFFFE;) shows nothing a reader
    // could use and goes; one to nothing (&#0;, a surrogate, past U+10FFFF) becomes U+FFFD, as in a browser.
    private void AppendTextWithNumericReferences(ReadOnlySpan<char> text)
    {
        Span<char> hex = stackalloc char[8];
        while (true)
        {
            int at = text.IndexOf("&#", StringComparison.Ordinal);
            if (at < 0)
            {
                AppendText(text);
                return;
            }

            AppendText(text[..at]);
            text = text[at..];
            int length = CharacterReferences.ReadNumeric(text, out int written);
            if (length < 0)
            {
                // "&#" that starts no reference: escaped, so that nothing removed after it can complete one.
                _output.Append("&amp;");
                _output.Append(text[1..-length]);
                text = text[-length..];
                continue;
            }

            int value = CharacterReferences.NumericValue(written);
            if (value == written && !XmlForbidsOrCleanRemoves(value))
            {
                _output.Append(text[..length]); // stands for itself: as written
            }
            else if (!XmlForbidsOrCleanRemoves(value))
            {
                _output.Append("&#x");
                value.TryFormat(hex, out int digits, "X", System.Globalization.CultureInfo.InvariantCulture);
                _output.Append(hex[..digits]);
                _output.Append(';');
            }

            text = text[length..];
        }
    }

    // A text run copied as written. When what was written last is a bare '&' (text before a dropped tag or a
    // removed reference) and the run starts with '#', the two would read as a numeric reference the next time the
    // HTML is read; the '&' is escaped instead, which shows the same.
    private void AppendText(ReadOnlySpan<char> text)
    {
        if (!text.IsEmpty && text[0] == '#' && _output.Length > 0 && _output.Written[^1] == '&')
        {
            _output.Append("amp;");
        }

        _output.Append(text);
    }

    private static bool XmlForbidsOrCleanRemoves(int codePoint) =>
        codePoint is < 0x20 and not ('\t' or '\n' or '\r') or (>= 0x7F and <= 0x9F) or 0xFFFE or 0xFFFF;

    // Inside an element dropped with its content: only its own start and end tags count (nesting), and raw text is
    // skipped as raw text so that a "</template>" inside a script does not end it.
    private void SkippedStartTag(ref HtmlTokenizer tokens)
    {
        ReadOnlySpan<char> name = tokens.Name;
        if (!tokens.SelfClosing && name.Equals(_html.AsSpan(_skipStart, _skipLength), StringComparison.OrdinalIgnoreCase))
        {
            _skipDepth++;
        }
        else if (HtmlElements.IsRawText(name))
        {
            tokens.SkipRawText(name);
        }
    }

    private void StartTag(ref HtmlTokenizer tokens)
    {
        ReadOnlySpan<char> name = tokens.Name;
        ElementPolicy? policy = HtmlPolicy.Element(name);
        switch (policy?.Rule)
        {
            case ElementRule.Keep:
                WriteStartTag(policy, tokens.SelfClosing);
                break;
            case ElementRule.DropWithContent:
                if (HtmlElements.IsRawText(name))
                {
                    // Even <script/>: HTML ignores the slash there. Raw text that never ends would, in a browser, run
                    // to the end of the entry and past it into the reader's page; here only the start tag goes, and
                    // what follows is read as the markup it looks like, so the author's own end tags still count.
                    tokens.TrySkipRawText(name);
                }
                else if (!tokens.SelfClosing && _neverClose?.Contains(policy.Name) != true)
                {
                    _skipStart = tokens.NameStart;
                    _skipLength = name.Length;
                    _skipDepth = 1;
                    _skipResume = tokens.End;
                }

                break;
            case ElementRule.ReplaceWithLink:
                if (Context == ElementKind.Html && (_open.Count == 0 || !_open[^1].Policy.IsAny(ElementKind.TableStructure)))
                {
                    PrepareStart(HtmlPolicy.Element("a")!);
                    AppendFrameLink();
                }

                tokens.TrySkipRawText(name);
                break;
            default:
                break; // DropTag: the tag goes, what it encloses stays
        }
    }

    private void WriteStartTag(ElementPolicy policy, bool selfClosing)
    {
        ElementKind ns = PrepareStart(policy);
        bool isVoid = policy.Is(ElementKind.Void) || (ns != ElementKind.Html && selfClosing);
        if (ns == ElementKind.None || (!isVoid && _depth >= MaxDepth) || (IsIndenting(policy) && _indentingDepth >= MaxIndentingDepth))
        {
            return;
        }

        _pendingIndent = 0;

        string element = policy.Name;
        bool isAnchor = element is "a";
        bool isInput = element is "input";
        bool isPlayer = element is "video" or "audio";
        bool linkSeen = false, linkKept = false, isCheckbox = false, hasDisabled = false, hasControls = false;

        int mark = _output.Length;
        _output.Append('<');
        _output.Append(element);
        _seen.Clear();
        Span<char> nameBuffer = stackalloc char[MaxAttributeNameLength];
        for (int index = 0; index < _attributes.Count; index++)
        {
            HtmlAttribute attribute = _attributes[index];
            ReadOnlySpan<char> rawAttributeName = _html.AsSpan(attribute.NameStart, attribute.NameLength);
            if (!IsFirstOfItsName(index, rawAttributeName) || rawAttributeName.Length > MaxAttributeNameLength)
            {
                continue;
            }

            Span<char> name = nameBuffer[..AsciiLower(rawAttributeName, nameBuffer)];
            AttributeRule rule = policy.ForAttribute(name);
            bool isLink = isAnchor && name is "href" or "xlink:href";
            linkSeen |= isLink;
            if (rule == AttributeRule.Drop)
            {
                continue;
            }

            ReadOnlySpan<char> value = _html.AsSpan(attribute.ValueStart, attribute.ValueLength);
            int attributeMark = _output.Length;
            _output.Append(' ');
            _output.Append(name);
            bool kept = rule switch
            {
                AttributeRule.Text => AppendText(value, attribute.HasValue),
                AttributeRule.Url or AttributeRule.ImageUrl => AppendUrl(value, rule == AttributeRule.ImageUrl, isLink),
                AttributeRule.SrcSet => AppendSrcSet(value),
                AttributeRule.Fragment => AppendFragment(value),
                AttributeRule.Id => AppendId(value),
                AttributeRule.IdRefs => AppendIdRefs(value),
                AttributeRule.Style => AppendStyle(value),
                AttributeRule.Paint => AppendPaint(value),
                AttributeRule.Rel => AppendRel(value),
                AttributeRule.Loading => AppendKeyword(value, "lazy", "eager"),
                AttributeRule.CheckboxType => isCheckbox = AppendKeyword(value, "checkbox", "checkbox"),
                AttributeRule.Class => AppendClass(value),
                AttributeRule.Colour => AppendJudged(value, static v => InlineStyle.IsColour(v)),
                AttributeRule.MathLength => AppendMathLength(name, value),
                AttributeRule.MathSize => AppendJudged(value, static v => v is "small" or "normal" || InlineStyle.IsFontSize(v, 2)),
                AttributeRule.ScriptLevel => AppendJudged(value, static v => v.TrimStart('+').Length is > 0 and <= 2 && !v.TrimStart('+').ContainsAnyExceptInRange('0', '9') && v.LastIndexOf('+') <= 0),
                AttributeRule.ImageAlign => AppendJudged(value, static v => v.Equals("top", StringComparison.OrdinalIgnoreCase) || v.Equals("middle", StringComparison.OrdinalIgnoreCase) || v.Equals("bottom", StringComparison.OrdinalIgnoreCase) || v.Equals("baseline", StringComparison.OrdinalIgnoreCase)),
                AttributeRule.ImageBorder => AppendJudged(value, static v => v.Length == 1 && v[0] is >= '0' and <= '4'),
                _ => false,
            };

            if (!kept)
            {
                _output.Length = attributeMark;
                continue;
            }

            linkKept |= isLink;
            hasDisabled |= isInput && name is "disabled";
            hasControls |= isPlayer && name is "controls";
        }

        if (isInput && !isCheckbox)
        {
            _output.Length = mark; // only a task-list check box is kept; every other form control goes
            return;
        }

        if (isAnchor && linkSeen && !linkKept)
        {
            // An <a> whose href went is unwrapped to its text: an anchor without a target confuses readers (newsboat
            // numbers it as the previous link). Its end tag goes with it.
            _output.Length = mark;
            Push(policy, ns, written: false);
            return;
        }

        if (isInput && !hasDisabled)
        {
            _output.Append(" disabled");
        }

        if (isPlayer && !hasControls)
        {
            _output.Append(" controls"); // never a player the reader cannot stop (autoplay is never kept)
        }

        // A slash on a non-void HTML element means nothing to a browser (§13.2.5.40): the element is open, and is
        // written so. In SVG and MathML it closes the element.
        // The root of a drawing or formula written as <svg/> is closed by a browser (§13.2.6.4.7) but left open by
        // some parsers: written <svg></svg>, it is closed by all.
        bool root = isVoid && selfClosing && policy.Name is "svg" or "math" && (_open.Count == 0 || Context == ElementKind.Html);
        _output.Append(root ? "></" + policy.Name + ">" : isVoid && selfClosing ? " />" : ">");
        if (!isVoid)
        {
            Push(policy, ns, written: true, _pendingIndent);
        }
    }

    // A repeated attribute is ignored by browsers (duplicate-attribute): the first one counts, kept or not. Only the
    // first MaxAttributes distinct names are looked at, which keeps this linear per tag on hostile input.
    private bool IsFirstOfItsName(int index, ReadOnlySpan<char> name)
    {
        if (_seen.Count == MaxAttributes)
        {
            return false;
        }

        foreach (int earlier in _seen)
        {
            HtmlAttribute seen = _attributes[earlier];
            if (_html.AsSpan(seen.NameStart, seen.NameLength).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        _seen.Add(index);
        return true;
    }

    private bool AppendText(ReadOnlySpan<char> value, bool hasValue)
    {
        if (hasValue)
        {
            _output.Append("=\"");
            _output.AppendAttributeText(value, escapeAmpersand: false);
            _output.Append('"');
        }

        return true;
    }

    /// <summary>
    /// Removes from decoded text what XML 1.0 forbids or <see cref="FeedText.Clean"/> removes, and makes a space of
    /// what it makes a space (the controls that separate words): a numeric reference can spell any of them
    /// (<c>&amp;#7;</c>, <c>&amp;#x81;</c>, <c>&amp;#x2028;</c>), and decoded text written back must be as clean as the
    /// input, or a second pass would change it.
    /// </summary>
    internal static Span<char> RemoveXmlForbidden(Span<char> decoded)
    {
        int length = 0;
        foreach (char c in decoded)
        {
            if (c is '\f' or '\v' or '\u0085' or '\u2028' or '\u2029')
            {
                decoded[length++] = ' ';
            }
            else if ((c >= ' ' || c is '\t' or '\n' or '\r') && c is not ('\uFFFE' or '\uFFFF') && (c < '\u007F' || c > '\u009F'))
            {
                decoded[length++] = c;
            }
        }

        return decoded[..length];
    }
}
