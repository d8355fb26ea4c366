using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Feed.Tool.Building;
using Feed.Tool.Diagnostics;
using Feed.Tool.Files;
using Microsoft.Win32.SafeHandles;

namespace Feed.Tool.Output;

/// <summary>
/// Writes a build's files into <c>--out</c> all or nothing, one build at a time, and recoverably.
/// </summary>
/// <remarks>
/// <para>
/// Opening takes the folder's <see cref="OutputLock"/>, then finishes whatever an interrupted build left: a journal
/// (<see cref="JournalName"/>) means a commit was cut short, and it is completed; temporary files without a journal
/// mean a build was stopped before its commit, and they are removed. Either is reported.
/// </para>
/// <para>
/// <see cref="Stage"/> compares each file with what is on disk and writes only a changed one, to a temporary file
/// beside its target. <see cref="Commit"/> first writes the journal (the new manifest, every rename and every removal,
/// itself put in place by a rename), then renames each temporary file over its target (an atomic replace on one file
/// system, so a reader never sees a half file), removes the files an earlier build wrote that this one did not, writes
/// <see cref="ManifestFile"/> and deletes the journal. A kill at any point therefore leaves either the old build (no
/// journal: the temporary files are debris the next build removes) or a journal from which the next build completes
/// the new one: after the next build, the folder is always exactly one build's output.
/// </para>
/// <para>
/// No path outside <c>--out</c> is ever written or deleted: <c>--out</c> is resolved to its real path once, and a
/// path under it whose folders include a symbolic link (or that is a link itself) is refused when staging and skipped,
/// with a warning, when removing. <see cref="Dispose"/> without a commit removes every temporary file and folder it
/// created, and releases the lock.
/// </para>
/// </remarks>
/// <threadsafety><see cref="Stage"/> may be called from several threads at once; the other members may not.</threadsafety>
internal sealed partial class OutputTransaction : IDisposable
{
    /// <summary>The journal's file name inside <c>--out</c>.</summary>
    public const string JournalName = ".feed-journal";

    private const string TempSuffix = ".feed-tmp";
    private const string JournalHeader = "# feed journal 1: a commit in progress. The next 'feed build' completes it. Do not edit.";

    private readonly string _outDir;
    private readonly string _displayOutDir;
    private readonly SortedSet<string> _previous = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly List<(string Temp, string Target)> _pending = [];
    private readonly List<string> _createdDirs = [];
    private readonly SortedSet<string> _written = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _safeDirs = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> _notes = [];
    private readonly List<Diagnostic> _problems = [];
    private readonly List<(string Path, string Reason)> _changedArchives = [];
    private readonly SortedSet<string> _changed = new(StringComparer.Ordinal);
    private readonly OutputLock? _outputLock;
    private readonly TextWriter? _log;
    private readonly CancellationToken _cancellationToken;
    private bool _committed;
    private bool _journalWritten;

    /// <summary>Opens a transaction on <paramref name="outDir"/>: creates it if missing, locks it, recovers it.</summary>
    /// <param name="outDir">The output folder as the user wrote it.</param>
    /// <param name="lockTimeout">How long to wait for another build of the same folder.</param>
    /// <param name="time">The clock, for the wait.</param>
    /// <param name="log">Told when the build has to wait for another; receives the test hooks' messages.</param>
    /// <param name="cancellationToken">Stops the wait (the commit itself is not cancellable).</param>
    /// <exception cref="OutputLockedException">Another build held the folder for longer than <paramref name="lockTimeout"/>.</exception>
    /// <exception cref="IOException">The folder cannot be created or locked.</exception>
    public OutputTransaction(string outDir, TimeSpan lockTimeout, TimeProvider time, TextWriter? log, CancellationToken cancellationToken)
    {
        _displayOutDir = outDir;
        _log = log;
        _cancellationToken = cancellationToken;
        string full = Path.GetFullPath(outDir);
        if (!Directory.Exists(full))
        {
            CreateDirectories(full);
        }

        _outDir = FileKinds.RealPath(full);
        try
        {
            _outputLock = OutputLock.Acquire(_outDir, lockTimeout, time,
                holder => log?.WriteLine($"feed: waiting for {holder} to finish writing {Diagnostic.EscapePath(outDir)}..."),
                cancellationToken);
        }
        catch (NotRegularFileException e)
        {
            RemoveCreatedDirectories();
            _problems.Add(e.ToDiagnostic(Display(OutputLock.Name), "its lock for --out"));
            return;
        }
        catch
        {
            RemoveCreatedDirectories();
            throw;
        }

        try
        {
            string manifest = Path.Join(_outDir, ManifestFile.Name);
            FileKind manifestKind = FileKinds.Of(manifest, followLinks: false);
            if (manifestKind is not (FileKind.Regular or FileKind.Missing))
            {
                _problems.Add(new Diagnostic(Display(ManifestFile.Name), 0, 0, DiagnosticCodes.OutputConflict,
                    $"this is not a regular file, but feed keeps its list of the files it wrote here; remove it (or choose another --out)."));
                return;
            }

            Recover();
            foreach (string path in ManifestFile.Read(_outDir))
            {
                _previous.Add(path);
            }
        }
        catch (NotRegularFileException e)
        {
            // Put there while this build held the lock (it was checked just above): refused like any other.
            _problems.Add(e.ToDiagnostic(Path.Join(_displayOutDir, Path.GetRelativePath(_outDir, e.Path)), "a file of its own"));
        }
        catch
        {
            // The caller gets no transaction to dispose: release the lock here, or it would stay held by this process
            // (Feed.Build runs builds in a long-lived MSBuild process).
            _outputLock?.Dispose();
            throw;
        }
    }

