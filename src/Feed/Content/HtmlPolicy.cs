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

    /// <summary>Inline CSS: only the declarations of <see cref="HtmlPolicy.StyleProperty"/>, with values inside their bounds.</summary>
    Style,

    /// <summary>An SVG paint or reference (<c>fill</c>, <c>clip-path</c> …): a colour or keyword, or <c>url(#id)</c> inside the entry.</summary>
    Paint,

    /// <summary>Link relations (<c>rel</c>): only the tokens that describe the link, never one that opens a channel back.</summary>
    Rel,

    /// <summary><c>loading</c>: <c>lazy</c> or <c>eager</c>.</summary>
    Loading,

    /// <summary>The <c>type</c> of an <c>input</c>: only <c>checkbox</c> (a task-list item), or the input goes.</summary>
    CheckboxType,

    /// <summary><c>class</c>: only the classes the library's own Markdown output uses (<see cref="HtmlPolicy.IsAllowedClass"/>).</summary>
    Class,

    /// <summary>A colour (MathML <c>mathcolor</c>, <c>mathbackground</c>), as CSS colours are judged.</summary>
    Colour,

    /// <summary>A MathML length inside the bound of <see cref="HtmlPolicy.MathLength"/> for the attribute.</summary>
    MathLength,

    /// <summary><c>mathsize</c>: a font size, bounded as CSS <c>font-size</c> is.</summary>
    MathSize,

    /// <summary><c>scriptlevel</c>: a level that only makes text smaller (<c>N</c> or <c>+N</c>, never <c>-N</c>).</summary>
    ScriptLevel,

    /// <summary>An image's <c>align</c>: vertical alignment only (<c>left</c> and <c>right</c> float it).</summary>
    ImageAlign,

    /// <summary>An image's <c>border</c>: a width of 0 to 4 pixels.</summary>
    ImageBorder,
}

/// <summary>
/// What the HTML tree builder (HTML Living Standard §13.2.6) does with an element, as far as the content sanitiser
/// must know it to write a fragment that a browser builds exactly as written: which namespaces the element is kept
/// in, whether it is void, and which elements its start tag closes or its end tag cannot cross.
/// </summary>
[Flags]
internal enum ElementKind
{
    /// <summary>Nothing special.</summary>
    None = 0,

    /// <summary>Kept as an HTML element.</summary>
    Html = 1 << 0,

    /// <summary>Kept as an SVG element (inside <c>svg</c>).</summary>
    Svg = 1 << 1,

    /// <summary>Kept as a MathML element (inside <c>math</c>).</summary>
    MathMl = 1 << 2,

    /// <summary>Void: no content and no end tag (§13.1.2); never on the stack of open elements.</summary>
    Void = 1 << 3,

    /// <summary>Its start tag closes an open <c>p</c> in button scope (§13.2.6.4.7).</summary>
    ClosesParagraph = 1 << 4,

    /// <summary>The "special" category (§13.2.4.2): a <c>li</c>, <c>dd</c> or <c>dt</c> start tag looks no further down.</summary>
    Special = 1 << 5,

    /// <summary><c>h1</c>–<c>h6</c>: one heading's end tag closes any heading; a heading never nests in another here.</summary>
    Heading = 1 << 6,

    /// <summary>A start tag that leaves SVG or MathML for HTML (§13.2.6.5, "breaks out of foreign content").</summary>
    Breakout = 1 << 7,

    /// <summary>An HTML or MathML text integration point: its children are HTML (SVG <c>desc</c>; <c>mi mo mn ms mtext</c>).</summary>
    IntegrationPoint = 1 << 8,

    /// <summary>Ends "has an element in scope" (§13.2.4.2): an end tag never closes what is below it.</summary>
    ScopeBoundary = 1 << 9,

    /// <summary><c>table</c>.</summary>
    Table = 1 << 10,

    /// <summary><c>thead</c>, <c>tbody</c>, <c>tfoot</c>.</summary>
    TableSection = 1 << 11,

    /// <summary><c>tr</c>.</summary>
    TableRow = 1 << 12,

    /// <summary><c>td</c>, <c>th</c>.</summary>
    TableCell = 1 << 13,

    /// <summary><c>caption</c>.</summary>
    Caption = 1 << 14,

    /// <summary><c>colgroup</c>.</summary>
    ColumnGroup = 1 << 15,

