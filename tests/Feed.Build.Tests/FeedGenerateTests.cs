using System.Xml.Linq;
using Feed.Build.Tests.Support;
using Microsoft.Build.Framework;

namespace Feed.Build.Tests;

/// <summary>The FeedGenerate task runs the tool's engine on the sample blog and reports through MSBuild's logger.</summary>
public sealed class FeedGenerateTests
{
    private static readonly string[] SampleFiles =
        [".feed-manifest", "atom.xml", "atom/2.xml", "atom/3.xml", "feed.xml", "feed/2.xml", "feed/3.xml", "index.html", "page/2/index.html", "page/3/index.html"];

    [Fact]
    public void Writes_every_page_of_both_feeds_and_logs_the_tool_summary()
    {
        using var project = new SampleProject();
        var engine = new RecordingBuildEngine();

        project.Task(engine).Execute().ShouldBeTrue();

        engine.Errors.ShouldBeEmpty();
        project.Snapshot().Keys.ShouldBe(SampleFiles);
        engine.Messages.ShouldContain(m => m.Importance == MessageImportance.High
            && m.Message!.StartsWith("feed: 12 posts read, 2 skipped (1 draft, 1 future), 9 files written, 0 unchanged, 0 removed, ", StringComparison.Ordinal));
        XDocument.Load(project.Output("feed.xml")).Root!.Element("channel")!.Element("title")!.Value.ShouldBe("Notes from the Feed sample blog");
    }

    [Fact]
    public void The_properties_override_the_config_file()
    {
        using var project = new SampleProject();
        var engine = new RecordingBuildEngine();
        FeedGenerate task = project.Task(engine);
        task.Title = "Overridden title";
        task.SiteUrl = "https://other.example.net/";
        task.PageSize = "5";

        task.Execute().ShouldBeTrue();

        engine.Errors.ShouldBeEmpty();
        project.Snapshot().Keys.ShouldBe([".feed-manifest", "atom.xml", "atom/2.xml", "feed.xml", "feed/2.xml", "index.html", "page/2/index.html"]); // 10 posts, 5 a page
        XElement channel = XDocument.Load(project.Output("feed.xml")).Root!.Element("channel")!;
        channel.Element("title")!.Value.ShouldBe("Overridden title");
        channel.Element("link")!.Value.ShouldBe("https://other.example.net/");
    }

    [Fact]
    public void FeedFormats_and_FeedTemplate_choose_the_formats_and_lay_out_the_HTML_pages()
    {
        using var project = new SampleProject();
        string template = Path.Combine(project.Root, "page.liquid");
        File.WriteAllText(template, "<!DOCTYPE html><title>{{ site.title }}</title>{% for entry in entries %}<p>{{ entry.title }}</p>{% endfor %}");
        var engine = new RecordingBuildEngine();
        FeedGenerate task = project.Task(engine);
        task.Formats = "atom;html";
        task.Template = Path.GetFullPath(template);

        task.Execute().ShouldBeTrue();

        engine.Errors.ShouldBeEmpty();
        task.Arguments.ShouldContain("--formats");
        project.Snapshot().Keys.ShouldBe([".feed-manifest", "atom.xml", "atom/2.xml", "atom/3.xml", "index.html", "page/2/index.html", "page/3/index.html"]);
        File.ReadAllText(project.Output("index.html")).ShouldStartWith("<!DOCTYPE html><title>Notes from the Feed sample blog</title><p>");
    }

    [Fact]
    public void The_template_the_config_names_is_a_dependency_for_the_next_build_and_FeedTemplate_is_not()
    {
        using var project = new SampleProject();
        File.WriteAllText(Path.Combine(project.Root, "page.liquid"), "<!DOCTYPE html><title>{{ site.title }}</title>");
        string config = File.ReadAllText(project.Config);
        File.WriteAllText(project.Config, config.Replace("\"pageSize\"", "\"htmlTemplate\": \"page.liquid\", \"pageSize\"", StringComparison.Ordinal));
        FeedGenerate task = project.Task(new RecordingBuildEngine());

        task.Execute().ShouldBeTrue();

        File.ReadAllText(project.Output("index.html")).ShouldStartWith("<!DOCTYPE html><title>Notes from the Feed sample blog</title>");
        task.Dependencies.ShouldBe([Path.GetFullPath(Path.Combine(project.Root, "page.liquid"))]); // read from the config's folder

        FeedGenerate explicitTemplate = project.Task(new RecordingBuildEngine());
        explicitTemplate.Template = Path.Combine(project.Root, "page.liquid");
        explicitTemplate.Execute().ShouldBeTrue();
        explicitTemplate.Dependencies.ShouldBeEmpty(); // FeedTemplate is an input of the target already

        File.WriteAllText(project.Config, config);
        FeedGenerate none = project.Task(new RecordingBuildEngine());
        none.Execute().ShouldBeTrue();
        none.Dependencies.ShouldBeEmpty();
    }

    [Fact]
    public void A_broken_template_is_an_MSBuild_error_at_its_line_and_column_and_nothing_is_written()
    {
        using var project = new SampleProject();
        string template = Path.Combine(project.Root, "broken.liquid");
        File.WriteAllText(template, "<p>\n{% for entry in %}\n");
        var engine = new RecordingBuildEngine();
        FeedGenerate task = project.Task(engine);
        task.Formats = "rss,html";
        task.Template = Path.GetFullPath(template);

        task.Execute().ShouldBeFalse();

        engine.Errors.ShouldContain(e => e.Code == "FEED0070" && e.LineNumber == 2 && e.File.EndsWith("broken.liquid", StringComparison.Ordinal));
        File.Exists(project.Output("index.html")).ShouldBeFalse();
    }

