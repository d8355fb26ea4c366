using Feed.Internal;

namespace Feed.Content;

/// <summary>
/// Makes an entry's HTML fit for a feed in one forward pass: URLs absolute against the post, active content removed
/// (<see cref="HtmlPolicy"/>), no XML 1.0-forbidden characters.
/// </summary>
/// <remarks>
/// <para>
/// A streaming tokenizer over tags and attributes, after the HTML Living Standard §13.2.5 (tokenization); text
/// between tags is copied through untouched, so Chinese, emoji and entities come out exactly as they went in. There
/// is no DOM and no tree repair: unclosed elements stay unclosed, for the reader's HTML parser to handle as it would
/// have.
/// </para>
/// <para>
/// What keeps this safe is the shape of the output, not a list of tricks: every tag is written back from its parsed
/// parts (lower-case name, each kept attribute as <c>name="value"</c> with <c>"</c>, <c>&lt;</c>, <c>&gt;</c>
/// escaped), and every <c>&lt;</c> that does not start a kept tag becomes <c>&amp;lt;</c>. Comments, doctypes,
/// CDATA and processing instructions are dropped. So a reader's parser, in whatever state (raw text, RCDATA, foreign
/// content), can only ever find the tags written here, and those are the tags this tokenizer saw and checked: the
/// parser differentials behind mutation XSS (<c>noscript</c>, <c>xmp</c>, <c>svg</c>+<c>style</c>, comments inside
/// raw text) have nothing to work with. Where the two parsers could disagree this one is stricter: <c>script</c>
/// and <c>style</c> end at their first end tag, as in a browser, but are dropped even where a browser would not
/// run them.
/// </para>
/// <para>
/// XML 1.0-forbidden characters and C1 controls (<see cref="FeedText.Clean"/>) are removed before tokenizing, so
/// none can reach the output and none can hide a tag from the tokenizer (<c>&lt;scr</c>, U+0001, <c>ipt&gt;</c> is
/// a script here), nor join two checked pieces when the writers clean the text again. The result is deterministic: it depends only on the HTML and the post's URL. When nothing changes, the input string itself is
/// returned.
/// </para>
/// </remarks>
internal sealed class HtmlSanitizer : IDisposable
{
    private const int MaxAttributeNameLength = 64;
    private const int MaxAttributes = 256;

    // The data: URL types kept: raster images, which cannot carry script.
    private static readonly string[] RasterImageTypes =
        ["image/png", "image/gif", "image/jpeg", "image/jpg", "image/webp", "image/avif", "image/bmp", "image/x-icon"];

    private readonly string _html;
    private readonly Uri _postUrl;
    private readonly List<(int Start, int Length)> _attributeNames = [];
    private PostBaseUrl? _baseUrl;
    private CharBuffer _output;
    private CharBuffer _scratch;     // an attribute value decoded for inspection, or a decoded srcset
    private CharBuffer _urlScratch;  // a URL decoded for classification (PostBaseUrl)

    private HtmlSanitizer(string html, Uri postUrl)
    {
        _html = html;
        _postUrl = postUrl;
        // Room for a few resolved URLs before the first growth.
        _output = new CharBuffer(html.Length + 256);
        _scratch = new CharBuffer(256);
        _urlScratch = new CharBuffer(256);
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
    }

    private static bool IsHtmlSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

    // Characters left out when a value is judged: whitespace and C0 controls (browsers strip them around a URL and
    // ignore tab and newlines inside), and the C1 controls U+007F–U+009F, which FeedText.Clean may remove later.
    private static bool IsIgnorable(char c) => c <= ' ' || (c >= '\u007F' && c <= '\u009F');

    private void Run()
    {
        ReadOnlySpan<char> html = _html;
        int position = 0;
        while (position < html.Length)
        {
            int lt = html[position..].IndexOf('<');
            if (lt < 0)
            {
                _output.Append(html[position..]);
                return;
            }

            _output.Append(html.Slice(position, lt));
            position = Markup(position + lt);
        }
    }

