using System.Text;
using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests.Faults;

/// <summary>
/// What the tool says about input that is merely too big or a little mistyped, through the real process: the limit
/// that was hit (not another one's name), at the place it was hit, and "did you mean" where a near miss exists.
/// </summary>
public sealed class MessageTests : IDisposable
{
    private readonly TestSite _site = new();

    public MessageTests() => _site.Post("2024-01-01-fine.md", "Fine", "2024-01-01");

    public void Dispose() => _site.Dispose();

    private string WriteConfig(string json)
    {
        string config = Path.Combine(_site.Root, "feed.json");
        File.WriteAllText(config, json, new UTF8Encoding(false));
        return config;
    }

    [Fact]
    public async Task A_front_matter_of_100000_keys_is_too_many_keys_not_a_billion_laughs()
    {
        var yaml = new StringBuilder("---\ntitle: Keys\ndate: 2024-02-01\n");
        for (int i = 0; i < 100_000; i++)
        {
            yaml.Append("key").Append(i).Append(": v\n");
        }

        string path = _site.Write("2024-02-01-keys.md", yaml.Append("---\nBody.\n").ToString());

        ToolRun run = await ToolProcess.RunAsync(_site.Args());

        run.ExitCode.ShouldBe(1, run.ToString());
        string error = run.Errors.ShouldHaveSingleItem();
        error.ShouldStartWith($"{path}(50001,"); // the value of key49997 is the 100,001st node (the mapping, title and date come first)
        error.ShouldContain("error FEED0004: the front matter has more than 100,000 keys and values; front matter needs a few dozen.");
        error.ShouldNotContain("laughs");
        error.ShouldNotContain("alias");
    }

    [Fact]
    public async Task A_huge_number_in_the_config_is_number_too_large_at_its_place()
    {
        string config = WriteConfig("{\n  \"title\": \"T\",\n  \"pageSize\": " + new string('9', 100_000) + "\n}\n");

        ToolRun run = await ToolProcess.RunAsync("build", _site.Posts, "--out", _site.Out, "--site-url", TestSite.SiteUrl, "--config", config);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Errors.ShouldHaveSingleItem().ShouldBe($"{config}(3,15): error FEED0103: 'pageSize' is a number too large (100000 digits); it must be a whole number from 1 to 2147483647.");
    }

    [Fact]
    public async Task A_config_file_of_a_gigabyte_is_refused_before_it_is_read()
    {
        string config = Path.Combine(_site.Root, "feed.json");
        using (var huge = new FileStream(config, FileMode.CreateNew))
        {
            huge.Write("{ \"pageSize\": 1"u8);
            huge.SetLength(1L << 30); // sparse: costs no disk, but the tool would need a gigabyte to read it whole
        }

        ToolRun run = await ToolProcess.RunAsync("build", _site.Posts, "--out", _site.Out, "--site-url", TestSite.SiteUrl, "--title", "T", "--config", config);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Errors.ShouldHaveSingleItem().ShouldBe($"{config}: error FEED0100: the config file is 1024 MB, more than a config file needs (at most 1 MB); is it the right file?");
    }

    [Fact]
    public async Task A_key_given_twice_inside_a_config_section_is_an_error_at_the_second()
    {
        string config = WriteConfig("""
            {
              "title": "T",
              "excerpt": { "length": 10, "length": 20 },
              "author": { "name": "A", "name": "B" },
              "taxonomies": { "tags": true, "tags": false }
            }
            """);

        ToolRun run = await ToolProcess.RunAsync("build", _site.Posts, "--out", _site.Out, "--site-url", TestSite.SiteUrl, "--config", config);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Errors.ShouldBe(
        [
            $"{config}(3,30): error FEED0103: 'excerpt.length' is given more than once.",
            $"{config}(4,28): error FEED0103: 'author.name' is given more than once.",
            $"{config}(5,33): error FEED0103: 'taxonomies.tags' is given more than once.",
        ], run.ToString());
    }

    [Theory]
    [InlineData("--page-size", "99999999999", "--page-size: '99999999999' is too large; it must be a whole number from 1 to 2147483647.")]
    [InlineData("--page-size", "ten", "--page-size: 'ten' is not a whole number.")]
    [InlineData("--excerpt-length", "-99999999999", "--excerpt-length: '-99999999999' is too small; it must be a whole number from 1 to 2147483647.")]
    [InlineData("--max-post-size", "1.5", "--max-post-size: '1.5' is not a whole number.")]
    [InlineData("--lock-timeout", "99999999999", "--lock-timeout: '99999999999' is too large; it must be a whole number from 0 to 2147483647.")]
    public async Task A_number_option_out_of_range_is_said_in_words(string option, string value, string message)
    {
        ToolRun run = await ToolProcess.RunAsync(_site.Args(option, value));

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Errors.ShouldHaveSingleItem().ShouldBe($"feed: error FEED0105: {message}");
        run.Stderr.ShouldNotContain("System.");
    }

    [Fact]
    public async Task A_mistyped_command_gets_did_you_mean()
    {
        ToolRun run = await ToolProcess.RunAsync("biuld", _site.Posts, "--out", _site.Out);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Errors.ShouldHaveSingleItem().ShouldBe("feed: error FEED0105: unknown command 'biuld'; did you mean 'build'?");
    }

    [Theory]
    [InlineData("--pagesize", "--page-size")]
    [InlineData("--page_size", "--page-size")]
    [InlineData("--sit-url", "--site-url")]
    [InlineData("-page-size", "--page-size")]
    public async Task A_mistyped_option_gets_did_you_mean_and_its_value_no_error_of_its_own(string typed, string meant)
    {
        ToolRun run = await ToolProcess.RunAsync([.. _site.Args(), typed, "3"]);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Errors.ShouldHaveSingleItem().ShouldBe($"feed: error FEED0105: unknown option '{typed}'; did you mean '{meant}'?");
    }

    [Fact]
    public async Task An_option_far_from_any_gets_no_guess()
    {
        ToolRun run = await ToolProcess.RunAsync([.. _site.Args(), "--frobnicate"]);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Errors.ShouldHaveSingleItem().ShouldBe("feed: error FEED0105: unknown option '--frobnicate'.");
    }
}
