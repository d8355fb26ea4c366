using System.Diagnostics;
using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests.Faults;

/// <summary>
/// What the tool prints, redirected by a shell into files as CI logs and scripts do: every line kept, in order, with
/// the lines others write before and after it in the same file.
/// </summary>
public sealed class StandardStreamTests : IDisposable
{
    private readonly TestSite _site = new();

    public StandardStreamTests() => _site.ManyPosts(3);

    public void Dispose() => _site.Dispose();

    private string Log => Path.Combine(_site.Root, "log");

    // Runs a shell line with the tool's command as "$@" (after a leading "--" for the shell's $0) and LOG set.
    private async Task<int> ShellAsync(string line, params string[] toolArgs)
    {
        var info = new ProcessStartInfo("sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(line);
        info.ArgumentList.Add("sh");
        foreach (string arg in ToolProcess.Command.Concat(toolArgs))
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["LOG"] = Log;
        info.Environment.Remove("FEED_TEST_PAUSE");
        using Process shell = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(ToolProcess.Limit);
        string stderr = await shell.StandardError.ReadToEndAsync(timeout.Token);
        await shell.StandardOutput.ReadToEndAsync(timeout.Token);
        await shell.WaitForExitAsync(timeout.Token);
        stderr.ShouldBeEmpty();
        return shell.ExitCode;
    }

    private string[] LogLines() => File.ReadAllText(Log).Split('\n');

    [Fact]
    public async Task Output_and_errors_in_a_redirected_group_keep_every_line_with_the_lines_around_them()
    {
        string fifo = Path.Combine(_site.Posts, "p.md"); // a warning on stderr, before the summary on stdout
        SpecialFileTests.Make("fifo", fifo);

        int exitCode = await ShellAsync("""{ echo before; "$@"; echo after; } > "$LOG" 2>&1""", _site.Args());

        exitCode.ShouldBe(0);
        string[] lines = LogLines();
        lines.Length.ShouldBe(5, File.ReadAllText(Log)); // four lines and the empty string after the last line end
        lines[0].ShouldBe("before");
        lines[1].ShouldBe($"{fifo}: warning FEED0016: not a regular file (a FIFO, a device or a socket), so not a post; skipped without opening it.");
        lines[2].ShouldStartWith("feed: 3 posts read, 0 skipped (0 draft, 0 future), 2 files written, 0 unchanged, 0 removed, ");
        lines[3].ShouldBe("after");
    }

    [Fact]
    public async Task Output_and_errors_truncated_into_one_file_keep_every_line()
    {
        SpecialFileTests.Make("fifo", Path.Combine(_site.Posts, "p.md"));

        int exitCode = await ShellAsync("""exec "$@" > "$LOG" 2>&1""", _site.Args());

        exitCode.ShouldBe(0);
        string[] lines = LogLines();
        lines.Length.ShouldBe(3, File.ReadAllText(Log));
        lines[0].ShouldContain("warning FEED0016");
        lines[1].ShouldStartWith("feed: 3 posts read");
    }

    [Fact]
    public async Task The_lines_others_write_around_the_tool_in_one_redirected_group_are_all_kept()
    {
        int exitCode = await ShellAsync("""(echo a; "$@" --version; echo b) > "$LOG" """);

        exitCode.ShouldBe(0);
        string[] lines = LogLines();
        lines.Length.ShouldBe(4, File.ReadAllText(Log));
        lines[0].ShouldBe("a");
        lines[1].ShouldMatch(@"^\d+\.\d+");
        lines[2].ShouldBe("b");
    }
}
