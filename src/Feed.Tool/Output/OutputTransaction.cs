using System.Buffers;
using Feed.Tool.Diagnostics;
using Microsoft.Win32.SafeHandles;

namespace Feed.Tool.Output;

/// <summary>
/// Writes a build's files into <c>--out</c> all or nothing. <see cref="Stage"/> compares each file with what is on
/// disk and writes only a changed one, to a temporary file beside its target; <see cref="Commit"/> then renames
/// every temporary file over its target (an atomic replace on one file system, so a reader or a crash never sees a
/// half file), records the set in <see cref="ManifestFile"/> and removes the files an earlier build wrote that this
/// one did not. <see cref="Dispose"/> without a commit removes every temporary file and every folder it created:
/// the output folder is left exactly as it was.
/// </summary>
/// <threadsafety><see cref="Stage"/> may be called from several threads at once; the other members may not.</threadsafety>
internal sealed class OutputTransaction : IDisposable
{
    private const string TempSuffix = ".feed-tmp";

    private readonly string _outDir;
    private readonly string _displayOutDir;
    private readonly SortedSet<string> _previous;
    private readonly Lock _lock = new();
    private readonly List<(string Temp, string Target)> _pending = [];
    private readonly List<string> _createdDirs = [];
    private readonly SortedSet<string> _written = new(StringComparer.Ordinal);
    private bool _committed;

    /// <summary>Opens a transaction on <paramref name="outDir"/> (which need not exist yet; nothing is created until a file is staged).</summary>
    /// <param name="outDir">The output folder as the user wrote it.</param>
    public OutputTransaction(string outDir)
    {
        _displayOutDir = outDir;
        _outDir = Path.GetFullPath(outDir);
        _previous = Directory.Exists(_outDir) ? ManifestFile.Read(_outDir) : new SortedSet<string>(StringComparer.Ordinal);
    }

    /// <summary>Gets how many files the commit wrote (new or changed).</summary>
    public int Written { get; private set; }

    /// <summary>Gets how many staged files were already on disk byte for byte (left alone).</summary>
    public int Unchanged { get; private set; }

    /// <summary>Gets how many files of an earlier build the commit removed.</summary>
    public int Removed { get; private set; }

    /// <summary>Stages one file: compares it with the file on disk and writes a temporary copy if it differs.</summary>
    /// <param name="relativePath">The path under <c>--out</c>, <c>/</c>-separated.</param>
    /// <param name="content">The file's bytes.</param>
    /// <param name="diagnostics">Receives a conflict (a file this tool did not write, with other bytes) or an I/O failure.</param>
    public void Stage(string relativePath, ReadOnlySpan<byte> content, List<Diagnostic> diagnostics)
    {
        string target = Path.Join(_outDir, relativePath.Replace('/', Path.DirectorySeparatorChar));
        string display = Path.Join(_displayOutDir, relativePath.Replace('/', Path.DirectorySeparatorChar));
        try
        {
            if (Directory.Exists(target))
            {
                diagnostics.Add(new Diagnostic(display, 0, 0, DiagnosticCodes.OutputConflict,
                    "a folder is in the way of this feed file; move it, or choose another --out."));
                return;
            }

            if (File.Exists(target))
            {
                if (SameBytes(target, content))
                {
                    lock (_lock)
                    {
                        // Equal bytes are adopted even without a manifest entry: the file is exactly what we'd write.
                        _written.Add(relativePath);
                        Unchanged++;
                    }

                    return;
                }

                if (!_previous.Contains(relativePath))
                {
                    diagnostics.Add(new Diagnostic(display, 0, 0, DiagnosticCodes.OutputConflict,
                        $"the file exists but was not written by feed (it is not in {ManifestFile.Name}), so it is left alone; delete it, or choose another --out."));
                    return;
                }
            }

            string dir = Path.GetDirectoryName(target)!;
            EnsureDirectory(dir);
            string temp = Path.Join(dir, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N") + TempSuffix);
            lock (_lock)
            {
                // Recorded before the file exists, so a failure half way still cleans it up.
                _pending.Add((temp, target));
                _written.Add(relativePath);
            }

            WriteNew(temp, content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new Diagnostic(display, 0, 0, DiagnosticCodes.OutputFailed, $"cannot write the file: {e.Message}"));
        }
    }

    /// <summary>
    /// Stages a file that is already on disk with the right bytes, without reading it: the build cache vouches for
    /// it (see <c>Caching/BuildCache.cs</c>). It counts as unchanged and stays in the manifest.
    /// </summary>
    /// <param name="relativePath">The path under <c>--out</c>, <c>/</c>-separated.</param>
    public void Keep(string relativePath)
    {
        lock (_lock)
        {
            _written.Add(relativePath);
            Unchanged++;
        }
    }

    /// <summary>
    /// Puts every staged file in place and removes the files of an earlier build that this one did not write.
    /// Not cancellable: once it starts it finishes, so the folder is never left between two builds.
    /// </summary>
    public void Commit()
    {
        List<string> stale = _previous.Where(p => !_written.Contains(p)).ToList();
        if (_pending.Count > 0 || stale.Count > 0 || !_written.SetEquals(_previous))
        {
            // The manifest lists the union first, so a crash part way through never leaves a file of ours unlisted.
            Directory.CreateDirectory(_outDir);
            var union = new SortedSet<string>(_previous, StringComparer.Ordinal);
            union.UnionWith(_written);
            WriteManifest(union);

            _pending.Sort((a, b) => string.CompareOrdinal(a.Target, b.Target));
            foreach (var (temp, target) in _pending)
            {
                File.Move(temp, target, overwrite: true);
                Written++;
            }

            foreach (string path in stale)
            {
                string full = Path.Join(_outDir, path.Replace('/', Path.DirectorySeparatorChar));
                if (File.Exists(full))
                {
                    File.Delete(full);
                    Removed++;
                }

                RemoveEmptyParents(full);
            }

            WriteManifest(_written);
        }

        _pending.Clear();
        _createdDirs.Clear();
        _committed = true;
    }

    /// <summary>Without a commit: deletes every temporary file and every folder this transaction created.</summary>
    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        foreach (var (temp, _) in _pending)
        {
            TryDelete(temp);
        }

        _pending.Clear();
        for (int i = _createdDirs.Count - 1; i >= 0; i--)
        {
            try
            {
                Directory.Delete(_createdDirs[i], recursive: false);
            }
            catch (IOException)
            {
                // Not empty (someone else wrote there meanwhile) or already gone: leave it.
            }
        }

        _createdDirs.Clear();
    }

