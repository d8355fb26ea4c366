using System.Text;
using Feed.Tool.Conventions;
using Feed.Tool.Posts;

namespace Feed.Tool.Tests.Posts;

/// <summary>The front-matter shapes each generator reads, and the dates each one accepts.</summary>
public sealed class FrontMatterShapesTests
{
    [Theory]
    // Hugo: blank lines and a BOM before the opening line, TOML, JSON (https://gohugo.io/content-management/front-matter/).
    [InlineData("hugo", "\n\n---\ntitle: A\n---\nBody", "Yaml", "title: A\n", "Body", 4)]
    [InlineData("hugo", "\uFEFF+++\ntitle = 'A'\n+++\nBody", "Toml", "title = 'A'\n", "Body", 2)]
    [InlineData("hugo", "{\n  \"title\": \"A {x}\"\n}\nBody", "Json", "{\n  \"title\": \"A {x}\"\n}", "Body", 1)]
    // Hexo: the opening separator may be missing; ';;;' closes JSON members (hexo-front-matter rFrontMatterNew).
    [InlineData("hexo", "title: A\n---\nBody", "Yaml", "title: A\n", "Body", 1)]
    [InlineData("hexo", "-----\ntitle: A\n-----\nBody", "Yaml", "title: A\n", "Body", 2)]
    [InlineData("hexo", "\"title\": \"A\"\n;;;\nBody", "Json", "\"title\": \"A\"\n", "Body", 1)]
    // Jekyll: none at all is a post too (its title and date come from the file name).
    [InlineData("jekyll", "Just a body.", "None", "", "Just a body.", 1)]
    [InlineData("jekyll", "---\ntitle: A\n...\nBody", "Yaml", "title: A\n", "Body", 2)]
    public void Finds_each_generators_shapes(string convention, string file, string format, string text, string body, int firstLine)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(file);
        FrontMatter.TryFind(bytes, Convention.Find(convention)!.Shapes, out FrontMatter found, out string? error).ShouldBeTrue(error);
        found.Format.ToString().ShouldBe(format);
        Encoding.UTF8.GetString(bytes, found.TextStart, found.TextLength).ShouldBe(text);
        Encoding.UTF8.GetString(bytes[found.BodyStart..]).ShouldBe(body);
        found.FirstLine.ShouldBe(firstLine);
    }

    [Theory]
    [InlineData("plain", "\n---\ntitle: A\n---\n")]
    [InlineData("plain", "+++\ntitle = 'A'\n+++\n")]
    [InlineData("jekyll", "\n---\ntitle: A\n---\n", true)]
    [InlineData("hugo", "+++\ntitle = 'A'\n")]
    [InlineData("hugo", "{ \"title\": \"A\"\n")]
    public void Refuses_what_the_generator_refuses(string convention, string file, bool bodyOnly = false)
    {
        bool found = FrontMatter.TryFind(Encoding.UTF8.GetBytes(file), Convention.Find(convention)!.Shapes, out FrontMatter bounds, out _);
        if (bodyOnly)
        {
            // Jekyll reads a file whose first line is not '---' as a post without front matter: all body.
            found.ShouldBeTrue();
            bounds.Format.ShouldBe(FrontMatterFormat.None);
        }
        else
        {
            found.ShouldBeFalse();
        }
    }

    [Fact]
    public void Toml_and_json_front_matter_become_the_same_tree_with_positions()
    {
        YamlTree.Mapping toml = FrontMatterParsers.ReadToml("title = \"日本語\"\ndate = 2021-12-23T17:47:41+01:00\ntags = [\"a\", \"b\"]\n[author]\nname = \"n\"\n");
        var keys = toml.Children.Select(c => ((YamlTree.Scalar)c.Key).Value).ToArray();
        keys.ShouldBe(["title", "date", "tags", "author"]);
        ((YamlTree.Scalar)toml.Children[1].Value).Value.ShouldBe("2021-12-23T17:47:41+01:00");
        ((YamlTree.Sequence)toml.Children[2].Value).Children.Count.ShouldBe(2);
        toml.Children[3].Key.Start.Line.ShouldBe(4);

        YamlTree.Mapping json = FrontMatterParsers.ReadJson("{\n \"title\": \"A\",\n \"n\": 3\n}", membersOnly: false);
        json.Children[1].Key.Start.Line.ShouldBe(3);
        ((YamlTree.Scalar)json.Children[1].Value).Value.ShouldBe("3");
    }

    [Theory]
    [InlineData("title = \"x\ndate = 1\n", 1)]
    [InlineData("a = 1\na = 2\n", 2)]
    public void Broken_toml_is_an_error_at_its_line(string toml, int line) =>
        Should.Throw<FrontMatterSyntaxException>(() => FrontMatterParsers.ReadToml(toml)).Line.ShouldBe(line);

    [Theory]
    [InlineData("2025/03/02 13:15:00", "2025-03-02T13:15:00+08:00")]
    [InlineData("Sun, 02 Mar 2025 13:15:00 +0000", "2025-03-02T13:15:00+00:00")]
    [InlineData("Sun, 02 Mar 2025 13:15:00 GMT", "2025-03-02T13:15:00+00:00")]
    [InlineData("02 Jan 2006", "2006-01-02T00:00:00+08:00")]
    [InlineData("January 2, 2006", "2006-01-02T00:00:00+08:00")]
    [InlineData("2006-01-02 15:04:05.5 -0700 MST", "2006-01-02T15:04:05.5000000-07:00")]
    [InlineData("2013-05-06 02:12:52 +0200", "2013-05-06T02:12:52+02:00")]
    public void Generators_date_forms_are_read(string text, string expected)
    {
        TimeZoneInfo shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        PostDates.TryParseLenient(text, shanghai, ignoreTrailing: false, out DateTimeOffset value, out string? error).ShouldBeTrue(error);
        value.ToString("O", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        value.Offset.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset);
    }

    [Fact]
    public void Jekyll_reads_what_ruby_reads_and_ignores_what_follows_the_time()
    {
        // Ruby's Date._parse takes the time and ignores " 2023 -0800" (the offset is not next to the time), so the
        // time is in the site's zone.
        TimeZoneInfo la = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        PostDates.TryParseLenient("2023-01-29 18:30:22 2023 -0800", la, ignoreTrailing: true, out DateTimeOffset value, out _).ShouldBeTrue();
        value.ShouldBe(new DateTimeOffset(2023, 1, 29, 18, 30, 22, TimeSpan.FromHours(-8)));
        PostDates.TryParseLenient("2023-01-29 18:30:22 2023 -0800", la, ignoreTrailing: false, out _, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("Sun, 02 Foo 2025 13:15:00 +0000")]
    [InlineData("02 Mar 2025 13:15 JST")]
    [InlineData("not a date")]
    public void Dates_no_generator_reads_are_refused(string text) =>
        PostDates.TryParseLenient(text, TimeZoneInfo.Utc, ignoreTrailing: true, out _, out string? error).ShouldBeFalse(error);
}
