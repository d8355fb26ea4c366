using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using PuppeteerSharp;

namespace Feed.Tests.Content;

/// <summary>One thing the real-browser oracle saw an entry do to the reader's page.</summary>
/// <param name="Entry">The index of the entry in the batch it was rendered in.</param>
/// <param name="Kind">
/// <c>box</c> (a rendered box of the entry leaves the entry's box), <c>request</c> (a load other than the entry's own
/// images and media), <c>dialog</c>, <c>popup</c>, <c>navigation</c> (a click on a reader control navigated),
/// <c>covered</c> (a click on a reader control landed on something else), <c>captured</c> (a reader control ended up
/// inside the entry's elements) or <c>structure</c> (the reader's page lost an item).
/// </param>
/// <param name="Detail">What and where.</param>
internal sealed record ReaderFinding(int Entry, string Kind, string Detail);

/// <summary>
/// The real-browser oracle of the content sanitiser: entries rendered by headless Chromium inside a mock feed reader
/// and judged by what the browser did, not by what the HTML says.
/// </summary>
/// <remarks>
/// <para>
/// The mock reader is what a web reader is: a page built by joining strings (its chrome, then each entry's HTML as
/// given, then more chrome), each entry in a box of fixed width with padding, its own "Reader settings", "Star" and
/// "Mark as read" buttons above, beside and below the box, a stylesheet of the usual reader rules for entries (images
/// and SVG scaled to the column, <c>pre</c> and tables scrolling, long words wrapped) and a utility-class stylesheet
/// (<c>.fixed</c>, <c>.inset-0</c>, <c>.z-50</c> …) such as a Tailwind-styled reader ships, so that a class an entry
/// keeps is a real attack. Every request is intercepted: the page itself, and the images and media that the entries'
/// own elements name (answered with a 1×1 PNG or nothing), are served; anything else is a finding.
/// </para>
/// <para>
/// An entry fails when: a rendered box of it (each element's client rects and each text run's, clipped by its
/// scrolling or clipping ancestors inside the entry) leaves the entry's border box; a request leaves the page other
/// than for its own images and media; a dialog or pop-up opens; a real mouse click on any reader control lands on
/// anything but that control or navigates; or a reader control ends up inside the entry's elements. Many entries
/// share one page load (batches), so thousands render in a couple of minutes; a batch whose request, dialog or
/// pop-up cannot be pinned on one entry is rendered again one entry at a time.
/// </para>
/// </remarks>
internal sealed class ReaderPageOracle(ChromiumSession browser)
{
    /// <summary>The width of an entry's box, in CSS pixels (a reader's reading column).</summary>
    public const int EntryWidth = 600;

    private const string ReaderOrigin = "https://reader.test";
    private const int ViewportHeight = 900;

    // A 1×1 transparent PNG: what every allowed image request gets.
    private static readonly byte[] Pixel = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private const string Style = """
        html,body{margin:0;padding:0}
        body{font:16px/1.5 "DejaVu Sans",sans-serif;color:#111;background:#fff}
        .reader-bar{height:40px;background:#eee}
        .item{margin:0 0 40px 0;width:760px}
        .item-head,.item-foot{height:36px;width:600px}
        .row{position:relative}
        .entry{width:600px;padding:16px;box-sizing:border-box;overflow-wrap:anywhere;background:#fafafa}
        .side{position:absolute;left:616px;top:0;width:140px}
        .reader-control{font:14px sans-serif;height:28px;margin:4px 0;padding:0 8px;cursor:pointer}
        .entry img,.entry video{max-width:100%;height:auto}
        .entry svg{max-width:100%}
        .entry pre{overflow:auto}
        .entry table{display:block;overflow:auto;max-width:100%}
        .entry math[display=block]{overflow-x:auto;max-width:100%}
        .fixed{position:fixed}.absolute{position:absolute}.relative{position:relative}.sticky{position:sticky}
        .inset-0{inset:0}.top-0{top:0}.left-0{left:0}.right-0{right:0}.bottom-0{bottom:0}.z-50{z-index:50}
        .w-screen{width:100vw}.h-screen{height:100vh}.w-full{width:100%}.h-full{height:100%}.min-h-screen{min-height:100vh}
        .-mt-96{margin-top:-24rem}.-ml-96{margin-left:-24rem}.p-96{padding:24rem}.py-96{padding-top:24rem;padding-bottom:24rem}
        .-translate-y-full{transform:translateY(-100%)}.scale-150{transform:scale(1.5)}.rotate-180{transform:rotate(180deg)}
        .bg-white{background:#fff}.opacity-0{opacity:0}.block{display:block}.float-left{float:left}.float-right{float:right}
        .overflow-visible{overflow:visible}.leading-none{line-height:0}.text-9xl{font-size:8rem}.whitespace-nowrap{white-space:nowrap}
        """;

