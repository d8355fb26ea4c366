using Feed.Tool.Cli;

namespace Feed.Tool;

/// <summary>The <c>feed</c> command's entry point.</summary>
internal static class Program
{
    /// <summary>Runs the command line against the console, the system clock and Ctrl-C.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>0 on success, 1 on input errors, 2 on usage errors, 130 when cancelled.</returns>
    public static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl-C cancels cleanly (temporary files removed, --out unchanged); a second one is not
            // intercepted, so an impatient user can still kill the process. Renames are atomic either way.
            if (!cancel.IsCancellationRequested)
            {
                e.Cancel = true;
                cancel.Cancel();
            }
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await RunAsync(args, Console.Out, Console.Error, TimeProvider.System, cancel.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
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
}
