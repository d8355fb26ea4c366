namespace Feed.Content;

/// <summary>What the content sanitiser does with an element.</summary>
internal enum ElementRule
{
    /// <summary>The tag is written back (with its attributes sanitised).</summary>
    Keep,

    /// <summary>The tag is dropped; what it encloses stays.</summary>
    DropTag,

    /// <summary>The element is dropped with everything up to its end tag (its content is code, not text).</summary>
    DropWithContent,

    /// <summary>The element (an embedded frame) becomes a link to what it embedded; its raw-text content goes.</summary>
    ReplaceWithLink,
}

/// <summary>How the content sanitiser treats an attribute's value as a URL.</summary>
internal enum UrlRule
{
    /// <summary>Not a URL.</summary>
    None,

    /// <summary>A URL that is made absolute against the post's URL (and dropped if its scheme is dangerous).</summary>
    Resolve,

    /// <summary>A comma-separated list of image candidates (<c>srcset</c>); each URL is resolved.</summary>
    ResolveSrcSet,

    /// <summary>A URL that is only checked: dropped when its scheme is dangerous, otherwise left as written.</summary>
    Check,
}

/// <summary>The elements and attributes the content HTML of a feed entry keeps, drops or rewrites, and why.</summary>
/// <remarks>
/// <para>
/// A feed entry's HTML is shown inside somebody else's page: a web reader, a mail client (RSS-to-email services), a
/// native app's web view. Whatever can run code there, load active content, or change the page around the entry goes;
/// everything else is the author's text and stays. Names are matched ASCII case-insensitively, as HTML does.
/// </para>
/// <list type="bullet">
/// <item><c>script</c>, <c>style</c>: removed with their content. Script is code; a style sheet restyles the whole
/// reader page (overlays, hidden text, CSS exfiltration), and neither has text a reader should show.</item>
/// <item><c>object</c>, <c>embed</c>, <c>applet</c>, <c>param</c>: plug-in content that can run script (Flash, Java,
/// <c>data:</c> documents). The tags go, the fallback content inside stays, as a browser without the plug-in shows it.</item>
/// <item><c>frame</c>, <c>frameset</c>: frame documents do not belong in an entry.</item>
/// <item><c>base</c>, <c>meta</c>, <c>link</c>: change the host page (every relative URL, a refresh or redirect, style
/// sheets and preloads).</item>
/// <item><c>html</c>, <c>head</c>, <c>body</c>: a whole pasted document becomes a fragment.</item>
/// <item><c>noscript</c>: the tags go and the fallback inside stays, because readers run no script (lazy-loaded
/// images often keep their only real <c>img</c> there). Dropping the tag also closes the mutation-XSS route where a
/// <c>noscript</c> body is text to one parser and markup to another.</item>
/// <item><c>plaintext</c>: the tag goes, because it would turn the rest of the reader's page into text.</item>
/// <item><c>iframe</c> becomes a link to its source, <c>&lt;a href="src"&gt;title or src&lt;/a&gt;</c>: embeds (and
/// Markdig's own media links) are common in posts, but a frame is the one thing feed tooling agrees is unsafe. The
/// W3C feed validator warns on it (SecurityRisk), feedparser-based readers delete it without a trace, and mail
/// clients (RSS-to-email) never render it. A link keeps what the author embedded reachable in every one of them.
/// Its content is raw text a browser never shows, and goes; <c>srcdoc</c> (a second HTML document) is never
/// followed, so a frame without a safe <c>src</c> leaves nothing.</item>
/// </list>
/// <para>Attributes: every event handler (<c>on…</c>) and <c>srcdoc</c> are dropped, and so is an empty
/// <c>src</c>, <c>poster</c> or <c>cite</c> (it names nothing, and validators report it as a relative reference); <c>attributename</c> is dropped
/// when it names an event handler (SVG <c>set</c>/<c>animate</c> could otherwise write one); <c>style</c> is dropped
/// when it holds <c>expression(</c>, <c>-moz-binding</c>, <c>behavior:</c> or a CSS escape (<c>\</c>), the
/// script-running or obfuscating parts of CSS. Any attribute whose value, decoded and stripped of whitespace and
/// control characters, contains <c>javascript:</c>, <c>vbscript:</c> or <c>livescript:</c> is dropped: that catches
/// <c>style="background:url(javascript:…)"</c> and SVG <c>values="…;javascript:…"</c> too, at the price of a title
/// that merely mentions <c>javascript:</c>.</para>
/// <para>URLs: <c>href</c>, <c>src</c>, <c>srcset</c>, <c>poster</c>, <c>cite</c> and <c>xlink:href</c> are made
/// absolute against the post's URL (poster and cite because readers fetch or show them like any other link).
/// <c>action</c>, <c>formaction</c>, <c>background</c>, <c>longdesc</c>, <c>lowsrc</c>, <c>dynsrc</c>, <c>usemap</c>,
/// <c>data</c>, <c>codebase</c>, <c>classid</c>, <c>archive</c>, <c>ping</c>, <c>manifest</c>, <c>profile</c> and
/// <c>icon</c> are only checked. A URL attribute is dropped when its scheme is <c>javascript</c>, <c>vbscript</c>,
/// <c>livescript</c>, or <c>data</c> with anything but a raster image type (<c>data:text/html</c>,
/// <c>data:application/xhtml+xml</c> and <c>data:image/svg+xml</c> are documents that can carry script).</para>
/// </remarks>
internal static class HtmlPolicy
{
    /// <summary>Returns what to do with the element named <paramref name="name"/> (as written; any case).</summary>
    public static ElementRule ForElement(ReadOnlySpan<char> name)
    {
        if (!IsValidName(name, isAttribute: false))
        {
            // A tag name a browser would accept but no HTML element has (`<b)`, `<a"x`): it renders nothing, and
            // writing it back could only confuse the next parser.
            return ElementRule.DropTag;
        }

        if (name.Length > 6 && name.StartsWith("script", StringComparison.OrdinalIgnoreCase))
        {
            // "<scriptx>" is no script, but no real element is named so either, and whatever scans the feed for
            // "<script" (a mail service, a naive reader filter) would flag it: the output never contains that text.
            return ElementRule.DropTag;
        }

        return name.Length switch
        {
            4 when Is(name, "meta") || Is(name, "link") || Is(name, "base") || Is(name, "html") || Is(name, "head")
                || Is(name, "body") => ElementRule.DropTag,
            5 when Is(name, "embed") || Is(name, "param") || Is(name, "frame") => ElementRule.DropTag,
            5 when Is(name, "style") => ElementRule.DropWithContent,
            6 when Is(name, "script") => ElementRule.DropWithContent,
            6 when Is(name, "object") || Is(name, "applet") => ElementRule.DropTag,
            6 when Is(name, "iframe") => ElementRule.ReplaceWithLink,
            8 when Is(name, "frameset") || Is(name, "noscript") => ElementRule.DropTag,
            9 when Is(name, "plaintext") => ElementRule.DropTag,
            _ => ElementRule.Keep,
        };
    }

