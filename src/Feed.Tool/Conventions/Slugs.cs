using System.Globalization;
using System.Text;

namespace Feed.Tool.Conventions;

/// <summary>The slug and URL-path rules of each generator, written from their sources (cited at each method).</summary>
internal static class Slugs
{
    /// <summary>
    /// Jekyll's <c>Utils.slugify</c> (jekyll/lib/jekyll/utils.rb) in its <c>default</c> and <c>pretty</c> modes: every run
    /// of characters that are not letters, marks or decimal digits (pretty: nor <c>._~!$&amp;'()+,;=@</c>) becomes one
    /// <c>-</c>, a leading and a trailing <c>-</c> are dropped, and the result is lower-cased unless <paramref name="cased"/>.
    /// </summary>
    public static string Jekyll(string text, bool pretty, bool cased)
    {
        var slug = new StringBuilder(text.Length);
        bool dash = false;
        foreach (Rune rune in text.EnumerateRunes())
        {
            UnicodeCategory category = Rune.GetUnicodeCategory(rune);
            bool keep = Rune.IsLetter(rune) || category is UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                || (pretty && rune.Value < 128 && "._~!$&'()+,;=@".Contains((char)rune.Value, StringComparison.Ordinal));
            if (!keep)
            {
                if (!dash)
                {
                    slug.Append('-');
                    dash = true;
                }

                continue;
            }

            slug.Append(cased ? rune.ToString() : Rune.ToLowerInvariant(rune).ToString());
            dash = false;
        }

        // slug.gsub!(%r!^-|-$!i, ""): one dash at each end.
        string result = slug.ToString();
        if (result.StartsWith('-'))
        {
            result = result[1..];
        }

        return result.EndsWith('-') ? result[..^1] : result;
    }

    /// <summary>
    /// Hugo's <c>urlize</c> of a title or slug (helpers.PathSpec.MakePathSanitized): spaces become <c>-</c>, characters
    /// that are not letters, digits, marks or one of <c>._-/\#+~</c> are dropped, and the result is lower-cased
    /// (Hugo's default, <c>disablePathToLower = false</c>).
    /// </summary>
    public static string Hugo(string text)
    {
        var path = new StringBuilder(text.Length);
        foreach (Rune rune in text.Trim().EnumerateRunes())
        {
            UnicodeCategory category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsWhiteSpace(rune))
            {
                path.Append('-');
            }
            else if (Rune.IsLetterOrDigit(rune) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                     || (rune.Value < 128 && "._-/\\#+~%".Contains((char)rune.Value, StringComparison.Ordinal)))
            {
                path.Append(Rune.ToLowerInvariant(rune).ToString());
            }
        }

        return path.ToString();
    }

    /// <summary>
    /// Hexo's <c>slugize</c> (hexo-util, lib/slugize.ts): every run of whitespace, control characters and
    /// <c>~`!@#$%^&amp;*()-_+=[]{}|\;:"'&lt;&gt;,.?/</c> becomes one <c>-</c>, none at either end; <paramref name="lower"/>
    /// is its <c>transform: 1</c>.
    /// </summary>
    public static string Hexo(string text, bool lower)
    {
        const string special = "~`!@#$%^&*()-_+=[]{}|\\;:\"'<>,.?/";
        var slug = new StringBuilder(text.Length);
        bool dash = false;
        foreach (Rune rune in text.EnumerateRunes())
        {
            bool separator = Rune.IsWhiteSpace(rune) || Rune.IsControl(rune)
                || (rune.Value < 128 && special.Contains((char)rune.Value, StringComparison.Ordinal));
            if (separator)
            {
                dash = slug.Length > 0;
                continue;
            }

            if (dash)
            {
                slug.Append('-');
                dash = false;
            }

            slug.Append(lower ? Rune.ToLowerInvariant(rune).ToString() : rune.ToString());
        }

        return slug.ToString();
    }

    /// <summary>
    /// Escapes a value for a URL path, as Jekyll's <c>URL.escape_path</c> does (RFC 3986 §3.3 <c>pchar</c> and <c>/</c>
    /// kept; everything else, <c>%</c> and non-ASCII included, percent-encoded as UTF-8).
    /// </summary>
    public static string EscapePath(string value)
    {
        var text = new StringBuilder(value.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (Rune rune in value.EnumerateRunes())
        {
            if (rune.Value < 128 && (char.IsAsciiLetterOrDigit((char)rune.Value) || "-._~!$&'()*+,;=:@/".Contains((char)rune.Value, StringComparison.Ordinal)))
            {
                text.Append((char)rune.Value);
                continue;
            }

            int count = rune.EncodeToUtf8(bytes);
            foreach (byte b in bytes[..count])
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
