using Feed.Tool.Building;
using Feed.Tool.Diagnostics;
using Feed.Tool.Files;
using Microsoft.Win32.SafeHandles;

namespace Feed.Tool.Caching;

/// <summary>
/// Whether the build cache still works in this build. The cache only ever makes a build cheaper, never different, so
/// its first I/O failure (a full disk, no permission, an I/O error, a file that is not a regular one where the cache
/// writes) turns it off for the rest of the build: nothing more is read from it or written to it, and the build goes
/// on as with <c>--no-cache</c>. What it already vouched for stays true (an entry read whole, a document kept), so
/// the output is the same; the build ends with one warning.
/// </summary>
/// <threadsafety>Safe to use from several threads at once.</threadsafety>
internal sealed class CacheHealth
{
    private string? _failure;

    /// <summary>Gets whether the cache has failed and is off for the rest of the build.</summary>
    public bool Failed => Volatile.Read(ref _failure) is not null;

    /// <summary>Notes a failure (the first one is the one reported) and turns the cache off.</summary>
    /// <param name="e">What failed.</param>
    public void Fail(Exception e) => Interlocked.CompareExchange(ref _failure, e.Message, null);

    /// <summary>The warning for a failed cache, or <see langword="null"/> when it worked.</summary>
    /// <param name="cacheDir">The cache folder, as the user gave it.</param>
    /// <returns>The warning.</returns>
    public Diagnostic? Warning(string cacheDir) => Volatile.Read(ref _failure) is { } failure
        ? Diagnostic.Warning(cacheDir, 0, 0, DiagnosticCodes.CacheFailed,
            $"the build cache cannot be used ({failure.TrimEnd('.')}); this build went on without it and wrote what a build without a cache writes. Free space or fix the folder, or pass --no-cache.")
        : null;
}

/// <summary>
/// How the build cache opens its files: as every file feed keeps for itself (<see cref="RegularFile"/>: no link
/// followed, regular files only), plus the fault the tests may inject there (<c>FEED_TEST_CACHE_FAULT</c>, an errno
/// name: <c>EIO</c>, <c>EACCES</c> or <c>ENOSPC</c>), so that every way a cache file can fail is exercised.
/// </summary>
internal static class CacheFile
{
    /// <summary>Opens a file of the cache (see <see cref="RegularFile.Open"/>).</summary>
    public static SafeFileHandle Open(string path, FileMode mode, FileAccess access)
    {
        ThrowInjectedFault(path);
        return RegularFile.Open(path, mode, access, access == FileAccess.Read ? FileShare.Read : FileShare.None);
    }

    /// <summary>Opens a file of the cache as a stream (see <see cref="RegularFile.OpenStream"/>).</summary>
    public static FileStream OpenStream(string path, FileMode mode, FileAccess access, int bufferSize)
    {
        ThrowInjectedFault(path);
        return RegularFile.OpenStream(path, mode, access, bufferSize);
    }

    /// <summary>Reads a whole file of the cache, or <see langword="null"/> when there is none.</summary>
    public static byte[]? ReadAll(string path)
    {
        if (FileKinds.Of(path, followLinks: false) == FileKind.Missing)
        {
            return null;
        }

        ThrowInjectedFault(path);
        return RegularFile.ReadAll(path, Array.MaxLength);
    }

    private static void ThrowInjectedFault(string path)
    {
        switch (TestHooks.CacheFault)
        {
            case null:
                return;
            case "EACCES":
                throw new UnauthorizedAccessException($"Access to the path '{path}' is denied (injected).");
            case "ENOSPC":
                throw new IOException($"No space left on device : '{path}' (injected).", 28);
            default:
                throw new IOException($"Input/output error : '{path}' (injected).", 5);
        }
    }
}