    /// <summary><c>col</c>.</summary>
    Column = 1 << 16,

    /// <summary>Where only table parts may be written (table, its sections, rows and column groups): anything else would be moved out of the table ("foster parenting").</summary>
    TableStructure = Table | TableSection | TableRow | ColumnGroup,

    /// <summary>The elements that only a table holds.</summary>
    TablePart = TableSection | TableRow | TableCell | Caption | ColumnGroup | Column,
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
/// Two more rules keep everything inside the entry's box in the reader's page: the output is a balanced fragment
/// that a browser builds exactly as written (<see cref="KindTable"/>: nothing the entry opens stays open after it),
/// and no style, SVG or MathML attribute can paint or take clicks outside the box or load anything
/// (<see cref="StyleTable"/>, <see cref="MathLengthTable"/>, the <see cref="AttributeRule.Paint"/> rule): every bound
/// is a row with its reason.
/// </para>
/// <para>
/// The tables below are the policy; <see cref="HtmlSanitizer"/> applies them in one pass, and
/// <c>tests/Feed.Tests/Content/Specs/ContentSpecs.md</c> shows every rule on an example. Two oracles judge the output:
/// AngleSharp, an independent HTML5 parser (the DOM holds nothing active, and is the tree the tags spell), and
/// headless Chromium rendering a hostile corpus inside a mock reader (<c>ReaderPageOracle</c>: no box leaves the
/// entry's, nothing loads, no reader control is covered or captured).
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
        ("a em strong b i u s small strike tt cite q dfn abbr acronym kbd samp var sub sup mark del ins bdi bdo "
            + "wbr time data ruby rt rp center", ElementRule.Keep,
            "inline text semantics: emphasis, code, keys, abbreviations, edits, sub- and superscripts (not big: each "
            + "one nested in another makes the text 1.2 times larger, without bound; its text stays)"),
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
    /// What the tree builder does with each kept element (HTML Living Standard §13.2.4.2, §13.2.6.4.7, §13.2.6.5).
    /// The sanitiser keeps a stack of the elements it has opened and, before it writes a start tag, closes what a
    /// browser would close (an open <c>p</c> before a block, a <c>li</c> before the next, a heading before a heading,
    /// a link before a link, SVG before an HTML block), writes the table parts a browser would imply, and drops a tag
    /// that a browser would move or ignore (a <c>div</c> directly in a <c>table</c>, a <c>td</c> outside one); every
    /// end tag it writes closes the element on top. So the browser's tree is the one written, and the fragment ends
    /// with every element closed.
    /// </summary>
    private static readonly (string Elements, ElementKind Kind)[] KindTable =
    [
        ("br hr img wbr col source track input", ElementKind.Void),
        ("address article aside blockquote center details div dl figcaption figure footer header hgroup main nav ol p "
            + "section summary ul " + Headings + " pre table hr li dd dt", ElementKind.ClosesParagraph),
        ("address article aside blockquote br caption center col colgroup dd details div dl dt figcaption figure footer "
            + Headings + " header hgroup hr img input li main nav ol p pre section source summary table tbody td tfoot "
            + "th thead tr track ul wbr mi mo mn ms mtext desc", ElementKind.Special),
        (Headings, ElementKind.Heading),
        ("b big blockquote br center code dd div dl dt em " + Headings + " hr i img li ol p pre ruby s small span strong "
            + "strike sub sup table tt u ul var", ElementKind.Breakout),
        ("desc mi mo mn ms mtext", ElementKind.IntegrationPoint),
        ("table td th caption desc mi mo mn ms mtext", ElementKind.ScopeBoundary),
        ("table", ElementKind.Table),
        ("thead tbody tfoot", ElementKind.TableSection),
        ("tr", ElementKind.TableRow),
        ("td th", ElementKind.TableCell),
        ("caption", ElementKind.Caption),
        ("colgroup", ElementKind.ColumnGroup),
        ("col", ElementKind.Column),
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
        ("*", "class", AttributeRule.Class,
            "only the classes the library's own Markdown output carries (code languages, footnotes, task lists, math, "
            + "diagrams): any other can name one of the reader's own (a utility class such as fixed, inset-0, z-50 "
            + "turns text into an overlay)"),
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
        ("img", "alt sizes width height decoding", AttributeRule.Text,
            "the image's text and size (readers scale images to their column)"),
        ("img", "align", AttributeRule.ImageAlign, "vertical alignment; left and right float the image out of the entry's box at its foot"),
        ("img", "border", AttributeRule.ImageBorder, "0 to 4 pixels, as a CSS border width is bounded"),
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
        ("svg", "transform filter display", AttributeRule.Drop,
            "on the drawing itself (not on its shapes, which it clips): a transform moves its box anywhere, a filter "
            + "(drop-shadow, feOffset) paints it anywhere, a display changes what box it is"),
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
        ("mspace", "width height depth", AttributeRule.MathLength, "space in a formula, bounded (see MathLength)"),
        ("mtable", "width columnspacing rowspacing", AttributeRule.MathLength, "a matrix's width and spacing, bounded"),
        ("mo", "lspace rspace minsize maxsize", AttributeRule.MathLength, "an operator's spacing and stretch, bounded"),
        ("mfrac", "linethickness", AttributeRule.MathLength, "the fraction bar, bounded"),
        ("msub msup msubsup mmultiscripts", "subscriptshift superscriptshift", AttributeRule.MathLength,
            "script shifts (MathML 3), bounded"),
        (MathElements, "mathsize", AttributeRule.MathSize, "bounded as CSS font-size: it compounds when nested"),
        (MathElements, "scriptlevel", AttributeRule.ScriptLevel,
            "never negative: each level below 0 makes the text 1.4 times larger, without bound"),
        (MathElements, "mathcolor mathbackground", AttributeRule.Colour, "colours, judged as CSS colours (no url())"),
        (MathElements,
            "display displaystyle mathvariant fence separator separators stretchy symmetric largeop movablelimits "
            + "accent accentunder columnalign rowalign columnspan rowspan columnlines rowlines frame equalrows "
            + "equalcolumns notation form open close encoding alttext xmlns align numalign denomalign bevelled",
            AttributeRule.Text,
            "MathML presentation; mpadded's width, height, depth, lspace and voffset go (a box of no height or "
            + "moved by voffset draws its content over the reader's page: the mpadded stays as a row)"),
    ];

