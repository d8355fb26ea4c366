using System.Collections.Frozen;
using System.Net;

namespace Feed.Excerpts;

/// <summary>
/// The one HTML-to-text routine: HTML bodies, Markdown HTML blocks and inline HTML tags all go through it. Tags go,
/// their text stays; non-text elements (script, style, svg …) go whole; comments go; entities are decoded;
/// block-level elements separate words. Its state (which element is being dropped) lives in the
/// <see cref="TextCollector"/>, because Markdown splits inline HTML into one node per tag with the text between.
/// </summary>
/// <remarks>
/// This is not a conforming HTML parser, only enough of the HTML Living Standard tokenizer (§13.2.5) to find text:
/// quoted attribute values may hold <c>&gt;</c>, script and style are raw text that only their end tag closes, a
/// tag cut off by the end of input is dropped, and a stray <c>&lt;</c> is text.
/// </remarks>
internal static class HtmlTextReader
{
    private static readonly FrozenDictionary<string, TagInfo> Tags = BuildTags();

    private static readonly FrozenDictionary<string, TagInfo>.AlternateLookup<ReadOnlySpan<char>> TagLookup =
        Tags.GetAlternateLookup<ReadOnlySpan<char>>();

    private enum TagKind
    {
        /// <summary>Starts and ends a block box: a word separator.</summary>
        Block,

        /// <summary><c>&lt;br&gt;</c>: a line break, which is nothing between two CJK characters.</summary>
        LineBreak,

        /// <summary>Content dropped whole, tags inside still parsed (svg, template, object …).</summary>
        Skip,

        /// <summary>Content dropped whole and not parsed: only the matching end tag ends it (script, style …).</summary>
        SkipRawText,

        /// <summary>A block whose content is dropped whole, tags inside still parsed (pre).</summary>
        SkipBlock,

        /// <summary>A block whose content is dropped whole and not parsed (xmp).</summary>
        SkipRawTextBlock,

        /// <summary>MathML: a math placeholder, content dropped.</summary>
        Math,

        /// <summary>A void element a reader sees but that has no text (img, input, embed): removed content.</summary>
        Replaced,
    }

    /// <summary>Reads <paramref name="html"/> into <paramref name="collector"/>.</summary>
    /// <param name="html">A fragment: a whole HTML body, the lines of a Markdown HTML block, or one inline tag.</param>
    /// <param name="collector">The per-call state.</param>
    /// <param name="rules">The math placeholders, for <c>&lt;math&gt;</c>.</param>
    /// <param name="linesOfTheirOwn">
    /// Whether the fragment is made of whole lines (a body or an HTML block), so that a comment alone on its line can be
    /// the <c>&lt;!--more--&gt;</c> divider; an inline tag never is.
    /// </param>
    public static void Read(ReadOnlySpan<char> html, TextCollector collector, TextRules rules, bool linesOfTheirOwn)
    {
        bool seekDivider = linesOfTheirOwn && collector.DetectDivider;
        int i = 0;
        while (i < html.Length && !collector.DividerFound)
        {
            if (collector.IsFull && !seekDivider)
            {
                return;
            }

            if (collector.SkipRawText && collector.SkipElement is { } rawElement)
            {
                int end = IndexOfEndTag(html, i, rawElement);
                if (end < 0)
                {
                    return; // all of the rest is the element's raw text
                }

                i = end;
            }

            int lt = html[i..].IndexOf('<');
            int textEnd = lt < 0 ? html.Length : i + lt;
            if (textEnd > i)
            {
                AppendText(html[i..textEnd], collector);
            }

            if (lt < 0)
            {
                return;
            }

            i = ReadMarkup(html, textEnd, collector, rules, seekDivider);
        }
    }

    /// <summary>Reads the markup that starts with the <c>&lt;</c> at <paramref name="start"/>; returns the index after it.</summary>
    private static int ReadMarkup(ReadOnlySpan<char> html, int start, TextCollector collector, TextRules rules, bool seekDivider)
    {
        int n = html.Length;
        int p = start + 1;
        if (p >= n)
        {
            AppendText("<", collector);
            return n;
        }

        char next = html[p];
        if (next == '!')
        {
            return html[start..].StartsWith("<!--", StringComparison.Ordinal)
                ? ReadComment(html, start, collector, seekDivider)
                : SkipPast(html, p, '>'); // <!DOCTYPE …>, <![CDATA[…]]>: a bogus comment in HTML, ends at the first '>'
        }

        if (next == '?')
        {
            return SkipPast(html, p, '>');
        }

        if (next == '/')
        {
            if (p + 1 < n && char.IsAsciiLetter(html[p + 1]))
            {
                int nameEnd = NameEnd(html, p + 1);
                EndTag(html[(p + 1)..nameEnd], collector);
                return SkipPast(html, nameEnd, '>');
            }

            if (p + 1 >= n)
            {
                AppendText("</", collector);
                return n;
            }

            return html[p + 1] == '>' ? p + 2 : SkipPast(html, p, '>');
        }

        if (char.IsAsciiLetter(next))
        {
            int nameEnd = NameEnd(html, p);
            int gt = IndexOfTagEnd(html, nameEnd);
            if (gt < 0)
            {
                return n; // a tag cut off by the end of input is dropped (the tokenizer's eof-in-tag error)
            }

            bool selfClosing = gt > nameEnd && html[gt - 1] == '/';
            StartTag(html[p..nameEnd], html[nameEnd..gt], selfClosing, collector, rules);
            return gt + 1;
        }

        AppendText("<", collector);
        return p;
    }

