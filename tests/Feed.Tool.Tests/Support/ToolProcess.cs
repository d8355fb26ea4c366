using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Feed.Tool.Tests.Support;

/// <summary>
/// The real <c>feed</c> process (<c>dotnet Feed.Tool.dll</c> from the test's output folder): for what only a process
/// shows — signals, kills, two builds at once, a terminal, the exit code of a crash (134) — and with a time limit on
/// every run, so that an input that hangs the tool fails its test instead of the test run.
/// </summary>
internal sealed class ToolProcess : IDisposable
{
    /// <summary>The longest any single run may take; the inputs of these tests take about a second.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _lock = new();

    private readonly Task _rawOutput = Task.CompletedTask;

    static ToolProcess()
    {
        // A shell starts background jobs with SIGINT ignored, and nohup ignores SIGHUP; children inherit that, and the
        // tool, like any well-behaved program, then leaves those signals alone. Tests that send them need them live:
        // put an inherited "ignore" back to the default before starting any tool (a real handler is left as it is).
        foreach (int signal in (ReadOnlySpan<int>)[1, 2])
        {
            byte[] action = new byte[256]; // struct sigaction, whose first member is the handler on Linux
            if (SigAction(signal, IntPtr.Zero, action) == 0 && BitConverter.ToInt64(action, 0) == 1 /* SIG_IGN */)
            {
                SetSignal(signal, IntPtr.Zero /* SIG_DFL */);
            }
        }
    }

