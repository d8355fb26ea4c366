using System.Collections.Frozen;

namespace Feed.Content;

/// <summary>What the content sanitiser does with an element.</summary>
internal enum ElementRule
{
    /// <summary>The tag is dropped; what it encloses stays (the default for every element not in the table).</summary>
    DropTag,

    /// <summary>The tag is written back, with the attributes the table allows.</summary>
    Keep,

    /// <summary>The element goes with everything up to its end tag (its content is code, or not shown).</summary>
    DropWithContent,

    /// <summary>The element (an embedded frame) becomes a link to what it embedded; its raw-text content goes.</summary>
    ReplaceWithLink,
}

/// <summary>How the content sanitiser treats the value of an allowed attribute.</summary>
internal enum AttributeRule
{
    /// <summary>Not allowed: the attribute goes (the default for every attribute not in the table).</summary>
    Drop,

    /// <summary>Text, written back as it was (escaped).</summary>
    Text,

    /// <summary>A link: an allowed scheme (http, https, mailto, tel) or relative, made absolute against the post.</summary>
    Url,

    /// <summary>An image source: as <see cref="Url"/>, or a <c>data:</c> URL of a raster image type.</summary>
    ImageUrl,

    /// <summary>A list of image candidates (<c>srcset</c>): each URL an <see cref="ImageUrl"/>; one bad candidate drops the list.</summary>
    SrcSet,

    /// <summary>A reference inside the entry (SVG <c>use</c>, gradients): only <c>#id</c>, prefixed like the ids.</summary>
    Fragment,

    /// <summary>An <c>id</c> or <c>name</c>: prefixed with <c>user-content-</c>.</summary>
    Id,

    /// <summary>A space-separated list of ids (<c>headers</c>, <c>aria-labelledby</c>): each one prefixed.</summary>
    IdRefs,

    /// <summary>Inline CSS: only the declarations of <see cref="HtmlPolicy.IsAllowedStyleProperty"/>, none that loads or scripts.</summary>
    Style,

    /// <summary>An SVG paint or reference (<c>fill</c>, <c>clip-path</c> …): a colour or keyword, or <c>url(#id)</c> inside the entry.</summary>
    Paint,

    /// <summary>Link relations (<c>rel</c>): only the tokens that describe the link, never one that opens a channel back.</summary>
    Rel,

    /// <summary><c>loading</c>: <c>lazy</c> or <c>eager</c>.</summary>
    Loading,

    /// <summary>The <c>type</c> of an <c>input</c>: only <c>checkbox</c> (a task-list item), or the input goes.</summary>
    CheckboxType,
}

/// <summary>
/// The content HTML policy, as data: every element, attribute and URL scheme a feed entry keeps, and why. What the
/// tables do not name goes.
/// </summary>
/// <remarks>
/// <para>
/// A feed entry's HTML is shown inside somebody else's page: a web reader, a mail client (RSS-to-email services), a
/// native app's web view (Electron readers among them). So this is an allow-list: the author's text and its
/// structure stay, with the media, tables, code, footnotes, SVG and MathML posts legitimately carry; anything that
/// can run code, load or submit somewhere, hijack the reader's page (overlays, focus, popovers) or its scripts (DOM
/// clobbering through <c>id</c>/<c>name</c>, script gadgets through <c>data-*</c>) goes. Names are matched ASCII
/// case-insensitively, as HTML does, and written back in lower case (an HTML parser restores SVG's camel case).
/// </para>
/// <para>
/// The tables below are the policy; <see cref="HtmlSanitizer"/> applies them in one pass, and
/// <c>tests/Feed.Tests/Content/Specs/ContentSpecs.md</c> shows every rule on an example.
/// </para>
/// </remarks>
internal static class HtmlPolicy
{
    /// <summary>The prefix given to every <c>id</c> and <c>name</c> and to fragment links to them (as GitHub does).</summary>
    public const string IdPrefix = "user-content-";

    /// <summary>The longest element name in the table ("fecomponenttransfer" and friends), rounded up.</summary>
    private const int MaxElementNameLength = 24;

    private const string Headings = "h1 h2 h3 h4 h5 h6";
    private const string SvgShapes = "path rect circle ellipse line polyline polygon";
    private const string SvgText = "text tspan textpath";
    private const string SvgPaintServers = "lineargradient radialgradient stop pattern";
    private const string SvgContainers = "svg g defs symbol use switch clippath mask marker desc";
    private const string SvgFilters =
        "filter feblend fecolormatrix fecomponenttransfer fecomposite feconvolvematrix fediffuselighting "
        + "fedisplacementmap fedistantlight fedropshadow feflood fefunca fefuncb fefuncg fefuncr fegaussianblur "
        + "femerge femergenode femorphology feoffset fepointlight fespecularlighting fespotlight fetile feturbulence";