    // The reader's own script: records every click (capture phase, before anything else sees it) so that a click
    // can be pinned on what it landed on.
    private const string Script = """
        window.__clicks = [];
        document.addEventListener('click', e => {
          const t = e.target instanceof Element ? e.target : e.target.parentElement;
          const control = t && t.closest('.reader-control');
          const link = t && t.closest('a');
          const item = t && t.closest('.item');
          window.__clicks.push({ control: control ? control.id : null, link: link ? String(link.href && link.href.baseVal !== undefined ? link.href.baseVal : link.href) : null, item: item ? +item.dataset.i : -1, tag: t ? t.localName : '' });
        }, true);
        """;

    // Judges every entry of the page: boxes that leave the entry's box, and reader controls inside an entry's
    // elements or missing. Returns its findings and the URLs of the entries' own images and media.
    private const string Judge = """
        () => {
          const out = [];
          const px = v => Math.round(v * 10) / 10;
          const describe = n => {
            if (n.nodeType === 3) return '#text "' + n.data.slice(0, 24) + '"';
            let s = '<' + n.localName;
            for (const a of n.attributes) s += ' ' + a.name + '="' + a.value.slice(0, 60) + '"';
            return s + '>';
          };
          const clips = new Map();
          const clipOf = (node, entry) => {
            const p = node.parentElement;
            if (!p || p === entry) return null;
            if (clips.has(p)) return clips.get(p);
            let clip = clipOf(p, entry);
            const cs = getComputedStyle(p);
            if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible' || p.localName === 'svg') {
              const r = p.getBoundingClientRect();
              clip = clip ? { l: Math.max(clip.l, r.left), t: Math.max(clip.t, r.top), r: Math.min(clip.r, r.right), b: Math.min(clip.b, r.bottom) }
                          : { l: r.left, t: r.top, r: r.right, b: r.bottom };
            }
            clips.set(p, clip);
            return clip;
          };
          const entries = [...document.querySelectorAll('.entry')];
          const expected = +document.body.dataset.count;
          for (let i = 0; i < expected; i++) {
            const item = document.querySelector('.item[data-i="' + i + '"]');
            if (!item || item.parentElement !== document.querySelector('main')) out.push({ entry: i, kind: 'structure', detail: 'the reader item ' + i + ' is not where the reader put it' });
          }
          for (const entry of entries) {
            const i = +entry.dataset.i;
            const box = entry.getBoundingClientRect();
            const walker = document.createTreeWalker(entry, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
            let reported = 0;
            for (let n = walker.nextNode(); n && reported < 3; n = walker.nextNode()) {
              if (n.nodeType === 1 && n.classList && n.classList.contains('reader-control')) continue;
              let rects;
              if (n.nodeType === 3) {
                if (!n.data.trim()) continue;
                const range = document.createRange();
                range.selectNodeContents(n);
                rects = range.getClientRects();
              } else {
                rects = n.getClientRects();
              }
              if (!rects.length) continue;
              const clip = clipOf(n, entry);
              for (const r0 of rects) {
                let l = r0.left, t = r0.top, r = r0.right, b = r0.bottom;
                if (clip) { l = Math.max(l, clip.l); t = Math.max(t, clip.t); r = Math.min(r, clip.r); b = Math.min(b, clip.b); }
                if (r - l <= 0.5 || b - t <= 0.5) continue;
                if (l < box.left - 0.5 || t < box.top - 0.5 || r > box.right + 0.5 || b > box.bottom + 0.5) {
                  out.push({ entry: i, kind: 'box', detail: describe(n) + ' at [' + px(l - box.left) + ',' + px(t - box.top) + ' → ' + px(r - box.left) + ',' + px(b - box.top) + '] outside [0,0 → ' + px(box.width) + ',' + px(box.height) + ']' });
                  reported++;
                  break;
                }
              }
            }
          }
          for (const control of document.querySelectorAll('.reader-control')) {
            const i = +control.dataset.i;
            const entry = control.closest('.entry');
            const link = control.closest('a');
            if (entry) out.push({ entry: +entry.dataset.i, kind: 'captured', detail: control.textContent + ' of item ' + i + ' is inside the entry' });
            else if (link) out.push({ entry: i, kind: 'captured', detail: control.textContent + ' of item ' + i + ' is inside a link to ' + link.getAttribute('href') });
            else if (control.closest('.item') && +control.closest('.item').dataset.i !== i) out.push({ entry: +control.closest('.item').dataset.i, kind: 'captured', detail: control.textContent + ' of item ' + i + ' moved into another item' });
          }
          const allowed = [];
          for (const entry of entries) {
            for (const el of entry.querySelectorAll('img, source, video, audio, track, image')) {
              for (const name of ['src', 'poster', 'href', 'xlink:href']) {
                const v = el.getAttribute(name);
                if (v) allowed.push(new URL(v, document.baseURI).href);
              }
              for (const name of ['srcset']) {
                const v = el.getAttribute(name);
                if (v) for (const c of v.split(/,\s+/)) { const u = c.trim().split(/\s+/)[0]; if (u) allowed.push(new URL(u, document.baseURI).href); }
              }
              if (el.currentSrc) allowed.push(el.currentSrc);
            }
          }
          return { findings: out, allowed };
        }
        """;