    /// <summary>
    /// The CSS an inline <c>style</c> keeps: each property with the grammar and bounds of the values it keeps, and
    /// why. A declaration whose value is outside them goes, alone. The rule behind every bound: nothing an entry
    /// writes may paint or take clicks outside the entry's box in the reader's page. So no <c>position</c>,
    /// offsets, <c>z-index</c>, <c>transform</c>, <c>float</c>, <c>display</c>, <c>overflow</c>, <c>opacity</c>,
    /// shadows, outlines or <c>height</c> limits (a box shorter than its text lets the text hang out of it); no
    /// negative length anywhere (a negative margin, indent or spacing pulls content out); no viewport, container or
    /// line-height units, <c>calc()</c>, <c>var()</c>, <c>env()</c>, <c>attr()</c> or any function but the colour
    /// functions (<c>rgb()</c>, <c>rgba()</c>, <c>hsl()</c>, <c>hsla()</c>, <c>hwb()</c>): no <c>url()</c>,
    /// <c>image()</c>, <c>image-set()</c>, <c>-webkit-image-set()</c>, <c>src()</c>, <c>element()</c>,
    /// <c>cross-fade()</c> or <c>paint()</c> can load or reference anything; no <c>!important</c>, CSS-wide keyword,
    /// escape or comment. Lengths are bounded in em, the element's own font size; absolute units count 16px to the
    /// em (the default font size), so "0.5em" reads "0.5em, 8px, 6pt". Font sizes cannot grow by nesting (relative
    /// ones at most 1em), so every em is bounded too: at most 2em of the reader's font (32px), 4em inside a heading.
    /// Inline boxes (a link, a span) paint their padding and borders outside their line without moving it, so those
    /// bounds are what an inline box can reach past its text: at most 0.875em.
    /// </summary>
    private static readonly (string Properties, CssValue Value, string Keywords, double MaxEm, double MaxPercent, int MaxValues, string Reason)[] StyleTable =
    [
        ("color background-color border-color border-top-color border-right-color border-bottom-color border-left-color "
            + "text-decoration-color", CssValue.Colour, "", 0, 0, 4,
            "colours: paint the element's own box and text"),
        ("text-align", CssValue.Keywords, "left right center justify start end", 0, 0, 1, "alignment inside the box"),
        ("text-decoration-line", CssValue.Keywords, "none underline overline line-through", 0, 0, 3, "lines on the text"),
        ("text-decoration-style", CssValue.Keywords, "solid double dotted dashed wavy", 0, 0, 1, "lines on the text"),
        ("text-decoration", CssValue.TextDecoration, "none underline overline line-through solid double dotted dashed wavy", 0, 0, 4,
            "lines and their colour; no thickness (a length draws the line anywhere)"),
        ("font-style", CssValue.Keywords, "normal italic oblique", 0, 0, 1, "italics"),
        ("font-weight", CssValue.FontWeight, "normal bold bolder lighter", 0, 0, 1, "weight, 1 to 1000"),
        ("font-variant", CssValue.Keywords, "normal small-caps", 0, 0, 1, "small capitals"),
        ("font-family", CssValue.FontFamily, "", 0, 0, 1, "font names (a name loads nothing: no @font-face can be written)"),
        ("font-size", CssValue.FontSize, "xx-small x-small small medium large x-large xx-large smaller", 2, 100, 1,
            "at most 2em of the reader's font in absolute units (32px, 24pt, 2rem), at most 1em (100%) relative, "
            + "and not larger or xxx-large: a size relative to its parent's grows without bound when nested"),
        ("line-height", CssValue.LineHeight, "normal", 3, 0, 1,
            "normal or 1 to 3 times the font size (em and % written as that number): a line lower than its text lets "
            + "the text paint over the lines around it, out of the box at its edges; a length inherits as a length "
            + "and is lower than a larger child's text"),
        ("vertical-align", CssValue.Keywords, "baseline sub super text-top text-bottom middle top bottom", 0, 0, 1,
            "keywords only: a length or percentage lifts the text out of its line by any amount"),
        ("white-space", CssValue.Keywords, "normal pre-wrap pre-line break-spaces", 0, 0, 1,
            "not nowrap or pre: a line that never wraps runs out of the box"),
        ("text-transform", CssValue.Keywords, "none capitalize uppercase lowercase full-width", 0, 0, 1, "case"),
        ("letter-spacing", CssValue.Length, "normal", 0.25, 0, 1,
            "0 to 0.25em (4px): negative spacing walks a run of zero-width characters out of the box to the left, "
            + "a large one makes a character wider than the box"),
        ("word-spacing", CssValue.Length, "normal", 1, 0, 1, "0 to 1em (16px), for the same reasons"),
        ("text-indent", CssValue.Length, "", 4, 0, 1,
            "0 to 4em (a Chinese paragraph indents 2em): a negative indent puts the first line left of the box"),
        ("word-break", CssValue.Keywords, "normal break-all keep-all break-word", 0, 0, 1, "where lines break"),
        ("overflow-wrap word-wrap", CssValue.Keywords, "break-word anywhere", 0, 0, 1,
            "not normal: it would undo the reader's wrapping of long words"),
        ("list-style-type", CssValue.Identifier, "", 0, 0, 1, "a counter style by name (no symbols(), no image)"),
        ("border border-top border-right border-bottom border-left", CssValue.Border,
            "none hidden solid dashed dotted double groove ridge inset outset thin medium thick", 0.375, 0, 3,
            "width, style and colour; the width as below"),
        ("border-width border-top-width border-right-width border-bottom-width border-left-width", CssValue.BoxLengths,
            "thin medium thick", 0.375, 0, 4,
            "0 to 0.375em (6px, thick is 5px): an inline box paints its borders outside its line"),
        ("border-style border-top-style border-right-style border-bottom-style border-left-style", CssValue.Keywords,
            "none hidden solid dashed dotted double groove ridge inset outset", 0, 0, 4, "border lines"),
        ("border-collapse", CssValue.Keywords, "collapse separate", 0, 0, 1, "table borders"),
        ("border-spacing", CssValue.BoxLengths, "", 0.5, 0, 2, "0 to 0.5em (8px) between table cells"),
        ("border-radius", CssValue.BoxLengths, "", 2, 50, 4, "round corners (only ever inside the box): 0 to 2em or 50%"),
        ("padding padding-top padding-right padding-bottom padding-left", CssValue.BoxLengths, "", 0.5, 0, 4,
            "0 to 0.5em (8px): an inline box paints its padding outside its line without moving it (a link with "
            + "padding 3000px covers the page); no percentage (of the reader's column width)"),
        ("margin margin-top margin-right margin-bottom margin-left", CssValue.BoxLengths, "auto", 2, 0, 4,
            "0 to 2em (32px) or auto (centring); never negative: a negative margin pulls the box over what is "
            + "around it, out of the entry at its edges"),
        ("width min-width max-width", CssValue.Length, "auto", 20, 100, 1,
            "0 to 100%, or 0 to 20em (320px, the narrowest reader column): a wider box runs out of the column; "
            + "images keep their width and height attributes, which readers scale to the column"),
        ("height", CssValue.Keywords, "auto", 0, 0, 1,
            "auto only: a box shorter than its content lets the content hang out of it, below the entry"),
        ("caption-side", CssValue.Keywords, "top bottom", 0, 0, 1, "table captions"),
        ("empty-cells", CssValue.Keywords, "show hide", 0, 0, 1, "table cells"),
        ("table-layout", CssValue.Keywords, "auto fixed", 0, 0, 1, "table layout"),
    ];