    private const string SvgElements = SvgContainers + " " + SvgShapes + " " + SvgText + " " + SvgPaintServers + " " + SvgFilters + " image";

    private const string MathElements =
        "math semantics annotation mrow mi mn mo ms mtext mspace mfrac msqrt mroot mstyle merror mpadded mphantom "
        + "mfenced menclose msub msup msubsup munder mover munderover mmultiscripts mprescripts none mtable mtr mtd "
        + "mlabeledtr";

    /// <summary>Elements: which are kept, which go with their content, which become links. Any other: the tag goes, its content stays.</summary>
    private static readonly (string Elements, ElementRule Rule, string Reason)[] ElementTable =
    [
        ("p div span br hr blockquote pre code " + Headings + " ul ol li dl dt dd", ElementRule.Keep,
            "text and its structure"),
        ("a em strong b i u s small big strike tt cite q dfn abbr acronym kbd samp var sub sup mark del ins bdi bdo "
            + "wbr time data ruby rt rp center", ElementRule.Keep,
            "inline text semantics: emphasis, code, keys, abbreviations, edits, sub- and superscripts"),
        ("table caption thead tbody tfoot tr th td col colgroup", ElementRule.Keep, "tables"),
        ("article section header footer aside nav main address hgroup figure figcaption details summary",
            ElementRule.Keep, "sections, figures with captions, disclosure widgets (no script needed)"),
        ("img picture source video audio track", ElementRule.Keep,
            "images and media; players always get controls and never autoplay (see the attribute table)"),
        ("input", ElementRule.Keep, "only a task-list check box, kept disabled (see CheckboxType)"),
        (SvgElements, ElementRule.Keep,
            "static SVG drawings and diagrams; no script, style sheet, foreignObject, feImage or animation"),
        (MathElements, ElementRule.Keep, "MathML formulas (MathML Core presentation elements)"),
        ("script", ElementRule.DropWithContent, "code; its text is never shown"),
        ("style", ElementRule.DropWithContent,
            "a style sheet restyles the whole reader page (overlays, hidden text, CSS exfiltration)"),
        ("title textarea noembed noframes", ElementRule.DropWithContent,
            "raw text a browser does not show as part of the page (a pasted document's title, a form field)"),
        ("template select datalist annotation-xml", ElementRule.DropWithContent,
            "inert or alternative content (a template, a form control's options, a formula's other encoding)"),
        ("iframe", ElementRule.ReplaceWithLink,
            "frames become a link to their src: the W3C feed validator warns on them (SecurityRisk), feedparser "
            + "deletes them and mail clients never render them, while a link keeps the embed reachable everywhere"),
    ];

