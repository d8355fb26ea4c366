using System.Diagnostics.CodeAnalysis;

namespace Feed;

/// <summary>
/// A page layout for <see cref="FeedFormat.Html"/> that replaces the default page: it gets the page's data as plain
/// values and writes the whole HTML document. <c>Feed.Liquid</c>'s <c>LiquidHtmlTemplate</c> is one (a Liquid file);
/// derive from this class to use any other engine.
/// </summary>
/// <remarks>
/// <para>
/// The model is a tree of plain values, so an engine needs no reflection over Feed's types (and stays trimmable and
/// Native AOT-compatible): <see cref="IReadOnlyDictionary{TKey, TValue}"/> of <see cref="string"/> keys,
/// <see cref="IReadOnlyList{T}"/>, <see cref="string"/>, <see cref="bool"/>, <see cref="int"/> and
/// <see langword="null"/>. Its top-level keys are <c>site</c>, <c>page</c>, <c>entries</c>, <c>pager</c>,
/// <c>feeds</c>, <c>labels</c> and <c>style_html</c>; the README's "HTML pages" section lists every key. A value whose
/// key ends in <c>_html</c> is HTML (the default markup of an entry, the navigation, sanitized content) and is
/// written as it is; every other string is text and must be HTML-escaped when written.
/// </para>
/// <para>
/// The model is experimental (<c>FEEDEXP010</c>): keys may still be added or renamed before it is declared stable.
/// </para>
/// </remarks>
/// <threadsafety>Implementations must be immutable and safe to call from several threads at once: one template renders every page.</threadsafety>
[Experimental(Internal.Experimental.HtmlTemplates, UrlFormat = Internal.Experimental.UrlFormat)]
public abstract class FeedHtmlTemplate
{
    /// <summary>Initializes a new instance of the <see cref="FeedHtmlTemplate"/> class.</summary>
    protected FeedHtmlTemplate()
    {
    }

    /// <summary>
    /// Gets a string that changes whenever the template would write different bytes for the same model (a hash of
    /// its source, say). Caches and ETags built on the feed's settings include it.
    /// </summary>
    public abstract string Identity { get; }

    /// <summary>Writes the HTML document of one page.</summary>
    /// <param name="model">The page's data (see the remarks of the class).</param>
    /// <param name="output">Receives the document; it is turned into UTF-8 bytes without a byte-order mark.</param>
    /// <param name="cancellationToken">Cancels the rendering.</param>
    /// <exception cref="FeedTemplateException">The template failed; the message says where. Nothing of the page is written.</exception>
    public abstract void Render(IReadOnlyDictionary<string, object?> model, TextWriter output, CancellationToken cancellationToken);
}
