using Feed.Tool.Files;
using Microsoft.Win32.SafeHandles;

namespace Feed.Tool.Caching;

/// <summary>
/// The file system's view of files and of time, as the build cache's file index sees them: what a path is and its
/// stamp, an open file's stamp, and the file system's own clock.
/// </summary>
/// <remarks>
/// One seam for the tests: they replace it (for one test's flow only, through <see cref="Override"/>) with file systems
/// whose timestamps are coarse, so that edits within one timestamp tick, the racy case, happen on demand.
/// </remarks>
internal abstract class FileClock
{
    /// <summary>Gets the real file system.</summary>
    public static FileClock System { get; } = new SystemClock();

    /// <summary>Gets the clock of the current flow: <see cref="System"/> unless a test set another.</summary>
    public static FileClock Current => Override.Value ?? System;

    /// <summary>Gets the tests' replacement, for their own async flow only (parallel tests are unaffected).</summary>
    internal static AsyncLocal<FileClock?> Override { get; } = new();

    /// <summary>Gets what a path is and its stamp (see <see cref="FileKinds.Of(string, bool, out FileStamp)"/>).</summary>
    public abstract FileKind Of(string path, bool followLinks, out FileStamp stamp);

    /// <summary>Gets the stamp of an open file, or <see langword="null"/>.</summary>
    public abstract FileStamp? Stamp(SafeFileHandle handle, string path);

    /// <summary>
    /// Gets the file system's time now, in nanoseconds since the Unix epoch: the modification time a file made in
    /// <paramref name="folder"/> gets (it is made and removed at once). Not the time of day the build runs at: the time
    /// file systems stamp files with, in their own granularity, which is what racy timestamps are compared with.
    /// </summary>
    /// <param name="folder">A folder the tool may write in (the cache folder).</param>
    /// <returns>The time, or <see langword="null"/> when no file can be made there.</returns>
    public abstract long? Now(string folder);

    private sealed class SystemClock : FileClock
    {
        public override FileKind Of(string path, bool followLinks, out FileStamp stamp) => FileKinds.Of(path, followLinks, out stamp);

        public override FileStamp? Stamp(SafeFileHandle handle, string path) => FileKinds.Stamp(handle, path);

        public override long? Now(string folder)
        {
            string probe = Path.Join(folder, "clock-" + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                Directory.CreateDirectory(folder);
                using (SafeFileHandle handle = RegularFile.Open(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    return FileKinds.Stamp(handle, probe)?.ModifiedNs;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
            finally
            {
                EntryStore.TryDelete(probe);
            }
        }
    }
}