    /// <summary>
    /// Attributes per element (<c>*</c>: on every kept element). The SVG and MathML rows apply to every SVG or MathML
    /// element of the element table. Any other attribute goes: event handlers (<c>on…</c>), <c>target</c>,
    /// <c>ping</c>, <c>attributionsrc</c>, <c>referrerpolicy</c>, <c>autofocus</c>, <c>autoplay</c>,
    /// <c>popover…</c>, <c>command…</c>, <c>tabindex</c>, <c>accesskey</c>, <c>contenteditable</c>, <c>srcdoc</c>,
    /// <c>action</c>, <c>formaction</c>, <c>background</c>, <c>data</c>, <c>data-*</c> and everything unknown.
    /// </summary>
    private static readonly (string Elements, string Attributes, AttributeRule Rule, string Reason)[] AttributeTable =
    [
        ("*", "id", AttributeRule.Id, "anchors and footnotes; prefixed so no id can clobber the reader's globals"),
        ("*", "class", AttributeRule.Text, "language-… on code, footnote classes, the author's styling hooks"),
        ("*", "title lang dir translate xml:lang xml:space role aria-label aria-hidden", AttributeRule.Text,
            "tooltips, language, direction and accessibility"),
        ("*", "aria-describedby aria-labelledby", AttributeRule.IdRefs, "accessibility references to prefixed ids"),
        ("*", "style", AttributeRule.Style, "colours and alignment (Markdig writes table alignment as style)"),
        ("a", "href", AttributeRule.Url, "the link; an a that loses it is unwrapped to its text"),
        ("a", "name", AttributeRule.Id, "a legacy anchor; prefixed like an id (img and form names clobber globals)"),
        ("a", "hreflang type", AttributeRule.Text, "describe the link"),
        ("a", "rel", AttributeRule.Rel, "describes the link; never opener (reverse tabnabbing)"),
        ("img", "src", AttributeRule.ImageUrl, "the image"),
        ("img", "srcset", AttributeRule.SrcSet, "responsive images"),
        ("img", "alt sizes width height decoding align border", AttributeRule.Text, "the image's text and size"),
        ("img", "loading", AttributeRule.Loading, "lazy loading"),
        ("source", "src", AttributeRule.ImageUrl, "a picture's or player's source"),
        ("source", "srcset", AttributeRule.SrcSet, "a picture's candidates"),
        ("source", "sizes type media width height", AttributeRule.Text, "which source a browser picks"),
        ("video audio", "src", AttributeRule.Url, "the media"),
        ("video", "poster", AttributeRule.ImageUrl, "the still shown before playing"),
        ("video audio", "controls loop muted preload width height playsinline", AttributeRule.Text,
            "how the player shows (controls is always added; autoplay never kept)"),
        ("track", "src", AttributeRule.Url, "captions"),
        ("track", "kind srclang label default", AttributeRule.Text, "captions"),
        ("blockquote q del ins", "cite", AttributeRule.Url, "the source of a quote or edit"),
        ("del ins time", "datetime", AttributeRule.Text, "when"),
        ("data", "value", AttributeRule.Text, "machine-readable value"),
        ("ol", "start reversed type", AttributeRule.Text, "list numbering"),
        ("ul", "type", AttributeRule.Text, "list markers"),
        ("li", "value", AttributeRule.Text, "list numbering"),
        ("td th", "colspan rowspan align valign", AttributeRule.Text, "table layout"),
        ("th", "scope abbr", AttributeRule.Text, "table headers"),
        ("td th", "headers", AttributeRule.IdRefs, "table headers by (prefixed) id"),
        ("col colgroup", "span align", AttributeRule.Text, "table columns"),
        ("details", "open", AttributeRule.Text, "disclosure state"),
        ("input", "type", AttributeRule.CheckboxType, "only a check box"),
        ("input", "checked disabled", AttributeRule.Text, "a task's state (disabled is always added)"),
        ("svg", "xmlns xmlns:xlink version viewbox preserveaspectratio width height x y", AttributeRule.Text,
            "the drawing's coordinate system"),
        (SvgElements,
            "x y width height cx cy r rx ry d points x1 y1 x2 y2 transform pathlength viewbox preserveaspectratio "
            + "fill-opacity fill-rule stroke-width stroke-opacity stroke-linecap stroke-linejoin stroke-miterlimit "
            + "stroke-dasharray stroke-dashoffset opacity color visibility display font-family font-size font-weight "
            + "font-style text-anchor dominant-baseline alignment-baseline baseline-shift dx dy rotate textlength "
            + "lengthadjust letter-spacing word-spacing text-decoration writing-mode vector-effect shape-rendering "
            + "offset stop-color stop-opacity gradientunits gradienttransform spreadmethod fx fy fr patternunits "
            + "patterncontentunits patterntransform clippathunits clip-rule maskunits maskcontentunits markerunits "
            + "markerwidth markerheight refx refy orient startoffset method spacing side filterunits "
            + "primitiveunits color-interpolation-filters in in2 result stddeviation mode operator k1 k2 k3 k4 type "
            + "values tablevalues slope intercept amplitude exponent basefrequency numoctaves seed stitchtiles "
            + "flood-color flood-opacity lighting-color surfacescale diffuseconstant specularconstant "
            + "specularexponent kernelmatrix order divisor bias targetx targety edgemode kernelunitlength "
            + "preservealpha azimuth elevation pointsatx pointsaty pointsatz limitingconeangle z scale "
            + "xchannelselector ychannelselector radius", AttributeRule.Text,
            "geometry and presentation of static SVG"),
        (SvgElements, "fill stroke clip-path mask filter marker-start marker-mid marker-end", AttributeRule.Paint,
            "paint and references to gradients, clips, masks and filters inside the entry"),
        ("use textpath lineargradient radialgradient pattern filter", "href xlink:href", AttributeRule.Fragment,
            "reuse of a shape or gradient of the same drawing; never another document"),
        ("image", "href xlink:href", AttributeRule.ImageUrl, "an SVG image"),
        ("a", "xlink:href", AttributeRule.Url, "an SVG link"),
        (MathElements,
            "display displaystyle scriptlevel mathvariant mathsize mathcolor mathbackground fence separator "
            + "separators stretchy symmetric largeop movablelimits accent accentunder lspace rspace linethickness "
            + "columnalign rowalign columnspan rowspan columnlines rowlines columnspacing rowspacing frame "
            + "framespacing equalrows equalcolumns notation form open close minsize maxsize width height depth "
            + "voffset encoding alttext xmlns align numalign denomalign bevelled subscriptshift superscriptshift",
            AttributeRule.Text, "MathML presentation"),
    ];

