using System.Collections.Concurrent;
using System.Text.Json;
using Feed.Testing;
using Feed.Tool.Tests.Support;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Feed.Tool.Tests.Html;

/// <summary>The sample blog's HTML pages, built once by the tool for the browser tests.</summary>
public sealed class SampleSiteFixture : IAsyncLifetime
{
    public const string Site = "https://blog.example.org/";
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "Samples");
    private readonly TestSite _site = new();

    public string Out => _site.Out;

    public async Task InitializeAsync()
    {
        ToolRun run = await ToolRun.RunAsync(
            "build", Path.Combine(Samples, "blog"), "--out", _site.Out, "--config", Path.Combine(Samples, "feed.json"), "--now", "2025-01-01T00:00:00Z");
        run.ExitCode.ShouldBe(0, run.ToString());
    }

    public Task DisposeAsync()
    {
        _site.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// The sample blog's pages in headless Chromium, at 360 and 1280 CSS pixels wide, in the light and the dark scheme:
/// everything is visible and inside the viewport, no request leaves the page, and axe-core finds no violation.
/// </summary>
/// <remarks>
/// The pages are served from the output folder at their real URLs by request interception, so their absolute links
/// work as on the site, and every other request is recorded and refused. Set <c>FEED_SCREENSHOTS</c> to a folder to
/// save the screenshots the README shows (<c>tests/Samples/screenshots</c>).
/// </remarks>
public sealed class HtmlBrowserTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    private static readonly string[] Pages = ["", "page/2/", "page/3/"];
    private static readonly int[] Widths = [360, 1280];
    private static readonly string[] Schemes = ["light", "dark"];

    // axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules and its best practices (target-size among them).
    private const string RunAxe = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
            resultTypes: ['violations'],
          });
          return JSON.stringify(result.violations.map(v => ({ id: v.id, nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary) })));
        }
        """;

    // Every element a reader must see: in the layout, not hidden, and inside the viewport's width.
    private const string Layout = """
        () => {
          const width = document.documentElement.clientWidth;
          const elements = document.querySelectorAll('h1, header p, main article h2 a, main time, main .meta, main .excerpt, main .tags li, nav a, footer a');
          const hidden = [];
          for (const e of elements) {
            const r = e.getBoundingClientRect();
            const s = getComputedStyle(e);
            if (r.width < 1 || r.height < 1 || s.visibility !== 'visible' || s.display === 'none' || r.left < -0.5 || r.right > width + 0.5) {
              hidden.push(e.outerHTML.slice(0, 80) + ' at ' + r.left + '..' + r.right + ' of ' + width);
            }
          }
          return JSON.stringify({
            count: elements.length, hidden, scrollWidth: document.documentElement.scrollWidth, width,
            articles: document.querySelectorAll('main article').length,
            numbers: [...document.querySelectorAll('nav a:not([rel])')].map(a => a.innerText),
          });
        }
        """;

    [ChromiumFact]
    public async Task Every_page_is_readable_at_360_and_1280_px_in_light_and_dark_with_no_request_and_no_axe_violation()
    {
        string axe = AxeSource();
        string? screenshots = Environment.GetEnvironmentVariable("FEED_SCREENSHOTS");
        await using ChromiumSession browser = await Chromium.LaunchAsync();
        var problems = new List<string>();
        int articles = 0;
        foreach (string path in Pages)
        {
            foreach (int width in Widths)
            {
                foreach (string scheme in Schemes)
                {
                    string where = $"/{path} at {width} px, {scheme}";
                    await using IPage page = await browser.NewPageAsync();
                    ConcurrentQueue<string> outside = await ServeAsync(page, width, scheme);
                    await page.GoToAsync(SampleSiteFixture.Site + path, WaitUntilNavigation.Load);

                    using JsonDocument layout = JsonDocument.Parse(await page.EvaluateFunctionAsync<string>(Layout));
                    JsonElement l = layout.RootElement;
                    l.GetProperty("count").GetInt32().ShouldBeGreaterThan(20, where);
                    foreach (JsonElement hidden in l.GetProperty("hidden").EnumerateArray())
                    {
                        problems.Add($"{where}: not visible: {hidden.GetString()}");
                    }

                    if (l.GetProperty("scrollWidth").GetInt32() > l.GetProperty("width").GetInt32())
                    {
                        problems.Add($"{where}: the page is {l.GetProperty("scrollWidth").GetInt32()} px wide, wider than its viewport");
                    }

                    l.GetProperty("numbers").EnumerateArray().Select(n => n.GetString()).ShouldBe(["1", "2", "3"], where);
                    articles += width == 360 && scheme == "light" ? l.GetProperty("articles").GetInt32() : 0;

                    // Focus is visible (WCAG 2.4.7): the first link tabbed to draws an outline.
                    await page.Keyboard.PressAsync("Tab");
                    string outline = await page.EvaluateFunctionAsync<string>(
                        "() => { const s = getComputedStyle(document.activeElement); return document.activeElement.tagName + ' ' + s.outlineStyle + ' ' + s.outlineWidth; }");
                    if (!outline.StartsWith("A solid 3px", StringComparison.Ordinal))
                    {
                        problems.Add($"{where}: the focused link shows no outline ({outline})");
                    }

                    await page.EvaluateExpressionAsync(axe);
                    using JsonDocument violations = JsonDocument.Parse(await page.EvaluateFunctionAsync<string>(RunAxe));
                    foreach (JsonElement violation in violations.RootElement.EnumerateArray())
                    {
                        problems.Add($"{where}: axe {violation.GetProperty("id").GetString()}: {string.Join(" | ", violation.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}");
                    }

                    problems.AddRange(outside.Select(url => $"{where}: requested {url}"));
                    if (screenshots is not null && path.Length == 0)
                    {
                        await page.Keyboard.PressAsync("Tab"); // no focus ring in the picture: move focus on, then away
                        await page.EvaluateExpressionAsync("document.activeElement.blur()");
                        Directory.CreateDirectory(screenshots);
                        await page.ScreenshotAsync(Path.Combine(screenshots, $"index-{width}-{scheme}.png"));
                    }
                }
            }
        }

        problems.ShouldBeEmpty(string.Join("\n", problems));
        articles.ShouldBe(10); // every post of the sample, once, across the three pages
    }

    [ChromiumFact]
    public async Task The_checks_catch_a_page_that_fails_them()
    {
        // A control: low contrast, no lang, an image from elsewhere and a 2000 px wide block must all be caught.
        string bad = Path.Combine(site.Out, "bad");
        Directory.CreateDirectory(bad);
        await File.WriteAllTextAsync(Path.Combine(bad, "index.html"),
            "<!DOCTYPE html><html><head><title>x</title></head><body><main><h1>x</h1><p style=\"color:#ccc;background:#fff\">faint</p>" +
            "<img src=\"https://elsewhere.example/x.png\" alt=\"x\"><div style=\"width:2000px\">wide</div></main></body></html>");
        await using ChromiumSession browser = await Chromium.LaunchAsync();
        await using IPage page = await browser.NewPageAsync();
        ConcurrentQueue<string> outside = await ServeAsync(page, 360, "light");
        await page.GoToAsync(SampleSiteFixture.Site + "bad/", WaitUntilNavigation.Load);

        outside.ShouldContain("https://elsewhere.example/x.png");
        using JsonDocument layout = JsonDocument.Parse(await page.EvaluateFunctionAsync<string>(Layout));
        layout.RootElement.GetProperty("scrollWidth").GetInt32().ShouldBeGreaterThan(360);
        await page.EvaluateExpressionAsync(AxeSource());
        using JsonDocument violations = JsonDocument.Parse(await page.EvaluateFunctionAsync<string>(RunAxe));
        violations.RootElement.EnumerateArray().Select(v => v.GetProperty("id").GetString()).ShouldBeSubsetOf(
            (string[])["color-contrast", "html-has-lang", "region", "landmark-one-main", "page-has-heading-one"]);
        violations.RootElement.EnumerateArray().Select(v => v.GetProperty("id").GetString()).ShouldContain("color-contrast");
        violations.RootElement.EnumerateArray().Select(v => v.GetProperty("id").GetString()).ShouldContain("html-has-lang");
    }

    // Serves the output folder at the site's URLs; records and refuses every other request.
    private async Task<ConcurrentQueue<string>> ServeAsync(IPage page, int width, string scheme)
    {
        var outside = new ConcurrentQueue<string>();
        await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = width < 600 ? 760 : 800 });
        await page.EmulateMediaFeaturesAsync([new MediaFeatureValue { MediaFeature = MediaFeature.PrefersColorScheme, Value = scheme }]);
        await page.SetBypassCSPAsync(true); // the page's own policy forbids every script, axe's too
        await page.SetRequestInterceptionAsync(true);
        page.Request += async (_, e) =>
        {
            string url = e.Request.Url;
            string file = url.StartsWith(SampleSiteFixture.Site, StringComparison.Ordinal)
                ? Path.Combine(site.Out, Uri.UnescapeDataString(url[SampleSiteFixture.Site.Length..].Split('?')[0]))
                : string.Empty;
            if (e.Request.IsNavigationRequest && file.Length > 0 && url.EndsWith('/') && File.Exists(Path.Combine(file, "index.html")))
            {
                await e.Request.RespondAsync(new ResponseData
                {
                    Status = System.Net.HttpStatusCode.OK,
                    ContentType = "text/html; charset=utf-8",
                    BodyData = await File.ReadAllBytesAsync(Path.Combine(file, "index.html")),
                });
                return;
            }

            outside.Enqueue(url);
            await e.Request.AbortAsync();
        };
        return outside;
    }

    private static string AxeSource()
    {
        using Stream stream = typeof(Deque.AxeCore.Commons.AxeResult).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe.min.js is not in Deque.AxeCore.Commons any more.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
