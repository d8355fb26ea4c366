using System.Collections.Concurrent;
using Feed.Tool.Configuration;
using Feed.Tool.Conventions;
using Feed.Tool.Diagnostics;
using Feed.Tool.Posts;
using Feed.Tool.Templates;

namespace Feed.Tool.Building;

/// <summary>
/// What rendering a post's body needs besides the post: how to find the body in its file, and its generator's template
/// language, expanded against the site's post links before the excerpt and content are made (so neither ever holds
/// raw <c>{% … %}</c> or <c>{{&lt; … &gt;}}</c>).
/// </summary>
/// <remarks>Thread-safe: pages are rendered in parallel.</remarks>
internal sealed class RenderContext(BuildSettings settings, PostLinks? links, ConcurrentBag<Diagnostic> notes)
{
    private int _removed;

    /// <summary>Gets the largest post (<c>--max-post-size</c>).</summary>
    public long MaxPostBytes { get; } = settings.Rules.MaxPostBytes;

    /// <summary>Gets the front-matter shapes the posts are read with.</summary>
    public FrontMatterShapes Shapes { get; } = settings.Rules.Convention.Shapes;

    /// <summary>Gets how many template tags the expansions of this build removed (in the posts it rendered; a post served from the cache is not expanded again).</summary>
    public int RemovedTags => Volatile.Read(ref _removed);

    /// <summary>Expands the template tags of a post's body, by its convention's template language; the body as it is without one.</summary>
    /// <param name="head">The post.</param>
    /// <param name="body">Its body.</param>
    /// <returns>The body to render.</returns>
    public string Expand(PostHead head, string body)
    {
        if (links is null || !head.TemplateSensitive || settings.Rules.Convention.Dialect is not { } dialect)
        {
            return body;
        }

        TemplateExpansion expansion = TemplateExpander.Expand(body, head.BodyLine, dialect, links, head.File.RelativePath, new Uri(head.Url, UriKind.Absolute));
        Interlocked.Add(ref _removed, expansion.RemovedCount);
        foreach (TemplateNote note in expansion.Notes)
        {
            notes.Add(Diagnostic.Warning(head.File.DisplayPath, note.Line, note.Column, DiagnosticCodes.TemplateNote, note.Message));
        }

        return expansion.Body;
    }
}