    private void WriteManifest(IEnumerable<string> paths)
    {
        string path = Path.Join(_outDir, ManifestFile.Name);
        byte[] bytes = ManifestFile.Format(paths);
        if (File.Exists(path) && SameBytes(path, bytes))
        {
            return;
        }

        string temp = path + "." + Guid.NewGuid().ToString("N") + TempSuffix;
        WriteNew(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }

    private void EnsureDirectory(string dir)
    {
        lock (_lock)
        {
            if (Directory.Exists(dir))
            {
                return;
            }

            // Record each missing level, outermost first, so a rollback can remove them innermost first.
            var missing = new Stack<string>();
            for (string? d = dir; d is not null && !Directory.Exists(d); d = Path.GetDirectoryName(d))
            {
                missing.Push(d);
            }

            while (missing.Count > 0)
            {
                string d = missing.Pop();
                Directory.CreateDirectory(d);
                _createdDirs.Add(d);
            }
        }
    }

    private void RemoveEmptyParents(string file)
    {
        for (string? dir = Path.GetDirectoryName(file);
             dir is not null && dir.Length > _outDir.Length && dir.StartsWith(_outDir, StringComparison.Ordinal);
             dir = Path.GetDirectoryName(dir))
        {
            // An empty folder holds nobody's files; one with anything left in it is not ours to judge.
            if (!Directory.Exists(dir) || Directory.EnumerateFileSystemEntries(dir).Any())
            {
                return;
            }

            Directory.Delete(dir, recursive: false);
        }
    }

    private static void WriteNew(string path, ReadOnlySpan<byte> content)
    {
        // No fsync: renaming a complete file protects readers and crashes of this process (Ctrl-C included), which
        // is the promise; surviving power loss mid-build is left to the next build, like any build output.
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None,
            FileOptions.None, preallocationSize: content.Length);
        RandomAccess.Write(handle, content, 0);
    }

    private static bool SameBytes(string path, ReadOnlySpan<byte> content)
    {
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (RandomAccess.GetLength(handle) != content.Length)
        {
            return false;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long offset = 0;
            while (offset < content.Length)
            {
                int read = RandomAccess.Read(handle, buffer, offset);
                if (read == 0 || read > content.Length - offset || !buffer.AsSpan(0, read).SequenceEqual(content.Slice((int)offset, read)))
                {
                    return false;
                }

                offset += read;
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover hidden *.feed-tmp file is harmless and never listed in the manifest.
        }
    }
}
