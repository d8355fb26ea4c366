using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace Feed.Internal;

/// <summary>
/// Writes a numeric character reference of a Markdown body to the content HTML as its author wrote it when Markdig's
/// reading of it differs from a browser's: CommonMark decodes <c>&amp;#x80;</c> to U+0080, a C1 control that XML
/// discourages and <see cref="FeedText.Clean"/> removes, while HTML (§13.2.5.80, numeric character reference end
/// state) reads it as windows-1252 does, as €. Written as a reference, it reaches the sanitiser, which writes what a
/// browser shows (<see cref="Content.HtmlSanitizer"/>) — the same character the excerpt shows. Every other reference
/// is rendered as Markdig renders it.
/// </summary>
internal sealed class NumericReferenceExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Replace<HtmlEntityInlineRenderer>(new AsWrittenRenderer()))
        {
            html.ObjectRenderers.Add(new AsWrittenRenderer());
        }
    }

    private sealed class AsWrittenRenderer : HtmlEntityInlineRenderer
    {
        protected override void Write(HtmlRenderer renderer, HtmlEntityInline obj)
        {
            string? transcoded = obj.Transcoded.ToString();
            if (renderer.EnableHtmlEscape && transcoded is [>= '\u0080' and <= '\u009F'] && obj.Original.Length > 2
                && obj.Original.Text[obj.Original.Start] == '&' && obj.Original.Text[obj.Original.Start + 1] == '#')
            {
                renderer.Write(obj.Original.ToString());
                return;
            }

            base.Write(renderer, obj);
        }
    }
}