    /// <summary>
    /// The classes <c>class</c> keeps: what <see cref="Internal.MarkdownPipelines.Default"/> writes (footnotes, task
    /// lists, math, Mermaid and nomnoml diagrams), and <c>language-</c> followed by a code block's language (letters,
    /// digits and <c>+ # - _ .</c>). No reader styles these to cover anything; a class an author picks can name one
    /// the reader does.
    /// </summary>
    private static readonly FrozenSet<string> Classes = FrozenSet.ToFrozenSet(
        "footnotes footnote-ref footnote-back-ref contains-task-list task-list-item math mermaid nomnoml".Split(' '),
        StringComparer.Ordinal);

    /// <summary>The prefix of a code block's language class (CommonMark §4.5, Markdig's <c>language-</c>).</summary>
    public const string LanguageClassPrefix = "language-";

    /// <summary>
    /// MathML lengths (MathML Core §2.1.5: a CSS length or percentage; MathML 3's named spaces are kept too, the
    /// negative ones are not): per attribute, the largest value kept in em (absolute units at 16px), or in percent,
    /// and why. A value past it, negative or signed goes. In-flow sizes are bounded like CSS widths; what moves or
    /// spaces content like CSS spacing.
    /// </summary>
    private static readonly (string Attributes, double MaxEm, double MaxPercent, string Reason)[] MathLengthTable =
    [
        ("width", 20, 100, "mspace and mtable width: as CSS width (20em, 100%)"),
        ("height depth", 4, 0, "mspace height and depth: 4em, a tall delimiter's size"),
        ("lspace rspace", 1, 0, "operator spacing: 1em (MathML's widest named space is 7/18em)"),
        ("minsize maxsize", 3, 0, "how far a stretchy operator stretches: 3em"),
        ("linethickness", 0.25, 0, "the fraction bar: 0.25em"),
        ("subscriptshift superscriptshift", 1, 0, "script shifts: 1em"),
        ("columnspacing rowspacing", 2, 0, "matrix spacing, one value per gap: 2em each"),
    ];

