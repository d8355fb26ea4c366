using System.Globalization;
using System.Text;

namespace Feed.Liquid;

/// <summary>
/// Liquid's <c>date</c> filter without the machine: dates are read as RFC 3339 and written in their own offset with a
/// strftime pattern (Ruby's <c>Time#strftime</c>, which Liquid's filter is) in English, with no culture data and no
/// conversion to the machine's time zone. Written by hand because Scriban's own filter converts every date with an
/// offset to the machine's local time.
/// </summary>
/// <remarks>
/// Supported: <c>%Y %C %y %m %B %b %h %d %e %j %H %I %l %M %S %L %p %P %A %a %u %w %z %Z %F %D %T %R %r %c %x %X %s %n %t %%</c>,
/// with the flags <c>-</c> (no padding), <c>_</c> (space padding), <c>0</c> (zero padding) and <c>^</c> (upper case).
/// Anything else is written as it is.
/// </remarks>
internal static class LiquidDates
{
    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] Days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    /// <summary>Reads an RFC 3339 date-time or a plain date (midnight UTC), keeping its offset.</summary>
    public static bool TryParse(string text, out DateTimeOffset date)
    {
        string[] formats =
        [
            "yyyy'-'MM'-'dd'T'HH':'mm':'ssK", "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK", "yyyy'-'MM'-'dd'T'HH':'mmK",
            "yyyy'-'MM'-'dd' 'HH':'mm':'ssK", "yyyy'-'MM'-'dd",
        ];
        return DateTimeOffset.TryParseExact(
            text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out date);
    }

    /// <summary>Formats <paramref name="date"/> with a strftime pattern.</summary>
    public static string Format(DateTimeOffset date, string pattern)
    {
        var text = new StringBuilder(pattern.Length * 2);
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c != '%' || i + 1 >= pattern.Length)
            {
                text.Append(c);
                continue;
            }

            int start = i;
            char flag = '\0';
            if (pattern[i + 1] is '-' or '_' or '0' or '^' && i + 2 < pattern.Length)
            {
                flag = pattern[++i];
            }

            string? field = Field(date, pattern[++i], flag);
            text.Append(field ?? pattern[start..(i + 1)]);
        }

        return text.ToString();
    }

    private static string? Field(DateTimeOffset d, char conversion, char flag)
    {
        string? value = conversion switch
        {
            'Y' => Number(d.Year, 4, flag),
            'C' => Number(d.Year / 100, 2, flag),
            'y' => Number(d.Year % 100, 2, flag),
            'm' => Number(d.Month, 2, flag),
            'B' => Months[d.Month - 1],
            'b' or 'h' => Months[d.Month - 1][..3],
            'd' => Number(d.Day, 2, flag),
            'e' => Number(d.Day, 2, flag == '\0' ? '_' : flag),
            'j' => Number(d.DayOfYear, 3, flag),
            'H' => Number(d.Hour, 2, flag),
            'k' => Number(d.Hour, 2, flag == '\0' ? '_' : flag),
            'I' => Number(Hour12(d.Hour), 2, flag),
            'l' => Number(Hour12(d.Hour), 2, flag == '\0' ? '_' : flag),
            'M' => Number(d.Minute, 2, flag),
            'S' => Number(d.Second, 2, flag),
            'L' => Number(d.Millisecond, 3, flag),
            'p' => d.Hour < 12 ? "AM" : "PM",
            'P' => d.Hour < 12 ? "am" : "pm",
            'A' => Days[(int)d.DayOfWeek],
            'a' => Days[(int)d.DayOfWeek][..3],
            'u' => (d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek).ToString(CultureInfo.InvariantCulture),
            'w' => ((int)d.DayOfWeek).ToString(CultureInfo.InvariantCulture),
            'z' => Offset(d.Offset, colon: false),
            'Z' => d.Offset == TimeSpan.Zero ? "UTC" : Offset(d.Offset, colon: true),
            'F' => Format(d, "%Y-%m-%d"),
            'D' or 'x' => Format(d, "%m/%d/%y"),
            'T' or 'X' => Format(d, "%H:%M:%S"),
            'R' => Format(d, "%H:%M"),
            'r' => Format(d, "%I:%M:%S %p"),
            'c' => Format(d, "%a %b %e %H:%M:%S %Y"),
            's' => d.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            'n' => "\n",
            't' => "\t",
            '%' => "%",
            _ => null,
        };
        return value is not null && flag == '^' ? value.ToUpperInvariant() : value;
    }

    private static int Hour12(int hour) => hour % 12 == 0 ? 12 : hour % 12;

    private static string Number(int value, int width, char flag) => flag switch
    {
        '-' => value.ToString(CultureInfo.InvariantCulture),
        '_' => value.ToString(CultureInfo.InvariantCulture).PadLeft(width, ' '),
        _ => value.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'),
    };

    private static string Offset(TimeSpan offset, bool colon)
    {
        string sign = offset < TimeSpan.Zero ? "-" : "+";
        TimeSpan a = offset.Duration();
        return sign + a.Hours.ToString("00", CultureInfo.InvariantCulture) + (colon ? ":" : string.Empty) + a.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }
}
