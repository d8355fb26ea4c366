using System.Text;
using Feed.Html;
using Feed.Internal;

namespace Feed.Content;

/// <summary>
/// The sanitiser's URL attributes: every <c>href</c>, <c>src</c>, <c>srcset</c> and frame link judged as a browser
/// parses it (the URL Standard), written in canonical form and resolved against the post's URL.
/// </summary>
internal sealed partial class HtmlSanitizer
{
    private bool AppendUrl(ReadOnlySpan<char> value, bool isImage, bool isLink)
    {
        ReadOnlySpan<char> url = CanonicalUrl(value);
        if (url.IsEmpty && (!isLink || !_webBase))
        {
            return false; // src="" names nothing; the feed validator reports it as a relative reference
        }

        if (!url.IsEmpty && !IsAllowedUrl(url, isDecoded: true, isImage))
        {
            return false;
        }

        _output.Append("=\"");
        // A link's same-document reference ("#fn:1", or href="") is resolved too, so a footnote link leads to the
        // post, with the fragment prefixed like the id it points to.
        BaseUrl.AppendResolved(url, isDecoded: true, resolveSameDocument: isLink, ref _output, ref _urlScratch, isLink ? HtmlPolicy.IdPrefix : null);
        _output.Append('"');
        return true;
    }

    /// <summary>
    /// A URL-valued attribute in the one form it is judged and written in: character references decoded; the leading
    /// and trailing C0 controls and spaces the URL Standard's basic URL parser strips, and the tab and newlines it
    /// ignores, left out; and what XML 1.0 cannot carry or <see cref="FeedText.Clean"/> would change (the other C0
    /// controls, C1 controls, U+2028, U+2029, U+FFFE, U+FFFF) percent-encoded as UTF-8, which is what that parser does
    /// with them in a path, query or fragment, and what keeps a scheme from being formed by removing them. It is then
    /// written escaped (&amp;amp;, &amp;quot;, &amp;lt;, &amp;gt;), so the next reading decodes it to the same string:
    /// sanitising the output again changes nothing.
    /// </summary>
    private ReadOnlySpan<char> CanonicalUrl(ReadOnlySpan<char> value)
    {
        if (value.Contains('&'))
        {
            _scratch.Length = 0;
            CharacterReferences.Decode(value, ref _scratch);
            value = _scratch.Written;
        }

        return CanonicalDecodedUrl(value);
    }

    // The second half of CanonicalUrl, for a URL already decoded (a srcset candidate): into _url.
    private ReadOnlySpan<char> CanonicalDecodedUrl(ReadOnlySpan<char> value)
    {
        int start = 0, end = value.Length;
        while (start < end && value[start] <= ' ')
        {
            start++;
        }

        while (end > start && value[end - 1] <= ' ')
        {
            end--;
        }

        _url.Length = 0;
        Span<byte> utf8 = stackalloc byte[4];
        foreach (char c in value[start..end])
        {
            if (c is '\t' or '\n' or '\r')
            {
                continue;
            }

            if (c < ' ' || c is (>= '\u007F' and <= '\u009F') or '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF')
            {
                int bytes = new Rune(c).EncodeToUtf8(utf8);
                foreach (byte b in utf8[..bytes])
                {
                    _url.Append('%');
                    _url.Append(HexDigits[b >> 4]);
                    _url.Append(HexDigits[b & 0xF]);
                }

                continue;
            }

            _url.Append(c);
        }

        return _url.Written;
    }

    // Judges a URL as the URL Standard's parser reads it: character references decoded, leading C0 controls and
    // spaces stripped, tab and newlines ignored; then only a relative reference, an allowed scheme, or (for an
    // image source) a data: URL of a raster image type passes.
    private bool IsAllowedUrl(ReadOnlySpan<char> value, bool isDecoded, bool isImage)
    {
        if (!isDecoded && value.Contains('&'))
        {
            _scratch.Length = 0;
            CharacterReferences.Decode(value, ref _scratch);
            value = _scratch.Written;
        }

        Span<char> scheme = stackalloc char[16];
        int length = 0;
        int i = 0;
        while (i < value.Length && value[i] <= ' ')
        {
            i++;
        }

        for (; i < value.Length; i++)
        {
            char c = value[i];
            if (c is '\t' or '\n' or '\r')
            {
                continue;
            }

            if (c == ':')
            {
                break;
            }

            bool valid = length == 0 ? char.IsAsciiLetter(c) : char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.';
            if (!valid)
            {
                return _webBase; // no scheme: a relative reference, made absolute against the post
            }

            if (length == scheme.Length)
            {
                return false; // a scheme longer than any allowed one
            }

            scheme[length++] = Lower(c);
        }

        if (i == value.Length || length == 0)
        {
            // No ':' after a scheme-like start: relative ("index.html", "page"). Resolved only against an http(s)
            // post: against any other scheme (a post URL that slipped past the options' validation) it could become
            // a URL of that scheme.
            return _webBase;
        }

        ReadOnlySpan<char> name = scheme[..length];
        if (HtmlPolicy.IsAllowedScheme(name))
        {
            return true;
        }

        if (!isImage || name is not "data")
        {
            return false;
        }

        Span<char> type = stackalloc char[16];
        int typeLength = 0;
        for (i++; i < value.Length && typeLength < type.Length; i++)
        {
            char c = value[i];
            if (c is '\t' or '\n' or '\r' || (typeLength == 0 && c == ' '))
            {
                continue;
            }

            type[typeLength++] = Lower(c);
        }

        return HtmlPolicy.IsRasterImageType(type[..typeLength]);
    }

