using System.Globalization;

namespace Feed.Tests.Content;

/// <summary>One body of the reader corpus: its family, the body, and whether it is Markdown.</summary>
internal sealed record ReaderCase(string Family, string Body, bool Markdown = false);

/// <summary>
/// The hostile corpus of the real-browser oracle (<see cref="ReaderPageOracle"/>): bodies written to get out of an
/// entry's box or reach outside the entry, family by family, plus harmless bodies that must render as they are.
/// Deterministic: the same corpus every run.
/// </summary>
/// <remarks>
/// Families: <c>unbalanced</c> (an element left open, alone or around an element dropped with its content that never
/// closes, in every context), <c>overlay</c> (every geometric CSS property, allowed or not, with values that reach
/// outside the box), <c>load</c> (every CSS function that loads or references, in every property and every SVG paint,
/// mask, filter, clip and marker attribute, and MathML colours), <c>math</c> (MathML layout attributes), <c>class</c>
/// (utility classes of the reader, raw and through Markdown attributes), <c>svg</c> (the outer SVG element's own
/// box), <c>nesting</c> (growth by nesting), <c>known</c> (the shapes and a sample of <see cref="HostileCorpus"/>) and
/// <c>harmless</c> (what posts really hold).
/// </remarks>
internal static class ReaderCorpus
{
    private const string Evil = "https://evil.example/phish";
    private const string Pixel = "https://evil.example/t.png";

    /// <summary>Elements a reader's page must never see unclosed, and what drops content (raw text and the rest).</summary>
    public static readonly string[] Droppers =
    [
        "", "<script>", "<style>", "<noscript>", "<textarea>", "<title>", "<xmp>", "<iframe>", "<noembed>", "<noframes>",
        "<plaintext>", "<template>", "<select>", "<svg><style>", "<!--", "<math><annotation-xml encoding=\"text/html\">",
    ];

    private static readonly string[] Openers =
    [
        $"<p>Read <a href=\"{Evil}\">the rest", $"<a href=\"{Evil}\">", $"<a href=\"{Evil}\"><div>", $"<b><a href=\"{Evil}\">",
        $"<table><tr><td><a href=\"{Evil}\">", $"<ul><li><a href=\"{Evil}\">", $"<svg><a href=\"{Evil}\"><text y=\"20\">",
        $"<math><mi><a href=\"{Evil}\">", $"<details open><summary><a href=\"{Evil}\">", $"<h1><a href=\"{Evil}\">",
        $"<blockquote><p><a href=\"{Evil}\">", $"<p><a href=\"{Evil}\"><div>x</div>", $"<a href=\"{Evil}\"><table><tr><td>",
        $"<dl><dt><a href=\"{Evil}\">", $"<table><caption><a href=\"{Evil}\">", $"<pre><code><a href=\"{Evil}\">",
        $"<svg><desc><a href=\"{Evil}\">", $"<p><em><a href=\"{Evil}\"><p>", $"<a href=\"{Evil}\"><a href=\"{Evil}\">",
        $"<table><tr><td><div><a href=\"{Evil}\"><p>",
    ];

    private static readonly string[] Tails = ["", "</a></p>", "covering text</a> after"];