    /// <summary>Whether the attribute named <paramref name="name"/> (lower case) is dropped whatever its value.</summary>
    public static bool IsAlwaysDropped(ReadOnlySpan<char> name) =>
        name.StartsWith("on", StringComparison.Ordinal) || name.SequenceEqual("srcdoc");

    /// <summary>Returns how the value of the attribute named <paramref name="name"/> (lower case) is treated as a URL.</summary>
    public static UrlRule ForAttribute(ReadOnlySpan<char> name) => name switch
    {
        "href" or "src" or "poster" or "cite" or "xlink:href" => UrlRule.Resolve,
        "srcset" => UrlRule.ResolveSrcSet,
        "action" or "formaction" or "background" or "longdesc" or "lowsrc" or "dynsrc" or "usemap" or "data"
            or "codebase" or "classid" or "archive" or "ping" or "manifest" or "profile" or "icon" => UrlRule.Check,
        _ => UrlRule.None,
    };

    /// <summary>
    /// Whether <paramref name="name"/> is a tag or attribute name worth writing back: ASCII letters, digits and
    /// <c>- _ : .</c> (so <c>data-*</c>, <c>aria-*</c>, <c>xml:lang</c>, <c>xlink:href</c> and Word's <c>o:p</c>
    /// pass), and a tag name starts with a letter. HTML allows almost anything else; nothing else is real markup.
    /// </summary>
    public static bool IsValidName(ReadOnlySpan<char> name, bool isAttribute)
    {
        if (name.IsEmpty || (!isAttribute && !char.IsAsciiLetter(name[0])))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_' && c != ':' && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    private static bool Is(ReadOnlySpan<char> name, string candidate) =>
        name.Equals(candidate, StringComparison.OrdinalIgnoreCase);
}