    private ToolProcess(Process process, bool raw)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.BeginErrorReadLine();
        if (raw)
        {
            // Byte for byte: a terminal's output is about carriage returns and escape sequences, which reading by
            // lines would lose.
            _rawOutput = Task.Run(async () =>
            {
                var decoder = Encoding.UTF8.GetDecoder();
                byte[] buffer = new byte[4096];
                char[] chars = new char[4096];
                int read;
                while ((read = await _process.StandardOutput.BaseStream.ReadAsync(buffer)) > 0)
                {
                    int count = decoder.GetChars(buffer, 0, read, chars, 0);
                    lock (_lock)
                    {
                        _stdout.Append(chars, 0, count);
                    }
                }
            });
        }
        else
        {
            _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
            _process.BeginOutputReadLine();
        }
    }

    /// <summary>Gets the process id.</summary>
    public int Id => _process.Id;

    /// <summary>Starts the tool.</summary>
    /// <param name="args">Its arguments.</param>
    /// <param name="pauseAt">A phase to pause at (see Feed.Tool's TestHooks), or <see langword="null"/>.</param>
    /// <param name="environment">More environment variables (a test hook such as <c>FEED_TEST_CACHE_FAULT</c>).</param>
    public static ToolProcess Start(IEnumerable<string> args, string? pauseAt = null, IReadOnlyDictionary<string, string>? environment = null) =>
        Start(args, pauseAt, terminal: false, environment);

    /// <summary>
    /// Starts the tool on a pseudo-terminal (util-linux <c>script</c>), as a person at a terminal runs it: its stdout and
    /// stderr both arrive, raw, in <see cref="Stdout"/>, and <see cref="Type"/> types on its keyboard.
    /// </summary>
    public static ToolProcess StartInTerminal(IEnumerable<string> args, string? pauseAt = null) => Start(args, pauseAt, terminal: true, environment: null);

    /// <summary>The command that runs the tool: the .NET host and the tool's assembly (for a shell line, say).</summary>
    public static IReadOnlyList<string> Command => [DotnetHost(), Path.Combine(AppContext.BaseDirectory, "Feed.Tool.dll")];

    private static ToolProcess Start(IEnumerable<string> args, string? pauseAt, bool terminal, IReadOnlyDictionary<string, string>? environment)
    {
        string[] command = [DotnetHost(), Path.Combine(AppContext.BaseDirectory, "Feed.Tool.dll"), .. args];
        var info = new ProcessStartInfo(terminal ? "script" : command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (terminal)
        {
            // -e: exit with the command's exit code; -q: no "Script started" lines; the typescript goes nowhere.
            info.ArgumentList.Add("-q");
            info.ArgumentList.Add("-e");
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(string.Join(' ', command.Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'")));
            info.ArgumentList.Add("/dev/null");
        }
        else
        {
            foreach (string arg in command.Skip(1))
            {
                info.ArgumentList.Add(arg);
            }
        }

        // Tiered compilation back on: the tool turns it off for long builds, but these runs are short, and most of
        // their time would otherwise go to compiling everything fully optimized.
        info.Environment["DOTNET_TieredCompilation"] = "1";
        info.Environment["DOTNET_TC_QuickJitForLoops"] = "1";
        info.Environment.Remove("FEED_TEST_PAUSE");
        info.Environment.Remove("FEED_TEST_CACHE_FAULT");
        if (pauseAt is not null)
        {
            info.Environment["FEED_TEST_PAUSE"] = pauseAt;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return new ToolProcess(Process.Start(info)!, raw: terminal);
    }

    /// <summary>Types on the terminal's keyboard (see <see cref="StartInTerminal"/>): "\u0003" is Ctrl-C.</summary>
    public void Type(string keys)
    {
        _process.StandardInput.Write(keys);
        _process.StandardInput.Flush();
    }

    /// <summary>Runs the tool to its end (at most <see cref="Limit"/>) and checks that it did not crash.</summary>
    public static async Task<ToolRun> RunAsync(params string[] args)
    {
        using ToolProcess process = Start(args);
        return await process.WaitAsync();
    }

    /// <summary>Runs the tool to its end with more environment variables (see <see cref="Start"/>).</summary>
    public static async Task<ToolRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using ToolProcess process = Start(args, pauseAt: null, environment);
        return await process.WaitAsync();
    }

    /// <summary>Waits until stderr holds <paramref name="text"/>; fails if the process ends or <see cref="Limit"/> passes first.</summary>
    public async Task WaitForStderrAsync(string text)
    {
        var deadline = Stopwatch.StartNew();
        while (!Stderr.Contains(text, StringComparison.Ordinal) && !Stdout.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(); // drains the output
                await _rawOutput;
                if (Stderr.Contains(text, StringComparison.Ordinal) || Stdout.Contains(text, StringComparison.Ordinal))
                {
                    return;
                }

                throw new ShouldAssertException($"the tool ended (exit {_process.ExitCode}) before printing '{text}':\n{Stderr}");
            }

            if (deadline.Elapsed > Limit)
            {
                throw new ShouldAssertException($"the tool did not print '{text}' within {Limit}:\n{Stderr}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits until stderr holds <paramref name="text"/> (true) or the process ends without it (false).</summary>
    public async Task<bool> WaitForStderrOrExitAsync(string text)
    {
        try
        {
            await WaitForStderrAsync(text);
            return true;
        }
        catch (ShouldAssertException) when (_process.HasExited)
        {
            return false;
        }
    }

    /// <summary>Sends a signal: 1 SIGHUP, 2 SIGINT, 9 SIGKILL, 15 SIGTERM.</summary>
    public void Signal(int signal)
    {
        if (signal == 9)
        {
            _process.Kill();
            return;
        }

        Kill(_process.Id, signal).ShouldBe(0, $"kill({_process.Id}, {signal})");
    }

    /// <summary>Waits for the end (at most <see cref="Limit"/>, then the process is killed and the test fails).</summary>
    public async Task<ToolRun> WaitAsync()
    {
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new ShouldAssertException($"the tool ran past {Limit} and was killed:\n{Stderr}");
        }

        await _process.WaitForExitAsync(); // the last output lines
        await _rawOutput;
        var run = new ToolRun(_process.ExitCode, Stdout, Stderr);
        run.ExitCode.ShouldNotBe(134, $"the tool crashed (SIGABRT):\n{run}");
        run.Stderr.ShouldNotContain("Unhandled exception", Case.Sensitive, run.ToString());
        return run;
    }

    public string Stdout
    {
        get
        {
            lock (_lock)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_lock)
            {
                return _stderr.ToString();
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (_lock)
            {
                text.Append(line).Append('\n');
            }
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    [DllImport("libc", EntryPoint = "sigaction", SetLastError = true)]
    private static extern int SigAction(int signal, IntPtr action, byte[] oldAction);

    [DllImport("libc", EntryPoint = "signal", SetLastError = true)]
    private static extern IntPtr SetSignal(int signal, IntPtr handler);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