    /// <summary>Geometric CSS properties, allowed or not, and hostile values for each kind.</summary>
    private static readonly (string Property, string[] Values)[] Geometry =
    [
        ("padding", Lengths()), ("padding-top", Lengths()), ("padding-bottom", Lengths()), ("padding-left", Lengths()),
        ("padding-right", Lengths()), ("margin", Lengths()), ("margin-top", Lengths()), ("margin-bottom", Lengths()),
        ("margin-left", Lengths()), ("margin-right", Lengths()), ("border", [.. Lengths().Select(v => v + " solid #fff")]),
        ("border-width", Lengths()), ("border-top", [.. Lengths().Select(v => v + " solid #fff")]), ("border-top-width", Lengths()),
        ("border-bottom-width", Lengths()), ("border-left-width", Lengths()), ("border-right-width", Lengths()),
        ("font-size", [.. Lengths(), "xxx-large", "larger"]), ("line-height", ["0", "0.1", "-1", "3000px", "1px", "0%"]),
        ("letter-spacing", Lengths()), ("word-spacing", Lengths()), ("text-indent", Lengths()),
        ("vertical-align", Lengths()), ("width", Lengths()), ("min-width", Lengths()), ("max-width", ["none", "3000px"]),
        ("height", ["0", "1px", "3000px"]), ("min-height", ["3000px", "100vh"]), ("max-height", ["0", "1px"]),
        ("float", ["left", "right"]), ("white-space", ["nowrap", "pre"]), ("position", ["fixed", "absolute", "relative", "sticky"]),
        ("top", Lengths()), ("inset", ["0", "-3000px"]), ("transform", ["translateY(-3000px)", "scale(100)"]),
        ("translate", ["0 -3000px"]), ("scale", ["100"]), ("z-index", ["2147483647"]), ("display", ["contents", "block"]),
        ("overflow", ["visible"]), ("outline", ["3000px solid #fff"]), ("outline-offset", ["-3000px", "3000px"]),
        ("box-shadow", ["0 -3000px 0 3000px #fff"]), ("text-shadow", ["0 -3000px #000"]),
        ("text-underline-offset", ["-3000px"]), ("text-decoration", ["underline 3000px"]), ("border-spacing", ["3000px"]),
        ("border-image-outset", ["3000px"]), ("columns", ["100"]), ("text-wrap", ["nowrap"]), ("overflow-wrap", ["normal"]),
        ("word-break", ["keep-all"]), ("writing-mode", ["vertical-rl"]), ("direction", ["rtl"]), ("zoom", ["100"]),
    ];

    private static readonly string[] Carriers =
    [
        $"<p>Text <a href=\"{Evil}\" style=\"{{0}}\">&#8203;Reader settings</a> and more text.</p>",
        "<span style=\"{0}\">start of the entry</span>",
        "<div style=\"{0}\"><p>a paragraph in a block</p></div><p>after</p>",
        "<p>before</p><table><tr><td style=\"{0}\">cell</td></tr></table>",
        "<p style=\"font-size:32px\">Big <span style=\"{0}\">WIDE TEXT HERE</span></p>",
    ];

    /// <summary>CSS functions that load or reference something (<c>{0}</c> is a URL to a pixel).</summary>
    public static readonly string[] Functions =
    [
        "url({0})", "url('{0}')", "url( \"{0}\" )", "URL({0})", "image('{0}')", "image-set('{0}' 1x)", "image-set(url({0}) 1x)",
        "-webkit-image-set('{0}' 1x)", "-webkit-image-set(url({0}) 1x)", "src('{0}')", "src(url({0}))", "element(#x)",
        "cross-fade(url({0}), url({0}))", "-webkit-cross-fade(url({0}), url({0}), 50%)", "paint(x)", "var(--x)", "env(x)",
        "attr(data-x url)", "image(url({0}))", "unknownfn('{0}')", "linear-gradient(red, url({0}))",
    ];

    private static readonly string[] LoadingProperties =
    [
        "color", "background-color", "border-color", "border", "list-style-type", "font-family", "text-decoration-color",
        "background", "background-image", "border-image", "border-image-source", "mask", "mask-image", "-webkit-mask-image",
        "content", "cursor", "filter", "clip-path", "shape-outside", "list-style-image", "list-style",
    ];

    private static readonly string[] SvgPaintAttributes =
    [
        "fill", "stroke", "mask", "filter", "clip-path", "marker-start", "marker-mid", "marker-end", "style",
    ];