    [Fact]
    public void A_changed_post_rewrites_only_the_pages_it_is_on()
    {
        using var project = new SampleProject();
        project.Task(new RecordingBuildEngine()).Execute().ShouldBeTrue();
        SortedDictionary<string, string> before = project.Snapshot();

        // The oldest post is on the last page of each feed (newest first, four a page).
        project.ReplaceLine("2024-01-15-hello-world.md", "title:", "title: Hello again, world");
        var engine = new RecordingBuildEngine();
        project.Task(engine).Execute().ShouldBeTrue();

        SortedDictionary<string, string> after = project.Snapshot();
        string[] changed = [.. after.Keys.Where(k => after[k] != before[k])];
        changed.ShouldBe(["atom/3.xml", "feed/3.xml", "page/3/index.html"]);
        engine.Messages.ShouldContain(m => m.Message!.Contains("3 files written, 6 unchanged, 0 removed", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_an_MSBuild_error_with_file_line_column_and_code_and_the_output_is_left_as_it_was()
    {
        using var project = new SampleProject();
        project.Task(new RecordingBuildEngine()).Execute().ShouldBeTrue();
        SortedDictionary<string, string> before = project.Snapshot();

        project.ReplaceLine("2024-01-15-hello-world.md", "date:", "date: 2024-13-45");
        File.WriteAllText(project.Post("2024-12-01-untitled.md"), "---\ndate: 2024-12-01\n---\n\nNo title.\n");
        var engine = new RecordingBuildEngine();
        project.Task(engine).Execute().ShouldBeFalse();

        engine.Errors.Select(e => (e.File, e.LineNumber, e.ColumnNumber, e.Code)).ShouldBe(
        [
            (project.Post("2024-01-15-hello-world.md"), 3, 7, "FEED0007"),
            (project.Post("2024-12-01-untitled.md"), 1, 1, "FEED0005"),
        ]);
        engine.Errors[0].Message!.ShouldContain("2024-13-45");
        project.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void A_warning_of_the_engine_is_an_MSBuild_warning_and_the_build_succeeds()
    {
        using var project = new SampleProject();
        Directory.CreateSymbolicLink(project.Post("again"), project.Posts); // a link back to the posts folder
        var engine = new RecordingBuildEngine();

        project.Task(engine).Execute().ShouldBeTrue();

        BuildWarningEventArgs warning = engine.Warnings.ShouldHaveSingleItem();
        (warning.File, warning.Code).ShouldBe((project.Post("again"), "FEED0017"));
        engine.Errors.ShouldBeEmpty();
        File.Exists(project.Output("feed/3.xml")).ShouldBeTrue();
    }

    [Fact]
    public void A_link_at_the_lock_file_is_an_error_the_file_it_names_is_untouched_and_the_next_build_runs()
    {
        // The engine runs inside MSBuild's long-lived process: a refused lock must not stay claimed by it either.
        using var project = new SampleProject();
        Directory.CreateDirectory(project.Out);
        string precious = Path.Combine(project.Root, "precious.txt");
        File.WriteAllText(precious, "keep me");
        File.CreateSymbolicLink(project.Output(".feed-lock"), precious);
        var engine = new RecordingBuildEngine();

        project.Task(engine).Execute().ShouldBeFalse();

        BuildErrorEventArgs error = engine.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("FEED0060");
        error.File.ShouldBe(project.Output(".feed-lock"));
        File.ReadAllText(precious).ShouldBe("keep me");

        File.Delete(project.Output(".feed-lock"));
        var next = new RecordingBuildEngine();
        project.Task(next).Execute().ShouldBeTrue();
        next.Errors.ShouldBeEmpty();
        project.Snapshot().Keys.ShouldBe(SampleFiles);
    }

    [Fact]
    public void A_config_error_is_reported_at_its_place_in_the_config_file()
    {
        using var project = new SampleProject();
        File.WriteAllText(project.Config, "{\n  \"siteUrl\": \"https://blog.example.org/\",\n  \"title\": \"T\",\n  \"pageSise\": 4\n}\n");
        var engine = new RecordingBuildEngine();

        project.Task(engine).Execute().ShouldBeFalse();

        BuildErrorEventArgs error = engine.Errors.ShouldHaveSingleItem();
        (error.File, error.LineNumber, error.Code).ShouldBe((project.Config, 4, "FEED0102"));
        Directory.Exists(project.Out).ShouldBeFalse();
    }

    [Fact]
    public void Without_a_site_url_anywhere_the_error_is_the_projects_with_its_code()
    {
        using var project = new SampleProject();
        FeedGenerate task = project.Task(new RecordingBuildEngine());
        var engine = (RecordingBuildEngine)task.BuildEngine;
        task.ConfigFile = null;
        task.Title = "T";

        task.Execute().ShouldBeFalse();

        engine.Errors.ShouldNotBeEmpty();
        engine.Errors.ShouldAllBe(e => e.Code == "FEED0104" && e.File == "Site.csproj"); // MSBuild's stand-in for "no file"
    }
}
