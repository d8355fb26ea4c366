using System.Globalization;
using CsCheck;
using Feed.Tool.Posts;

namespace Feed.Tool.Tests.Posts;

public sealed class PostDatesTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    [Theory]
    [InlineData("2025-03-02", "2025-03-02T00:00:00.0000000+00:00")]
    [InlineData("2025-3-2", "2025-03-02T00:00:00.0000000+00:00")]
    [InlineData("2025-03-02 13:15", "2025-03-02T13:15:00.0000000+00:00")]
    [InlineData("2025-03-02 13:15:07", "2025-03-02T13:15:07.0000000+00:00")]
    [InlineData("2025-03-02T13:15:07Z", "2025-03-02T13:15:07.0000000+00:00")]
    [InlineData("2025-03-02t13:15:07z", "2025-03-02T13:15:07.0000000+00:00")]
    [InlineData("2025-03-02T13:15:07.25Z", "2025-03-02T13:15:07.2500000+00:00")]
    [InlineData("2025-03-02T13:15:07.123456789Z", "2025-03-02T13:15:07.1234567+00:00")]
    [InlineData("2025-03-02T21:15:00+08:00", "2025-03-02T21:15:00.0000000+08:00")]
    [InlineData("2025-03-02 21:15:00 +08:00", "2025-03-02T21:15:00.0000000+08:00")]
    [InlineData("2025-03-02T21:15:00+0800", "2025-03-02T21:15:00.0000000+08:00")]
    [InlineData("2025-03-02T08:15:00-5", "2025-03-02T08:15:00.0000000-05:00")]
    [InlineData("2024-02-29", "2024-02-29T00:00:00.0000000+00:00")]
    public void Parses_the_forms_yaml_allows(string text, string expected)
    {
        PostDates.TryParse(text, Utc, out DateTimeOffset value, out string? error).ShouldBeTrue(error);
        value.ToString("O", CultureInfo.InvariantCulture).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2025-02-29")]
    [InlineData("2025-13-01")]
    [InlineData("2025-00-10")]
    [InlineData("2025-03-02T24:00:00Z")]
    [InlineData("2025-03-02T12:60:00Z")]
    [InlineData("2025-03-02T12:00:00+15:00")]
    [InlineData("02/03/2025")]
    [InlineData("yesterday")]
    [InlineData("2025-03-02T")]
    [InlineData("")]
    public void Rejects_what_is_not_a_date(string text) =>
        PostDates.TryParse(text, Utc, out _, out _).ShouldBeFalse();

    [Fact]
    public void Dates_without_an_offset_take_the_zones_offset()
    {
        TimeZoneInfo shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        PostDates.TryParse("2025-03-02 08:00", shanghai, out DateTimeOffset value, out _).ShouldBeTrue();
        value.Offset.ShouldBe(TimeSpan.FromHours(8));
        value.UtcDateTime.ShouldBe(new DateTime(2025, 3, 2, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void A_local_time_skipped_by_daylight_saving_is_an_error()
    {
        TimeZoneInfo berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        PostDates.TryParse("2025-03-30 02:30", berlin, out _, out string? error).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain("daylight-saving");
    }

    [Theory]
    [InlineData("2025-03-02T13:15:00Z")]
    [InlineData("2025-03-02T13:15:00.5+01:00")]
    [InlineData("2025-03-02 13:15:00z")]
    public void Now_accepts_rfc3339(string text) => PostDates.TryParseRfc3339(text, out _, out _).ShouldBeTrue();

    [Theory]
    [InlineData("2025-03-02")]
    [InlineData("2025-03-02T13:15:00")]
    public void Now_requires_a_time_and_an_offset(string text) => PostDates.TryParseRfc3339(text, out _, out _).ShouldBeFalse();

    [Fact]
    public void Any_instant_written_as_rfc3339_parses_back_to_itself()
    {
        Gen.Select(Gen.Int[2, 9998], Gen.Int[1, 12], Gen.Int[1, 28], Gen.Int[0, 86_399], Gen.Int[0, 9_999_999], Gen.Int[-14 * 60, 14 * 60])
            .Sample((year, month, day, second, ticks, offsetMinutes) =>
            {
                var original = new DateTimeOffset(new DateTime(year, month, day).AddSeconds(second).AddTicks(ticks), TimeSpan.FromMinutes(offsetMinutes));
                string text = original.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);
                return PostDates.TryParseRfc3339(text, out DateTimeOffset parsed, out _) && parsed == original && parsed.Offset == original.Offset;
            });
    }
}
