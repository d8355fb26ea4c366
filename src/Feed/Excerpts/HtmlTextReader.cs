using System.Collections.Frozen;
using Feed.Html;

namespace Feed.Excerpts;

/// <summary>
/// The one HTML-to-text routine: HTML bodies, Markdown HTML blocks and inline HTML tags all go through it. Tags go,
/// their text stays; non-text elements (script, style, svg …) go whole; comments go; entities are decoded;
/// block-level elements separate words. Its state (which element is being dropped) lives in the
/// <see cref="TextCollector"/>, because Markdown splits inline HTML into one node per tag with the text between.
/// </summary>
/// <remarks>
/// Tokens come from <see cref="HtmlTokenizer"/> and references are decoded by <see cref="CharacterReferences"/>, the
/// same two the content sanitiser uses, so an excerpt and the entry's content agree on where every tag and comment
/// ends (<c>--!&gt;</c> included) and on what every character reference reads. There is no tree builder, only the
/// part of one that text needs: which elements are blocks, which hold no text, which hold raw text.
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
        var tokens = new HtmlTokenizer(html, attributes: null);
        while (!collector.DividerFound)
        {
            if (collector.IsFull && !seekDivider)
            {
                return;
            }

            if (collector.SkipRawText && collector.SkipElement is { } rawElement)
            {
                int end = HtmlTokenizer.IndexOfRawTextEnd(html, tokens.Position, rawElement);
                if (end < 0)
                {
                    return; // all of the rest is the element's raw text
                }

                tokens.Position = end;
            }

            if (!tokens.Next())
            {
                return;
            }

            switch (tokens.Kind)
            {
                case HtmlTokenKind.Text:
                    AppendText(tokens.Token, collector, rules); // a stray '<' is text too
                    break;
                case HtmlTokenKind.StartTag:
                    StartTag(tokens.Name, tokens.AttributeText, tokens.SelfClosing, collector, rules);
                    break;
                case HtmlTokenKind.EndTag:
                    EndTag(tokens.Name, collector);
                    break;
                case HtmlTokenKind.Comment:
                    if (tokens.End == html.Length && tokens.NameEnd == html.Length)
                    {
                        return; // eof-in-comment: the comment runs to the end
                    }

                    Comment(html, ref tokens, collector, seekDivider);
                    break;
                default:
                    break; // <!DOCTYPE …>, <![CDATA[…]]>, <?…>: bogus comments in HTML
            }
        }
    }

    private static void Comment(ReadOnlySpan<char> html, ref HtmlTokenizer tokens, TextCollector collector, bool seekDivider)
    {
        if (seekDivider
            && !collector.Suppressed
            && collector.CanEndHere() // before any text it would give an empty excerpt: ignored
            && tokens.Name.Trim().Equals("more", StringComparison.OrdinalIgnoreCase)
            && IsAloneOnItsLine(html, tokens.Start, tokens.End))
        {
            collector.DividerFound = true;
        }
        else
        {
            collector.Removed();
        }
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

        if (!selfClosing && name.Equals("code", StringComparison.OrdinalIgnoreCase))
        {
            collector.CodeDepth++; // its text is never math (see HtmlMath)
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
            collector.SkipRawText = HtmlElements.IsRawText(tag.Name); // the tokenizer's rule, shared with the sanitiser
        }
    }

    private static void EndTag(ReadOnlySpan<char> name, TextCollector collector)
    {
        if (collector.CodeDepth > 0 && collector.SkipElement is null && name.Equals("code", StringComparison.OrdinalIgnoreCase))
        {
            collector.CodeDepth--;
        }

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

    private static void AppendText(ReadOnlySpan<char> text, TextCollector collector, TextRules rules)
    {
        if (collector.Suppressed || collector.IsFull)
        {
            return;
        }

        if (collector.CodeDepth == 0 && HtmlMath.MayHoldMath(text))
        {
            HtmlMath.Append(text.Contains('&') ? CharacterReferences.DecodeText(text) : text.ToString(), collector, rules);
        }
        else if (text.Contains('&'))
        {
            collector.Append(CharacterReferences.DecodeText(text));
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
