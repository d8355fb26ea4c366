using Feed.Internal;
using Markdig.Extensions.Mathematics;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Feed.Tool.Templates;

/// <summary>A stretch of a body that is code: a code span, or a fenced or indented code block.</summary>
/// <param name="Start">The index of its first character.</param>
/// <param name="End">The index after its last character.</param>
/// <param name="IsBlock">Whether it is a code block (a tag never reaches into one) rather than a code span.</param>
internal readonly record struct CodeRegion(int Start, int End, bool IsBlock);

/// <summary>
/// Finds the code of a Markdown body with the parser the library reads it with (<see cref="MarkdownPipelines.Default"/>),
/// so "outside code" means exactly what CommonMark means: fenced and indented code blocks (diagrams and front matter
/// included) and code spans. Math (<c>$…$</c>, <c>$$…$$</c>) is not code: the generators run their tags inside it.
/// </summary>
internal static class CodeRegions
{
    /// <summary>The code of <paramref name="markdown"/>, in order and not overlapping; none when the parser refuses the body (it is then read as text).</summary>
    public static List<CodeRegion> Find(string markdown)
    {
        var regions = new List<CodeRegion>();
        MarkdownDocument? document = MarkdownParsing.TryParse(markdown);
        if (document is null)
        {
            return regions;
        }

        // Markdig bounds the nesting of blocks, so an explicit stack of them stays small.
        var blocks = new Stack<Block>();
        for (int i = document.Count - 1; i >= 0; i--)
        {
            blocks.Push(document[i]);
        }

        while (blocks.Count > 0)
        {
            Block block = blocks.Pop();
            switch (block)
            {
                case MathBlock:
                    break; // a $$ block is a fenced code block to Markdig, but math to a reader
                case CodeBlock code:
                    Add(regions, code.Span, isBlock: true, markdown.Length);
                    break;
                case LeafBlock { Inline: { } inline }:
                    AddCodeSpans(regions, inline, markdown.Length);
                    break;
                case ContainerBlock container:
                    for (int i = container.Count - 1; i >= 0; i--)
                    {
                        blocks.Push(container[i]);
                    }

                    break;
                default:
                    break;
            }
        }

        regions.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return regions;
    }

    private static void AddCodeSpans(List<CodeRegion> regions, ContainerInline root, int length)
    {
        // Inlines are walked through their links, without recursion (emphasis may nest as deep as the text allows).
        Inline? node = root.FirstChild;
        while (node is not null)
        {
            if (node is CodeInline code)
            {
                Add(regions, code.Span, isBlock: false, length);
            }

            if (node is ContainerInline { FirstChild: { } child })
            {
                node = child;
                continue;
            }

            while (node is not null && node != root && node.NextSibling is null)
            {
                node = node.Parent;
            }

            node = node is null || node == root ? null : node.NextSibling;
        }
    }

    private static void Add(List<CodeRegion> regions, SourceSpan span, bool isBlock, int length)
    {
        int start = Math.Max(0, span.Start);
        int end = Math.Min(length, span.End + 1); // Markdig's span end is inclusive
        if (end > start)
        {
            regions.Add(new CodeRegion(start, end, isBlock));
        }
    }
}