    /// <summary>Gets how many files the commit wrote (new or changed).</summary>
    public int Written { get; private set; }

    /// <summary>Gets how many staged files were already on disk byte for byte (left alone).</summary>
    public int Unchanged { get; private set; }

    /// <summary>Gets how many files of an earlier build the commit removed.</summary>
    public int Removed { get; private set; }

    /// <summary>Gets problems found on opening (the build must stop); see <see cref="DiagnosticCodes.OutputConflict"/>.</summary>
    public IReadOnlyList<Diagnostic> Problems => _problems;

    /// <summary>Gets warnings to print: what recovery did, manifest lines skipped as unsafe.</summary>
    public IReadOnlyList<Diagnostic> Notes => _notes;

    /// <summary>Gets the files this build writes because they are new or their bytes changed, <c>/</c>-separated (complete once every file is staged).</summary>
    public IReadOnlyCollection<string> Changed => _changed;

    /// <summary>Gets the archive documents of an earlier build whose bytes this build changes, with why (see <see cref="ArchiveChanges"/>).</summary>
    public IReadOnlyList<(string Path, string Reason)> ChangedArchives => _changedArchives;

    /// <summary>Stages one file: compares it with the file on disk and writes a temporary copy if it differs.</summary>
    /// <param name="relativePath">The path under <c>--out</c>, <c>/</c>-separated.</param>
    /// <param name="content">The file's bytes.</param>
    /// <param name="diagnostics">Receives a conflict (a file this tool did not write, with other bytes) or an I/O failure.</param>
    public void Stage(string relativePath, ReadOnlySpan<byte> content, List<Diagnostic> diagnostics)
    {
        string target = Full(relativePath);
        string display = Display(relativePath);
        try
        {
            if (UnsafeFolder(relativePath) is { } link)
            {
                diagnostics.Add(new Diagnostic(display, 0, 0, DiagnosticCodes.OutputConflict,
                    FileKinds.Of(Full(link), followLinks: false) == FileKind.SymbolicLink
                        ? $"{Display(link)} is a symbolic link; feed writes only inside --out, never through a link. Remove it, or choose another --out."
                        : $"{Display(link)} is a file where feed needs a folder; move it, or choose another --out."));
                return;
            }

            switch (FileKinds.Of(target, followLinks: false))
            {
                case FileKind.Directory:
                    diagnostics.Add(new Diagnostic(display, 0, 0, DiagnosticCodes.OutputConflict,
                        "a folder is in the way of this feed file; move it, or choose another --out."));
                    return;
                case FileKind.SymbolicLink or FileKind.Special:
                    diagnostics.Add(new Diagnostic(display, 0, 0, DiagnosticCodes.OutputConflict,
                        "a symbolic link or special file is in the way of this feed file; feed does not write through it. Remove it, or choose another --out."));
                    return;
                case FileKind.Regular:
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

                    if (ArchiveChanges.IsArchive(relativePath))
                    {
                        string reason = ArchiveChanges.Describe(target, content);
                        lock (_lock)
                        {
                            _changedArchives.Add((relativePath, reason));
                        }
                    }

                    break;
            }

            string dir = Path.GetDirectoryName(target)!;
            EnsureDirectory(dir);
            string temp = Path.Join(dir, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N") + TempSuffix);
            lock (_lock)
            {
                // Recorded before the file exists, so a failure half way still cleans it up.
                _pending.Add((temp, target));
                _written.Add(relativePath);
                _changed.Add(relativePath);
            }

            WriteNew(temp, content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new Diagnostic(display, 0, 0, DiagnosticCodes.OutputFailed, $"cannot write the file: {e.Message}"));
        }
    }

    /// <summary>
    /// Stages a file that is already on disk with the right bytes, without reading it: the build cache vouches for its
    /// bytes (see <c>Caching/BuildCache.cs</c>). It counts as unchanged and stays in the manifest.
    /// </summary>
    /// <param name="relativePath">The path under <c>--out</c>, <c>/</c>-separated.</param>
    /// <returns><see langword="false"/> when the path is not a plain file reached without links: then <see cref="Stage"/> it, which says what is wrong.</returns>
    public bool TryKeep(string relativePath)
    {
        if (UnsafeFolder(relativePath) is not null || FileKinds.Of(Full(relativePath), followLinks: false) != FileKind.Regular)
        {
            return false;
        }

        lock (_lock)
        {
            _written.Add(relativePath);
            Unchanged++;
        }

        return true;
    }

    /// <summary>
    /// Puts every staged file in place and removes the files of an earlier build that this one did not write, through
    /// the journal (see the remarks). Not cancellable: once it starts it finishes.
    /// </summary>
    /// <exception cref="IOException">The folder could not be updated; the journal stays, and the next build completes the commit.</exception>
    public void Commit()
    {
        List<string> stale = StaleFiles();

        if (_pending.Count > 0 || stale.Count > 0 || !_written.SetEquals(_previous))
        {
            // New pages first, then changed ones, the subscription documents (feed.xml, atom.xml) last: while the
            // renames run, a reader following a document's links finds every page it names.
            var ordered = _pending.OrderBy(p => RenameOrder(p.Target)).ThenBy(p => p.Target, StringComparer.Ordinal).ToList();
            _pending.Clear();
            _pending.AddRange(ordered);
            WriteJournal(stale);
            _journalWritten = true;
            bool paused = false;
            foreach (var (temp, target) in _pending)
            {
                File.Move(temp, target, overwrite: true);
                Written++;
                if (!paused)
                {
                    paused = true;
                    TestHooks.PauseUncancellable("commit", _log, _cancellationToken);
                }
            }

            Removed += RemoveFiles(stale);
            WriteFileAtomically(ManifestFile.Name, ManifestFile.Format(_written));
            File.Delete(Path.Join(_outDir, JournalName));
        }

        _pending.Clear();
        _createdDirs.Clear();
        _committed = true;
    }

    /// <summary>
    /// Removes every file an earlier build wrote (the manifest's files, each checked as <see cref="Commit"/> checks the
    /// files it removes: nothing through a link or outside --out, reported as <see cref="Notes"/>), the folders that
    /// leaves empty, and the manifest: <c>dotnet clean</c> (Feed.Build's <c>FeedClean</c> task). Nothing may be staged.
    /// </summary>
    /// <returns>The full paths of the files removed, the manifest last.</returns>
    /// <exception cref="IOException">A file could not be removed.</exception>
    public IReadOnlyList<string> Clean()
    {
        if (_pending.Count > 0 || _written.Count > 0)
        {
            throw new InvalidOperationException("Clean removes an earlier build's files; this transaction has staged files of its own.");
        }

        var removed = new List<string>();
        Removed += RemoveFiles(StaleFiles(), removed);
        string manifest = Path.Join(_outDir, ManifestFile.Name);
        if (FileKinds.Of(manifest, followLinks: false) == FileKind.Regular)
        {
            File.Delete(manifest);
            removed.Add(manifest);
        }

        _createdDirs.Clear();
        _committed = true;
        return removed;
    }

    // The files of an earlier build that this one does not write, which a commit removes: those reached through real
    // folders of --out only. One behind a link, or no longer a regular file, is left alone, with a note.
    private List<string> StaleFiles()
    {
        var stale = new List<string>();
        foreach (string path in _previous)
        {
            if (_written.Contains(path))
            {
                continue;
            }

            string? link = UnsafeFolder(path);
            if (link is not null || FileKinds.Of(Full(path), followLinks: false) is FileKind.SymbolicLink or FileKind.Directory or FileKind.Special)
            {
                _notes.Add(Diagnostic.Warning(Display(path), 0, 0, DiagnosticCodes.OutputRecovered,
                    $"{ManifestFile.Name} lists this file, but {(link is null ? "it is no longer a regular file" : Display(link) + " is a symbolic link or not a folder")}; feed never deletes through a link or outside --out, so it is left alone and dropped from the list."));
                continue;
            }

            stale.Add(path);
        }

        return stale;
    }

    /// <summary>Without a commit: deletes every temporary file and every folder this transaction created. Then releases the lock.</summary>
    public void Dispose()
    {
        if (!_committed && !_journalWritten)
        {
            // Once the journal is written the temporary files belong to it: a failed commit is completed by the next build.
            foreach (var (temp, _) in _pending)
            {
                TryDelete(temp);
            }

            _pending.Clear();
        }

        // The lock file goes first (deleted by the lock's owner), so that a folder this build created is empty again.
        _outputLock?.Dispose();
        if (!_committed && !_journalWritten)
        {
            RemoveCreatedDirectories();
        }
    }

    private int RenameOrder(string target) =>
        !File.Exists(target) ? 0 : Path.GetDirectoryName(target) != _outDir ? 1 : 2;

    private string Full(string relativePath) => Path.Join(_outDir, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private string Display(string relativePath) => Path.Join(_displayOutDir, relativePath.Replace('/', Path.DirectorySeparatorChar));

    // The first folder on the way from --out to the file that is not a real folder (a link, a file), or null when
    // every folder is real or not there yet. Answers are cached: pages share a few folders.
    private string? UnsafeFolder(string relativePath)
    {
        int slash = -1;
        while ((slash = relativePath.IndexOf('/', slash + 1)) >= 0)
        {
            string folder = relativePath[..slash];
            if (_safeDirs.TryGetValue(folder, out bool safe))
            {
                if (!safe)
                {
                    return folder;
                }

                continue;
            }

            FileKind kind = FileKinds.Of(Full(folder), followLinks: false);
            if (kind == FileKind.Missing)
            {
                return null; // created by us, as a real folder, when staging
            }

            safe = kind == FileKind.Directory;
            _safeDirs[folder] = safe;
            if (!safe)
            {
                return folder;
            }
        }

        return null;
    }

    // Deletes the given files (safe paths under --out), then the folders that became empty: each folder is listed
    // once, after all its files are gone, not once per file removed.
    private int RemoveFiles(IEnumerable<string> relativePaths, List<string>? removedPaths = null)
    {
        int removed = 0;
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (string path in relativePaths)
        {
            string full = Full(path);
            if (File.Exists(full))
            {
                File.Delete(full);
                removed++;
                removedPaths?.Add(full);
            }

            for (int slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
            {
                folders.Add(path[..slash]);
            }
        }

        // Deepest first, so a parent is looked at after its children.
        foreach (string folder in folders.OrderByDescending(f => f.Count(c => c == '/')).ThenBy(f => f, StringComparer.Ordinal))
        {
            string full = Full(folder);
            if (FileKinds.Of(full, followLinks: false) == FileKind.Directory && !Directory.EnumerateFileSystemEntries(full).Any())
            {
                // An empty folder holds nobody's files; one with anything left in it is not ours to judge.
                Directory.Delete(full, recursive: false);
            }
        }

        return removed;
    }

    private void WriteJournal(List<string> stale)
    {
        var text = new StringBuilder(JournalHeader).Append('\n');
        foreach (string path in _written)
        {
            text.Append("M ").Append(path).Append('\n');
        }

        foreach (var (temp, target) in _pending)
        {
            text.Append("R ").Append(Path.GetRelativePath(_outDir, temp).Replace(Path.DirectorySeparatorChar, '/'))
                .Append('\t').Append(Path.GetRelativePath(_outDir, target).Replace(Path.DirectorySeparatorChar, '/')).Append('\n');
        }

        foreach (string path in stale)
        {
            text.Append("D ").Append(path).Append('\n');
        }

        WriteFileAtomically(JournalName, new UTF8Encoding(false).GetBytes(text.ToString()));
    }

    /// <summary>
    /// Completes a commit a journal describes, then removes temporary files no journal accounts for (a build stopped
    /// before its commit). Every path is checked as a new one would be: nothing outside --out, nothing through a link.
    /// </summary>
    private void Recover()
    {
        string journal = Path.Join(_outDir, JournalName);
        if (FileKinds.Of(journal, followLinks: false) == FileKind.Regular)
        {
            var manifest = new List<string>();
            var renames = new List<(string Temp, string Target)>();
            var removals = new List<string>();
            byte[] bytes = RegularFile.ReadAll(journal, Array.MaxLength) ?? [];
            string[] lines = Encoding.UTF8.GetString(bytes).Split('\n');
            if (lines.Length > 0 && lines[^1].Length == 0)
            {
                lines = lines[..^1]; // the text ends with a line end
            }


            bool valid = lines.Length > 0 && lines[0] == JournalHeader;
            foreach (string line in lines.Skip(1))
            {
                if (line.StartsWith("M ", StringComparison.Ordinal) && ManifestFile.IsSafeRelativePath(line[2..]))
                {
                    manifest.Add(line[2..]);
                }
                else if (line.StartsWith("D ", StringComparison.Ordinal) && ManifestFile.IsSafeRelativePath(line[2..]))
                {
                    removals.Add(line[2..]);
                }
                else if (line.StartsWith("R ", StringComparison.Ordinal) && line[2..].Split('\t') is [var temp, var target]
                    && ManifestFile.IsSafeRelativePath(temp) && ManifestFile.IsSafeRelativePath(target) && TempName().IsMatch(temp))
                {
                    renames.Add((temp, target));
                }
                else
                {
                    valid = false;
                }
            }

            if (valid)
            {
                int moved = 0;
                foreach (var (temp, target) in renames)
                {
                    if (UnsafeFolder(target) is null && FileKinds.Of(Full(temp), followLinks: false) == FileKind.Regular
                        && FileKinds.Of(Full(target), followLinks: false) is FileKind.Regular or FileKind.Missing)
                    {
                        File.Move(Full(temp), Full(target), overwrite: true);
                        moved++;
                    }
                }

                int removed = RemoveFiles(removals.Where(p => UnsafeFolder(p) is null && FileKinds.Of(Full(p), followLinks: false) == FileKind.Regular).ToList());
                WriteFileAtomically(ManifestFile.Name, ManifestFile.Format(manifest));
                File.Delete(journal);
                _notes.Add(Diagnostic.Warning(_displayOutDir, 0, 0, DiagnosticCodes.OutputRecovered,
                    $"an earlier build was interrupted while putting its files in place; its commit was completed first ({moved} file{(moved == 1 ? "" : "s")} put in place, {removed} removed)."));
            }
            else
            {
                // Never written by this tool as it stands (it is renamed into place whole): leave the pages as they
                // are, drop it, and let the temporary files go below.
                File.Delete(journal);
                _notes.Add(Diagnostic.Warning(Display(JournalName), 0, 0, DiagnosticCodes.OutputRecovered,
                    "an unreadable journal of an interrupted build was removed; the pages were left as they were."));
            }
        }

        // Temporary files live beside their targets: in every folder a build may write in. Those are --out itself, the
        // folders of the layout, the folders of every file the manifest lists, and the folder of every tag, category
        // and author feed there is (with its layout folders): a killed build may have made one for a tag that is gone
        // again, which no manifest lists.
        var folders = new SortedSet<string>(StringComparer.Ordinal) { string.Empty };
        var layoutRoots = new List<string> { string.Empty };
        foreach (string taxonomy in OutputLayout.TaxonomyFolders)
        {
            if (RealFolder(taxonomy))
            {
                folders.Add(taxonomy);
                foreach (string slug in Directory.EnumerateDirectories(Full(taxonomy), "*", new EnumerationOptions { AttributesToSkip = 0 }))
                {
                    string root = taxonomy + "/" + Path.GetFileName(slug);
                    if (ManifestFile.IsSafeRelativePath(root) && RealFolder(root))
                    {
                        layoutRoots.Add(root);
                    }
                }
            }
        }

        IEnumerable<string> layoutFiles = layoutRoots.SelectMany(root =>
            OutputLayout.Folders.Prepend(string.Empty).Select(f => (root.Length == 0 ? f : f.Length == 0 ? root : root + "/" + f) + "/x"));
        foreach (string path in ManifestFile.Read(_outDir).Concat(layoutFiles))
        {
            for (int slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
            {
                folders.Add(path[..slash]);
            }
        }

        // The numbered folders of the HTML pages (page/2/ …), in --out and in each taxonomy feed's folder: a killed
        // build may have made them for pages no manifest lists.
        var numbered = new List<string>();
        foreach (string root in layoutRoots)
        {
            foreach (string parent in OutputLayout.NumberedFolders)
            {
                string relative = root.Length == 0 ? parent : root + "/" + parent;
                if (RealFolder(relative))
                {
                    foreach (string child in Directory.EnumerateDirectories(Full(relative), "*", new EnumerationOptions { AttributesToSkip = 0 }))
                    {
                        string folder = relative + "/" + Path.GetFileName(child);
                        if (ManifestFile.IsSafeRelativePath(folder))
                        {
                            folders.Add(folder);
                            numbered.Add(folder);
                        }
                    }
                }
            }
        }

        int deleted = 0;
        foreach (string folder in folders)
        {
            if (folder.Length > 0 && !RealFolder(folder))
            {
                continue;
            }

            string full = folder.Length == 0 ? _outDir : Full(folder);
            foreach (string temp in Directory.EnumerateFiles(full, "*" + TempSuffix, new EnumerationOptions { AttributesToSkip = 0 }))
            {
                if (TempName().IsMatch(Path.GetFileName(temp)) && FileKinds.Of(temp, followLinks: false) == FileKind.Regular)
                {
                    File.Delete(temp);
                    deleted++;
                }
            }
        }

        // A folder a stopped build created for its pages and left empty: the layout's folders, in --out and in each
        // taxonomy feed's folder, then that folder, then the taxonomy's (deepest first).
        foreach (string folder in numbered)
        {
            RemoveIfEmpty(folder);
        }

        foreach (string root in layoutRoots.OrderByDescending(r => r.Length))
        {
            foreach (string folder in OutputLayout.Folders.OrderByDescending(f => f.Length).Append(string.Empty))
            {
                string relative = root.Length == 0 ? folder : folder.Length == 0 ? root : root + "/" + folder;
                if (relative.Length > 0)
                {
                    RemoveIfEmpty(relative);
                }
            }
        }

        foreach (string taxonomy in OutputLayout.TaxonomyFolders)
        {
            RemoveIfEmpty(taxonomy);
        }

        if (deleted > 0)
        {
            _notes.Add(Diagnostic.Warning(_displayOutDir, 0, 0, DiagnosticCodes.OutputRecovered,
                $"removed {deleted} temporary file{(deleted == 1 ? "" : "s")} left by a build that was stopped before its commit; its pages were never put in place."));
        }
    }

    // Whether the folder is a real folder reached from --out through real folders only (no link, never outside).
    private bool RealFolder(string relativeFolder) =>
        UnsafeFolder(relativeFolder + "/x") is null && FileKinds.Of(Full(relativeFolder), followLinks: false) == FileKind.Directory;

    // Removes a real folder that holds nothing: nobody's files are in it.
    private void RemoveIfEmpty(string relativeFolder)
    {
        string full = Full(relativeFolder);
        if (RealFolder(relativeFolder) && !Directory.EnumerateFileSystemEntries(full).Any())
        {
            Directory.Delete(full);
        }
    }

    private void WriteFileAtomically(string name, byte[] bytes)
    {
        string path = Path.Join(_outDir, name);
        if (FileKinds.Of(path, followLinks: false) == FileKind.Regular && SameBytes(path, bytes))
        {
            return;
        }

        string temp = Path.Join(_outDir, name + "." + Guid.NewGuid().ToString("N") + TempSuffix);
        try
        {
            WriteNew(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private void CreateDirectories(string dir)
    {
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

    private void EnsureDirectory(string dir)
    {
        lock (_lock)
        {
            if (!Directory.Exists(dir))
            {
                CreateDirectories(dir);
            }
        }
    }

    private void RemoveCreatedDirectories()
    {
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

    private static void WriteNew(string path, ReadOnlySpan<byte> content)
    {
        // No fsync: renaming a complete file protects readers and crashes of this process (kills included), which
        // is the promise; surviving power loss mid-build is left to the next build, like any build output.
        using SafeFileHandle handle = RegularFile.Open(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        RandomAccess.Write(handle, content, 0);
    }

    private static bool SameBytes(string path, ReadOnlySpan<byte> content)
    {
        using SafeFileHandle handle = RegularFile.Open(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
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
            // Best effort: a leftover hidden *.feed-tmp file is removed by the next build.
        }
    }

    // What this class names its temporary files: "." + the target's name + "." + 32 hex digits + ".feed-tmp".
    [GeneratedRegex(@"(^|/)\.[^/]+\.[0-9a-f]{32}\.feed-tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TempName();
}
