using CsCheck;
using Feed.Content;

namespace Feed.Tests.Content;

/// <summary>
/// The sanitiser held to a browser: every output of a generated hostile corpus, parsed by AngleSharp (an
/// independent HTML5 parser), holds no active element, no event handler, no URL outside the allowed schemes and no
/// positioning style.
/// </summary>
public sealed class BrowserOracleTests
{
    private static readonly Uri PostUrl = new(ContentHtml.PostUrl);

    [Fact]
    public void No_output_of_the_hostile_corpus_is_harmful_in_a_browser()
    {
        int count = 0;
        foreach (string html in HostileCorpus.Generate(count: 10_000, seed: 20260301))
        {
            BrowserOracle.AssertHarmless(HtmlSanitizer.Sanitize(html, PostUrl));
            count++;
        }

        count.ShouldBeGreaterThan(14_000);
    }

    [Fact]
    public void No_output_is_harmful_in_a_browser_for_any_combination() =>
        Gen.Select(
                Gen.OneOf(HostileCorpus.Wrappers),
                Gen.OneOf(HostileCorpus.Carriers),
                Gen.OneOf(HostileCorpus.Schemes),
                Gen.Int[0, HostileCorpus.Encodings.Length - 1],
                Gen.OneOf<string>(["", .. HostileCorpus.HostileAttributes]))
            .Select((wrapper, carrier, scheme, encoding, attribute) =>
            {
                string fragment = string.Format(System.Globalization.CultureInfo.InvariantCulture, carrier, HostileCorpus.Encodings[encoding](scheme));
                int end = fragment.IndexOf('>', StringComparison.Ordinal);
                return string.Format(System.Globalization.CultureInfo.InvariantCulture, wrapper, fragment.Insert(end, attribute));
            })
            .Sample(html => BrowserOracle.AssertHarmless(HtmlSanitizer.Sanitize(html, PostUrl)), iter: 5_000);

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"jav&#x61;script&colon;alert(1)\">x</a>")]
    [InlineData("<a href=\" ms-msdt:x\">x</a>")]
    [InlineData("<img srcset=\"https://ok/a.png 1x, search-ms:x 2x\">")]
    [InlineData("<img src=\"data:image/svg+xml,x\">")]
    [InlineData("<a href=\"data:image/png;base64,x\">x</a>")]
    [InlineData("<svg><a><set attributeName=\"href\" to=\"data:text/html,x\"/></a></svg>")]
    [InlineData("<svg><a><animate attributename=\"href\" values=\"https://ok/;javascript:x\"/></a></svg>")]
    [InlineData("<p style=\"position : fixed\">x</p>")]
    [InlineData("<form><input type=password></form>")]
    [InlineData("<input type=checkbox>")]
    [InlineData("<button>b</button>")]
    [InlineData("<base href=\"https://evil/\">")]
    [InlineData("<svg><foreignObject></foreignObject></svg>")]
    public void The_oracle_catches_what_it_is_meant_to(string html) =>
        Should.Throw<OracleException>(() => BrowserOracle.AssertHarmless(html));

    [Theory]
    [InlineData("<p>javascript: in text is fine, and so is &lt;script&gt;</p>")]
    [InlineData("<a href=\"https://ok.example/\">x</a><a href=\"mailto:a@b\">m</a><a href=\"tel:1\">t</a>")]
    [InlineData("<img src=\"data:image/png;base64,iVBORw0KGgo=\" srcset=\"data:image/webp;base64,x 1x\">")]
    [InlineData("<input type=\"checkbox\" disabled checked>")]
    [InlineData("<svg><use href=\"#user-content-a\"/></svg>")]
    [InlineData("<p style=\"position: relative; color: red\">x</p>")]
    public void The_oracle_lets_harmless_html_through(string html) => BrowserOracle.AssertHarmless(html);
}
