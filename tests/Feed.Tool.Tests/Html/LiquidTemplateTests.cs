using Feed.Liquid;
using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests.Html;

/// <summary>Feed.Liquid's page templates: escaped by default, deterministic, bounded, and every error located.</summary>
public sealed class LiquidTemplateTests : IDisposable
{
    private static readonly FeedPost Hostile = new()
    {
        Title = "<script>alert(1)</script> & \"quotes\"",
        Url = new Uri("https://example.org/posts/x/"),
        Published = new DateTimeOffset(2024, 3, 10, 23, 30, 0, TimeSpan.FromHours(8)),
        Body = "Body with <b>bold</b> & more.",
        Categories = ["a<b"],
    };

    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Post_text_is_escaped_by_default_and_HTML_values_are_not()
    {
        string html = Render("{% for e in entries %}[{{ e.title }}][{{ e.tags | join: ',' }}]{{ e.article_html }}{% endfor %}");

        html.ShouldContain("[&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;][a&lt;b]");
        html.ShouldNotContain("<script>");
        html.ShouldContain("<article>\n<h2><a href=\"https://example.org/posts/x/\">&lt;script&gt;"); // the default article, as markup
    }

    [Fact]
    public void Escape_escapes_once_raw_writes_as_is_and_a_capture_is_not_escaped_twice()
    {
        Render("{{ entries[0].title | escape }}").ShouldStartWith("&lt;script&gt;alert(1)&lt;/script&gt; &amp;");
        Render("{{ '&amp; <i>' | escape_once }}").ShouldStartWith("&amp; &lt;i&gt;");
        Render("{{ '<i>x</i>' | raw }}").ShouldStartWith("<i>x</i>");
        Render("{% capture t %}<b>{{ entries[0].title }}</b>{% endcapture %}{{ t }}").ShouldStartWith("<b>&lt;script&gt;");
    }

    [Fact]
    public void Dates_are_formatted_in_their_own_offset_and_now_is_the_page_date()
    {
        Render("{{ entries[0].published | date: '%B %-d, %Y %H:%M %z' }}").ShouldStartWith("March 10, 2024 23:30 +0800");
        Render("{{ 'now' | date: '%Y-%m-%d' }}|{{ page.updated }}").ShouldStartWith("2024-03-10|2024-03-10T23:30:00+08:00");
        Render("{{ entries[0].published_text }}").ShouldStartWith("2024-03-10"); // no language: ISO 8601
    }

    [Fact]
    public void The_model_has_every_documented_key()
    {
        string html = Render(
            "{{ site.title }}|{{ site.url }}|{{ page.number }}/{{ page.count }}|{{ page.kind }}|{{ entries.size }}|" +
            "{{ pager.items.size }}|{{ feeds[0].format }} {{ feeds[0].type }}|{{ labels.tags }}|{{ style_html | size }}");
        html.ShouldStartWith("Site|https://example.org/|1/1|page|1|1|rss application/rss+xml|Tags|");
    }

    [Fact]
    public void A_syntax_error_is_located_at_its_line_and_column()
    {
        var e = Should.Throw<FeedTemplateException>(() => LiquidHtmlTemplate.Parse("<p>\n  {% for e in %}\n", "page.liquid"));
        e.Path.ShouldBe("page.liquid");
        e.Line.ShouldBe(2);
        e.Column.ShouldBeGreaterThan(1);
        e.Message.ShouldStartWith($"page.liquid(2,{e.Column}): ");
    }

    [Fact]
    public void A_failing_filter_and_a_runaway_loop_are_located_errors_in_bounded_time()
    {
        Should.Throw<FeedTemplateException>(() => Render("line 1\n{{ 'x' | no_such_filter }}")).Line.ShouldBe(2);
        Should.Throw<FeedTemplateException>(() => Render("{% for i in (1..100000000) %}x{% endfor %}")).Message.ShouldContain("limit");
        Should.Throw<FeedTemplateException>(() => Render("{% include 'other' %}")).Line.ShouldBe(1);
    }

    [Fact]
    public async Task The_tool_reports_a_broken_template_at_its_line_and_writes_nothing()
    {
        _site.Post("a.md", "A", "2025-01-01");
        string template = _site.Write("page.liquid", "<p>\n{% if %}\n");
        ToolRun run = await _site.BuildAsync("--formats", "rss,html", "--template", template);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Errors.ShouldContain(line => line.StartsWith($"{template}(2,", StringComparison.Ordinal) && line.Contains("error FEED0070"));
        Directory.Exists(_site.Out).ShouldBeFalse();
    }

    [Fact]
    public async Task The_tool_reports_a_template_that_fails_on_a_page_and_changes_nothing()
    {
        _site.Post("a.md", "A", "2025-01-01");
        (await _site.BuildAsync("--formats", "rss,html")).ExitCode.ShouldBe(0);
        var before = _site.Snapshot();
        string template = _site.Write("page.liquid", "ok\n{{ entries | no_such_filter }}\n");

        ToolRun run = await _site.BuildAsync("--formats", "rss,html", "--template", template);

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Errors.ShouldContain(line => line.StartsWith($"{template}(2,", StringComparison.Ordinal) && line.Contains("error FEED0071"));
        _site.Snapshot().ShouldBe(before);
    }

    [Fact]
    public async Task The_config_key_htmlTemplate_is_read_relative_to_the_config_file()
    {
        _site.Post("a.md", "A", "2025-01-01");
        _site.Write("theme/page.liquid", "<!DOCTYPE html><title>{{ site.title }}</title>");
        string config = _site.Write("theme/feed.json", """{ "formats": ["html"], "htmlTemplate": "page.liquid" }""");

        ToolRun run = await _site.BuildAsync("--config", config);

        run.ExitCode.ShouldBe(0, run.ToString());
        _site.ReadOut("index.html").ShouldStartWith("<!DOCTYPE html><title>");
    }

    [Fact]
    public void The_READMEs_template_renders_the_sample_page()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        int start = readme.IndexOf("```liquid\n", StringComparison.Ordinal) + "```liquid\n".Length;
        string source = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];

        string html = Render(source);

        html.ShouldContain("<h2><a href=\"https://example.org/posts/x/\">&lt;script&gt;");
        html.ShouldContain("<p>March 10, 2024 · Body with bold &amp; more.</p>");
        html.ShouldContain("<style>");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Feed.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (Feed.sln) is not above the test's folder.");
    }

    private static string Render(string source)
    {
        var options = new FeedOptions { Title = "Site", SiteUrl = new Uri("https://example.org/"), HtmlTemplate = LiquidHtmlTemplate.Parse(source, "t.liquid") };
        var generator = new FeedGenerator(options);
        generator.Paging.TryGetPage(1, 1, out FeedPage? page).ShouldBeTrue();
        return generator.WriteToString(generator.CreateDocument(FeedFormat.Html, page!, [generator.CreateEntry(Hostile)]));
    }
}
