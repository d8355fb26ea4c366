using System.Text;
using System.Text.RegularExpressions;
using Feed.Internal;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Feed.Tool.Templates;

/// <summary>
/// Takes the link off text whose destination is an unresolved reference (<see cref="ReferenceTags.Unresolved"/>):
/// <c>[the changelog]({% link missing.md %}#v3)</c> reads <c>the changelog</c>, an image its alt text, a reference
/// definition goes with the links that use it, an HTML <c>&lt;a href&gt;</c> loses its start tag; anywhere else the
/// placeholder is simply removed. The Markdown parser the library reads the body with finds the links, so this agrees
/// with the feed's content on what a link is.
/// </summary>
internal static partial class LinkUnwrapper
{
    /// <summary>The text of <paramref name="markdown"/> with every link to an unresolved reference unwrapped.</summary>
    public static string Unwrap(string markdown)
    {
        var edits = new List<(int Start, int End, string Replacement)>();
        MarkdownDocument? document = MarkdownParsing.TryParse(markdown);
        if (document is not null)
        {
            foreach (MarkdownObject node in document.Descendants())
            {
                switch (node)
                {
                    case LinkInline { Url: { } url } link when url.Contains(ReferenceTags.Unresolved, StringComparison.Ordinal):
                        edits.Add((link.Span.Start, link.Span.End + 1, Label(markdown, link)));
                        break;
                    case LinkReferenceDefinition { Url: { } url } definition when url.Contains(ReferenceTags.Unresolved, StringComparison.Ordinal):
                        edits.Add((definition.Span.Start, definition.Span.End + 1, string.Empty));
                        break;
                    default:
                        break;
                }
            }
        }

        edits.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var output = new StringBuilder(markdown.Length);
        int pos = 0;
        foreach ((int start, int end, string replacement) in edits)
        {
            if (start < pos || end > markdown.Length || start >= end)
            {
                continue; // inside an edit already made (an image inside an unwrapped link)
            }

            output.Append(markdown, pos, start - pos).Append(replacement);
            pos = end;
        }

        output.Append(markdown, pos, markdown.Length - pos);
        string unwrapped = AnchorStartTag().Replace(output.ToString(), string.Empty);
        return unwrapped.Replace(ReferenceTags.Unresolved, string.Empty, StringComparison.Ordinal);
    }

    /// <summary>The source of a link's text (an image's alt text), between its brackets.</summary>
    private static string Label(string markdown, LinkInline link)
    {
        if (link.FirstChild is not { } first || link.LastChild is not { } last || first.Span.Start < link.Span.Start || last.Span.End > link.Span.End || last.Span.End < first.Span.Start)
        {
            return string.Empty;
        }

        return markdown[first.Span.Start..(last.Span.End + 1)];
    }

    [GeneratedRegex("<a\\b[^>]*\uE000feed-unresolved-reference\uE001[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnchorStartTag();
}