    /// <summary>The corpus, family by family.</summary>
    public static IEnumerable<ReaderCase> Generate()
    {
        foreach (string opener in Openers)
        {
            foreach (string dropper in Droppers)
            {
                foreach (string tail in Tails)
                {
                    yield return new("unbalanced", opener + dropper + tail);
                }
            }
        }

        foreach (string dropper in Droppers.Where(d => d.Length > 0))
        {
            yield return new("unbalanced", $"[Read more {dropper}]({Evil})\n\nThe next paragraph.", Markdown: true);
            yield return new("unbalanced", $"Some *emphasis {dropper}* and **strong**\n\n> quote {dropper}\n\n- item [link]({Evil}) {dropper}\n", Markdown: true);
            yield return new("unbalanced", $"<p>Read <a href=\"{Evil}\">the rest {dropper}</a></p><p>Next</p>");
        }

        foreach ((string property, string[] values) in Geometry)
        {
            foreach (string value in values)
            {
                string style = $"{property}: {value}; background-color: #fff";
                foreach (string carrier in Carriers)
                {
                    yield return new("overlay", string.Format(CultureInfo.InvariantCulture, carrier, style));
                }
            }
        }

        foreach (string body in Overlays())
        {
            yield return new("overlay", body);
        }

        foreach (string function in Functions)
        {
            string value = string.Format(CultureInfo.InvariantCulture, function, Pixel);
            foreach (string property in LoadingProperties)
            {
                yield return new("load", $"<p style=\"{property}: {Attribute(value)}\">styled</p>");
            }

            foreach (string attribute in SvgPaintAttributes)
            {
                string attributeValue = attribute == "style" ? $"fill: {value}; mask: {value}" : value;
                yield return new("load", $"<svg width=\"20\" height=\"20\"><rect width=\"20\" height=\"20\" {attribute}=\"{Attribute(attributeValue)}\"/></svg>");
                yield return new("load", $"<svg width=\"20\" height=\"20\" {attribute}=\"{Attribute(attributeValue)}\"><circle r=\"5\" cx=\"5\" cy=\"5\"/></svg>");
            }

            yield return new("load", $"<math mathbackground=\"{Attribute(value)}\"><mi mathcolor=\"{Attribute(value)}\" style=\"background-image: {Attribute(value)}\">x</mi></math>");
        }

        foreach (string body in Loads())
        {
            yield return new("load", body);
        }

        foreach (string body in MathLayout())
        {
            yield return new("math", body);
        }

        foreach (string body in Classes())
        {
            yield return body.StartsWith("md:", StringComparison.Ordinal) ? new("class", body[3..], Markdown: true) : new("class", body);
        }

        foreach (string body in SvgRoot())
        {
            yield return new("svg", body);
        }

        foreach (string body in Nesting())
        {
            yield return new("nesting", body);
        }

        foreach (string shape in HostileCorpus.Shapes)
        {
            yield return new("known", shape);
        }

        foreach (string html in HostileCorpus.Generate(count: 600, seed: 20261101).Skip(HostileCorpus.Shapes.Length).Where((_, i) => i % 7 == 0))
        {
            yield return new("known", html);
        }

        foreach ((string body, bool markdown) in Harmless())
        {
            yield return new("harmless", body, markdown);
        }
    }

    private static string[] Lengths() => ["3000px", "-3000px", "200em", "-40em", "1000%", "100vw", "calc(100vw + 3000px)", "max(3000px, 1px)"];

    private static string Attribute(string value) => value.Replace("\"", "&quot;", StringComparison.Ordinal);