    // At a '<': writes whatever it starts (a kept tag, an escaped '<', or nothing) and returns where text resumes.
    // HTML §13.2.5.6 tag open state, §13.2.5.7 end tag open state.
    private int Markup(int lt)
    {
        ReadOnlySpan<char> html = _html;
        int i = lt + 1;
        if (i == html.Length)
        {
            _output.Append("&lt;");
            return i;
        }

        char c = html[i];
        if (char.IsAsciiLetter(c))
        {
            return Tag(i, isEndTag: false);
        }

        switch (c)
        {
            case '/':
                i++;
                if (i == html.Length)
                {
                    _output.Append("&lt;/");
                    return i;
                }

                if (char.IsAsciiLetter(html[i]))
                {
                    return Tag(i, isEndTag: true);
                }

                // "</>" is ignored; "</" before anything else opens a bogus comment.
                return html[i] == '>' ? i + 1 : SkipBogusComment(i);
            case '!':
                return html[(i + 1)..].StartsWith("--", StringComparison.Ordinal) ? SkipComment(i + 3) : SkipBogusComment(i);
            case '?':
                return SkipBogusComment(i);
            default:
                // Not a tag: a '<' in text. Escaped, so that no parser downstream can read it as one.
                _output.Append("&lt;");
                return i;
        }
    }

    // A bogus comment (a doctype, CDATA in HTML content, a processing instruction, "</3") ends at the first '>'.
    private int SkipBogusComment(int from)
    {
        int gt = _html.AsSpan(from).IndexOf('>');
        return gt < 0 ? _html.Length : from + gt + 1;
    }

    // After "<!--": the comment ends at "-->", "--!>", or right away as "<!-->" / "<!--->"; unclosed, at the end
    // (HTML §13.2.5.43–52). Comments are dropped: they carry nothing for a reader, and a comment copied into a
    // raw-text element is the classic mutation-XSS carrier.
    private int SkipComment(int from)
    {
        ReadOnlySpan<char> html = _html;
        if (from < html.Length && html[from] == '>')
        {
            return from + 1;
        }

        if (from + 1 < html.Length && html[from] == '-' && html[from + 1] == '>')
        {
            return from + 2;
        }

        int search = from;
        while (true)
        {
            int dashes = html[search..].IndexOf("--", StringComparison.Ordinal);
            if (dashes < 0)
            {
                return html.Length;
            }

            int after = search + dashes + 2;
            while (after < html.Length && html[after] == '-')
            {
                after++;
            }

            if (after < html.Length && html[after] == '>')
            {
                return after + 1;
            }

            if (after + 1 < html.Length && html[after] == '!' && html[after + 1] == '>')
            {
                return after + 2;
            }

            search = after;
        }
    }

    // A start or end tag whose name starts at nameStart: parses it to its '>' (HTML §13.2.5.8–42), writes it back if
    // kept, and returns the position after it (after the element's end tag for elements dropped with content).
    private int Tag(int nameStart, bool isEndTag)
    {
        ReadOnlySpan<char> html = _html;
        int i = nameStart;
        while (i < html.Length && !IsHtmlSpace(html[i]) && html[i] is not ('/' or '>'))
        {
            i++;
        }

        ReadOnlySpan<char> name = html[nameStart..i];
        ElementRule rule = HtmlPolicy.ForElement(name);
        bool write = rule == ElementRule.Keep;
        bool writeAttributes = write && !isEndTag;
        bool isLink = name.Equals("a", StringComparison.OrdinalIgnoreCase) || name.Equals("area", StringComparison.OrdinalIgnoreCase);
        int mark = _output.Length;
        if (write)
        {
            _output.Append(isEndTag ? "</" : "<");
            AppendLowerCase(name);
        }

        _attributeNames.Clear();
        bool isFrame = rule == ElementRule.ReplaceWithLink && !isEndTag;
        (int Start, int End) frameSource = (-1, -1);
        (int Start, int End) frameTitle = (-1, -1);
        bool selfClosing = false;
        while (true)
        {
            while (i < html.Length && IsHtmlSpace(html[i]))
            {
                i++;
            }

            if (i == html.Length)
            {
                // End of input inside a tag: the tag is dropped, as a browser drops it (eof-in-tag).
                _output.Length = mark;
                return i;
            }

            if (html[i] == '>')
            {
                i++;
                break;
            }

            if (html[i] == '/')
            {
                i++;
                if (i < html.Length && html[i] == '>')
                {
                    selfClosing = true;
                    i++;
                    break;
                }

                continue;
            }

            // Attribute name: its first character is taken even if it is '=' (§13.2.5.32).
            int nameAt = i++;
            while (i < html.Length && !IsHtmlSpace(html[i]) && html[i] is not ('/' or '>' or '='))
            {
                i++;
            }

            int nameEnd = i;
            while (i < html.Length && IsHtmlSpace(html[i]))
            {
                i++;
            }

            bool hasValue = false;
            int valueStart = i;
            int valueEnd = i;
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && IsHtmlSpace(html[i]))
                {
                    i++;
                }

                if (i == html.Length)
                {
                    _output.Length = mark;
                    return i;
                }

                hasValue = true;
                char quote = html[i];
                if (quote is '"' or '\'')
                {
                    int close = html[(i + 1)..].IndexOf(quote);
                    if (close < 0)
                    {
                        _output.Length = mark;
                        return html.Length;
                    }

                    valueStart = i + 1;
                    valueEnd = valueStart + close;
                    i = valueEnd + 1;
                }
                else
                {
                    // Unquoted, up to whitespace or '>'; "a=>" is an empty value (missing-attribute-value).
                    valueStart = i;
                    while (i < html.Length && !IsHtmlSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }

                    valueEnd = i;
                }
            }

