using Feed.Build.Tests.Support;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Feed.Build.Tests;

/// <summary>Each line the tool prints in the MSBuild canonical format becomes the matching MSBuild event.</summary>
public sealed class ToolLineTests
{
    [Theory]
    [InlineData("posts/a (draft).md(3,7): error FEED0007: 'date': 'x' is not a valid date.", "posts/a (draft).md", 3, 7, "FEED0007", "'date': 'x' is not a valid date.")]
    [InlineData("/site/posts/b.md: error FEED0002: the file is not valid UTF-8: error FEED0001 inside.", "/site/posts/b.md", 0, 0, "FEED0002", "the file is not valid UTF-8: error FEED0001 inside.")]
    [InlineData(@"C:\site\feed.json(12,3): error FEED0102: unknown key 'pageSise'.", @"C:\site\feed.json", 12, 3, "FEED0102", "unknown key 'pageSise'.")]
    [InlineData("feed: error FEED0104: no site URL: set siteUrl in the config file or pass --site-url.", "Site.csproj", 0, 0, "FEED0104", "no site URL: set siteUrl in the config file or pass --site-url.")]
    public void An_error_line_becomes_an_error_with_its_location_and_code(string line, string file, int lineNumber, int column, string code, string message)
    {
        var engine = new RecordingBuildEngine();

        ToolLine.Log(Logger(engine), line);

        BuildErrorEventArgs error = engine.Errors.ShouldHaveSingleItem();
        (error.File, error.LineNumber, error.ColumnNumber, error.Code, error.Message).ShouldBe((file, lineNumber, column, code, message));
        engine.Messages.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/site/posts/a%28draft%29%3A 100%25.md(2,1): error FEED0005: x", "/site/posts/a(draft): 100%.md")]
    [InlineData("/site/posts/%2528.md: error FEED0002: x", "/site/posts/%28.md")]
    [InlineData("/site/posts/new%0Aline.md: error FEED0002: x", "/site/posts/new%0Aline.md")]
    public void The_characters_the_tool_encodes_in_a_path_are_decoded_except_controls(string line, string file)
    {
        var engine = new RecordingBuildEngine();

        ToolLine.Log(Logger(engine), line);

        engine.Errors.ShouldHaveSingleItem().File.ShouldBe(file);
    }

    [Fact]
    public void A_warning_line_becomes_a_warning()
    {
        var engine = new RecordingBuildEngine();

        ToolLine.Log(Logger(engine), "posts/c.md(2,1): warning FEED0006: 'tags' is empty.");

        BuildWarningEventArgs warning = engine.Warnings.ShouldHaveSingleItem();
        (warning.File, warning.LineNumber, warning.Code).ShouldBe(("posts/c.md", 2, "FEED0006"));
        engine.Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("feed: 2 errors in the posts; nothing in the output folder was changed.")]
    [InlineData("error: something that is not in the canonical format")]
    public void Any_other_line_is_a_message(string line)
    {
        var engine = new RecordingBuildEngine();

        ToolLine.Log(Logger(engine), line);

        engine.Errors.ShouldBeEmpty();
        engine.Messages.ShouldHaveSingleItem().Message.ShouldBe(line);
    }

    private static TaskLoggingHelper Logger(RecordingBuildEngine engine) =>
        new(engine, "FeedGenerate") { TaskResources = null };
}
