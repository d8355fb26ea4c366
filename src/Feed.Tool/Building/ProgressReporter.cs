using System.Globalization;

namespace Feed.Tool.Building;

/// <summary>
/// A one-line progress indicator on an interactive terminal, shown only once a run has taken more than a second
/// (short runs stay silent) and redrawn at most ten times a second. Never used when stderr is redirected, so logs
/// and CI output hold no carriage-return noise.
/// </summary>
/// <threadsafety><see cref="Report"/> may be called from several threads at once.</threadsafety>
internal sealed class ProgressReporter(TextWriter? terminal, TimeProvider time, long startTimestamp) : IDisposable
{
    private readonly long _start = startTimestamp;
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly Lock _lock = new();
    private long _lastDraw;
    private bool _shown;

    /// <summary>Reports that <paramref name="done"/> of <paramref name="total"/> items of <paramref name="stage"/> are done.</summary>
    /// <param name="stage">What is being done, e.g. "reading posts".</param>
    /// <param name="done">Items done.</param>
    /// <param name="total">Items in all.</param>
    public void Report(string stage, int done, int total)
    {
        if (terminal is null)
        {
            return;
        }

        long now = time.GetTimestamp();
        if ((time.GetElapsedTime(_start, now) < Delay && !TestHooks.ProgressAtOnce) || time.GetElapsedTime(Volatile.Read(ref _lastDraw), now) < Interval)
        {
            return;
        }

        lock (_lock)
        {
            _lastDraw = now;
            _shown = true;
            terminal.Write(string.Create(CultureInfo.InvariantCulture, $"\rfeed: {stage} {done}/{total}...          "));
            terminal.Flush();
        }
    }

    /// <summary>Erases the progress line, if one was drawn (see <see cref="Clear"/>).</summary>
    public void Dispose() => Clear();

    /// <summary>Erases the progress line, if one was drawn, so the summary or errors start on a clean line.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            if (_shown)
            {
                terminal!.Write("\r" + new string(' ', 60) + "\r");
                terminal.Flush();
                _shown = false;
            }
        }
    }
}
