using System.Globalization;
using System.Text.RegularExpressions;

namespace Feed.Tool.Posts;

/// <summary>
/// Parses the date forms YAML allows (YAML 1.1 timestamp, which is what front matter in the wild uses):
/// <c>2025-03-02</c>, <c>2025-03-02 13:15</c>, <c>2025-03-02T13:15:00</c>, <c>2025-03-02T13:15:00.5Z</c>,
/// <c>2025-03-02 13:15:00 +08:00</c>, <c>2025-03-02T13:15:00+0800</c>.
/// </summary>
/// <remarks>
/// A date or time without an offset is read in the given time zone (UTC unless the config says otherwise). A local
/// time that does not exist in that zone (skipped by a daylight-saving change) is an error rather than a guess; an
/// ambiguous one (repeated by the change) takes the zone's standard offset, which is what
/// <see cref="TimeZoneInfo.GetUtcOffset(DateTime)"/> answers.
/// </remarks>
internal static partial class PostDates
{
    /// <summary>Parses a front-matter date.</summary>
    /// <param name="text">The scalar's text.</param>
    /// <param name="zone">The zone for values without an offset.</param>
    /// <param name="value">The instant, with the offset written or the zone's offset.</param>
    /// <param name="error">Why it failed, as a sentence fragment.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public static bool TryParse(string text, TimeZoneInfo zone, out DateTimeOffset value, out string? error) =>
        TryParse(text, zone, requireOffset: false, out value, out error);

    /// <summary>Parses an RFC 3339 date-time (the <c>--now</c> flag): the time and the offset are required.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The instant.</param>
    /// <param name="error">Why it failed.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public static bool TryParseRfc3339(string text, out DateTimeOffset value, out string? error) =>
        TryParse(text, TimeZoneInfo.Utc, requireOffset: true, out value, out error);

    /// <summary>
    /// Parses a front-matter date as a site generator reads it: every form of <see cref="TryParse(string, TimeZoneInfo, out DateTimeOffset, out string?)"/>,
    /// and the other forms the generators accept: <c>2025/03/02 13:15</c> (Hexo's JavaScript dates), RFC 822/1123
    /// (<c>Sun, 02 Mar 2025 13:15:00 +0800</c>, Hugo and Ruby), <c>02 Jan 2006</c> and <c>January 2, 2006</c>, and Go's
    /// <c>2006-01-02 15:04:05 -0700 MST</c>. With <paramref name="ignoreTrailing"/> (Jekyll: Ruby's <c>Time.parse</c>),
    /// a date and time followed by more text is read up to the time and its offset, and the rest ignored, as Ruby does:
    /// <c>2023-01-29 18:30:22 2023 -0800</c> is 18:30:22 in the site's zone (the year and offset after it are not read).
    /// </summary>
    /// <param name="text">The scalar's text.</param>
    /// <param name="zone">The zone for values without an offset.</param>
    /// <param name="ignoreTrailing">Whether text after a complete date and time is ignored.</param>
    /// <param name="value">The instant.</param>
    /// <param name="error">Why it failed.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public static bool TryParseLenient(string text, TimeZoneInfo zone, bool ignoreTrailing, out DateTimeOffset value, out string? error)
    {
        string trimmed = text.Trim();
        if (DatePattern().Match(trimmed) is { Success: true } iso)
        {
            return FromMatch(text, iso, zone, out value, out error);
        }

        if (SlashPattern().Match(trimmed) is { Success: true } slash)
        {
            return FromMatch(text, slash, zone, out value, out error);
        }

        if (NamedMonthPattern().Match(trimmed) is { Success: true } named)
        {
            return FromMatch(text, named, zone, out value, out error);
        }

        if (GoStringPattern().Match(trimmed) is { Success: true } go)
        {
            return FromMatch(text, go, zone, out value, out error);
        }

        if (ignoreTrailing && RubyPattern().Match(trimmed) is { Success: true } ruby)
        {
            return FromMatch(text, ruby, zone, out value, out error);
        }

        value = default;
        error = $"'{text}' is not a date such as 2025-03-02, 2025-03-02 13:15, 2025-03-02T13:15:00+08:00 or 'Sun, 02 Mar 2025 13:15:00 +0800'";
        return false;
    }

