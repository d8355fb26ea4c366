using Markdig;

namespace Feed.Internal;

/// <summary>The one Markdig pipeline Feed parses with, built once (a pipeline is immutable and thread-safe).</summary>
internal static class MarkdownPipelines
{
    /// <summary>
    /// Markdig's advanced extensions (<c>UseAdvancedExtensions</c>) except two: auto-identifiers (slow, and heading
    /// ids are unused in feeds) and alert blocks (GitHub's <c>&gt; [!NOTE]</c> callouts stay plain block quotes,
    /// which every reader shows); plus YAML front matter so that a body that still carries it loses it. Inline math follows pandoc's dollar rule
    /// (<see cref="DollarMathInlineParser"/>), which must come after <c>UseMathematics</c> to replace its parser, and MathJax's
    /// <c>\(…\)</c> and <c>\[…\]</c> are math too (<see cref="BackslashMathInlineParser"/>); numeric
    /// references that Markdig and browsers read differently reach the content HTML as written (<see cref="NumericReferenceExtension"/>).
    /// </summary>
    public static readonly MarkdownPipeline Default = new MarkdownPipelineBuilder()
        .UseAbbreviations()
        .UseAutoLinks()
        .UseCitations()
        .UseCustomContainers()
        .UseDefinitionLists()
        .UseEmphasisExtras()
        .UseFigures()
        .UseFooters()
        .UseFootnotes()
        .UseGridTables()
        .UseMathematics()
        .Use(new DollarMathExtension())
        .Use(new BackslashMathExtension())
        .UseMediaLinks()
        .UsePipeTables()
        .UseListExtras()
        .UseTaskLists()
        .UseDiagrams()
        .UseGenericAttributes()
        .UseYamlFrontMatter()
        .Use(new NumericReferenceExtension())
        .Build();
}