    private static IEnumerable<string> Overlays()
    {
        // The issue's own vectors and their relatives: no position needed.
        yield return $"<a href=\"{Evil}\" style=\"padding: 3000px; background-color: #fff\">&#8203;</a>";
        yield return $"<p style=\"line-height:0\"><a href=\"{Evil}\" style=\"font-size:300px; background-color:#fff\">X</a></p>";
        yield return $"<p style=\"line-height:0\"><span style=\"font-size:2rem\">Reader settings</span></p>";
        yield return $"<p><a href=\"{Evil}\" style=\"border: 3000px solid #fff\">x</a></p>";
        yield return $"<p><a href=\"{Evil}\" style=\"vertical-align: 3000px; line-height: 0\">x</a></p>";
        yield return $"<p style=\"line-height: 1\"><a href=\"{Evil}\" style=\"vertical-align: super; font-size: 32px; line-height: 0\">x</a></p>";
        yield return "<p style=\"text-indent: -9999px\">hidden heading text</p>";
        yield return "<p style=\"letter-spacing: -1em\">" + new string('\u200B', 200) + "x</p>";
        yield return "<p style=\"white-space: nowrap\">" + string.Concat(Enumerable.Repeat("word ", 400)) + "</p>";
        yield return "<div style=\"height: 0\">" + string.Concat(Enumerable.Repeat("<p>text that hangs out of a box of no height</p>", 5)) + "</div>";
        yield return "<div style=\"max-height: 1px\">" + string.Concat(Enumerable.Repeat("<p>text below</p>", 5)) + "</div>";
        yield return "<img src=\"https://example.org/a.png\" width=\"5000\" height=\"20\" style=\"max-width: none\">";
        yield return "<img src=\"https://example.org/a.png\" width=\"20\" height=\"20\" style=\"min-width: 3000px\">";
        yield return "<img src=\"https://example.org/a.png\" width=\"20\" height=\"2000\" align=\"left\"><p>short</p>";
        yield return "<img src=\"https://example.org/a.png\" width=\"20\" height=\"20\" border=\"3000\">";
        yield return $"<p><a href=\"{Evil}\" style=\"display:inline-block; margin-top:-3000px\">x</a></p>";
        yield return "<div style=\"width: 100%; padding: 0 2em; border: 0.5em solid\">full width with padding</div>";
        yield return "<p style=\"font-size: 2rem\"><span style=\"letter-spacing: 0.5em; word-spacing: 2em; padding: 1em; border: 0.5em solid\">Big spaced</span></p>";
        yield return $"<p>a<sub style=\"font-size: 32px\"><sub style=\"font-size: 32px\"><sub style=\"font-size: 32px\"><sub style=\"font-size: 32px\">deep</sub></sub></sub></sub></p>";
        yield return "<h1 style=\"font-size: 32px\"><span style=\"padding: 0.5em; border: 0.375em solid; background-color: #fff\">Heading</span></h1>";
        yield return "<p style=\"font-size: xx-large; line-height: 1\"><a href=\"https://example.org/\" style=\"padding: 0.5em; border: medium solid\">big link</a></p>";
    }

    private static IEnumerable<string> Loads()
    {
        yield return $"<svg><rect mask=\"image-set('{Pixel}' 1x)\" width=\"10\" height=\"10\"/></svg>";
        yield return $"<svg><rect width=\"10\" height=\"10\" fill=\"url(#a&quot; onload=&quot;alert(1))\"/></svg>";
        yield return $"<svg><defs><pattern id=\"p\" width=\"4\" height=\"4\"><image href=\"{Pixel}\" width=\"4\" height=\"4\"/></pattern></defs><rect fill=\"url(#p)\" width=\"10\" height=\"10\"/></svg>";
        yield return $"<svg><filter id=\"f\"><feImage href=\"{Pixel}\"/></filter><rect filter=\"url(#f)\" width=\"10\" height=\"10\"/></svg>";
        yield return $"<svg><use href=\"{Pixel}#x\"/></svg>";
        yield return $"<p style=\"background: #fff url({Pixel})\">bg</p>";
        yield return $"<p style=\"background-color: #fff; background-image: url({Pixel})\">bg</p>";
        yield return $"<p style=\"font-family: x; src: url({Pixel})\">font</p>";
        yield return $"<p style=\"color: red; --x: url({Pixel}); background-image: var(--x)\">var</p>";
        yield return $"<p style=\"color: rgb(1 2 3 / url({Pixel}))\">nested</p>";
        yield return $"<p style=\"color: red; background-image: url&#40;{Pixel}&#41;\">referenced parenthesis</p>";
        yield return $"<p style=\"background-image: u\\rl({Pixel})\">escape</p>";
        yield return $"<p style=\"list-style: url({Pixel})\">list</p>";
        yield return $"<ul style=\"list-style-type: symbols(url({Pixel}))\"><li>x</li></ul>";
        yield return $"<table style=\"background: url({Pixel})\"><tr><td>t</td></tr></table>";
    }