    private readonly ChromiumSession _browser = browser;

    /// <summary>Gets the number of entries rendered so far.</summary>
    public int Renders { get; private set; }

    /// <summary>Gets the number of page loads so far.</summary>
    public int PageLoads { get; private set; }

    /// <summary>Renders <paramref name="entries"/> (HTML as a reader gets it) in batches and returns what each did.</summary>
    public async Task<IReadOnlyList<(int Index, ReaderFinding Finding)>> JudgeAsync(IReadOnlyList<string> entries, int batchSize = 100)
    {
        var all = new List<(int, ReaderFinding)>();
        for (int start = 0; start < entries.Count; start += batchSize)
        {
            string[] batch = [.. entries.Skip(start).Take(batchSize)];
            var clock = System.Diagnostics.Stopwatch.StartNew();
            (List<ReaderFinding>? rendered, bool unattributed) = await GuardedRenderAsync(batch, click: true);
            List<ReaderFinding> findings = rendered ?? [];
            if (rendered is null)
            {
                // The browser did not finish the page in time: every entry alone, and those that hang it are findings.
                for (int i = 0; i < batch.Length; i++)
                {
                    (List<ReaderFinding>? alone, bool loose) = await GuardedRenderAsync([batch[i]], click: true);
                    findings.AddRange(alone?.Select(f => f with { Entry = i }) ?? [new ReaderFinding(i, "hang", $"the page did not render in {RenderTimeout.TotalSeconds:F0} s")]);
                }

                unattributed = false;
            }

            if (batch.Length > 1 && findings.Any(f => f.Kind is "structure" or "captured"))
            {
                // An entry that left something open reaches into the items after it (as it would in a reader); each
                // entry alone says which one did it.
                findings.Clear();
                for (int i = 0; i < batch.Length; i++)
                {
                    (List<ReaderFinding>? alone, _) = await GuardedRenderAsync([batch[i]], click: true);
                    findings.AddRange(alone?.Select(f => f with { Entry = i }) ?? [new ReaderFinding(i, "hang", $"the page did not render in {RenderTimeout.TotalSeconds:F0} s")]);
                }

                unattributed = false;
            }

            Log?.Invoke($"entries {start}–{start + batch.Length - 1}: {clock.Elapsed.TotalSeconds:F1} s, {findings.Count} findings");
            if (unattributed)
            {
                // A request, dialog or pop-up that no entry can be named for: halves of the batch again, without
                // clicks, until each is pinned on one entry.
                findings.RemoveAll(f => f.Entry < 0);
                await PinAsync(batch, [.. Enumerable.Range(0, batch.Length)], findings);
            }

            all.AddRange(findings.Distinct().Select(f => (start + f.Entry, f with { Entry = start + f.Entry })));
        }

        return all;
    }