    private static readonly FrozenDictionary<string, (double MaxEm, double MaxPercent)> MathLengths =
        MathLengthTable.SelectMany(row => row.Attributes.Split(' ').Select(name => (name, row)))
            .ToFrozenDictionary(pair => pair.name, pair => (pair.row.MaxEm, pair.row.MaxPercent), StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, (double MaxEm, double MaxPercent)>.AlternateLookup<ReadOnlySpan<char>> MathLengthLookup =
        MathLengths.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClassLookup =
        Classes.GetAlternateLookup<ReadOnlySpan<char>>();

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

    private static readonly FrozenDictionary<string, CssProperty>.AlternateLookup<ReadOnlySpan<char>> StyleLookup =
        BuildStyle().GetAlternateLookup<ReadOnlySpan<char>>();

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

    /// <summary>The style table as rows (properties, grammar, keywords, bound in em, bound in %, reason), for documentation and tests.</summary>
    internal static IEnumerable<(string Properties, CssValue Value, string Keywords, double MaxEm, double MaxPercent, string Reason)> StyleRows =>
        StyleTable.Select(row => (row.Properties, row.Value, row.Keywords, row.MaxEm, row.MaxPercent, row.Reason));

    /// <summary>Returns the rule of <paramref name="property"/> (lower case) in an inline style, or null when it may not appear.</summary>
    public static CssProperty? StyleProperty(ReadOnlySpan<char> property) =>
        StyleLookup.TryGetValue(property, out CssProperty? rule) ? rule : null;

    /// <summary>Whether the class <paramref name="name"/> (as written) is kept.</summary>
    public static bool IsAllowedClass(ReadOnlySpan<char> name)
    {
        if (name.StartsWith(LanguageClassPrefix, StringComparison.Ordinal))
        {
            ReadOnlySpan<char> language = name[LanguageClassPrefix.Length..];
            return language.Length is > 0 and <= 64
                && !language.ContainsAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+#-_.");
        }

        return ClassLookup.Contains(name);
    }

    /// <summary>The bounds of the MathML length attribute <paramref name="attribute"/> (lower case).</summary>
    public static (double MaxEm, double MaxPercent) MathLength(ReadOnlySpan<char> attribute) =>
        MathLengthLookup.TryGetValue(attribute, out (double, double) bound) ? bound : (0, 0);

    /// <summary>The MathML length table as rows, for documentation and tests.</summary>
    internal static IEnumerable<(string Attributes, double MaxEm, double MaxPercent, string Reason)> MathLengthRows => MathLengthTable;

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

    private static FrozenDictionary<string, CssProperty> BuildStyle()
    {
        var properties = new Dictionary<string, CssProperty>(StringComparer.Ordinal);
        foreach ((string names, CssValue value, string keywords, double maxEm, double maxPercent, int maxValues, _) in StyleTable)
        {
            string[] words = keywords.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (string name in names.Split(' '))
            {
                properties.Add(name, new CssProperty(name, value, words, maxEm, maxPercent, maxValues));
            }
        }

        return properties.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, ElementPolicy> BuildElements()
    {
        var elements = new Dictionary<string, ElementPolicy>(StringComparer.Ordinal);
        string[] svg = SvgElements.Split(' ');
        string[] math = MathElements.Split(' ');
        foreach ((string names, ElementRule rule, _) in ElementTable)
        {
            foreach (string name in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (name.Length > MaxElementNameLength)
                {
                    throw new InvalidOperationException($"'{name}' is longer than Element looks up: raise MaxElementNameLength.");
                }

                // SVG and MathML names are kept only inside svg and math (elsewhere a browser makes an unknown HTML
                // element of them); the two roots start there, and an SVG link shares its name with HTML's.
                ElementKind kind = svg.Contains(name) ? ElementKind.Svg : math.Contains(name) ? ElementKind.MathMl : ElementKind.Html;
                kind |= name is "svg" or "math" ? ElementKind.Html : name is "a" ? ElementKind.Svg : ElementKind.None;
                foreach ((string kindNames, ElementKind flag) in KindTable)
                {
                    if (kindNames.Split(' ').Contains(name))
                    {
                        kind |= flag;
                    }
                }

                elements.Add(name, new ElementPolicy(name, rule, kind, AttributesOf(name)));
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
    public ElementPolicy(string name, ElementRule rule, ElementKind kind, FrozenDictionary<string, AttributeRule> attributes)
    {
        Name = name;
        Rule = rule;
        Kind = kind;
        _attributes = attributes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Gets the element's name, in lower case.</summary>
    public string Name { get; }

    /// <summary>Gets what happens to the element.</summary>
    public ElementRule Rule { get; }

    /// <summary>Gets what the tree builder does with the element.</summary>
    public ElementKind Kind { get; }

    /// <summary>Whether the element has every flag of <paramref name="kind"/>.</summary>
    public bool Is(ElementKind kind) => (Kind & kind) == kind;

    /// <summary>Whether the element has any flag of <paramref name="kind"/>.</summary>
    public bool IsAny(ElementKind kind) => (Kind & kind) != 0;

    /// <summary>Returns how the attribute <paramref name="name"/> (lower case) is treated.</summary>
    public AttributeRule ForAttribute(ReadOnlySpan<char> name) =>
        _attributes.TryGetValue(name, out AttributeRule rule) ? rule : AttributeRule.Drop;
}