    private static IEnumerable<string> MathLayout()
    {
        string[] values = ["70px", "-70px", "3000px", "-3000px", "100em", "-100%", "1000%", "0", "+3000px", "veryverythickmathspace"];
        string[] mpadded = ["voffset", "lspace", "height", "depth", "width"];
        foreach (string attribute in mpadded)
        {
            foreach (string value in values)
            {
                yield return $"<p>before</p><math><mpadded {attribute}=\"{value}\" height=\"0\" depth=\"0\"><mtext>Reader settings</mtext></mpadded></math>";
                yield return $"<math><mrow><mpadded {attribute}=\"{value}\"><mi>x</mi><mo>+</mo><mi>y</mi></mpadded></mrow></math>";
            }
        }

        foreach (string attribute in (string[])["width", "height", "depth"])
        {
            foreach (string value in values)
            {
                yield return $"<math><mi>a</mi><mspace {attribute}=\"{value}\"/><mi>b</mi></math>";
            }
        }

        foreach (string attribute in (string[])["lspace", "rspace", "minsize", "maxsize"])
        {
            foreach (string value in values)
            {
                yield return $"<math><mrow><mo stretchy=\"true\" {attribute}=\"{value}\">(</mo><mi>x</mi><mo {attribute}=\"{value}\">)</mo></mrow></math>";
            }
        }

        yield return $"<p>Top</p><math><mpadded voffset=\"70px\" height=\"0\" depth=\"0\"><mtext><a href=\"{Evil}\">Reader settings</a></mtext></mpadded></math>";
        yield return "<math><mstyle scriptlevel=\"-10\"><mi>x</mi></mstyle></math>";
        yield return "<math><mstyle scriptlevel=\"-100\" displaystyle=\"true\"><mi>x</mi></mstyle></math>";
        yield return "<math><mstyle mathsize=\"3000%\"><mi>x</mi></mstyle></math>";
        yield return "<math><mi mathsize=\"100em\">x</mi></math>";
        yield return "<math><mstyle mathsize=\"200%\"><mstyle mathsize=\"200%\"><mstyle mathsize=\"200%\"><mstyle mathsize=\"200%\"><mstyle mathsize=\"200%\"><mi>x</mi></mstyle></mstyle></mstyle></mstyle></mstyle></math>";
        yield return "<math><mfrac linethickness=\"3000px\"><mi>a</mi><mi>b</mi></mfrac></math>";
        yield return "<math><msub subscriptshift=\"3000px\"><mi>a</mi><mi>b</mi></msub><msup superscriptshift=\"3000px\"><mi>a</mi><mi>b</mi></msup></math>";
        yield return "<math><mtable width=\"3000px\" columnspacing=\"3000px\" rowspacing=\"3000px\" framespacing=\"3000px 3000px\"><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr></mtable></math>";
        yield return "<math style=\"margin-top: -3000px\"><mi style=\"padding: 3000px; background-color: #fff\">x</mi></math>";
        yield return "<math display=\"block\"><mrow><mi>x</mi><mo>=</mo><mfrac><mrow><mo>−</mo><mi>b</mi></mrow><mrow><mn>2</mn><mi>a</mi></mrow></mfrac></mrow></math>";
    }