    /// <summary>Gets or sets where the oracle reports its progress (each batch's time and findings).</summary>
    public Action<string>? Log { get; set; }

    /// <summary>How long one page may take, from load to the last click.</summary>
    public static TimeSpan RenderTimeout { get; } = TimeSpan.FromSeconds(90);

    // One page load, given up (and its tab closed) when it takes longer than RenderTimeout: null then.
    private async Task<(List<ReaderFinding>? Findings, bool Unattributed)> GuardedRenderAsync(string[] batch, bool click)
    {
        Task<(List<ReaderFinding>, bool)> render = RenderAsync(batch, click);
        if (await Task.WhenAny(render, Task.Delay(RenderTimeout)) == render)
        {
            return await render;
        }

        foreach (IPage page in await _browser.Browser.PagesAsync())
        {
            await page.CloseAsync();
        }

        try
        {
            await render;
        }
        catch (Exception ex) when (ex is PuppeteerException or TimeoutException or ObjectDisposedException)
        {
            // The tab was closed under it.
        }

        return (null, false);
    }

    private async Task PinAsync(string[] batch, int[] indexes, List<ReaderFinding> findings)
    {
        if (indexes.Length == 1)
        {
            (List<ReaderFinding>? alone, _) = await GuardedRenderAsync([batch[indexes[0]]], click: false);
            findings.AddRange(alone?.Where(f => f.Entry < 0).Select(f => f with { Entry = indexes[0] }) ?? []);
            return;
        }

        foreach (int[] half in (int[][])[indexes[..(indexes.Length / 2)], indexes[(indexes.Length / 2)..]])
        {
            (_, bool unattributed) = await GuardedRenderAsync([.. half.Select(i => batch[i])], click: false);
            if (unattributed)
            {
                await PinAsync(batch, half, findings);
            }
        }
    }

