using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace Feed.Liquid;

/// <summary>
/// A Liquid page template for <see cref="FeedFormat.Html"/>: set it as <see cref="FeedOptions.HtmlTemplate"/> and every
/// HTML page of the feed is this template rendered with the page's data (<c>site</c>, <c>page</c>, <c>entries</c>,
/// <c>pager</c>, <c>feeds</c>, <c>labels</c>, <c>style_html</c>; see <see cref="FeedHtmlTemplate"/>).
/// </summary>
/// <remarks>
/// <para>
/// Liquid as Jekyll and Shopify write it (<c>{{ entry.title }}</c>, <c>{% for entry in entries %}</c>, filters such
/// as <c>| date: "%B %-d, %Y"</c>), parsed and run by Scriban's Liquid mode. Unlike Jekyll, output is
/// <strong>HTML-escaped by default</strong>: everything a post says is text. A value whose key ends in <c>_html</c>
/// (an entry's <c>article_html</c> and <c>content_html</c>, the pager's <c>nav_html</c>, <c>style_html</c>), and what
/// the <c>raw</c> filter marks, is written as it is; <c>escape</c> and <c>escape_once</c> escape once, never twice.
/// </para>
/// <para>
/// Deterministic: <c>"now"</c> (and <c>date.now</c>) is the page's date (its newest entry's), dates are formatted in
/// their own offset with English names and no culture data, and numbers in the invariant culture. Bounded: at most
/// <see cref="MaxSourceLength"/> characters of source, 100,000 loop steps, 64 nested calls and 16 MiB of output a
/// page; <c>include</c> and <c>render</c> have no files to read.
/// </para>
/// </remarks>
/// <threadsafety>Immutable once parsed; renders any number of pages at once.</threadsafety>
[Experimental("FEEDEXP010")]
public sealed class LiquidHtmlTemplate : FeedHtmlTemplate
{
    /// <summary>The longest template source accepted, in characters (1 MiB).</summary>
    public const int MaxSourceLength = 1 << 20;

    private readonly Template _template;

    private LiquidHtmlTemplate(Template template, string? path, string identity)
    {
        _template = template;
        Path = path;
        Identity = identity;
    }

    /// <summary>Gets the file name given to <see cref="Parse"/>, used in error messages.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Path { get; }

    /// <summary>Gets <c>liquid:</c> and the SHA-256 of the source: the same source, the same identity.</summary>
    public override string Identity { get; }

    /// <summary>Parses a Liquid template.</summary>
    /// <param name="source">The template's text.</param>
    /// <param name="path">The template's file name for error messages (<c>page.liquid(12,5): …</c>), or <see langword="null"/>.</param>
    /// <returns>The template, ready to render.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    /// <exception cref="FeedTemplateException">The source is not valid Liquid, or longer than <see cref="MaxSourceLength"/>: the message says where and why.</exception>
    public static LiquidHtmlTemplate Parse(string source, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Length > MaxSourceLength)
        {
            throw new FeedTemplateException(
                string.Create(CultureInfo.InvariantCulture, $"the template is {source.Length} characters long; the limit is {MaxSourceLength}."),
                path, 0, 0);
        }

        Template template = Template.ParseLiquid(source, path);
        if (template.HasErrors)
        {
            LogMessage first = template.Messages.First(m => m.Type == ParserMessageType.Error);
            throw new FeedTemplateException(Sentence(first.Message), path, first.Span.Start.Line + 1, first.Span.Start.Column + 1);
        }

        string identity = "liquid:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)));
        return new LiquidHtmlTemplate(template, path, identity);
    }

    /// <inheritdoc />
    /// <exception cref="FeedTemplateException">The template failed (an unknown filter, a loop past its limit, …); the message says where.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public override void Render(IReadOnlyDictionary<string, object?> model, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        cancellationToken.ThrowIfCancellationRequested();

        var context = new HtmlLiquidContext(LiquidModel.PageDate(model), cancellationToken);
        context.PushGlobal(LiquidModel.ToScript(model));
        string text;
        try
        {
            text = _template.Render(context);
        }
        catch (ScriptAbortException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (ScriptRuntimeException e)
        {
            throw new FeedTemplateException(Sentence(e.OriginalMessage), Path, e.Span.Start.Line + 1, e.Span.Start.Column + 1, e);
        }
        catch (HtmlLiquidContext.OutputTooLargeException e)
        {
            throw new FeedTemplateException(e.Message, Path, 0, 0);
        }

        if (text.Length > HtmlLiquidContext.MaxOutput)
        {
            throw new FeedTemplateException(new HtmlLiquidContext.OutputTooLargeException().Message, Path, 0, 0);
        }

        output.Write(text);
    }

    private static string Sentence(string message)
    {
        string trimmed = message.Trim();
        return trimmed.Length == 0 || trimmed.EndsWith('.') ? trimmed : trimmed + ".";
    }
}