    /// <summary>
    /// CSS properties an inline <c>style</c> keeps: colour, text, alignment, boxes that stay in the flow. No
    /// <c>position</c>, <c>inset</c>/<c>top</c>/…, <c>z-index</c>, <c>margin</c> (a negative one overlays),
    /// <c>opacity</c>, <c>display</c>, <c>transform</c> (invisible page-covering overlays: clickjacking), no
    /// <c>background</c> shorthand, <c>content</c>, <c>cursor</c>, <c>behavior</c>, <c>-moz-binding</c> (they load
    /// or run something).
    /// </summary>
    private static readonly FrozenSet<string> StyleProperties = FrozenSet.ToFrozenSet(
        ("color background-color text-align text-decoration text-decoration-line text-decoration-color "
        + "text-decoration-style font-style font-weight font-variant font-size font-family line-height "
        + "vertical-align white-space text-transform letter-spacing word-spacing word-break overflow-wrap "
        + "list-style-type border border-top border-right border-bottom border-left border-color border-style "
        + "border-width border-collapse border-spacing border-radius padding padding-top padding-right "
        + "padding-bottom padding-left width height max-width max-height min-width min-height float clear "
        + "caption-side empty-cells table-layout").Split(' '),
        StringComparer.Ordinal);

    /// <summary>The link relations <c>rel</c> keeps; <c>opener</c> (reverse tabnabbing) and unknown ones go.</summary>
    private static readonly FrozenSet<string> RelTokens = FrozenSet.ToFrozenSet(
        "nofollow noopener noreferrer ugc sponsored tag license author external bookmark help footnote".Split(' '),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The URL schemes a link may have (besides a relative reference, made absolute).</summary>
    private static readonly FrozenSet<string> Schemes = FrozenSet.ToFrozenSet(["http", "https", "mailto", "tel"], StringComparer.Ordinal);

    /// <summary>The <c>data:</c> media types an image source may have: raster images, which cannot carry script.</summary>
    private static readonly string[] RasterImageTypes = ["image/png", "image/gif", "image/jpeg", "image/webp", "image/avif"];

    private static readonly FrozenDictionary<string, ElementPolicy> Elements = BuildElements();
    private static readonly FrozenDictionary<string, ElementPolicy>.AlternateLookup<ReadOnlySpan<char>> ElementLookup =
        Elements.GetAlternateLookup<ReadOnlySpan<char>>();

    // The elements named by one or two characters (p, a, li, em, td, h2 …, most tags of any post), by index: the
    // same entries as Elements, found without hashing.
    private static readonly ElementPolicy?[] ShortNames = BuildShortNames();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StyleLookup =
        StyleProperties.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RelLookup =
        RelTokens.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SchemeLookup =
        Schemes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The element table as rows (elements, rule, reason), for documentation and tests.</summary>
    internal static IEnumerable<(string Elements, ElementRule Rule, string Reason)> ElementRows => ElementTable;

    /// <summary>The attribute table as rows (elements, attributes, rule, reason), for documentation and tests.</summary>
    internal static IEnumerable<(string Elements, string Attributes, AttributeRule Rule, string Reason)> AttributeRows => AttributeTable;

    /// <summary>Returns what to do with the element named <paramref name="name"/> (as written; any case).</summary>
    public static ElementRule ForElement(ReadOnlySpan<char> name) => Element(name)?.Rule ?? ElementRule.DropTag;

    /// <summary>Returns how the attribute <paramref name="attribute"/> (lower case) of <paramref name="element"/> (any case) is treated.</summary>
    public static AttributeRule ForAttribute(ReadOnlySpan<char> element, ReadOnlySpan<char> attribute) =>
        Element(element)?.ForAttribute(attribute) ?? AttributeRule.Drop;

    /// <summary>Returns the policy of the element named <paramref name="name"/> (as written; any case), or null when the table does not name it.</summary>
    public static ElementPolicy? Element(ReadOnlySpan<char> name)
    {
        if (name.Length <= 2)
        {
            int index = ShortIndex(name);
            return index < 0 ? null : ShortNames[index];
        }

        if (name.Length > MaxElementNameLength)
        {
            return null;
        }

        // Lower-cased first: an ordinal lookup of a short key is several times faster than a case-insensitive one,
        // and every start and end tag of every post comes through here.
        Span<char> lower = stackalloc char[MaxElementNameLength];
        lower = lower[..name.Length];
        for (int i = 0; i < name.Length; i++)
        {
            lower[i] = char.IsAsciiLetterUpper(name[i]) ? (char)(name[i] | 0x20) : name[i];
        }

        return ElementLookup.TryGetValue(lower, out ElementPolicy? policy) ? policy : null;
    }

    /// <summary>Whether <paramref name="property"/> (lower case) may appear in an inline style.</summary>
    public static bool IsAllowedStyleProperty(ReadOnlySpan<char> property) => StyleLookup.Contains(property);

    /// <summary>Whether the <c>rel</c> token <paramref name="token"/> is kept.</summary>
    public static bool IsAllowedRel(ReadOnlySpan<char> token) => RelLookup.Contains(token);

    /// <summary>Whether <paramref name="scheme"/> (lower case) is a scheme a link may have.</summary>
    public static bool IsAllowedScheme(ReadOnlySpan<char> scheme) => SchemeLookup.Contains(scheme);

    /// <summary>Whether the media type at the start of a <c>data:</c> URL's body (lower case) is a raster image's.</summary>
    public static bool IsRasterImageType(ReadOnlySpan<char> afterDataColon)
    {
        foreach (string type in RasterImageTypes)
        {
            if (afterDataColon.StartsWith(type, StringComparison.Ordinal)
                && afterDataColon.Length > type.Length
                && afterDataColon[type.Length] is ';' or ',')
            {
                return true;
            }
        }

        return false;
    }

    // [a-z][a-z0-9]?, case-insensitively: 26 × 37 slots (the 37th for a one-letter name); -1 for anything else.
    private static int ShortIndex(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || !char.IsAsciiLetter(name[0]))
        {
            return -1;
        }

        int first = (name[0] | 0x20) - 'a';
        if (name.Length == 1)
        {
            return (first * 37) + 36;
        }

        char c = name[1];
        int second = char.IsAsciiLetter(c) ? (c | 0x20) - 'a' : char.IsAsciiDigit(c) ? 26 + (c - '0') : -1;
        return second < 0 ? -1 : (first * 37) + second;
    }