    // One page load: the reader's page with every entry of the batch, judged. Findings whose entry is -1 could not
    // be pinned on one entry.
    private async Task<(List<ReaderFinding> Findings, bool Unattributed)> RenderAsync(string[] batch, bool click)
    {
        PageLoads++;
        Renders += batch.Length;
        string page = BuildPage(batch);
        var findings = new ConcurrentBag<ReaderFinding>();
        var allowed = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var pending = new ConcurrentQueue<string>();
        var navigations = new ConcurrentQueue<(int Click, string Url)>();
        bool loaded = false;
        int clicking = -1;

        await using IPage tab = await _browser.NewPageAsync();
        await tab.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = ViewportHeight });
        await tab.SetRequestInterceptionAsync(true);
        tab.Dialog += async (_, e) =>
        {
            findings.Add(new ReaderFinding(-1, "dialog", $"{e.Dialog.DialogType}: {e.Dialog.Message}"));
            await e.Dialog.Dismiss();
        };
        tab.Popup += (_, e) => findings.Add(new ReaderFinding(-1, "popup", e.PopupPage.Url));
        tab.Request += async (_, e) =>
        {
            IRequest request = e.Request;
            string url = request.Url;
            try
            {
                if (!loaded && request.IsNavigationRequest && request.Frame == tab.MainFrame && url.StartsWith(ReaderOrigin, StringComparison.Ordinal))
                {
                    await request.RespondAsync(new ResponseData { Status = HttpStatusCode.OK, ContentType = "text/html; charset=utf-8", Body = page });
                    return;
                }

                if (url.StartsWith("data:", StringComparison.Ordinal))
                {
                    await request.ContinueAsync();
                    return;
                }

                if (request.IsNavigationRequest)
                {
                    // A click that navigates: recorded, then answered 204, which leaves the page where it is.
                    navigations.Enqueue((Volatile.Read(ref clicking), url));
                    await request.RespondAsync(new ResponseData { Status = HttpStatusCode.NoContent });
                    return;
                }

                if (request.ResourceType is ResourceType.Image or ResourceType.Media or ResourceType.TextTrack)
                {
                    pending.Enqueue(url); // judged once the entries' own image URLs are known
                    await request.RespondAsync(request.ResourceType == ResourceType.Image
                        ? new ResponseData { Status = HttpStatusCode.OK, ContentType = "image/png", BodyData = Pixel }
                        : new ResponseData { Status = HttpStatusCode.NotFound });
                    return;
                }

                findings.Add(new ReaderFinding(-1, "request", $"{request.ResourceType} {url}"));
                await request.RespondAsync(new ResponseData { Status = HttpStatusCode.NotFound });
            }
            catch (PuppeteerException)
            {
                // The page closed while the request was in flight.
            }
        };

        await tab.GoToAsync(ReaderOrigin + "/", new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 60_000 });
        loaded = true;
        await tab.EvaluateExpressionAsync("document.fonts.ready");

        JudgeResult result = await tab.EvaluateFunctionAsync<JudgeResult>(Judge);
        foreach (string url in result.Allowed)
        {
            allowed[WithoutScheme(url)] = true;
        }

        foreach (JudgedFinding f in result.Findings)
        {
            findings.Add(new ReaderFinding(f.Entry, f.Kind, f.Detail));
        }

        // Every reader control gets a real click at its centre; it must land on that control and go nowhere. The page
        // is scrolled a viewport at a time, and every control in view is clicked before the next scroll.
        ClickTarget[] targets = click ? await tab.EvaluateFunctionAsync<ClickTarget[]>(
            """
            () => [...document.querySelectorAll('.reader-control')].map(c => {
              const r = c.getBoundingClientRect();
              return { id: c.id, item: +c.dataset.i, x: r.left + scrollX + r.width / 2, y: r.top + scrollY + r.height / 2 };
            }).sort((a, b) => a.y - b.y)
            """) : [];
        double top = double.NegativeInfinity;
        var clicked = new List<ClickTarget>();
        foreach (ClickTarget target in targets)
        {
            if (target.Y < top + 40 || target.Y > top + ViewportHeight - 40)
            {
                top = await tab.EvaluateFunctionAsync<double>("y => { scrollTo(0, y); return scrollY; }", Math.Max(0, target.Y - 100));
            }

            Volatile.Write(ref clicking, clicked.Count);
            await tab.Mouse.ClickAsync((decimal)target.X, (decimal)(target.Y - top));
            clicked.Add(target);
        }

        ClickRecord[] clicks = click ? await tab.EvaluateExpressionAsync<ClickRecord[]>("window.__clicks.splice(0)") : [];
        for (int k = 0; k < Math.Min(clicks.Length, clicked.Count); k++)
        {
            ClickRecord record = clicks[k];
            ClickTarget target = clicked[k];
            if (record.Control != target.Id || record.Link is not null)
            {
                int blame = record.Item >= 0 && record.Control != target.Id ? record.Item : target.Item;
                findings.Add(new ReaderFinding(blame, "covered",
                    $"a click on {target.Id} landed on <{record.Tag}>{(record.Link is null ? string.Empty : " in a link to " + record.Link)}"));
            }
        }

        if (clicks.Length != clicked.Count)
        {
            findings.Add(new ReaderFinding(-1, "structure", $"{clicked.Count} clicks on reader controls, {clicks.Length} seen by the page"));
        }

        // Let a navigation started by the last click reach the interceptor.
        await Task.Delay(50);
        foreach (string url in pending)
        {
            if (!allowed.ContainsKey(WithoutScheme(url)))
            {
                findings.Add(new ReaderFinding(-1, "request", $"image {url} that no entry element names"));
            }
        }

        foreach ((int k, string url) in navigations)
        {
            // Pinned on the entry whose element the click landed on, else on the item of the control clicked.
            int blame = k >= 0 && k < clicks.Length && clicks[k].Item >= 0 ? clicks[k].Item : k >= 0 && k < clicked.Count ? clicked[k].Item : -1;
            string what = k >= 0 && k < clicked.Count ? $"a click on {clicked[k].Id}" : "the page";
            findings.Add(new ReaderFinding(blame, "navigation", $"{what} navigated to {url}"));
        }

        List<ReaderFinding> list = [.. findings];
        return (list, list.Any(f => f.Entry < 0));
    }

    // Chromium upgrades an http image on an https page to https (mixed content): the same image.
    private static string WithoutScheme(string url) =>
        url.StartsWith("http://", StringComparison.Ordinal) ? url[5..] : url.StartsWith("https://", StringComparison.Ordinal) ? url[6..] : url;

    /// <summary>The reader's page for one batch, joined as strings the way a reader that trusts its content does.</summary>
    internal static string BuildPage(IReadOnlyList<string> batch)
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Reader</title><style>")
            .Append(Style).Append("</style><script>").Append(Script).Append("</script></head><body data-count=\"")
            .Append(batch.Count).Append("\"><header class=\"reader-bar\"></header><main>");
        for (int i = 0; i < batch.Count; i++)
        {
            string n = i.ToString(CultureInfo.InvariantCulture);
            page.Append("<article class=\"item\" data-i=\"").Append(n).Append("\"><div class=\"item-head\">")
                .Append("<button type=\"button\" class=\"reader-control\" id=\"settings-").Append(n).Append("\" data-i=\"").Append(n).Append("\">Reader settings</button></div>")
                .Append("<div class=\"row\"><div class=\"entry\" data-i=\"").Append(n).Append("\">")
                .Append(batch[i])
                .Append("</div><div class=\"side\"><button type=\"button\" class=\"reader-control\" id=\"star-").Append(n).Append("\" data-i=\"").Append(n).Append("\">Star</button></div></div>")
                .Append("<div class=\"item-foot\"><button type=\"button\" class=\"reader-control\" id=\"read-").Append(n).Append("\" data-i=\"").Append(n).Append("\">Mark as read</button></div></article>");
        }

        page.Append("</main></body></html>");
        return page.ToString();
    }

    private sealed class JudgeResult
    {
        public JudgedFinding[] Findings { get; set; } = [];

        public string[] Allowed { get; set; } = [];
    }

    private sealed class JudgedFinding
    {
        public int Entry { get; set; }

        public string Kind { get; set; } = string.Empty;

        public string Detail { get; set; } = string.Empty;
    }

    private sealed class ClickTarget
    {
        public string Id { get; set; } = string.Empty;

        public int Item { get; set; }

        public double X { get; set; }

        public double Y { get; set; }
    }

    private sealed class ClickRecord
    {
        public string? Control { get; set; }

        public string? Link { get; set; }

        public int Item { get; set; }

        public string Tag { get; set; } = string.Empty;
    }
}