    private static bool TryParse(string text, TimeZoneInfo zone, bool requireOffset, out DateTimeOffset value, out string? error)
    {
        value = default;
        Match m = DatePattern().Match(text.Trim());
        if (!m.Success || (requireOffset && (!m.Groups["hour"].Success || !m.Groups["offset"].Success)))
        {
            error = requireOffset
                ? $"'{text}' is not an RFC 3339 date-time such as 2025-03-02T13:15:00Z or 2025-03-02T21:15:00+08:00"
                : $"'{text}' is not a date such as 2025-03-02, 2025-03-02 13:15 or 2025-03-02T13:15:00+08:00";
            return false;
        }

        return FromMatch(text, m, zone, out value, out error);
    }

    private static bool FromMatch(string text, Match m, TimeZoneInfo zone, out DateTimeOffset value, out string? error)
    {
        value = default;
        int year = Int(m, "year"), day = Int(m, "day");
        int month = m.Groups["month"].Success ? Int(m, "month") : MonthOf(m.Groups["monthname"].Value);
        int hour = m.Groups["hour"].Success ? Int(m, "hour") : 0;
        int minute = m.Groups["minute"].Success ? Int(m, "minute") : 0;
        int second = m.Groups["second"].Success ? Int(m, "second") : 0;
        long fractionTicks = 0;
        if (m.Groups["fraction"].Success)
        {
            // Ticks are 100 ns: keep seven digits, drop the rest (finer than any feed date can say).
            string digits = m.Groups["fraction"].Value.PadRight(7, '0')[..7];
            fractionTicks = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            error = $"'{text}' is not a valid calendar date and time";
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        string outOfRange = $"'{text}' is outside the range of dates (0001-01-01 to 9999-12-31 in UTC)";
        TimeSpan offset;
        if (m.Groups["offset"].Success)
        {
            string o = m.Groups["offset"].Value;
            if (o.Length > 3 && (o.StartsWith("UTC", StringComparison.OrdinalIgnoreCase) || o.StartsWith("GMT", StringComparison.OrdinalIgnoreCase)))
            {
                o = o[3..];
            }

            if (NamedOffset(o) is { } named)
            {
                offset = named;
            }
            else if (o[0] is not ('+' or '-'))
            {
                error = $"'{text}' names the time zone '{o}', which has no fixed offset; write the offset (+09:00)";
                return false;
            }
            else
            {
                int sign = o[0] == '-' ? -1 : 1;
                string digits = o[1..].Replace(":", "", StringComparison.Ordinal);
                int oh = int.Parse(digits.Length <= 2 ? digits : digits[..^2], NumberStyles.None, CultureInfo.InvariantCulture);
                int om = digits.Length <= 2 ? 0 : int.Parse(digits[^2..], NumberStyles.None, CultureInfo.InvariantCulture);
                if (oh > 14 || om > 59 || (oh == 14 && om > 0))
                {
                    error = $"'{text}' has an offset out of range (at most ±14:00)";
                    return false;
                }

                offset = new TimeSpan(sign * oh, sign * om, 0);
            }
        }
        else
        {
            try
            {
                if (zone.IsInvalidTime(local))
                {
                    error = $"'{text}' does not exist in the time zone {zone.Id} (skipped by a daylight-saving change); write the offset";
                    return false;
                }

                offset = zone.GetUtcOffset(local);
            }
            catch (ArgumentException)
            {
                // A zone's rules near year 1 or 9999 can put the UTC time outside DateTime's range.
                error = outOfRange;
                return false;
            }
        }

        // The instant must exist in UTC (0001-01-01 at +08:00 does not), and must not be 0001-01-01T00:00:00Z:
        // that is the value of an unset date, which the library rejects rather than date a post by the clock.
        long utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            error = outOfRange;
            return false;
        }

        if (utcTicks == DateTime.MinValue.Ticks)
        {
            error = $"'{text}' is 0001-01-01T00:00:00Z, the value of a date that was never set; write the post's real date";
            return false;
        }

        value = new DateTimeOffset(local, offset);
        error = null;
        return true;
    }

    // RFC 822 §5.1 zone names (and Z), the ones Ruby's Time.parse and Go's RFC1123 read as fixed offsets.
    private static TimeSpan? NamedOffset(string zone) => zone.ToUpperInvariant() switch
    {
        "Z" or "UT" or "UTC" or "GMT" => TimeSpan.Zero,
        "EST" => TimeSpan.FromHours(-5),
        "EDT" => TimeSpan.FromHours(-4),
        "CST" => TimeSpan.FromHours(-6),
        "CDT" => TimeSpan.FromHours(-5),
        "MST" => TimeSpan.FromHours(-7),
        "MDT" => TimeSpan.FromHours(-6),
        "PST" => TimeSpan.FromHours(-8),
        "PDT" => TimeSpan.FromHours(-7),
        _ => null,
    };