    private static ElementPolicy?[] BuildShortNames()
    {
        var slots = new ElementPolicy?[26 * 37];
        foreach ((string name, ElementPolicy policy) in Elements)
        {
            if (name.Length <= 2)
            {
                slots[ShortIndex(name)] = policy;
            }
        }

        return slots;
    }

    private static FrozenDictionary<string, ElementPolicy> BuildElements()
    {
        var elements = new Dictionary<string, ElementPolicy>(StringComparer.Ordinal);
        foreach ((string names, ElementRule rule, _) in ElementTable)
        {
            foreach (string name in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (name.Length > MaxElementNameLength)
                {
                    throw new InvalidOperationException($"'{name}' is longer than Element looks up: raise MaxElementNameLength.");
                }

                elements.Add(name, new ElementPolicy(rule, AttributesOf(name)));
            }
        }

        return elements.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // The attribute rules of one element: the rows that name it, then the rows for every element ('*'); the first
    // row that names an attribute decides.
    private static FrozenDictionary<string, AttributeRule> AttributesOf(string element)
    {
        var attributes = new Dictionary<string, AttributeRule>(StringComparer.Ordinal);
        foreach (bool global in (bool[])[false, true])
        {
            foreach ((string elements, string names, AttributeRule rule, _) in AttributeTable)
            {
                bool applies = global
                    ? elements == "*"
                    : elements.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(element, StringComparer.Ordinal);
                if (!applies)
                {
                    continue;
                }

                foreach (string name in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    attributes.TryAdd(name, rule);
                }
            }
        }

        return attributes.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

/// <summary>One element's row of <see cref="HtmlPolicy"/>: what happens to it, and to each of its attributes.</summary>
internal sealed class ElementPolicy
{
    private readonly FrozenDictionary<string, AttributeRule>.AlternateLookup<ReadOnlySpan<char>> _attributes;

    /// <summary>Initializes the policy of one element.</summary>
    public ElementPolicy(ElementRule rule, FrozenDictionary<string, AttributeRule> attributes)
    {
        Rule = rule;
        _attributes = attributes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Gets what happens to the element.</summary>
    public ElementRule Rule { get; }

    /// <summary>Returns how the attribute <paramref name="name"/> (lower case) is treated.</summary>
    public AttributeRule ForAttribute(ReadOnlySpan<char> name) =>
        _attributes.TryGetValue(name, out AttributeRule rule) ? rule : AttributeRule.Drop;
}
