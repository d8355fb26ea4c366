using System.Security.Cryptography;
using System.Text;

namespace Feed.Writers.Html;

/// <summary>
/// The default page's one style sheet, written inline (no request leaves the page): system fonts only, light and dark
/// (<c>prefers-color-scheme</c>), a readable measure, a taller line for Chinese, Japanese and Korean text, and targets
/// of at least 44 CSS pixels in the page navigation (WCAG 2.2 §2.5.8 asks 24).
/// </summary>
/// <remarks>
/// Colours meet WCAG 2.2 AA contrast (§1.4.3) in both schemes; the lowest pair is the muted text of a tag on its chip,
/// 6.4:1 in light and 7.0:1 in dark. Links in running text keep their underline (§1.4.1).
/// </remarks>
internal static class HtmlStyle
{
    public const string Css =
        ":root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1b;--muted:#575757;--link:#0b57d0;--visited:#6a1b9a;--rule:#d9d9d9;--chip:#f1f3f4;--focus:#b3261e}" +
        "@media (prefers-color-scheme:dark){:root{--bg:#121212;--fg:#e8e8e8;--muted:#b0b0b0;--link:#8ab4f8;--visited:#d7aefb;--rule:#3a3a3a;--chip:#262626;--focus:#f2b8b5}}" +
        "*{box-sizing:border-box}" +
        "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}" +
        "body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.6 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",\"Helvetica Neue\",Arial,\"PingFang SC\",\"Hiragino Sans\",\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;overflow-wrap:break-word}" +
        ":lang(zh),:lang(ja),:lang(ko){line-height:1.8}" +
        "header,main,nav,footer{max-width:44rem;margin:0 auto;padding:0 1.25rem}" +
        "header{padding-top:2.5rem;padding-bottom:1rem;border-bottom:1px solid var(--rule)}" +
        "h1{font-size:1.75rem;line-height:1.25;margin:0 0 .5rem}" +
        "h1 a,h1 a:visited{color:inherit;text-decoration:none}" +
        "header p{margin:0;color:var(--muted)}" +
        "article{padding:1.5rem 0;border-bottom:1px solid var(--rule)}" +
        "h2{font-size:1.3rem;line-height:1.35;margin:0 0 .25rem}" +
        "a{color:var(--link);text-underline-offset:.15em}" +
        "a:visited{color:var(--visited)}" +
        "a:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:2px}" +
        ".meta{margin:0 0 .5rem;color:var(--muted);font-size:.9375rem}" +
        ".excerpt,.empty{margin:0}" +
        ".tags{list-style:none;margin:.75rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.375rem}" +
        ".tags li{background:var(--chip);border-radius:1rem;padding:.125rem .625rem;font-size:.875rem;color:var(--muted)}" +
        "nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.375rem;justify-content:center;margin:0;padding:1.5rem 0}" +
        "nav a,nav span{display:inline-flex;min-width:2.75rem;min-height:2.75rem;align-items:center;justify-content:center;padding:0 .5rem;border-radius:.5rem;text-decoration:none}" +
        "nav a,nav a:visited{color:var(--link);border:1px solid var(--rule)}" +
        "nav a[aria-current]{background:var(--fg);color:var(--bg);border-color:var(--fg)}" +
        "footer{padding-top:1rem;padding-bottom:2.5rem;color:var(--muted);font-size:.9375rem}" +
        "footer p{margin:.25rem 0}";

    /// <summary>
    /// Gets the CSP source of <see cref="Css"/>, <c>'sha256-…'</c> (CSP Level 3 §8.4 "hash-source"), so the page's
    /// policy can forbid every other style, script and request.
    /// </summary>
    public static string CspHash { get; } = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css))) + "'";
}