    private static int MonthOf(string name)
    {
        for (int month = 1; month <= 12; month++)
        {
            string full = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
            if (name.Equals(full, StringComparison.OrdinalIgnoreCase) || (name.Length == 3 && full.StartsWith(name, StringComparison.OrdinalIgnoreCase))
                || (name.Length == 4 && name.EndsWith('.') && full.StartsWith(name[..3], StringComparison.OrdinalIgnoreCase)))
            {
                return month;
            }
        }

        return 0;
    }

    private static int Int(Match m, string group) =>
        int.Parse(m.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    // YAML 1.1 timestamp (https://yaml.org/type/timestamp.html), relaxed to allow missing seconds ("13:15"), as
    // people write them; RFC 3339 is the subset with 'T' and an offset.
    [GeneratedRegex(
        @"^(?<year>[0-9]{4})-(?<month>[0-9]{1,2})-(?<day>[0-9]{1,2})" +
        @"(?:(?:[Tt]|[ \t]+)(?<hour>[0-9]{1,2}):(?<minute>[0-9]{2})(?::(?<second>[0-9]{2})(?:\.(?<fraction>[0-9]+))?)?" +
        @"(?:[ \t]*(?<offset>[Zz]|[+-][0-9]{1,2}(?::?[0-9]{2})?))?)?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DatePattern();

    // 2025/03/02, 2025/3/2 13:15:00 (JavaScript's Date, which Hexo's moment falls back to).
    [GeneratedRegex(
        @"^(?<year>[0-9]{4})/(?<month>[0-9]{1,2})/(?<day>[0-9]{1,2})" +
        @"(?:[ \t]+(?<hour>[0-9]{1,2}):(?<minute>[0-9]{2})(?::(?<second>[0-9]{2})(?:\.(?<fraction>[0-9]+))?)?" +
        @"(?:[ \t]*(?<offset>[Zz]|[+-][0-9]{1,2}(?::?[0-9]{2})?))?)?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex SlashPattern();

    // RFC 822/1123/2822 and their kin: "Sun, 02 Mar 2025 13:15:00 +0800", "02 Jan 2006", "Jan 2, 2006", "January 2, 2006 3:04".
    [GeneratedRegex(
        @"^(?:[A-Za-z]{3,9},?[ \t]+)?(?:(?<day>[0-9]{1,2})[ \t]+(?<monthname>[A-Za-z]{3,9}\.?)|(?<monthname>[A-Za-z]{3,9}\.?)[ \t]+(?<day>[0-9]{1,2}),?)[ \t]+(?<year>[0-9]{4})" +
        @"(?:[ \t]+(?<hour>[0-9]{1,2}):(?<minute>[0-9]{2})(?::(?<second>[0-9]{2})(?:\.(?<fraction>[0-9]+))?)?" +
        @"(?:[ \t]*(?<offset>[+-][0-9]{2}:?[0-9]{2}|[A-Za-z]{1,3}T|UT|Z))?)?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NamedMonthPattern();

    // Go's time.Time.String(): "2006-01-02 15:04:05.999999999 -0700 MST" (a zone abbreviation after the offset).
    [GeneratedRegex(
        @"^(?<year>[0-9]{4})-(?<month>[0-9]{1,2})-(?<day>[0-9]{1,2})[ \t]+(?<hour>[0-9]{1,2}):(?<minute>[0-9]{2}):(?<second>[0-9]{2})(?:\.(?<fraction>[0-9]+))?" +
        @"[ \t]*(?<offset>[+-][0-9]{2}:?[0-9]{2})[ \t]+[A-Za-z][A-Za-z0-9+-]{1,5}$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex GoStringPattern();

    // Ruby's Time.parse (Jekyll's Utils.parse_date): a date and time, the offset only when right after the time, and
    // whatever follows ignored (Date._parse reads the parts it knows and leaves the rest).
    [GeneratedRegex(
        @"^(?<year>[0-9]{4})-(?<month>[0-9]{1,2})-(?<day>[0-9]{1,2})(?:[Tt]|[ \t]+)(?<hour>[0-9]{1,2}):(?<minute>[0-9]{2})(?::(?<second>[0-9]{2})(?:\.(?<fraction>[0-9]+))?)?" +
        @"(?:[ \t]*(?<offset>[Zz]\b|(?:UTC|GMT)?[+-][0-9]{1,2}(?::?[0-9]{2})?\b|UTC\b|GMT\b))?(?:[ \t].*)?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex RubyPattern();
}