    private static int ReadComment(ReadOnlySpan<char> html, int start, TextCollector collector, bool seekDivider)
    {
        int bodyStart = start + 4;
        ReadOnlySpan<char> rest = html[bodyStart..];

        // "<!-->" and "<!--->" are (abruptly closed) empty comments.
        if (rest.StartsWith(">"))
        {
            collector.Removed();
            return bodyStart + 1;
        }

        if (rest.StartsWith("->"))
        {
            collector.Removed();
            return bodyStart + 2;
        }

        int close = rest.IndexOf("-->", StringComparison.Ordinal);
        if (close < 0)
        {
            return html.Length; // eof-in-comment: the comment runs to the end
        }

        int after = bodyStart + close + 3;
        if (seekDivider
            && !collector.Suppressed
            && collector.CanEndHere() // before any text it would give an empty excerpt: ignored
            && rest[..close].Trim().Equals("more", StringComparison.OrdinalIgnoreCase)
            && IsAloneOnItsLine(html, start, after))
        {
            collector.DividerFound = true;
        }
        else
        {
            collector.Removed();
        }

        return after;
    }

    private static void StartTag(ReadOnlySpan<char> name, ReadOnlySpan<char> attributes, bool selfClosing, TextCollector collector, TextRules rules)
    {
        if (collector.SkipElement is { } skipped)
        {
            if (!selfClosing && name.Equals(skipped, StringComparison.OrdinalIgnoreCase))
            {
                collector.SkipDepth++;
            }

            return;
        }

        if (!TagLookup.TryGetValue(name, out TagInfo? tag))
        {
            return; // an inline element: the tag goes, its text stays
        }

        switch (tag.Kind)
        {
            case TagKind.Block:
                collector.Separator();
                break;
            case TagKind.LineBreak:
                collector.LineBreak();
                break;
            case TagKind.Math:
                // MathML is visible math: it gets the same placeholder as Markdown math.
                bool display = attributes.Contains("display", StringComparison.OrdinalIgnoreCase)
                    && attributes.Contains("block", StringComparison.OrdinalIgnoreCase);
                if (display)
                {
                    collector.Separator();
                    collector.Append(rules.DisplayMathPlaceholder);
                    collector.Separator();
                }
                else
                {
                    collector.Append(rules.MathPlaceholder);
                }

                BeginSkip(tag, selfClosing, collector);
                break;
            case TagKind.SkipBlock or TagKind.SkipRawTextBlock:
                collector.Separator();
                BeginSkip(tag, selfClosing, collector);
                break;
            case TagKind.Replaced:
                collector.Removed();
                break;
            default:
                collector.Removed(); // script, style, svg …: content a reader does not see as text
                BeginSkip(tag, selfClosing, collector);
                break;
        }
    }

    private static void BeginSkip(TagInfo tag, bool selfClosing, TextCollector collector)
    {
        // The self-closing flag is honoured on every element (HTML only honours it on svg and math), because an
        // author who wrote <iframe/> meant an empty element, and ignoring it would swallow the rest of the post.
        if (!selfClosing)
        {
            collector.SkipElement = tag.Name;
            collector.SkipDepth = 1;
            collector.SkipRawText = tag.Kind is TagKind.SkipRawText or TagKind.SkipRawTextBlock;
        }
    }

    private static void EndTag(ReadOnlySpan<char> name, TextCollector collector)
    {
        if (collector.SkipElement is { } skipped)
        {
            if (name.Equals(skipped, StringComparison.OrdinalIgnoreCase) && --collector.SkipDepth == 0)
            {
                collector.SkipElement = null;
                collector.SkipRawText = false;
                if (TagLookup.TryGetValue(name, out TagInfo? ended) && ended.Kind is TagKind.SkipBlock or TagKind.SkipRawTextBlock)
                {
                    collector.Separator();
                }
                else
                {
                    collector.Removed(); // a line break inside the dropped element is no space of the author's
                }
            }

            return;
        }

        if (TagLookup.TryGetValue(name, out TagInfo? tag))
        {
            if (tag.Kind == TagKind.Block)
            {
                collector.Separator();
            }
            else if (tag.Kind == TagKind.LineBreak)
            {
                collector.LineBreak(); // </br> is read as <br> (§13.2.6.4.7)
            }
        }
    }