    private static IEnumerable<string> Classes()
    {
        string[] classes = ["fixed inset-0 z-50 bg-white", "absolute top-0 left-0 w-screen h-screen", "-mt-96", "-ml-96", "p-96 bg-white",
            "-translate-y-full", "scale-150", "text-9xl leading-none", "whitespace-nowrap", "float-left h-screen", "sticky top-0",
            "fixed top-0 left-0 right-0 bottom-0 bg-white opacity-0"];
        foreach (string c in classes)
        {
            yield return $"<a href=\"{Evil}\" class=\"{c}\">Reader settings</a>";
            yield return $"<div class=\"{c}\"><p>a block</p></div>";
            yield return $"<p><span class=\"{c}\">covering text covering text covering text</span></p>";
            yield return $"<pre class=\"{c}\"><code class=\"language-js {c}\">code()</code></pre>";
            yield return $"<svg class=\"{c}\" width=\"20\" height=\"20\"><rect class=\"{c}\" width=\"20\" height=\"20\"/></svg>";
            string dotted = string.Join(' ', c.Split(' ').Select(name => "." + name));
            yield return $"md:# Heading {{{dotted}}}";
            yield return $"md:[Reader settings]({Evil}){{{dotted}}}";
            yield return $"md:```js {{{dotted}}}\ncode()\n```";
            yield return $"md::::{c.Split(' ')[0]}\nA custom container\n:::";
            yield return $"md:Paragraph with attributes\n{{{dotted}}}";
        }
    }

    private static IEnumerable<string> SvgRoot()
    {
        yield return "<svg width=\"40\" height=\"40\" transform=\"translate(0 -3000)\"><rect width=\"40\" height=\"40\"/></svg>";
        yield return "<svg width=\"40\" height=\"40\" filter=\"drop-shadow(0 -300px 0 red)\"><rect width=\"40\" height=\"40\"/></svg>";
        yield return "<svg width=\"40\" height=\"40\" style=\"filter: drop-shadow(0 -300px 0 red)\"><rect width=\"40\" height=\"40\"/></svg>";
        yield return "<svg width=\"40\" height=\"40\" filter=\"url(#f)\"><filter id=\"f\" x=\"-100\" y=\"-100\" width=\"200\" height=\"200\"><feOffset dy=\"-300\"/></filter><rect width=\"40\" height=\"40\"/></svg>";
        yield return "<svg width=\"40\" height=\"40\" overflow=\"visible\"><rect y=\"-3000\" width=\"40\" height=\"6000\"/></svg>";
        yield return "<svg width=\"40\" height=\"40\" style=\"overflow: visible\"><rect y=\"-3000\" width=\"40\" height=\"6000\"/></svg>";
        yield return "<svg width=\"40\" height=\"40\"><rect x=\"-3000\" y=\"-3000\" width=\"6000\" height=\"6000\" fill=\"#fff\"/><text y=\"-200\" font-size=\"3000\">X</text></svg>";
        yield return "<svg width=\"40\" height=\"40\" x=\"-3000\" y=\"-3000\"><rect width=\"40\" height=\"40\"/></svg>";
        yield return "<svg width=\"4000\" height=\"40\"><rect width=\"4000\" height=\"40\"/></svg>";
        yield return "<svg width=\"40\" height=\"40\"><svg x=\"-3000\" width=\"6000\" height=\"6000\" overflow=\"visible\"><rect width=\"6000\" height=\"6000\"/></svg></svg>";
        yield return "<svg width=\"40\" height=\"40\"><marker id=\"m\" markerWidth=\"3000\" markerHeight=\"3000\" overflow=\"visible\"><rect width=\"3000\" height=\"3000\"/></marker><path d=\"M0 0 L10 10\" marker-start=\"url(#m)\"/></svg>";
        yield return "<svg width=\"40\" height=\"40\" display=\"contents\"><rect width=\"40\" height=\"40\"/></svg>";
        yield return "<svg width=\"40\" height=\"40\" style=\"margin-top: -3000px\"><rect width=\"40\" height=\"40\"/></svg>";
        yield return "<svg width=\"40\" height=\"40\" clip-path=\"inset(-3000px)\" mask=\"linear-gradient(red, blue)\"><rect width=\"40\" height=\"40\"/></svg>";
    }

