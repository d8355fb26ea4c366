using Feed.Tool.Caching;
using Feed.Tool.Files;
using Microsoft.Win32.SafeHandles;

namespace Feed.Tool.Tests.Support;

/// <summary>
/// The real file system's stamps, with the file system's clock read <see cref="Ahead"/> in the future: every file
/// looks old enough for the file index to trust its stamp, so a test exercises what the index trusts (and must not)
/// without waiting out its racy-timestamp window.
/// </summary>
internal sealed class AheadClock(TimeSpan ahead) : FileClock
{
    public TimeSpan Ahead { get; } = ahead;

    public override FileKind Of(string path, bool followLinks, out FileStamp stamp) => FileKinds.Of(path, followLinks, out stamp);

    public override FileStamp? Stamp(SafeFileHandle handle, string path) => FileKinds.Stamp(handle, path);

    public override long? Now(string folder) => FileClock.System.Now(folder) + (Ahead.Ticks * 100);
}

/// <summary>
/// A file system whose timestamps have a granularity of whole seconds on a clock the test moves (<see cref="Tick"/>):
/// the inode, size and mode are real, the modification and status-change times are the second the test last wrote
/// the file in (<see cref="Wrote"/>), as on a file system with one-second timestamps (ext3, HFS+). Edits within one
/// second then leave a file's stamp exactly as it was: the racy case git's index and the tool's file index must catch.
/// </summary>
internal sealed class CoarseClock : FileClock
{
    private readonly Dictionary<string, (long Modified, long Changed)> _times = new(StringComparer.Ordinal);

    /// <summary>Gets the clock's second.</summary>
    public long Second { get; private set; } = 1_000_000;

    /// <summary>Moves the clock on.</summary>
    public void Tick(int seconds) => Second += seconds;

    /// <summary>The test wrote <paramref name="path"/> now: both its times are this second.</summary>
    public void Wrote(string path) => _times[Key(path)] = (Second, Second);

    /// <summary>The test set <paramref name="path"/>'s modification time (as <c>touch -d</c>): its status-change time is now.</summary>
    public void SetModified(string path, long second) => _times[Key(path)] = (second, Second);

    /// <summary>Gets the modification second recorded for <paramref name="path"/>.</summary>
    public long ModifiedOf(string path) => _times.TryGetValue(Key(path), out var t) ? t.Modified : Second;

    public override FileKind Of(string path, bool followLinks, out FileStamp stamp)
    {
        FileKind kind = FileKinds.Of(path, followLinks, out stamp);
        stamp = Coarse(path, stamp);
        return kind;
    }

    public override FileStamp? Stamp(SafeFileHandle handle, string path) =>
        FileKinds.Stamp(handle, path) is { } stamp ? Coarse(path, stamp) : null;

    public override long? Now(string folder) => Second * 1_000_000_000L;

    // A file the test did not say it wrote is taken as written this second (never trusted while it is).
    private FileStamp Coarse(string path, FileStamp stamp)
    {
        var (modified, changed) = _times.TryGetValue(Key(path), out var t) ? t : (Second, Second);
        return stamp with { ModifiedNs = modified * 1_000_000_000L, ChangedNs = changed * 1_000_000_000L };
    }

    private static string Key(string path) => Path.GetFullPath(path);
}