            if (writeAttributes)
            {
                Attribute(nameAt, nameEnd - nameAt, html[valueStart..valueEnd], hasValue, isLink);
            }
            else if (isFrame && hasValue)
            {
                // The first src and title count, as for any repeated attribute.
                ReadOnlySpan<char> attributeName = html[nameAt..nameEnd];
                if (frameSource.Start < 0 && attributeName.Equals("src", StringComparison.OrdinalIgnoreCase))
                {
                    frameSource = (valueStart, valueEnd);
                }
                else if (frameTitle.Start < 0 && attributeName.Equals("title", StringComparison.OrdinalIgnoreCase))
                {
                    frameTitle = (valueStart, valueEnd);
                }
            }
        }

        if (write)
        {
            _output.Append(selfClosing && !isEndTag ? " />" : ">");
        }

        if (isFrame)
        {
            if (frameSource.Start >= 0)
            {
                AppendFrameLink(
                    html[frameSource.Start..frameSource.End],
                    frameTitle.Start < 0 ? default : html[frameTitle.Start..frameTitle.End]);
            }

            return SkipRawText(i, name);
        }

        return rule == ElementRule.DropWithContent && !isEndTag ? SkipRawText(i, name) : i;
    }

    // <iframe src="…" title="…"> becomes <a href="…">title</a>, or the URL as its own text (see HtmlPolicy).
    private void AppendFrameLink(ReadOnlySpan<char> source, ReadOnlySpan<char> title)
    {
        if (source.Trim(" \t\n\f\r").IsEmpty || !IsSafeValue("src", source, UrlRule.Resolve))
        {
            return;
        }

        _output.Append("<a href=\"");
        int urlStart = _output.Length;
        BaseUrl.AppendResolved(source, isDecoded: false, resolveSameDocument: true, ref _output, ref _urlScratch);
        int urlEnd = _output.Length;
        _output.Append("\">");
        title = title.Trim(" \t\n\f\r");
        if (title.IsEmpty)
        {
            // The URL, already escaped for an attribute, is valid text too; copied out first since the buffer may move.
            _scratch.Length = 0;
            _scratch.Append(_output.Written[urlStart..urlEnd]);
            _output.Append(_scratch.Written);
        }
        else
        {
            _output.AppendAttributeText(title, escapeAmpersand: false);
        }

        _output.Append("</a>");
    }

    // Skips the content of a script or style element: raw text up to "</name" followed by whitespace, '/' or '>'
    // (HTML §13.2.5.3 and .5, "appropriate end tag"), then that end tag. Unclosed, it runs to the end, as in a browser.
    private int SkipRawText(int from, ReadOnlySpan<char> name)
    {
        ReadOnlySpan<char> html = _html;
        int search = from;
        while (true)
        {
            int found = html[search..].IndexOf("</", StringComparison.Ordinal);
            if (found < 0)
            {
                return html.Length;
            }

            int nameAt = search + found + 2;
            int after = nameAt + name.Length;
            if (after < html.Length
                && html.Slice(nameAt, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (IsHtmlSpace(html[after]) || html[after] is '/' or '>'))
            {
                return Tag(nameAt, isEndTag: true);
            }

            search = nameAt;
        }
    }

    private void Attribute(int nameStart, int nameLength, ReadOnlySpan<char> value, bool hasValue, bool isLink)
    {
        ReadOnlySpan<char> rawName = _html.AsSpan(nameStart, nameLength);

        if (_attributeNames.Count == MaxAttributes)
        {
            return; // keeps the duplicate check below linear per tag on hostile input; no real tag comes close
        }

        // A repeated attribute is ignored by browsers (duplicate-attribute): the first one counts, kept or not.
        foreach ((int start, int length) in _attributeNames)
        {
            if (_html.AsSpan(start, length).Equals(rawName, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }

        _attributeNames.Add((nameStart, nameLength));
        if (nameLength > MaxAttributeNameLength || !HtmlPolicy.IsValidName(rawName, isAttribute: true))
        {
            return;
        }

        Span<char> name = stackalloc char[MaxAttributeNameLength];
        name = name[..rawName.ToLowerInvariant(name)];
        if (HtmlPolicy.IsAlwaysDropped(name))
        {
            return;
        }

        UrlRule urlRule = HtmlPolicy.ForAttribute(name);
        bool isSameDocumentLink = isLink && name is "href";
        if (urlRule == UrlRule.Resolve && !isSameDocumentLink && value.Trim(" \t\n\f\r").IsEmpty)
        {
            return; // src="" names nothing; the feed validator reports it as a relative reference
        }

        if (hasValue && !IsSafeValue(name, value, urlRule))
        {
            return;
        }

        int mark = _output.Length;
        _output.Append(' ');
        _output.Append(name);
        if (!hasValue && urlRule != UrlRule.Resolve)
        {
            return;
        }

        _output.Append("=\"");
        switch (urlRule)
        {
            case UrlRule.Resolve:
                // <a href> without a value is href="": a same-document reference like "#fn:1".
                BaseUrl.AppendResolved(value, isDecoded: false, isSameDocumentLink, ref _output, ref _urlScratch);
                break;
            case UrlRule.ResolveSrcSet:
                if (!TryAppendSrcSet(value))
                {
                    _output.Length = mark;
                    return;
                }

                break;
            default:
                _output.AppendAttributeText(value, escapeAmpersand: false);
                break;
        }

        _output.Append('"');
    }

    // Judges the value as a browser will read it: character references decoded, whitespace and control characters
    // (which browsers strip from or ignore inside URLs) removed, ASCII lower-cased.
    private bool IsSafeValue(ReadOnlySpan<char> name, ReadOnlySpan<char> value, UrlRule urlRule)
    {
        bool isStyle = name is "style";
        bool isAnimationTarget = name is "attributename";
        if (!isStyle && !isAnimationTarget && value.IndexOfAny(':', '&') < 0)
        {
            return true; // no scheme can be spelled without a ':', literal or encoded
        }

        _scratch.Length = 0;
        CharacterReferences.Decode(value, ref _scratch);
        Span<char> normalized = _scratch.WrittenSpan;
        int length = 0;
        foreach (char c in normalized)
        {
            if (!IsIgnorable(c))
            {
                normalized[length++] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
            }
        }

        normalized = normalized[..length];
        if (HasScriptScheme(normalized))
        {
            return false;
        }

        if (isStyle)
        {
            // CSS that runs script (IE expression(), behavior, Mozilla XBL bindings) or hides it (escapes, comments).
            return normalized.IndexOf("expression(", StringComparison.Ordinal) < 0
                && normalized.IndexOf("-moz-binding", StringComparison.Ordinal) < 0
                && normalized.IndexOf("behavior:", StringComparison.Ordinal) < 0
                && normalized.IndexOf("/*", StringComparison.Ordinal) < 0
                && !normalized.Contains('\\');
        }

        if (isAnimationTarget)
        {
            // SVG <set attributeName="onclick" to="…"> would write an event handler.
            return !normalized.StartsWith("on", StringComparison.Ordinal);
        }

        return urlRule is UrlRule.None or UrlRule.ResolveSrcSet || !IsForbiddenUrl(normalized);
    }

    // Whether a "javascript:", "vbscript:" or "livescript:" appears anywhere in the normalized value.
    private static bool HasScriptScheme(ReadOnlySpan<char> normalized)
    {
        int from = 0;
        while (true)
        {
            int colon = normalized[from..].IndexOf(':');
            if (colon < 0)
            {
                return false;
            }

            ReadOnlySpan<char> before = normalized[..(from + colon)];
            if (before.EndsWith("javascript", StringComparison.Ordinal)
                || before.EndsWith("vbscript", StringComparison.Ordinal)
                || before.EndsWith("livescript", StringComparison.Ordinal))
            {
                return true;
            }

            from += colon + 1;
        }
    }

    // Whether a URL (decoded) has a scheme that runs script: javascript, vbscript, livescript, or a data: URL that
    // is not a raster image (HTML, XHTML and SVG documents can all carry script). Whitespace and control characters
    // are skipped and letters compared without case, as browsers do with the scheme.
    private static bool IsForbiddenUrl(ReadOnlySpan<char> url)
    {
        Span<char> head = stackalloc char[24];
        int length = 0;
        foreach (char c in url)
        {
            if (IsIgnorable(c))
            {
                continue;
            }

            if (length == head.Length)
            {
                break;
            }

            head[length++] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
        }

        head = head[..length];
        int colon = head.IndexOf(':');
        if (colon <= 0 || !char.IsAsciiLetter(head[0]))
        {
            return false;
        }

        ReadOnlySpan<char> scheme = head[..colon];
        foreach (char c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false; // not a scheme: a relative reference with a ':' further on
            }
        }

        if (scheme is "javascript" or "vbscript" or "livescript")
        {
            return true;
        }

        if (scheme is not "data")
        {
            return false;
        }

        ReadOnlySpan<char> type = head[(colon + 1)..];
        foreach (string allowed in RasterImageTypes)
        {
            if (type.StartsWith(allowed, StringComparison.Ordinal) && type.Length > allowed.Length && type[allowed.Length] is ';' or ',')
            {
                return false;
            }
        }

        return true;
    }

    // srcset (HTML §4.8.4.3.10, "parse a srcset attribute"): image candidates separated by commas, each a URL (a run
    // without whitespace; trailing commas are not part of it) and optional descriptors ("2x", "640w"). Each URL is
    // resolved; the list is written back as "url descriptors, url descriptors". One forbidden URL drops the attribute.
    private bool TryAppendSrcSet(ReadOnlySpan<char> value)
    {
        ReadOnlySpan<char> candidates = value;
        if (value.Contains('&'))
        {
            // Decoded first, as a browser does before it splits the list; written back escaped.
            _scratch.Length = 0;
            CharacterReferences.Decode(value, ref _scratch);
            candidates = RemoveXmlForbidden(_scratch.WrittenSpan);
        }

        int i = 0;
        bool first = true;
        while (true)
        {
            while (i < candidates.Length && (IsHtmlSpace(candidates[i]) || candidates[i] == ','))
            {
                i++;
            }

            if (i == candidates.Length)
            {
                return true;
            }

            int urlStart = i;
            while (i < candidates.Length && !IsHtmlSpace(candidates[i]))
            {
                i++;
            }

            ReadOnlySpan<char> url = candidates[urlStart..i];
            ReadOnlySpan<char> descriptors = default;
            if (url[^1] == ',')
            {
                url = url.TrimEnd(',');
            }
            else
            {
                // Descriptors run to the next comma outside parentheses.
                int descriptorsStart = i;
                int depth = 0;
                while (i < candidates.Length && (candidates[i] != ',' || depth > 0))
                {
                    depth += candidates[i] switch
                    {
                        '(' => 1,
                        ')' when depth > 0 => -1,
                        _ => 0,
                    };
                    i++;
                }

                descriptors = candidates[descriptorsStart..i].Trim(" \t\n\f\r");
            }

            if (IsForbiddenUrl(url))
            {
                return false;
            }

            if (!first)
            {
                _output.Append(", ");
            }

            first = false;
            BaseUrl.AppendResolved(url, isDecoded: true, resolveSameDocument: false, ref _output, ref _urlScratch);
            if (!descriptors.IsEmpty)
            {
                _output.Append(' ');
                _output.AppendAttributeText(descriptors, escapeAmpersand: true);
            }
        }
    }

    // A numeric reference can spell a character XML 1.0 forbids (&#7;) or FeedText.Clean removes (&#x81;); decoded
    // text must lose it again.
    private static Span<char> RemoveXmlForbidden(Span<char> decoded)
    {
        int length = 0;
        foreach (char c in decoded)
        {
            if ((c >= ' ' || c is '\t' or '\n' or '\r') && c is not ('\uFFFE' or '\uFFFF') && (c < '\u007F' || c > '\u009F'))
            {
                decoded[length++] = c;
            }
        }

        return decoded[..length];
    }

    private void AppendLowerCase(ReadOnlySpan<char> name)
    {
        foreach (char c in name)
        {
            _output.Append(char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c);
        }
    }
}
