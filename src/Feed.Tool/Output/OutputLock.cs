using System.Globalization;
using System.Text;
using Feed.Tool.Files;

namespace Feed.Tool.Output;

/// <summary>
/// One build at a time per output folder: an advisory lock on <c>.feed-lock</c> inside it, held from before the
/// manifest is read until after the commit, and deleted on release (the folder keeps no lock file between builds).
/// </summary>
/// <remarks>
/// <para>
/// The lock is a byte-range lock (<see cref="FileStream.Lock"/>: <c>fcntl</c> on Unix, <c>LockFileEx</c> on Windows),
/// not .NET's <see cref="FileShare.None"/>, so that a build that has to wait can still open the file and read who holds
/// it (the holder writes its process id there). The kernel releases the lock when the holder dies, however it dies, so
/// a killed build never blocks the next one. A lock file left by a killed build is simply reused.
/// </para>
/// <para>
/// Deleting the file on release would race with a build that opened it just before (it would lock a file no longer in
/// the folder while a third build locks a new one); so after locking, a build checks that the path still names the
/// file it locked (same device and inode) and starts over if not. Byte-range locks belong to a process, not a handle,
/// so builds inside one process (tests) are also kept apart by <see cref="s_held"/>.
/// </para>
/// </remarks>
internal sealed class OutputLock : IDisposable
{
    /// <summary>The lock file's name inside <c>--out</c>.</summary>
    public const string Name = ".feed-lock";

    private static readonly HashSet<string> s_held = new(StringComparer.Ordinal);

    // EROFS, which .NET reports as an IOException whose HResult is the errno.
    private const int ReadOnlyFileSystem = 30;

    private readonly string _path;
    private FileStream? _stream;
    private bool _released;

    private OutputLock(string path, FileStream? stream)
    {
        _path = path;
        _stream = stream;
    }

    /// <summary>Takes the lock of <paramref name="outDir"/>, waiting up to <paramref name="timeout"/> for another build.</summary>
    /// <param name="outDir">The real path of the output folder (it exists).</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="time">The clock for the wait.</param>
    /// <param name="waiting">Told once, with the holder's description, when the lock is busy.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The lock.</returns>
    /// <exception cref="OutputLockedException">Still held by another build after <paramref name="timeout"/>.</exception>
    /// <exception cref="NotRegularFileException">A link, folder, FIFO or socket is at <see cref="Name"/>.</exception>
    public static OutputLock Acquire(string outDir, TimeSpan timeout, TimeProvider time, Action<string> waiting, CancellationToken cancellationToken)
    {
        string path = Path.Join(outDir, Name);
        long started = time.GetTimestamp();
        bool told = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string? holder = TryAcquire(path, out OutputLock? acquired);
            if (acquired is not null)
            {
                return acquired;
            }

            if (holder is null)
            {
                continue; // the file was replaced between open and lock: try again at once
            }

            if (time.GetElapsedTime(started) >= timeout)
            {
                throw new OutputLockedException(holder);
            }

            if (!told)
            {
                waiting(holder);
                told = true;
            }

            cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(100));
        }
    }

    // Returns the lock, or the holder's description when busy, or null (and no lock) to retry at once.
    private static string? TryAcquire(string path, out OutputLock? acquired)
    {
        acquired = null;
        lock (s_held)
        {
            // Claimed before the file is opened: closing any handle of a locked file drops the process's lock on it,
            // so a second build in this process must not even open it.
            if (!s_held.Add(path))
            {
                return "another build in this process";
            }
        }

        string? result = null;
        FileStream? stream = null;
        try
        {
            // Opened as every file feed keeps for itself: never through a link (a link here once had the lock written
            // over the file it named, outside --out), and only a regular file (a folder was taken for a read-only
            // --out, a FIFO blocked or crashed the build): anything else is a NotRegularFileException for the caller.
            if (OperatingSystem.IsMacOS())
            {
                // No byte-range locks in .NET on macOS: .NET's own whole-file lock (flock), whose holder cannot be read.
                try
                {
                    stream = new FileStream(RegularFile.Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), FileAccess.ReadWrite, 1);
                }
                catch (IOException e) when (e is not NotRegularFileException && File.Exists(path))
                {
                    return "another feed build";
                }
            }
            else
            {
                stream = new FileStream(RegularFile.Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete), FileAccess.ReadWrite, 1);
                try
                {
                    stream.Lock(0, 1);
                }
                catch (IOException)
                {
                    result = ReadHolder(stream);
                    return result;
                }
            }

            if ((FileKinds.Identity(stream.SafeFileHandle) is { } mine && FileKinds.Identity(path) != mine) || !File.Exists(path))
            {
                return null; // we locked a file that was deleted (and maybe replaced) meanwhile
            }

            // Who holds it, for a build that has to wait: read by people, not parsed.
            byte[] text = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"process {Environment.ProcessId} ({Environment.ProcessPath ?? "feed"})\n"));
            stream.SetLength(0);
            stream.Write(text);
            stream.Flush();
            acquired = new OutputLock(path, stream);
            stream = null;
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            // A build that created the folder and then failed removed it just now.
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return null;
        }
        catch (Exception e) when (stream is null && (e is UnauthorizedAccessException || e.HResult == ReadOnlyFileSystem))
        {
            // A folder nobody may write to needs no lock: no build can change it, this one included (it fails when
            // it tries, if anything differs). A build with nothing to change still succeeds there.
            acquired = new OutputLock(path, null);
            return null;
        }
        finally
        {
            if (acquired is null)
            {
                stream?.Dispose();
                lock (s_held)
                {
                    s_held.Remove(path);
                }
            }
        }
    }

    private static string ReadHolder(FileStream stream)
    {
        try
        {
            byte[] buffer = new byte[512];
            int read = stream.Read(buffer);
            string text = Encoding.UTF8.GetString(buffer, 0, read).Trim();
            return text.Length > 0 ? text : "another feed build (it has not said who it is yet)";
        }
        catch (IOException)
        {
            return "another feed build";
        }
    }

    /// <summary>Deletes the lock file (while still holding it, see the remarks), then releases the lock.</summary>
    public void Dispose()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        if (_stream is null)
        {
            lock (s_held)
            {
                s_held.Remove(_path);
            }

            return;
        }

        try
        {
            File.Delete(_path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind, it is harmless: the next build reuses it.
        }

        _stream.Dispose();
        _stream = null;
        lock (s_held)
        {
            s_held.Remove(_path);
        }
    }
}

/// <summary>Another build held the output folder for longer than the timeout.</summary>
/// <param name="holder">Who holds it, as the holder wrote it.</param>
internal sealed class OutputLockedException(string holder) : Exception($"the output folder is being written by {holder}.")
{
    /// <summary>Gets who holds the lock.</summary>
    public string Holder { get; } = holder;
}