    // srcset (HTML §4.8.4.3.10, "parse a srcset attribute"): image candidates separated by commas, each a URL (a run
    // without whitespace; trailing commas are not part of it) and optional descriptors ("2x", "640w"). Each URL is
    // judged as an image source and resolved; the list is written back as "url descriptors, url descriptors". One
    // URL outside the policy drops the attribute.
    private bool AppendSrcSet(ReadOnlySpan<char> value)
    {
        ReadOnlySpan<char> candidates = value;
        if (value.Contains('&'))
        {
            // Decoded first, as a browser does before it splits the list; written back escaped. A control a reference
            // spells stays in its candidate, which is then written in the one form href and src are
            // (CanonicalDecodedUrl: percent-encoded), and a descriptor that holds one is not valid.
            _scratch.Length = 0;
            CharacterReferences.Decode(value, ref _scratch);
            candidates = _scratch.Written;
        }

        _output.Append("=\"");
        int i = 0;
        bool first = true;
        while (true)
        {
            while (i < candidates.Length && (HtmlTokenizer.IsSpace(candidates[i]) || candidates[i] == ','))
            {
                i++;
            }

            if (i == candidates.Length)
            {
                _output.Append('"');
                return !first;
            }

            int urlStart = i;
            while (i < candidates.Length && !HtmlTokenizer.IsSpace(candidates[i]))
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

            url = CanonicalDecodedUrl(url);
            if (url.IsEmpty || !IsAllowedUrl(url, isDecoded: true, isImage: true))
            {
                return false;
            }

            if (!AreValidDescriptors(descriptors))
            {
                continue; // a browser drops the candidate too; what it held is no longer there to be misread
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

    // Image candidate descriptors (HTML §4.8.4.3.10): at most one width ("640w"), density ("2x") or height ("480h"),
    // each a valid non-negative number followed by its letter.
    private static bool AreValidDescriptors(ReadOnlySpan<char> descriptors)
    {
        foreach (Range range in descriptors.SplitAny(" \t\n\f\r"))
        {
            ReadOnlySpan<char> descriptor = descriptors[range];
            if (descriptor.IsEmpty)
            {
                continue;
            }

            if (descriptor.Length < 2 || Lower(descriptor[^1]) is not ('w' or 'x' or 'h'))
            {
                return false;
            }

            ReadOnlySpan<char> number = descriptor[..^1];
            int dot = number.IndexOf('.');
            ReadOnlySpan<char> whole = dot < 0 ? number : number[..dot];
            ReadOnlySpan<char> fraction = dot < 0 ? "0" : number[(dot + 1)..];
            if (whole.ContainsAnyExceptInRange('0', '9') || fraction.IsEmpty || fraction.ContainsAnyExceptInRange('0', '9')
                || (whole.IsEmpty && dot < 0))
            {
                return false;
            }
        }

        return true;
    }

    // <iframe src="…" title="…"> becomes <a href="…">title</a>, or the URL as its own text (see HtmlPolicy).
    private void AppendFrameLink()
    {
        ReadOnlySpan<char> source = default, title = default;
        bool hasSource = false, hasTitle = false;
        foreach (HtmlAttribute attribute in _attributes)
        {
            // The first src and title count, as for any repeated attribute.
            ReadOnlySpan<char> name = _html.AsSpan(attribute.NameStart, attribute.NameLength);
            ReadOnlySpan<char> value = _html.AsSpan(attribute.ValueStart, attribute.ValueLength);
            if (!hasSource && name.Equals("src", StringComparison.OrdinalIgnoreCase))
            {
                source = value;
                hasSource = true;
            }
            else if (!hasTitle && name.Equals("title", StringComparison.OrdinalIgnoreCase))
            {
                title = value;
                hasTitle = true;
            }
        }

        ReadOnlySpan<char> url = CanonicalUrl(source);
        if (url.IsEmpty || !IsAllowedUrl(url, isDecoded: true, isImage: false))
        {
            return;
        }

        _output.Append("<a href=\"");
        int urlStart = _output.Length;
        BaseUrl.AppendResolved(url, isDecoded: true, resolveSameDocument: true, ref _output, ref _urlScratch, HtmlPolicy.IdPrefix);
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
            // The attribute's value becomes text: decoded and written escaped, so that a reference in it that text
            // treats differently from an attribute (&#7; is removed from text) reads the same on the next pass.
            _scratch.Length = 0;
            CharacterReferences.Decode(title, ref _scratch);
            _output.AppendAttributeText(RemoveXmlForbidden(_scratch.WrittenSpan), escapeAmpersand: true);
        }

        _output.Append("</a>");
    }
}
