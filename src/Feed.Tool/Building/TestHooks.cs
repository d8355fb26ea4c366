namespace Feed.Tool.Building;

/// <summary>
/// Lets the fault tests stop a real <c>feed</c> process at a known point and kill it there: with the environment
/// variable <c>FEED_TEST_PAUSE</c> set to a phase name, the build prints <c>feed: paused at PHASE</c> on stderr when it
/// gets there and waits (at most a minute) for a signal. The phases: <c>staging</c> (every page written to temporary
/// files, nothing in place yet), <c>commit</c> (the journal written and the first file renamed into place) and
/// <c>pages</c> (the first page written, with the progress line drawn at once rather than after a second, so that a
/// test on a terminal can see it cleared). Each phase pauses once per process. Unset, it costs one environment read.
/// <c>FEED_TEST_CACHE_FAULT</c> makes the build cache's files fail to open (see <see cref="CacheFault"/>).
/// </summary>
internal static class TestHooks
{
    private static readonly string? Phase = Environment.GetEnvironmentVariable("FEED_TEST_PAUSE");

    /// <summary>
    /// Gets the fault the tests inject into every open of a build cache file (<c>FEED_TEST_CACHE_FAULT</c>: <c>EIO</c>,
    /// <c>EACCES</c> or <c>ENOSPC</c>), for the failures a real disk gives only rarely; <see langword="null"/> normally.
    /// </summary>
    public static string? CacheFault { get; } = Environment.GetEnvironmentVariable("FEED_TEST_CACHE_FAULT");

    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(1);

    private static int s_paused;

    /// <summary>Gets whether progress is drawn from the start (for the <c>pages</c> phase).</summary>
    public static bool ProgressAtOnce => Phase == "pages";

    /// <summary>Pauses at <paramref name="phase"/> when asked to; a cancellation ends the pause with <see cref="OperationCanceledException"/>.</summary>
    public static async Task PauseAsync(string phase, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (Announce(phase, stderr))
        {
            await Task.Delay(Longest, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Pauses at <paramref name="phase"/> when asked to, inside a step that must finish: a cancellation ends the pause and the step goes on.</summary>
    public static void PauseUncancellable(string phase, TextWriter? stderr, CancellationToken cancellationToken)
    {
        if (stderr is not null && Announce(phase, stderr))
        {
            cancellationToken.WaitHandle.WaitOne(Longest);
        }
    }

    private static bool Announce(string phase, TextWriter stderr)
    {
        if (!string.Equals(Phase, phase, StringComparison.Ordinal) || Interlocked.Exchange(ref s_paused, 1) == 1)
        {
            return false;
        }

        stderr.WriteLine($"feed: paused at {phase}");
        stderr.Flush();
        return true;
    }
}
