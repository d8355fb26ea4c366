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

        int year = Int(m, "year"), month = Int(m, "month"), day = Int(m, "day");
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
            if (o is "Z" or "z")
            {
                offset = TimeSpan.Zero;
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
}
