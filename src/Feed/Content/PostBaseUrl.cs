using Feed.Html;

namespace Feed.Content;

/// <summary>A post's own URL as the base that relative references in its content are resolved against (RFC 3986 §5.2).</summary>
/// <remarks>
/// <para>
/// Many readers and every RSS-to-email service ignore <c>xml:base</c> (RFC 4287 §2 allows it, few honour it), so each
/// <c>href</c>/<c>src</c> in content must be absolute. The base is split once into index ranges of its absolute
/// form; resolving a reference is then a prefix copy plus, where needed, dot-segment removal: no <see cref="Uri"/>
/// per link, no allocation.
/// </para>
/// <para>
/// A value is kept as written where possible, character references included: only a prefix from the base is put in
/// front of it. So <c>&amp;#35;fn1</c> becomes <c>https://example.org/post/&amp;#35;fn1</c>, which a reader decodes
/// to the right URL. How the reference is classified (fragment, path, scheme, …) is decided on its decoded form,
/// the form the reader will resolve.
/// </para>
/// </remarks>
internal sealed class PostBaseUrl
{
    private readonly string _url;
    private readonly int _schemeEnd;     // after "scheme:"
    private readonly int _authorityEnd;  // where the path starts
    private readonly int _pathEnd;       // where "?query" or "#fragment" starts, else the end
    private readonly int _queryEnd;      // where "#fragment" starts, else the end
    private readonly int _directoryEnd;  // after the path's last '/', or -1 when the path has none

    /// <summary>Initializes the base from the post's absolute <paramref name="url"/>.</summary>
    public PostBaseUrl(Uri url)
    {
        _url = url.AbsoluteUri;
        ReadOnlySpan<char> text = _url;
        _schemeEnd = url.Scheme.Length + 1;
        _authorityEnd = _schemeEnd;
        if (text[_schemeEnd..].StartsWith("//", StringComparison.Ordinal))
        {
            int end = text[(_schemeEnd + 2)..].IndexOfAny('/', '?', '#');
            _authorityEnd = end < 0 ? text.Length : _schemeEnd + 2 + end;
        }

        int hash = text[_authorityEnd..].IndexOf('#');
        _queryEnd = hash < 0 ? text.Length : _authorityEnd + hash;
        int question = text[_authorityEnd.._queryEnd].IndexOf('?');
        _pathEnd = question < 0 ? _queryEnd : _authorityEnd + question;
        int slash = text[_authorityEnd.._pathEnd].LastIndexOf('/');
        _directoryEnd = slash < 0 ? -1 : _authorityEnd + slash + 1;
    }

    private enum ReferenceKind
    {
        Empty,
        Fragment,
        Query,
        NetworkPath,
        AbsolutePath,
        RelativePath,
        Absolute,
    }

    /// <summary>Appends <paramref name="value"/> resolved against this base, escaped for a double-quoted attribute.</summary>
    /// <param name="value">The attribute value: as written in the HTML, or already decoded when <paramref name="isDecoded"/>.</param>
    /// <param name="isDecoded">Whether <paramref name="value"/> is plain text (its <c>&amp;</c> must be escaped) rather than HTML.</param>
    /// <param name="resolveSameDocument">
    /// Whether an empty or fragment-only reference (RFC 3986 §4.4, same-document) is resolved too. True for links
    /// (<c>a</c>, <c>area</c>): a footnote link <c>#fn:1</c> inside a reader must lead to the post. False elsewhere:
    /// SVG's <c>use href="#icon"</c> points inside the document and breaks when made absolute.
    /// </param>
    /// <param name="output">Receives the resolved value.</param>
    /// <param name="scratch">Working space for decoding; its content is overwritten.</param>
    /// <param name="fragmentPrefix">
    /// Put in front of a same-document fragment (<c>#fn:1</c> becomes <c>#user-content-fn:1</c>) when it does not
    /// start with it already: the ids it points to carry the same prefix (<see cref="HtmlPolicy.IdPrefix"/>).
    /// </param>
    public void AppendResolved(
        ReadOnlySpan<char> value,
        bool isDecoded,
        bool resolveSameDocument,
        ref CharBuffer output,
        ref CharBuffer scratch,
        string? fragmentPrefix = null)
    {
        // HTML strips ASCII whitespace around URL-valued attributes ("valid URL potentially surrounded by spaces").
        ReadOnlySpan<char> reference = value.Trim(" \t\n\f\r");
        ReferenceKind kind;
        bool decoded = !isDecoded && reference.Contains('&');
        if (decoded)
        {
            scratch.Length = 0;
            CharacterReferences.Decode(reference, ref scratch);
            kind = Classify(scratch.Written);
        }
        else
        {
            kind = Classify(reference);
        }

        switch (kind)
        {
            case ReferenceKind.Absolute:
                break;
            case ReferenceKind.Fragment when fragmentPrefix is not null:
                if (resolveSameDocument)
                {
                    AppendBase(_queryEnd, ref output);
                }

                // The fragment as written after its '#'; only when the '#' itself is spelled as a character reference
                // is the decoded form written, without what XML forbids (a reference can spell U+0007).
                bool literalHash = reference.StartsWith('#');
                ReadOnlySpan<char> plain = literalHash ? reference : HtmlSanitizer.RemoveXmlForbidden(scratch.WrittenSpan);
                ReadOnlySpan<char> fragment = plain[(plain.IndexOf('#') + 1)..];
                output.Append('#');
                if (!fragment.IsEmpty && !fragment.StartsWith(fragmentPrefix, StringComparison.Ordinal))
                {
                    output.Append(fragmentPrefix);
                }

                output.AppendAttributeText(fragment, escapeAmpersand: !literalHash || isDecoded);
                return;
            case ReferenceKind.Empty or ReferenceKind.Fragment:
                if (resolveSameDocument)
                {
                    AppendBase(_queryEnd, ref output);
                }

                break;
            case ReferenceKind.Query:
                AppendBase(_pathEnd, ref output);
                break;
            case ReferenceKind.NetworkPath:
                // Protocol-relative "//cdn/x.png" takes the post's scheme.
                AppendBase(_schemeEnd, ref output);
                break;
            case ReferenceKind.AbsolutePath:
                AppendBase(_authorityEnd, ref output);
                if (TryAppendNormalizedPath(reference, isDecoded, ref output))
                {
                    return;
                }

                break;
            default:
                AppendBase(_authorityEnd, ref output);
                int pathStart = output.Length;
                if (_directoryEnd < 0)
                {
                    output.Append('/');
                }
                else
                {
                    output.AppendAttributeText(_url.AsSpan(_authorityEnd, _directoryEnd - _authorityEnd), escapeAmpersand: true);
                }

                if (TryAppendNormalizedPath(reference, isDecoded, ref output, pathStart))
                {
                    return;
                }

                break;
        }

        output.AppendAttributeText(reference, isDecoded);
    }