    private static void AppendText(ReadOnlySpan<char> text, TextCollector collector)
    {
        if (collector.Suppressed || collector.IsFull)
        {
            return;
        }

        if (text.Contains('&'))
        {
            collector.Append(WebUtility.HtmlDecode(text.ToString()));
        }
        else
        {
            collector.Append(text);
        }
    }

    /// <summary>Whether only spaces and tabs share the line with <c>html[start..after]</c>.</summary>
    private static bool IsAloneOnItsLine(ReadOnlySpan<char> html, int start, int after)
    {
        for (int j = start - 1; j >= 0 && html[j] is not ('\n' or '\r'); j--)
        {
            if (html[j] is not (' ' or '\t'))
            {
                return false;
            }
        }

        for (int j = after; j < html.Length && html[j] is not ('\n' or '\r'); j++)
        {
            if (html[j] is not (' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    private static int NameEnd(ReadOnlySpan<char> html, int start)
    {
        int j = start;
        while (j < html.Length && html[j] is not (' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>'))
        {
            j++;
        }

        return j;
    }

    /// <summary>The index of the '>' that ends a start tag, skipping quoted attribute values; -1 when there is none.</summary>
    private static int IndexOfTagEnd(ReadOnlySpan<char> html, int from)
    {
        bool afterEquals = false;
        for (int j = from; j < html.Length; j++)
        {
            char c = html[j];
            if (c == '>')
            {
                return j;
            }

            if (afterEquals && c is '"' or '\'')
            {
                int close = html[(j + 1)..].IndexOf(c);
                if (close < 0)
                {
                    return -1;
                }

                j += close + 1;
                afterEquals = false;
            }
            else if (c == '=')
            {
                afterEquals = true;
            }
            else if (c is not (' ' or '\t' or '\n' or '\r' or '\f'))
            {
                afterEquals = false;
            }
        }

        return -1;
    }

    /// <summary>The index of the <c>&lt;/name</c> that ends a raw-text element, at or after <paramref name="from"/>; -1 when none.</summary>
    private static int IndexOfEndTag(ReadOnlySpan<char> html, int from, string name)
    {
        int j = from;
        while (true)
        {
            int rel = html[j..].IndexOf("</", StringComparison.Ordinal);
            if (rel < 0)
            {
                return -1;
            }

            j += rel;
            int nameStart = j + 2;
            int nameEnd = nameStart + name.Length;
            if (nameEnd <= html.Length
                && html[nameStart..nameEnd].Equals(name, StringComparison.OrdinalIgnoreCase)
                && (nameEnd == html.Length || html[nameEnd] is ' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>'))
            {
                return j;
            }

            j += 2;
        }
    }

    private static int SkipPast(ReadOnlySpan<char> html, int from, char end)
    {
        int rel = html[from..].IndexOf(end);
        return rel < 0 ? html.Length : from + rel + 1;
    }

    private static FrozenDictionary<string, TagInfo> BuildTags()
    {
        var tags = new Dictionary<string, TagInfo>(StringComparer.OrdinalIgnoreCase);
        void Add(TagKind kind, params string[] names)
        {
            foreach (string name in names)
            {
                tags.Add(name, new TagInfo(name, kind));
            }
        }

        // Elements whose box is a block (HTML Living Standard §15.3 "Flow content" rendering): words on either side
        // of them never run together.
        Add(
            TagKind.Block,
            "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
            "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "optgroup", "option", "p",
            "search", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul");
        Add(TagKind.LineBreak, "br");

        // Non-text elements: what is inside is not read as text by a reader.
        Add(TagKind.Skip, "audio", "canvas", "datalist", "head", "map", "object", "picture", "select", "svg", "template", "video");
        Add(TagKind.SkipRawText, "iframe", "noembed", "noframes", "noscript", "script", "style", "title", "textarea");

        // Preformatted blocks are code: gone, like Markdown's code blocks (the same post written in HTML gives the
        // same excerpt), and still a block between the words around them.
        Add(TagKind.SkipBlock, "listing", "plaintext", "pre");
        Add(TagKind.SkipRawTextBlock, "xmp");
        Add(TagKind.Math, "math");

        // Void elements that show something other than text: removed content, like a Markdown image.
        Add(TagKind.Replaced, "embed", "image", "img", "input");
        return tags.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private sealed record TagInfo(string Name, TagKind Kind);
}
