using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Feed.Entries;
using Feed.Paging;
using Feed.Tests.Support;
using Feed.Writers;

namespace Feed.Tests.Writers;

/// <summary>
/// No output depends on the clock. The library reads none, but System.ServiceModel.Syndication's formatters write
/// <c>DateTimeOffset.UtcNow</c> for a date left at <see langword="default"/>: such dates are rejected before they can
/// reach them, and the same posts written at two different wall-clock times give the same bytes.
/// </summary>
public sealed partial class ClockFreeTests
{
    // The edges of the range: the first instant after default(DateTimeOffset) and the last one, each also written with
    // the most extreme offsets, next to ordinary dates.
    private static readonly DateTimeOffset[] Dates =
    [
        new(1, 1, 1, 0, 0, 1, TimeSpan.Zero),
        new(1, 1, 1, 0, 0, 0, TimeSpan.FromHours(-14)),
        new(2025, 3, 2, 13, 15, 0, TimeSpan.FromHours(8)),
        new(9999, 12, 31, 23, 59, 59, TimeSpan.FromHours(14)),
        DateTimeOffset.MaxValue,
    ];

    private static FeedPost[] EdgePosts() =>
    [
        .. Dates.Select((date, i) => TestData.Post(i + 1) with { Published = date }),
        TestData.Post(10) with { Published = Dates[0], Updated = DateTimeOffset.MaxValue },
    ];

    [Fact]
    public void The_same_posts_give_the_same_bytes_at_two_different_wall_clock_times()
    {
        FeedOptions empty = TestData.Options(pageSize: 2);
        FeedOptions dated = TestData.Options(pageSize: 2);
        dated.EmptyFeedUpdated = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        FeedOptions archive = TestData.Options(pageSize: 2, archive: true);

        string first = WriteEverything([empty, dated, archive]);
        WaitForTheNextSecond(); // every date is written to the second: a leaked clock would now differ
        string second = WriteEverything([empty, dated, archive]);

        second.ShouldBe(first);
    }

    [Fact]
    public void Every_date_written_is_a_date_of_the_input()
    {
        var generator = new FeedGenerator(TestData.Options(pageSize: 3));
        FeedPost[] posts = EdgePosts();
        var allowed = new HashSet<DateTimeOffset>(posts.SelectMany(p => new[] { p.Published, p.EffectiveUpdated }).Select(Seconds));
        foreach (FeedFormat format in Enum.GetValues<FeedFormat>())
        {
            foreach (FeedDocument document in generator.CreateDocuments(format, posts))
            {
                string body = generator.WriteToString(document);
                string[] written = format switch
                {
                    FeedFormat.Json => [.. System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray()
                        .SelectMany(item => new[] { item.GetProperty("date_published").GetString()!, item.GetProperty("date_modified").GetString()! })],
                    FeedFormat.Html => [.. Regex.Matches(body, "<time datetime=\"([^\"]+)\"").Select(m => m.Groups[1].Value)],
                    _ => [.. XDocument.Parse(body).Descendants()
                        .Where(e => e.Name.LocalName is "pubDate" or "lastBuildDate" or "updated" or "published")
                        .Select(e => e.Value)],
                };
                written.ShouldNotBeEmpty();
                foreach (string text in written)
                {
                    allowed.ShouldContain(Seconds(ParseDate(text)), $"{format} wrote {text}");
                }
            }
        }
    }

    [Fact]
    public void A_post_without_a_published_date_is_rejected_naming_the_post()
    {
        var generator = new FeedGenerator(TestData.Options());
        FeedPost undated = TestData.Post(1) with { Published = default };
        ArgumentException error = Should.Throw<ArgumentException>(() => generator.CreateEntry(undated));
        error.Message.ShouldContain(undated.Url.AbsoluteUri);
        error.Message.ShouldContain("Published must be set");

        Should.Throw<ArgumentException>(() => generator.CreatePage(FeedFormat.Atom, [TestData.Post(2), undated], 1))
            .Message.ShouldContain(undated.Url.AbsoluteUri);
        Should.Throw<ArgumentException>(() => generator.CreateEntry(TestData.Post(1) with { Updated = default(DateTimeOffset) }))
            .Message.ShouldContain("Updated must be null or a real date");
    }

    [Fact]
    public void An_entry_cannot_be_made_by_hand_so_every_entry_passed_the_post_checks()
    {
        // The date and title rules above are checked once, on the post: an entry comes only from CreateEntry.
        typeof(FeedEntry).GetConstructors().ShouldBeEmpty();
        typeof(FeedEntry).GetProperties().Where(p => p.SetMethod is { IsPublic: true }).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\u0001\u0002")]
    public void A_post_with_an_empty_title_is_rejected_naming_the_post(string title)
    {
        var generator = new FeedGenerator(TestData.Options());
        FeedPost untitled = TestData.Post(1) with { Title = title };
        ArgumentException error = Should.Throw<ArgumentException>(() => generator.CreateEntry(untitled));
        error.Message.ShouldContain(untitled.Url.AbsoluteUri);
        error.Message.ShouldContain("Title must not be empty");
    }

    [Fact]
    public void An_empty_feed_date_left_at_default_is_rejected()
    {
        FeedOptions options = TestData.Options();
        options.EmptyFeedUpdated = default(DateTimeOffset);
        Should.Throw<FeedOptionsException>(() => new FeedGenerator(options)).Message.ShouldContain("EmptyFeedUpdated");
    }

    private static string WriteEverything(FeedOptions[] optionSets)
    {
        var all = new System.Text.StringBuilder();
        foreach (FeedOptions options in optionSets)
        {
            var generator = new FeedGenerator(options);
            foreach (FeedPost[] posts in new[] { EdgePosts(), [] })
            {
                foreach (FeedFormat format in Enum.GetValues<FeedFormat>())
                {
                    foreach (FeedDocument document in generator.CreateDocuments(format, posts))
                    {
                        all.Append(generator.WriteToString(document));
                    }
                }
            }
        }

        return all.ToString();
    }

    private static void WaitForTheNextSecond()
    {
        long start = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        while (DateTimeOffset.UtcNow.ToUnixTimeSeconds() == start)
        {
            Thread.Sleep(10);
        }
    }

    private static DateTimeOffset Seconds(DateTimeOffset value) => value.AddTicks(-(value.Ticks % TimeSpan.TicksPerSecond));

    private static DateTimeOffset ParseDate(string text)
    {
        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset atom))
        {
            return atom;
        }

        Match rfc822 = Rfc822().Match(text);
        rfc822.Success.ShouldBeTrue($"'{text}' is neither RFC 3339 nor RFC 822");
        var local = DateTime.ParseExact(rfc822.Groups[1].Value, "dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture);
        string zone = rfc822.Groups[2].Value;
        var offset = new TimeSpan(int.Parse(zone[1..3], CultureInfo.InvariantCulture), int.Parse(zone[3..], CultureInfo.InvariantCulture), 0);
        return new DateTimeOffset(local, zone[0] == '-' ? -offset : offset);
    }

    [GeneratedRegex(@"^[A-Z][a-z]{2}, (\d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2}) ([+-]\d{4})$")]
    private static partial Regex Rfc822();
}
