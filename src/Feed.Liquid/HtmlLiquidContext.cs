using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Feed.Liquid;

/// <summary>
/// The Liquid context of one page: output HTML-escaped by default, limits that bound every render, and the filters
/// that would otherwise read the clock, the machine's time zone or culture replaced by deterministic ones.
/// </summary>
internal sealed partial class HtmlLiquidContext : LiquidTemplateContext
{
    /// <summary>The largest page a template may write, in characters (16 MiB).</summary>
    public const int MaxOutput = 16 << 20;

    private readonly StringBuilder _text;

    public HtmlLiquidContext(DateTimeOffset pageDate, CancellationToken cancellationToken)
    {
        _text = ((StringBuilderOutput)Output).Builder; // the page's own output (a capture writes into another)
        CancellationToken = cancellationToken;
        LoopLimit = 100_000;
        RecursiveLimit = 64;
        LimitToString = MaxOutput + 1; // Scriban stops writing there (adding "..."), which Render reports as too large
        NewLine = "\n";
        StrictVariables = false;
        EnableRelaxedMemberAccess = true;
        PushCulture(CultureInfo.InvariantCulture);

        // Liquid's filters are names in this context's own copy of the builtins (`escape`, `date`), and some are also
        // reached as Scriban's members (html.escape, date.parse_to_string): both are replaced.
        var escape = new Function(1, 1, (_, args) => new HtmlValue(Escape(Text(args[0]))));
        var escapeOnce = new Function(1, 1, (_, args) => new HtmlValue(EscapeOnce(Text(args[0]))));
        var formatDate = new Function(1, 2, (_, args) =>
        {
            DateTimeOffset? value = ParseDate(args[0], pageDate);
            if (value is null)
            {
                return args[0]; // Liquid: a value that is not a date passes through
            }

            string pattern = args.Count > 1 && args[1] is { } p ? Text(p) : "%Y-%m-%d %H:%M:%S %z";
            return LiquidDates.Format(value.Value, pattern);
        });
        var html = (ScriptObject)BuiltinObject["html"]!;
        html.SetValue("escape", escape, readOnly: false);
        html.SetValue("escape_once", escapeOnce, readOnly: false);
        var date = (ScriptObject)BuiltinObject["date"]!;
        date.SetValue("now", new Function(0, 0, (_, _) => pageDate.DateTime), readOnly: false);
        date.SetValue("parse", new Function(1, 1, (_, args) => ParseDate(args[0], pageDate)?.DateTime), readOnly: false);
        date.SetValue("parse_to_string", formatDate, readOnly: false);
        BuiltinObject.SetValue("escape", escape, readOnly: false);
        BuiltinObject.SetValue("escape_once", escapeOnce, readOnly: false);
        BuiltinObject.SetValue("h", escape, readOnly: false);
        BuiltinObject.SetValue("date", formatDate, readOnly: false);
        BuiltinObject.SetValue("raw", new Function(1, 1, (_, args) => new HtmlValue(Text(args[0]))), readOnly: false);
    }

    /// <inheritdoc />
    /// <remarks>Every value a template outputs is text, escaped here, unless it is HTML (<see cref="HtmlValue"/>) or a <c>capture</c>'s output (already escaped).</remarks>
    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        switch (textAsObject)
        {
            case null:
                return this;
            case HtmlValue html:
                Write(html.Html);
                CheckSize();
                return this;
            case IScriptOutput captured:
                Write(captured.ToString());
                CheckSize();
                return this;
        }

        if (ObjectToString(textAsObject) is { } text)
        {
            Write(Escape(text));
            CheckSize();
        }

        return this;
    }

    /// <summary>Thrown when a template writes more than <see cref="MaxOutput"/> characters.</summary>
    internal sealed class OutputTooLargeException() : Exception(
        string.Create(CultureInfo.InvariantCulture, $"the page is larger than {MaxOutput / (1 << 20)} MiB; a template loop must have run away."));

    private void CheckSize()
    {
        if (_text.Length > MaxOutput)
        {
            throw new OutputTooLargeException();
        }
    }

    private string Text(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        HtmlValue h => h.Html,
        _ => ObjectToString(value) ?? string.Empty,
    };

    private DateTimeOffset? ParseDate(object? value, DateTimeOffset pageDate) => value switch
    {
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Unspecified), TimeSpan.Zero),
        string s when s.Equals("now", StringComparison.OrdinalIgnoreCase) || s.Equals("today", StringComparison.OrdinalIgnoreCase) => pageDate,
        string s when LiquidDates.TryParse(s, out DateTimeOffset parsed) => parsed,
        _ => null,
    };

    // WHATWG HTML §13.1.2.6: text and double-quoted attribute values are safe once & < > " ' are escaped. Written
    // here rather than taken from Feed's internals: a package uses the library through its public API only.
    private static string Escape(string text)
    {
        var html = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }

        return html.ToString();
    }

    // Liquid's escape_once: escapes like escape, but leaves character references already there alone.
    private static string EscapeOnce(string text) =>
        Reference().Replace(Escape(text), match => match.Value.Replace("&amp;", "&", StringComparison.Ordinal));

    [GeneratedRegex("&amp;(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")]
    private static partial Regex Reference();

    /// <summary>A filter or function written in C#, called with its arguments as given (the piped value first).</summary>
    private sealed class Function(int required, int count, Func<TemplateContext, ScriptArray, object?> body) : IScriptCustomFunction
    {
        public int RequiredParameterCount => required;

        public int ParameterCount => count;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

        public Type ReturnType => typeof(object);

        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "arg" + index.ToString(CultureInfo.InvariantCulture));

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            if (arguments.Count < required || arguments.Count > count)
            {
                throw new ScriptRuntimeException(callerContext?.Span ?? default, string.Create(CultureInfo.InvariantCulture,
                    $"`{callerContext}` takes {(required == count ? count.ToString(CultureInfo.InvariantCulture) : $"{required} to {count}")} argument{(count == 1 ? "" : "s")}, not {arguments.Count}"));
            }

            return body(context, arguments);
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }
}
