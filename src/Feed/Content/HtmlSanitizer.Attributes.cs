using System.Text;
using Feed.Html;
using Feed.Internal;

namespace Feed.Content;

/// <summary>
/// The sanitiser's other attribute values: ids and references to them (prefixed against DOM clobbering), inline
/// style, SVG paint, MathML lengths, classes, rel and keyword attributes, each judged decoded as a browser reads it.
/// </summary>
internal sealed partial class HtmlSanitizer
{
    // An SVG reference to a shape or gradient of the same drawing: "#id" only, prefixed like the ids. An external
    // document (use href="sprite.svg#x", or data:) can carry script and would be fetched.
    private bool AppendFragment(ReadOnlySpan<char> value)
    {
        _scratch.Length = 0;
        CharacterReferences.Decode(value, ref _scratch);
        ReadOnlySpan<char> reference = RemoveXmlForbidden(_scratch.WrittenSpan).Trim(" \t\n\f\r");
        if (reference.Length < 2 || reference[0] != '#')
        {
            return false;
        }

        _output.Append("=\"#");
        AppendPrefixed(reference[1..], escapeAmpersand: true);
        _output.Append('"');
        return true;
    }

    // id and name get the prefix, so that no element of an entry can take the name of a reader's global
    // (DOM clobbering: <img name="getElementById">, <a id="CONFIG">).
    private bool AppendId(ReadOnlySpan<char> value)
    {
        if (value.Trim(" \t\n\f\r").IsEmpty)
        {
            return false;
        }

        _output.Append("=\"");
        AppendPrefixed(value, escapeAmpersand: false);
        _output.Append('"');
        return true;
    }

    private bool AppendIdRefs(ReadOnlySpan<char> value)
    {
        _output.Append("=\"");
        int start = _output.Length;
        foreach (Range range in value.SplitAny(" \t\n\f\r"))
        {
            ReadOnlySpan<char> id = value[range];
            if (id.IsEmpty)
            {
                continue;
            }

            if (_output.Length > start)
            {
                _output.Append(' ');
            }

            AppendPrefixed(id, escapeAmpersand: false);
        }

        if (_output.Length == start)
        {
            return false;
        }

        _output.Append('"');
        return true;
    }

    private void AppendPrefixed(ReadOnlySpan<char> id, bool escapeAmpersand)
    {
        if (!id.StartsWith(HtmlPolicy.IdPrefix, StringComparison.Ordinal))
        {
            _output.Append(HtmlPolicy.IdPrefix);
        }

        _output.AppendAttributeText(id, escapeAmpersand);
    }

    // Inline CSS, decoded: each declaration is kept only when its property is allowed (HtmlPolicy) and its value
    // loads and runs nothing; declarations are written back as "property: value;". A CSS escape or comment anywhere
    // drops the attribute, since either can spell any of the rest ("expr\65 ssion", "url/**/(").
    private bool AppendStyle(ReadOnlySpan<char> value)
    {
        _scratch.Length = 0;
        CharacterReferences.Decode(value, ref _scratch);
        ReadOnlySpan<char> css = RemoveXmlForbidden(_scratch.WrittenSpan);
        if (css.Contains('\\') || css.Contains("/*", StringComparison.Ordinal))
        {
            return false;
        }

        _output.Append("=\"");
        int start = _output.Length;
        Span<char> property = stackalloc char[32];
        foreach (Range range in css.Split(';'))
        {
            ReadOnlySpan<char> declaration = css[range];
            int colon = declaration.IndexOf(':');
            if (colon < 0)
            {
                continue;
            }

            ReadOnlySpan<char> rawProperty = declaration[..colon].Trim(" \t\n\f\r");
            ReadOnlySpan<char> propertyValue = declaration[(colon + 1)..].Trim(" \t\n\f\r");
            if (rawProperty.IsEmpty || rawProperty.Length > property.Length || propertyValue.IsEmpty)
            {
                continue;
            }

            ReadOnlySpan<char> lower = property[..rawProperty.ToLowerInvariant(property)];
            CssProperty? rule = HtmlPolicy.StyleProperty(lower);
            if (rule is null)
            {
                continue;
            }

            int declarationStart = _output.Length;
            if (_output.Length > start)
            {
                _output.Append(' ');
            }

            double indent = InlineStyle.HorizontalEm(rule, propertyValue);
            if (_indent + _pendingIndent + indent > MaxIndentEm || !InlineStyle.TryAppend(rule, propertyValue, ref _output))
            {
                _output.Length = declarationStart;
                continue;
            }

            _pendingIndent += indent;
        }

        if (_output.Length == start)
        {
            return false;
        }

        _output.Append('"');
        return true;
    }

