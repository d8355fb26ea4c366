using System.Runtime.InteropServices;
using Feed.Tool.Building;
using Feed.Tool.Cli;

namespace Feed.Tool;

/// <summary>The <c>feed</c> command's entry point.</summary>
internal static class Program
{
    /// <summary>Runs the command line against the console, the system clock and the termination signals.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>
    /// 0 on success, 1 on input errors, 2 on usage errors; when stopped by a signal, 128 + its number: 130 for SIGINT
    /// (Ctrl-C), 143 for SIGTERM (kill, timeout, docker stop, a cancelled CI job), 129 for SIGHUP (the terminal closed).
    /// </returns>
    public static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        int signalled = 0;

        // SIGTERM and SIGHUP are handled like Ctrl-C: the first one cancels cleanly (temporary files removed, --out
        // unchanged, or a commit already under way finished); a second one is not intercepted, so an impatient user
        // can still kill the process, and the next build then recovers the folder. PosixSignalRegistration rather
        // than Console.CancelKeyPress: the latter also puts the terminal into keypad mode (it writes ESC[?1h ESC=).
        void OnSignal(PosixSignalContext context)
        {
            if (Interlocked.CompareExchange(ref signalled, 128 + SignalNumber(context.Signal), 0) == 0)
            {
                context.Cancel = true;
                cancel.Cancel();
            }
        }

        var registrations = new List<PosixSignalRegistration>();
        foreach (PosixSignal signal in (ReadOnlySpan<PosixSignal>)[PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP])
        {
            try
            {
                registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // Not every signal exists everywhere (Windows has no SIGHUP to catch in a console).
            }
        }

        // The process's standard streams, written with write(2) at their shared offset (see StandardStream: not
        // System.Console, which puts a terminal into keypad mode, nor a FileStream, which writes at an offset of its own).
        TextWriter stdout = StandardStream.Writer(1) ?? Console.Out;
        TextWriter stderr = StandardStream.Writer(2) ?? Console.Error;
        bool interactive = !Console.IsErrorRedirected;
        try
        {
            int exitCode = await FeedCommand.RunAsync(args, stdout, stderr, TimeProvider.System, interactive, cancel.Token).ConfigureAwait(false);
            return exitCode == FeedBuild.Cancelled && Volatile.Read(ref signalled) is > 0 and var code ? code : exitCode;
        }
        finally
        {
            foreach (PosixSignalRegistration registration in registrations)
            {
                registration.Dispose();
            }

            stdout.Flush();
            stderr.Flush();
        }
    }

    /// <summary>Runs the command line in-process: the entry point of the end-to-end tests.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">Receives help and the summary line.</param>
    /// <param name="stderr">Receives errors; progress too, but only when this is the console's own stderr on a terminal.</param>
    /// <param name="time">
    /// The clock, <see cref="TimeProvider.System"/> when <see langword="null"/>. It is the tool's only source of
    /// time: "now" (when <c>--now</c> is not given) for leaving out future posts, and the elapsed time in the summary.
    /// </param>
    /// <param name="cancellationToken">Cancels the run; <c>--out</c> is then left unchanged.</param>
    /// <returns>The exit code.</returns>
    internal static Task<int> RunAsync(
        string[] args, TextWriter stdout, TextWriter stderr, TimeProvider? time, CancellationToken cancellationToken)
    {
        bool interactive = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        return FeedCommand.RunAsync(args, stdout, stderr, time ?? TimeProvider.System, interactive, cancellationToken);
    }

    // The POSIX numbers (PosixSignal's values are negative placeholders, mapped by the runtime).
    private static int SignalNumber(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGHUP => 1,
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGQUIT => 3,
        PosixSignal.SIGTERM => 15,
        _ => 2,
    };
}
