using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests.Faults;

/// <summary>
/// What the tool writes to a terminal (a pseudo-terminal from util-linux <c>script</c>) and to a pipe: plain lines,
/// no escape sequences, and a progress line always erased before a message.
/// </summary>
public sealed class TerminalTests : IDisposable
{
    private readonly TestSite _site = new();

    public TerminalTests() => _site.ManyPosts(40);

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Quiet_on_a_terminal_writes_nothing_at_all()
    {
        using ToolProcess build = ToolProcess.StartInTerminal(_site.Args("--quiet"));

        ToolRun run = await build.WaitAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stdout.ShouldBeEmpty(); // not even ESC[?1h ESC= (keypad mode), which System.Console writes to a terminal
    }

    [Fact]
    public async Task On_a_terminal_the_summary_is_a_plain_line()
    {
        using ToolProcess build = ToolProcess.StartInTerminal(_site.Args());

        ToolRun run = await build.WaitAsync();

        run.ExitCode.ShouldBe(0, run.ToString());
        string cleared = "\r" + new string(' ', 60) + "\r";
        int last = run.Stdout.LastIndexOf(cleared, StringComparison.Ordinal);
        // A progress line (if the run took over a second) is erased before the summary starts.
        run.Stdout[(last < 0 ? 0 : last + cleared.Length)..].ShouldStartWith("feed: 40 posts read");
        run.Stdout.ShouldNotContain("\u001b");
    }

    [Fact]
    public async Task Not_on_a_terminal_there_is_no_progress_and_no_escape()
    {
        ToolRun run = await ToolProcess.RunAsync(_site.Args("--page-size", "2"));

        run.ExitCode.ShouldBe(0, run.ToString());
        (run.Stdout + run.Stderr).ShouldNotContain("\u001b");
        (run.Stdout + run.Stderr).ShouldNotContain("\r");
    }

    [Fact]
    public async Task Ctrl_c_erases_the_progress_line_before_saying_it_cancelled()
    {
        using ToolProcess build = ToolProcess.StartInTerminal(_site.Args("--page-size", "2"), pauseAt: "pages");
        await build.WaitForStderrAsync("feed: paused at pages");
        build.Stdout.ShouldContain("\rfeed: writing pages "); // the progress line is up

        build.Type("\u0003"); // Ctrl-C on the terminal's keyboard
        ToolRun run = await build.WaitAsync();

        run.ExitCode.ShouldBe(130, run.ToString());
        run.Stdout.ShouldContain("\r" + new string(' ', 60) + "\rfeed: cancelled; nothing in the output folder was changed.");
        run.Stdout.ShouldNotContain("\u001b");
        Directory.Exists(_site.Out).ShouldBeFalse();
    }
}