    // An SVG paint or reference (SVG 2 §13.2, CSS Masking): a colour or keyword, or url(#id) of the same drawing
    // with an optional fallback colour, written as url(#prefixed-id). Nothing else: no function other than the
    // colour ones (image-set(), -webkit-image-set(), image(), src(), cross-fade(), a gradient, a filter function,
    // a basic shape), no other document, no quote or space inside the reference; a value that is anything else goes
    // whole, so that what is written is exactly what was judged and reads the same again.
    private bool AppendPaint(ReadOnlySpan<char> value)
    {
        _scratch.Length = 0;
        CharacterReferences.Decode(value, ref _scratch);
        ReadOnlySpan<char> paint = RemoveXmlForbidden(_scratch.WrittenSpan).Trim(" \t\n\f\r");
        if (paint.IsEmpty)
        {
            return false;
        }

        ReadOnlySpan<char> fallback = paint;
        ReadOnlySpan<char> id = default;
        if (paint.StartsWith("url(", StringComparison.OrdinalIgnoreCase))
        {
            int close = paint.IndexOf(')');
            if (close < 0)
            {
                return false;
            }

            ReadOnlySpan<char> reference = paint[4..close].Trim(" \t\n\f\r");
            if (reference.Length >= 2 && reference[0] is '"' or '\'' && reference[^1] == reference[0])
            {
                reference = reference[1..^1];
            }

            if (reference.Length < 2 || reference[0] != '#' || reference[1..].ContainsAny(" \t\n\f\r\"'()\\<>&,;"))
            {
                return false; // a paint server in another document: fetched, and outside the entry
            }

            id = reference[1..];
            fallback = paint[(close + 1)..].Trim(" \t\n\f\r");
        }

        if (!fallback.IsEmpty && !fallback.Equals("none", StringComparison.OrdinalIgnoreCase)
            && !fallback.Equals("currentcolor", StringComparison.OrdinalIgnoreCase) && !fallback.Equals("context-fill", StringComparison.OrdinalIgnoreCase)
            && !fallback.Equals("context-stroke", StringComparison.OrdinalIgnoreCase) && !InlineStyle.IsColour(fallback))
        {
            return false;
        }

        _output.Append("=\"");
        if (!id.IsEmpty)
        {
            _output.Append("url(#");
            AppendPrefixed(id, escapeAmpersand: true);
            _output.Append(')');
            if (!fallback.IsEmpty)
            {
                _output.Append(' ');
            }
        }

        _output.AppendAttributeText(fallback, escapeAmpersand: true);
        _output.Append('"');
        return true;
    }

    private delegate bool ValueTest(ReadOnlySpan<char> value);

    // A value judged decoded and trimmed, as a browser reads it, and written so when it passes.
    private bool AppendJudged(ReadOnlySpan<char> value, ValueTest test)
    {
        _scratch.Length = 0;
        CharacterReferences.Decode(value, ref _scratch);
        ReadOnlySpan<char> decoded = RemoveXmlForbidden(_scratch.WrittenSpan).Trim(" \t\n\f\r");
        if (decoded.IsEmpty || !test(decoded))
        {
            return false;
        }

        _output.Append("=\"");
        _output.AppendAttributeText(decoded, escapeAmpersand: true);
        _output.Append('"');
        return true;
    }

    // A MathML length (or, for column and row spacing, a list of them), each inside the attribute's bound; the
    // named spaces of MathML 3 that are not negative pass as they are small.
    private bool AppendMathLength(ReadOnlySpan<char> attribute, ReadOnlySpan<char> value)
    {
        (double maxEm, double maxPercent) = HtmlPolicy.MathLength(attribute);
        bool list = attribute is "columnspacing" or "rowspacing";
        return AppendJudged(value, v =>
        {
            int count = 0;
            foreach (Range range in v.SplitAny(" \t\n\f\r"))
            {
                ReadOnlySpan<char> length = v[range];
                if (length.IsEmpty)
                {
                    continue;
                }

                if (++count > (list ? 16 : 1)
                    || !(InlineStyle.IsLength(length, maxEm, maxPercent) || (length.EndsWith("mathspace", StringComparison.OrdinalIgnoreCase) && !length.StartsWith("negative", StringComparison.OrdinalIgnoreCase) && !length.ContainsAnyExceptInRange('a', 'z'))))
                {
                    return false;
                }
            }

            return count > 0;
        });
    }

    // class: only the classes the library's own Markdown output uses (HtmlPolicy.IsAllowedClass), in their order.
    private bool AppendClass(ReadOnlySpan<char> value)
    {
        _output.Append("=\"");
        int start = _output.Length;
        foreach (Range range in value.SplitAny(" \t\n\f\r"))
        {
            ReadOnlySpan<char> name = value[range];
            if (name.IsEmpty || !HtmlPolicy.IsAllowedClass(name))
            {
                continue;
            }

            if (_output.Length > start)
            {
                _output.Append(' ');
            }

            _output.Append(name);
        }

        if (_output.Length == start)
        {
            return false;
        }

        _output.Append('"');
        return true;
    }

    private bool AppendRel(ReadOnlySpan<char> value)
    {
        _output.Append("=\"");
        int start = _output.Length;
        foreach (Range range in value.SplitAny(" \t\n\f\r"))
        {
            ReadOnlySpan<char> token = value[range];
            if (token.IsEmpty || !HtmlPolicy.IsAllowedRel(token))
            {
                continue;
            }

            if (_output.Length > start)
            {
                _output.Append(' ');
            }

            foreach (char c in token)
            {
                _output.Append(Lower(c));
            }
        }

        if (_output.Length == start)
        {
            return false;
        }

        _output.Append('"');
        return true;
    }

    private bool AppendKeyword(ReadOnlySpan<char> value, string first, string second)
    {
        ReadOnlySpan<char> keyword = value.Trim(" \t\n\f\r");
        string? match = keyword.Equals(first, StringComparison.OrdinalIgnoreCase) ? first
            : keyword.Equals(second, StringComparison.OrdinalIgnoreCase) ? second
            : null;
        if (match is null)
        {
            return false;
        }

        _output.Append("=\"");
        _output.Append(match);
        _output.Append('"');
        return true;
    }
}
