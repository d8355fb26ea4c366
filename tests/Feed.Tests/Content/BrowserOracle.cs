using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Feed.Tests.Content;

/// <summary>
/// The browser-grade oracle of the content sanitiser: AngleSharp, an independent HTML5 parser (WHATWG tokenizer and
/// tree builder, foreign content included), builds the DOM a reader would build from the sanitised HTML, and the
/// DOM, not the text, is judged.
/// </summary>
internal static class BrowserOracle
{
    /// <summary>Elements that must never reach a reader's DOM (the disabled task-list check box excepted).</summary>
    private static readonly HashSet<string> ForbiddenElements = new(
        ["script", "iframe", "object", "embed", "base", "meta", "link", "form", "input", "button", "style", "frame",
         "frameset", "applet", "textarea", "select", "template", "foreignobject", "set", "animate", "animatemotion",
         "animatetransform", "animatecolor", "discard", "portal", "webview", "noscript", "xmp", "plaintext"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Attributes whose value is one URL a browser may load or navigate to.</summary>
    private static readonly HashSet<string> UrlAttributes = new(
        ["href", "src", "action", "formaction", "xlink:href", "poster", "background", "data", "cite", "ping",
         "codebase", "longdesc", "usemap", "icon", "manifest", "lowsrc", "dynsrc"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly string[] Schemes = ["http", "https", "mailto", "tel"];
    private static readonly string[] RasterTypes = ["image/png", "image/gif", "image/jpeg", "image/webp", "image/avif"];

    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser());
    private static readonly Url ReaderPage = new("https://reader.example/inbox/item?id=1");

    /// <summary>Throws, naming the problem, unless the DOM of <paramref name="html"/> is harmless in a reader's page.</summary>
    public static void AssertHarmless(string html)
    {
        IDocument document = Parser.Value!.ParseDocument(html);
        foreach (IElement element in document.All)
        {
            string name = element.LocalName;
            if (ForbiddenElements.Contains(name) && !IsTaskListCheckBox(element))
            {
                throw new OracleException($"<{name}> in the DOM", html);
            }

            foreach (IAttr attribute in element.Attributes)
            {
                AssertHarmless(element, attribute, html);
            }
        }
    }

    private static bool IsTaskListCheckBox(IElement element) =>
        element.LocalName == "input"
        && string.Equals(element.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase)
        && element.HasAttribute("disabled")
        && element.Attributes.All(a => a.Name is "type" or "disabled" or "checked" or "class");

    private static void AssertHarmless(IElement element, IAttr attribute, string html)
    {
        string name = attribute.Name.ToLowerInvariant();
        string value = attribute.Value;
        if (name.StartsWith("on", StringComparison.Ordinal) || name == "srcdoc")
        {
            throw new OracleException($"{name} on <{element.LocalName}>", html);
        }

        bool isImageSource = name is "src" or "srcset" or "poster"
            || (element.LocalName == "image" && name is "href" or "xlink:href");
        if (UrlAttributes.Contains(name))
        {
            AssertAllowedUrl(value, isImageSource, $"{name} on <{element.LocalName}>", html);
        }
        else if (name is "srcset" or "imagesrcset")
        {
            foreach (string url in SrcSetUrls(value))
            {
                AssertAllowedUrl(url, isImageSource: true, $"srcset on <{element.LocalName}>", html);
            }
        }
        else if (name is "to" or "from" or "values" or "by"
            && (element.GetAttribute("attributeName") ?? element.GetAttribute("attributename") ?? string.Empty).Contains("href", StringComparison.OrdinalIgnoreCase))
        {
            foreach (string url in value.Split(';'))
            {
                AssertAllowedUrl(url, isImageSource: false, $"animated href ({name}) on <{element.LocalName}>", html);
            }
        }
        else if (name == "style")
        {
            string css = new([.. value.Where(c => !char.IsWhiteSpace(c)).Select(char.ToLowerInvariant)]);
            foreach (string position in (string[])["position:fixed", "position:absolute", "position:sticky"])
            {
                if (css.Contains(position, StringComparison.Ordinal))
                {
                    throw new OracleException($"{position} in a style on <{element.LocalName}>", html);
                }
            }

            if (css.Contains("url(", StringComparison.Ordinal) || css.Contains("expression(", StringComparison.Ordinal))
            {
                throw new OracleException($"a loading or scripting style on <{element.LocalName}>", html);
            }
        }
    }

    // HTML §4.8.4.3.10, "parse a srcset attribute", as browsers run it (AngleSharp's own SourceSet splits at every
    // comma, which a browser does not): the URL of every candidate, whatever its descriptors.
    private static IEnumerable<string> SrcSetUrls(string value)
    {
        int i = 0;
        while (true)
        {
            while (i < value.Length && (IsSpace(value[i]) || value[i] == ','))
            {
                i++;
            }

            if (i == value.Length)
            {
                yield break;
            }

            int start = i;
            while (i < value.Length && !IsSpace(value[i]))
            {
                i++;
            }

            string url = value[start..i];
            if (url.EndsWith(','))
            {
                yield return url.TrimEnd(',');
                continue;
            }

            yield return url;
            bool inParens = false;
            while (i < value.Length && (inParens || value[i] != ','))
            {
                inParens = value[i] == '(' || (inParens && value[i] != ')');
                i++;
            }
        }
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

    private static void AssertAllowedUrl(string value, bool isImageSource, string where, string html)
    {
        var url = new Url(ReaderPage, value);
        if (url.IsInvalid)
        {
            return; // nothing a browser would load or navigate to
        }

        string scheme = url.Scheme.ToLowerInvariant();
        if (Schemes.Contains(scheme))
        {
            return;
        }

        if (scheme == "data" && isImageSource)
        {
            string body = url.Href["data:".Length..].TrimStart().ToLowerInvariant();
            if (RasterTypes.Any(type => body.StartsWith(type + ";", StringComparison.Ordinal) || body.StartsWith(type + ",", StringComparison.Ordinal)))
            {
                return;
            }
        }

        throw new OracleException($"a {scheme}: URL in {where}: {value}", html);
    }
}

/// <summary>The oracle found something a reader's page must never get.</summary>
internal sealed class OracleException(string problem, string html) : Exception($"{problem}\n  in: {html}");