    private void AppendBase(int end, ref CharBuffer output) =>
        output.AppendAttributeText(_url.AsSpan(0, end), escapeAmpersand: true);

    // Classifies a reference the way the URL Standard's basic URL parser sees it: leading C0 controls and spaces are
    // stripped, tab and newlines inside are ignored, and '\' counts as '/' for http(s) bases.
    private static ReferenceKind Classify(ReadOnlySpan<char> reference)
    {
        int i = 0;
        while (i < reference.Length && reference[i] <= ' ')
        {
            i++;
        }

        if (i == reference.Length)
        {
            return ReferenceKind.Empty;
        }

        char first = reference[i];
        switch (first)
        {
            case '#':
                return ReferenceKind.Fragment;
            case '?':
                return ReferenceKind.Query;
            case '/' or '\\':
                int next = i + 1;
                while (next < reference.Length && reference[next] is '\t' or '\n' or '\r')
                {
                    next++;
                }

                return next < reference.Length && reference[next] is '/' or '\\'
                    ? ReferenceKind.NetworkPath
                    : ReferenceKind.AbsolutePath;
        }

        if (!char.IsAsciiLetter(first))
        {
            return ReferenceKind.RelativePath;
        }

        // RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), ended by ':'.
        for (int j = i + 1; j < reference.Length; j++)
        {
            char c = reference[j];
            if (c == ':')
            {
                return ReferenceKind.Absolute;
            }

            if (c is not ('\t' or '\n' or '\r' or '+' or '-' or '.') && !char.IsAsciiLetterOrDigit(c))
            {
                break;
            }
        }

        return ReferenceKind.RelativePath;
    }

    // Appends the path of reference (plus its query and fragment) with "." and ".." segments removed
    // (RFC 3986 §5.2.4), after a path that output already holds from pathStart on and that ends with '/'. When
    // pathStart is -1 the reference is an absolute path, written after the authority. Returns false, having written
    // nothing, when there is nothing to remove or the path holds character references (then it is kept as written
    // and the reader's URL parser removes the segments itself).
    private static bool TryAppendNormalizedPath(
        ReadOnlySpan<char> reference, bool isDecoded, ref CharBuffer output, int pathStart = -1)
    {
        int pathLength = reference.IndexOfAny('?', '#');
        ReadOnlySpan<char> path = pathLength < 0 ? reference : reference[..pathLength];
        if (!HasDotSegment(path) || (!isDecoded && path.Contains('&')))
        {
            return false;
        }

        if (pathStart < 0)
        {
            pathStart = output.Length;
            output.Append('/');
            path = path[1..];
        }

        while (true)
        {
            int slash = path.IndexOf('/');
            ReadOnlySpan<char> segment = slash < 0 ? path : path[..slash];
            if (segment is "..")
            {
                // Drop the last segment: output ends with '/', cut back to the '/' before it (never above the root).
                int previous = output.Written[pathStart..^1].LastIndexOf('/');
                if (previous >= 0)
                {
                    output.Length = pathStart + previous + 1;
                }
            }
            else if (segment is not ".")
            {
                output.AppendAttributeText(segment, isDecoded);
                if (slash >= 0)
                {
                    output.Append('/');
                }
            }

            if (slash < 0)
            {
                break;
            }

            path = path[(slash + 1)..];
        }

        if (pathLength >= 0)
        {
            output.AppendAttributeText(reference[pathLength..], isDecoded);
        }

        return true;
    }

    private static bool HasDotSegment(ReadOnlySpan<char> path)
    {
        if (!path.Contains('.'))
        {
            return false;
        }

        foreach (Range range in path.Split('/'))
        {
            if (path[range] is "." or "..")
            {
                return true;
            }
        }

        return false;
    }
}