    private static IEnumerable<string> Nesting()
    {
        foreach (int depth in (int[])[8, 40])
        {
            yield return Repeat("<big>", depth) + "big" + Repeat("</big>", depth);
            yield return Repeat("<h1><span>", depth) + "heading" + Repeat("</span></h1>", depth);
            yield return Repeat("<span style=\"font-size: 1.5em\">", depth) + "em" + Repeat("</span>", depth);
            yield return Repeat("<sup><span style=\"font-size: 2rem\">", depth) + "up" + Repeat("</span></sup>", depth);
            yield return Repeat("<sub><span style=\"font-size: 2rem\">", depth) + "down" + Repeat("</span></sub>", depth);
            yield return Repeat("<small>", depth) + "small" + Repeat("</small>", depth);
            yield return Repeat("<div style=\"margin-left: 2em; padding-left: 0.5em\">", depth) + "indented" + Repeat("</div>", depth);
            yield return Repeat("<math><mstyle scriptlevel=\"-1\">", depth) + "<mi>x</mi>" + Repeat("</mstyle></math>", depth);
            yield return Repeat("<blockquote>", depth) + "quoted" + Repeat("</blockquote>", depth);
            yield return Repeat("<ul><li>", depth) + "item" + Repeat("</li></ul>", depth);
            yield return Repeat("<dl><dd>", depth) + "definition" + Repeat("</dd></dl>", depth);
            yield return Repeat("<figure>", depth) + "figure" + Repeat("</figure>", depth);
            yield return Repeat("<blockquote style=\"padding: 0 0.5em; border-left: 0.375em solid; margin: 0 2em\">", depth) + $"<a href=\"{Evil}\">Star</a>" + Repeat("</blockquote>", depth);
        }
    }

    private static IEnumerable<(string Body, bool Markdown)> Harmless()
    {
        yield return ("# A post\n\nSome *text* with a [link](https://example.org/) and `code`.\n\n- [x] done\n- [ ] todo\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\nA footnote[^1].\n\n[^1]: The note.\n", true);
        yield return ("```csharp\nvar x = 1 < 2;\n```\n\n$$\nx^2 + y^2 = z^2\n$$\n\nInline $a+b$ math.\n\n> quoted\n\n![alt](https://example.org/a.png)\n", true);
        yield return ("不得不说，这是一篇中文文章。它没有空格，也很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。😀👨‍👩‍👧", true);
        yield return ("<p style=\"text-align: center; color: #333; font-size: 18px; line-height: 1.6\">Centred</p><p style=\"text-indent: 2em\">缩进两个字的段落。</p>", false);
        yield return ("<figure><img src=\"https://example.org/photo.jpg\" width=\"4000\" height=\"3000\" alt=\"big photo\"><figcaption>Caption</figcaption></figure>", false);
        yield return ("<div style=\"padding: 0.5em; border: 1px solid #ccc; background-color: #f5f5f5; margin: 1em 0\"><strong>Note:</strong> a callout.</div>", false);
        yield return ("<table style=\"border-collapse: collapse; width: 100%\"><tr><th style=\"border: 1px solid\">h</th></tr><tr><td style=\"padding: 4px\">d</td></tr></table>", false);
        yield return ("<svg viewBox=\"0 0 10 10\" width=\"100\" height=\"100\"><circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"red\" stroke=\"black\"/></svg>", false);
        yield return ("<math display=\"block\"><mfrac><mi>a</mi><mi>b</mi></mfrac><mspace width=\"1em\"/><msqrt><mi>x</mi></msqrt></math>", false);
        yield return ("<p>A <sup>1</sup> and H<sub>2</sub>O, <small>small</small>, <mark>marked</mark>, <kbd>Ctrl</kbd>.</p><hr><blockquote><p>quote</p></blockquote>", false);
        yield return ("<ul>" + string.Concat(Enumerable.Range(1, 5).Select(i => $"<li>item {i}<ul><li>nested</li></ul></li>")) + "</ul>", false);
        yield return ("<p><video src=\"https://example.org/v.mp4\" poster=\"https://example.org/p.jpg\" width=\"640\" height=\"360\"></video></p>", false);
    }

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));
}
