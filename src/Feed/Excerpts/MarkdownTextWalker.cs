using System.Runtime.CompilerServices;
using Feed.Html;
using Markdig.Extensions.Abbreviations;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Mathematics;
using Markdig.Extensions.TaskLists;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Feed.Excerpts;

/// <summary>
/// Walks a Markdig syntax tree in document order and feeds the text a reader sees into a <see cref="TextCollector"/>.
/// </summary>
/// <remarks>
/// Markdig's own <c>ToPlainText</c> renders through its HTML renderer and keeps image alt text and raw HTML, so the
/// tree is walked instead. Blocks recurse (Markdig refuses documents nested deeper than its depth limit, so the
/// depth is bounded); inlines are walked without recursion through their sibling and parent links.
/// </remarks>
internal static class MarkdownTextWalker
{
    /// <summary>Feeds <paramref name="document"/>'s visible text into <paramref name="collector"/> until it says stop.</summary>
    public static void Walk(MarkdownDocument document, TextCollector collector, TextRules rules) =>
        WalkBlock(document, collector, rules);

    private static void WalkBlock(Block block, TextCollector collector, TextRules rules)
    {
        switch (block)
        {
            case HtmlBlock html:
                collector.Separator();
                ReadHtmlBlock(html, collector, rules);
                collector.Separator();
                break;

            case MathBlock: // before CodeBlock: a math block is a fenced code block to Markdig
                collector.Separator();
                collector.Append(rules.DisplayMathPlaceholder);
                collector.Separator();
                break;

            case CodeBlock or ThematicBreakBlock: // fenced and indented code, diagrams, YAML front matter; <hr>
                collector.Separator();
                break;

            case LinkReferenceDefinitionGroup or LinkReferenceDefinition or FootnoteGroup or Footnote:
                break; // definitions are not read in place

            case LeafBlock { Inline: { } inline }:
                collector.Separator();
                WalkInlines(inline, collector, rules);
                collector.Separator();
                break;

            case ContainerBlock container:
                if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
                {
                    break; // Markdig bounds the depth; this only guards a tree built by someone else
                }

                collector.Separator();
                for (int i = 0; i < container.Count && !collector.Stop; i++)
                {
                    WalkBlock(container[i], collector, rules);
                }

                collector.Separator();
                break;

            default:
                break; // blank lines, empty leaves
        }
    }

    private static void ReadHtmlBlock(HtmlBlock block, TextCollector collector, TextRules rules)
    {
        StringLineGroup lines = block.Lines;
        if (lines.Count == 0)
        {
            return;
        }

        // A top-level block is a contiguous run of the source: read it in place. Inside a quote or list the
        // container's markers sit between the lines, so they are joined into a new string (rare).
        if (TryGetContiguous(lines, out string? source, out int start, out int length))
        {
            HtmlTextReader.Read(source.AsSpan(start, length), collector, rules, linesOfTheirOwn: true);
        }
        else
        {
            HtmlTextReader.Read(lines.ToString(), collector, rules, linesOfTheirOwn: true);
        }
    }

    private static bool TryGetContiguous(StringLineGroup lines, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? source, out int start, out int length)
    {
        StringLine[] all = lines.Lines;
        StringSlice first = all[0].Slice;
        source = first.Text;
        start = first.Start;
        length = 0;
        if (source is null)
        {
            return false;
        }

        int end = first.End; // inclusive, as in Markdig
        for (int i = 1; i < lines.Count; i++)
        {
            StringSlice slice = all[i].Slice;
            if (!ReferenceEquals(slice.Text, source) || !IsLineBreak(source, end + 1, slice.Start))
            {
                return false;
            }

            end = slice.End;
        }

        if (start < 0 || end >= source.Length || end + 1 < start)
        {
            return false;
        }

        length = end + 1 - start;
        return true;
    }

    private static bool IsLineBreak(string text, int from, int to) =>
        (to - from) switch
        {
            1 => text[from] is '\n' or '\r',
            2 => text[from] == '\r' && text[from + 1] == '\n',
            _ => false,
        };

    private static void WalkInlines(ContainerInline root, TextCollector collector, TextRules rules)
    {
        Inline? node = root.FirstChild;
        while (node is not null && !collector.Stop)
        {
            bool descend = false;
            switch (node)
            {
                case LiteralInline literal:
                    collector.Append(literal.Content.AsSpan());
                    break;
                case HtmlEntityInline entity:
                    // Decoded as an HTML body's text is (CharacterReferences), not as Markdig transcoded it: the
                    // same reference gives the same character in both (&#x80; is € in both, as in a browser).
                    collector.Append(CharacterReferences.DecodeText(entity.Original.AsSpan()));
                    break;
                case LineBreakInline:
                    collector.LineBreak();
                    break;
                case CodeInline code:
                    collector.Append(code.ContentSpan);
                    break;
                case AutolinkInline autolink:
                    collector.Append(autolink.Url); // <https://x.org> reads as its URL, <a@b.org> as the address
                    break;
                case HtmlInline html:
                    HtmlTextReader.Read(html.Tag, collector, rules, linesOfTheirOwn: false);
                    break;
                case MathInline math:
                    collector.Append(math.DelimiterCount >= 2 ? rules.DisplayMathPlaceholder : rules.MathPlaceholder);
                    break;
                case AbbreviationInline abbreviation:
                    collector.Append(abbreviation.Abbreviation?.Label);
                    break;
                case FootnoteLink or TaskList:
                    collector.Removed(); // footnote references and task-list check boxes are not text
                    break;
                case LinkInline link:
                    descend = !link.IsImage; // images go with their alt text
                    if (link.IsImage)
                    {
                        collector.Removed();
                    }

                    break;
                case DelimiterInline delimiter: // an unmatched delimiter left in the tree reads as itself
                    collector.Append(delimiter.ToLiteral());
                    descend = true;
                    break;
                case ContainerInline:
                    descend = true; // emphasis and the like: markers gone, text kept
                    break;
                default:
                    break;
            }

            node = Next(node, descend, root);
        }
    }

    /// <summary>The next inline in document order: the first child, else the next sibling of the nearest ancestor that has one.</summary>
    private static Inline? Next(Inline node, bool descend, ContainerInline root)
    {
        if (descend && node is ContainerInline { FirstChild: { } child })
        {
            return child;
        }

        Inline? current = node;
        while (current is not null && current != root)
        {
            if (current.NextSibling is { } sibling)
            {
                return sibling;
            }

            current = current.Parent;
        }

        return null;
    }
}
