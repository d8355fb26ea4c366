using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Feed.Tool.Conventions;

/// <summary>Fills <c>:name</c> placeholders (the form Jekyll, Hugo and Hexo share), and the date values they have in common.</summary>
internal static partial class PermalinkTokens
{
    /// <summary>Replaces every <c>:name</c> (letters, digits and <c>_</c>; Hugo's slices such as <c>:sections[1:]</c> included).</summary>
    /// <param name="template">The template.</param>
    /// <param name="value">The value of a name, or <see langword="null"/> when the name is unknown (left as written).</param>
    /// <returns>The filled template.</returns>
    public static string Fill(string template, Func<string, string?> value) =>
        Token().Replace(template, match =>
        {
            string name = match.Groups["name"].Value + match.Groups["slice"].Value;
            string? v = value(name);

            // Jekyll's rule (url.rb, generate_url_from_drop): ':month_:day' is ':month' then '_:day'.
            if (v is null && name.EndsWith('_') && value(name[..^1]) is { } shorter)
            {
                return shorter + "_";
            }

            return v ?? match.Value;
        });

    /// <summary>The names a template uses, in order.</summary>
    /// <param name="template">The template.</param>
    /// <returns>The names (with Hugo slices), without their colon.</returns>
    public static IEnumerable<string> Names(string template) =>
        Token().Matches(template).Select(m => m.Groups["name"].Value + m.Groups["slice"].Value);

    /// <summary>Checks that every name of <paramref name="template"/> is known.</summary>
    /// <param name="template">The template.</param>
    /// <param name="known">Whether a name is known.</param>
    /// <param name="generator">The generator, for the message.</param>
    /// <param name="list">The names to list in the message.</param>
    /// <returns>An error sentence, or <see langword="null"/>.</returns>
    public static string? Check(string template, Func<string, bool> known, string generator, string list)
    {
        foreach (string name in Names(template))
        {
            if (!known(name) && !(name.EndsWith('_') && known(name[..^1])))
            {
                return $"the permalink '{template}' uses ':{name}', which {generator} does not have; the placeholders are {list}.";
            }
        }

        return null;
    }

    /// <summary>Formats a number with <paramref name="digits"/> digits, invariantly.</summary>
    public static string Digits(int value, int digits) => value.ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The English month names (strftime %B, Go's January, moment's MMMM): invariant, never the machine's culture.</summary>
    public static string MonthName(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);

    /// <summary>The English day names.</summary>
    public static string DayName(DayOfWeek day) => CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(day);

    /// <summary>ISO 8601 week-numbering year and week (strftime %G and %V).</summary>
    public static (int Year, int Week) IsoWeek(DateTimeOffset date) =>
        (ISOWeek.GetYear(date.DateTime), ISOWeek.GetWeekOfYear(date.DateTime));

    /// <summary>Joins path values with <c>/</c> and squeezes repeated slashes, as every generator's URL builder does.</summary>
    public static string Squeeze(string path)
    {
        var text = new StringBuilder(path.Length);
        foreach (char c in path)
        {
            if (c == '/' && text.Length > 0 && text[^1] == '/')
            {
                continue;
            }

            text.Append(c);
        }

        return text.ToString();
    }

    [GeneratedRegex(@":(?<name>[A-Za-z0-9_]+)(?<slice>\[[0-9a-z:]*\])?", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Token();
}
