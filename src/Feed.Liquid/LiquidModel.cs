using System.Globalization;
using Scriban.Runtime;

namespace Feed.Liquid;

/// <summary>
/// Turns the plain-value model of <see cref="FeedHtmlTemplate"/> into Scriban values by hand: dictionaries become
/// <see cref="ScriptObject"/>s, lists <see cref="ScriptArray"/>s, and a string under a key ending in <c>_html</c> an
/// <see cref="HtmlValue"/> (markup written as it is). No reflection, so nothing for the trimmer to lose.
/// </summary>
internal static class LiquidModel
{
    public static ScriptObject ToScript(IReadOnlyDictionary<string, object?> model)
    {
        var script = new ScriptObject(model.Count, autoImportStaticsFromThisType: false);
        foreach ((string key, object? value) in model)
        {
            script.SetValue(key, Convert(key, value), readOnly: false);
        }

        return script;
    }

    /// <summary>The page's date (<c>page.updated</c>): what <c>"now"</c> means in a template, so no clock is read.</summary>
    public static DateTimeOffset PageDate(IReadOnlyDictionary<string, object?> model) =>
        model.TryGetValue("page", out object? page) && page is IReadOnlyDictionary<string, object?> values
            && values.TryGetValue("updated", out object? updated) && updated is string text
            && LiquidDates.TryParse(text, out DateTimeOffset date)
            ? date
            : DateTimeOffset.UnixEpoch;

    private static object? Convert(string key, object? value) => value switch
    {
        null => null,
        string text when key.EndsWith("_html", StringComparison.Ordinal) => new HtmlValue(text),
        string or bool or int or long => value,
        IReadOnlyDictionary<string, object?> dictionary => ToScript(dictionary),
        IReadOnlyList<object?> list => ToArray(key, list),
        _ => System.Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static ScriptArray ToArray(string key, IReadOnlyList<object?> list)
    {
        var array = new ScriptArray(list.Count);
        foreach (object? item in list)
        {
            array.Add(Convert(key, item));
        }

        return array;
    }
}

/// <summary>HTML that a template writes as it is: a model value whose key ends in <c>_html</c>, or the result of the <c>raw</c> and <c>escape</c> filters.</summary>
/// <param name="Html">The markup.</param>
internal sealed record HtmlValue(string Html)
{
    /// <summary>Returns the markup, so that a filter given it (<c>| size</c>, <c>| append</c>) sees its text.</summary>
    public override string ToString() => Html;
}
