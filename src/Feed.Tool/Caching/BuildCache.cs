using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;
using Feed.Tool.Configuration;
using Feed.Tool.Posts;
using Microsoft.Win32.SafeHandles;

namespace Feed.Tool.Caching;

/// <summary>
/// The build cache: what each feed document in <c>--out</c> was made from, so that a rebuild keeps a document whose
/// inputs have not changed without reading, parsing or rendering any of its posts; and where each entry's bytes are in
/// those documents (its <em>fragments</em>), so that a document that must be written again because its page moved is
/// put together from bytes already written instead of being formatted again.
/// </summary>
/// <remarks>
/// <para>
/// A document's key is a hash of the build's <see cref="SettingsFingerprint"/> (tool version and every setting), the
/// fingerprint of its feed's options (a taxonomy feed is titled by its term as the posts spell it), the document's
/// format, kind, number, offset and size, the number of posts in the feed, and the path and content hash
/// of each of its posts. Those are everything its bytes depend on, so an equal key means equal bytes. The cache
/// also records the size and last write time the file had after the build that wrote it; a document is kept only
/// when the file in <c>--out</c> still has both (a file edited or removed by hand is made again, as <c>make</c>
/// would). One changed post therefore makes again only the documents it appears on.
/// </para>
/// <para>
/// <b>Fragments.</b> A new post moves every page: each document changes, but each entry's bytes do not (they depend on
/// the entry and the feed's settings only: see the library's <c>Writers/Fragments/EntryFragments.cs</c>). So for each
/// document it writes, a build records where each entry's bytes are in it (offset, length, a checksum), under a key of
/// the post's entry key and the fragment context of the feed and format. The next build that must write a document
/// copies those bytes from the documents already in <c>--out</c> (still there: new files are staged beside them until
/// the commit), once it has checked that the document is the file this cache recorded (size and time) and that the
/// bytes have their checksum; anything else (a file edited, removed, or unreadable) and the entry is formatted again.
/// The bytes are not stored twice: the documents hold them, and a cold build writes nothing more than before.
/// </para>
/// <para>
/// Everything lives in one index file per output folder under the cache folder, outside <c>--out</c>: a header, the
/// documents (read at start, checked whole), then the fragments (read only when some document must be written, checked
/// whole). Any part that is damaged, of another format, or for other settings is ignored: a cold build, never a wrong
/// one. It is replaced atomically after a build commits, and only when it changed. Deleting the cache folder is always
/// safe.
/// </para>
/// </remarks>
/// <threadsafety>Every member but <see cref="Save"/> may be called from several threads at once.</threadsafety>
internal sealed class BuildCache
{
    private const int FormatVersion = 2;
    private const int FragmentSize = 16 + 4 + 4 + 4 + 8 + 1;
    private static readonly byte[] Magic = "feed build cache\n"u8.ToArray();
    private static readonly int HeaderSize = Magic.Length + 4 + 16 + 8 + 8;

    private readonly string _indexPath;
    private readonly string _cacheDir;
    private readonly string _outDir;
    private readonly UInt128 _fingerprint;
    private readonly Document[] _previous;
    private readonly Dictionary<string, int> _previousByPath;
    private readonly long _fragmentsOffset;
    private readonly long _fragmentsLength;
    private readonly ConcurrentDictionary<string, UInt128> _current = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _reusedPaths = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Fragment[]> _written = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, bool> _documentIntact = new();
    private readonly Lock _fragmentsLock = new();
    private Fragment[]? _fragments;
    private int _reused;

    private BuildCache(string cacheDir, string outDir, UInt128 fingerprint, CacheHealth health)
    {
        _outDir = outDir;
        _cacheDir = cacheDir;
        _fingerprint = fingerprint;
        Health = health;

        // One index per output folder: a cache folder shared by several sites (the default one is) keeps them apart.
        var name = new Fingerprint().Add(outDir).Value;
        _indexPath = Path.Join(cacheDir, "pages-" + name.ToString("x32", System.Globalization.CultureInfo.InvariantCulture) + ".bin");
        EntryStore.RemoveOrphans(_indexPath); // a killed build's unfinished index; the output folder's lock is held
        _previous = TryReadDocuments(_indexPath, fingerprint, health, out _fragmentsOffset, out _fragmentsLength) ?? [];
        _previousByPath = new Dictionary<string, int>(_previous.Length, StringComparer.Ordinal);
        for (int i = 0; i < _previous.Length; i++)
        {
            _previousByPath[_previous[i].Path] = i;
        }
    }

    /// <summary>Gets whether the cache still works in this build (shared with its <see cref="EntryStore"/>).</summary>
    public CacheHealth Health { get; }

    /// <summary>Gets how many documents this build kept from the cache, without rendering them.</summary>
    public int Reused => _reused;

    /// <summary>Gets whether an index from an earlier build was found and accepted.</summary>
    public bool Loaded => _previous.Length > 0;

    /// <summary>Opens the cache for a build.</summary>
    /// <param name="settings">The build's settings; <see cref="BuildSettings.CacheDir"/> <see langword="null"/> means no cache.</param>
    /// <param name="health">The cache's health in this build, when the build already has it (the file index shares it).</param>
    /// <returns>The cache, or <see langword="null"/> when the build runs without one.</returns>
    /// <exception cref="Files.NotRegularFileException">A link, folder, FIFO or socket is where the cache keeps its index.</exception>
    public static BuildCache? Open(BuildSettings settings, CacheHealth? health = null)
    {
        if (settings.CacheDir is null || SettingsFingerprint.Compute(settings) is not { } fingerprint)
        {
            return null;
        }

        return new BuildCache(Path.GetFullPath(settings.CacheDir), Path.GetFullPath(settings.OutDir), fingerprint, health ?? new CacheHealth());
    }

    /// <summary>Opens the store of rendered entries that goes with this cache (same folder, same settings, same health).</summary>
    /// <returns>The store; the caller disposes it.</returns>
    /// <exception cref="Files.NotRegularFileException">A link, folder, FIFO or socket is where the store keeps its file.</exception>
    public EntryStore OpenEntryStore() => EntryStore.Open(_cacheDir, _outDir, _fingerprint, Health);

    /// <summary>The default cache folder: <c>feed</c> in the user's cache folder (XDG_CACHE_HOME or ~/.cache, ~/Library/Caches, %LOCALAPPDATA%).</summary>
    /// <returns>The folder, or <see langword="null"/> when the user has no home folder (then builds run without a cache).</returns>
    public static string? DefaultDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            string local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return local.Length == 0 ? null : Path.Join(local, "feed", "cache");
        }

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsMacOS())
        {
            return home.Length == 0 ? null : Path.Join(home, "Library", "Caches", "feed");
        }

        // XDG Base Directory Specification: a relative XDG_CACHE_HOME is invalid and ignored.
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathFullyQualified(xdg))
        {
            return Path.Join(xdg, "feed");
        }

        return home.Length == 0 ? null : Path.Join(home, ".cache", "feed");
    }

    /// <summary>Checks a cache folder against the output folder: the cache must never be deployed with the site.</summary>
    /// <param name="cacheDir">The cache folder.</param>
    /// <param name="outDir">The output folder.</param>
    /// <returns>A message for the user, or <see langword="null"/> when the folders are fine.</returns>
    public static string? Check(string cacheDir, string outDir)
    {
        string cache = Path.TrimEndingDirectorySeparator(Path.GetFullPath(cacheDir));
        string output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir));
        StringComparison comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        bool inside = cache.Equals(output, comparison) || cache.StartsWith(output + Path.DirectorySeparatorChar, comparison);
        return inside ? $"--cache-dir '{cacheDir}' is inside --out '{outDir}'; the cache must not be deployed with the site: give a folder outside it." : null;
    }

    /// <summary>The key of one document: everything its bytes depend on.</summary>
    /// <param name="feed">
    /// The feed's generator fingerprint (<c>FeedGenerator.Fingerprint</c>: every option value). A taxonomy feed's title,
    /// description and fallback author name come from the spelling of its term that the site's posts use, which any post
    /// of the feed may change, not only the posts of this page; so the document key includes the feed's options.
    /// </param>
    /// <param name="format">The document's format.</param>
    /// <param name="url">The document's URL: which feed (the site's, or a tag's, category's or author's) and page it is.</param>
    /// <param name="page">The document.</param>
    /// <param name="posts">The feed's posts, newest first (the document holds <paramref name="page"/>'s slice).</param>
    /// <returns>The key.</returns>
    public UInt128 KeyOf(string feed, FeedFormat format, Uri url, FeedPage page, IReadOnlyList<CatalogPost> posts)
    {
        var key = new Fingerprint().Add(_fingerprint).Add(feed).Add((int)format).Add(url.AbsoluteUri).Add((int)page.Kind).Add(page.Number)
            .Add(page.Offset).Add(page.Count).Add(page.TotalCount);
        for (int i = page.Offset; i < page.Offset + page.Count; i++)
        {
            key.Add(posts[i].File.RelativePath).Add(posts[i].ContentHash);
        }

        return key.Value;
    }

    /// <summary>
    /// Notes that this build's document at <paramref name="relativePath"/> has <paramref name="key"/>, and tells whether
    /// the file already in <c>--out</c> was made from the same inputs and is untouched since.
    /// </summary>
    /// <param name="relativePath">The document's path under <c>--out</c>.</param>
    /// <param name="key">Its key, from <see cref="KeyOf"/>.</param>
    /// <returns><see langword="true"/> when the file on disk can be kept as it is.</returns>
    public bool TryReuse(string relativePath, UInt128 key)
    {
        _current[relativePath] = key;
        if (!_previousByPath.TryGetValue(relativePath, out int index) || _previous[index].Key != key || !IsIntact(_previous[index]))
        {
            return false;
        }

        _reusedPaths[relativePath] = true;
        Interlocked.Increment(ref _reused);
        return true;
    }

    /// <summary>The key of an entry's fragment: the post's entry key and the fragment context of the feed and format.</summary>
    /// <param name="entryKey">The post's key in the entry store (<see cref="EntryStore.KeyOf"/>).</param>
    /// <param name="context">The feed's fragment context for the format (<c>FeedGenerator.GetFragmentContext</c>).</param>
    /// <returns>The key.</returns>
    public static UInt128 FragmentKey(UInt128 entryKey, string context) => new Fingerprint().Add(entryKey).Add(context).Value;

    /// <summary>Finds where an earlier build wrote the fragment of <paramref name="key"/>, in a document still as it wrote it.</summary>
    /// <param name="key">The fragment's key (<see cref="FragmentKey"/>).</param>
    /// <param name="fragment">Where it is.</param>
    /// <returns>Whether it is there to copy.</returns>
    public bool TryGetFragment(UInt128 key, out Fragment fragment)
    {
        fragment = default;
        Fragment[] fragments = Fragments();
        int lo = 0, hi = fragments.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int order = fragments[mid].Key.CompareTo(key);
            if (order == 0)
            {
                fragment = fragments[mid];
                return Intact(fragment.Document);
            }

            (lo, hi) = order < 0 ? (mid + 1, hi) : (lo, mid - 1);
        }

        return false;
    }

    /// <summary>
    /// Reads fragments from the documents in <c>--out</c>: adjacent ones (an old page's entries, which stay side by side
    /// when a page moves) with one read each, every one checked against its checksum.
    /// </summary>
    /// <param name="fragments">The fragments, from <see cref="TryGetFragment"/>.</param>
    /// <returns>Their bytes, in order, or <see langword="null"/> when any could not be read whole (then format the entries).</returns>
    public FragmentBytes? Read(IReadOnlyList<Fragment> fragments)
    {
        var bytes = new FragmentBytes(fragments.Count);
        try
        {
            int[] order = [.. Enumerable.Range(0, fragments.Count).OrderBy(i => fragments[i].Document).ThenBy(i => fragments[i].Offset)];
            int at = 0;
            while (at < order.Length)
            {
                Fragment first = fragments[order[at]];
                int end = at + 1;
                long stop = (long)first.Offset + first.Length;
                while (end < order.Length && fragments[order[end]].Document == first.Document && fragments[order[end]].Offset == stop)
                {
                    stop += fragments[order[end]].Length;
                    end++;
                }

                if (stop - first.Offset > Array.MaxLength)
                {
                    return null;
                }

                byte[] buffer = bytes.Rent((int)(stop - first.Offset));
                using (SafeFileHandle file = Files.RegularFile.Open(Path.Join(_outDir, _previous[first.Document].Path), FileMode.Open, FileAccess.Read))
                {
                    if (RandomAccess.Read(file, buffer.AsSpan(0, (int)(stop - first.Offset)), first.Offset) != stop - first.Offset)
                    {
                        return null;
                    }
                }

                for (int k = at; k < end; k++)
                {
                    Fragment fragment = fragments[order[k]];
                    var memory = new ReadOnlyMemory<byte>(buffer, fragment.Offset - first.Offset, fragment.Length);
                    if (XxHash64.HashToUInt64(memory.Span) != fragment.Checksum)
                    {
                        return null;
                    }

                    bytes.Items[order[k]] = memory;
                }

                at = end;
            }

            FragmentBytes result = bytes;
            bytes = null!;
            return result;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // the entries are formatted instead
        }
        finally
        {
            bytes?.Dispose();
        }
    }

    /// <summary>Notes that this build wrote the document at <paramref name="relativePath"/>, with its entries' fragments there.</summary>
    /// <param name="relativePath">The document's path under <c>--out</c>.</param>
    /// <param name="fragments">Where each entry is in the bytes staged for it (<see cref="Fragment.Document"/> unused); empty for a format that does not splice.</param>
    public void Wrote(string relativePath, Fragment[] fragments)
    {
        _written[relativePath] = fragments;
        _reusedPaths.TryRemove(relativePath, out _);
    }

    /// <summary>After a committed build: records every document of it with the size and time its file has now, and its fragments.</summary>
    /// <remarks>
    /// Best effort: a cache that cannot be written costs the next build its speed, never its result (the failure is
    /// noted in <see cref="Health"/>). Nothing is written once the cache has failed in this build, nor when every
    /// document was kept as the index had it.
    /// </remarks>
    public void Save()
    {
        if (Health.Failed || (_written.IsEmpty && _reusedPaths.Count == _current.Count && _current.Count == _previous.Length))
        {
            return;
        }

        try
        {
            var documents = new List<Document>(_current.Count);
            var fragments = new List<Fragment>();
            var seen = new HashSet<UInt128>();
            // The previous fragments grouped by their document once: a scan of all of them for each kept document
            // was quadratic (at 100,000 posts, 9,800 documents times 200,000 fragments: 6 of a 7-second rebuild).
            ILookup<int, Fragment>? old = _reusedPaths.IsEmpty ? null : Fragments().ToLookup(f => f.Document);
            foreach (var (path, key) in _current.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var file = new FileInfo(Path.Join(_outDir, path));
                if (!file.Exists)
                {
                    continue;
                }

                int index = documents.Count;
                documents.Add(new Document(path, key, file.Length, file.LastWriteTimeUtc.Ticks));
                if (_written.TryGetValue(path, out Fragment[]? wrote))
                {
                    foreach (Fragment fragment in wrote)
                    {
                        if (seen.Add(fragment.Key))
                        {
                            fragments.Add(fragment with { Document = index });
                        }
                    }
                }
                else if (_reusedPaths.ContainsKey(path) && old is not null)
                {
                    foreach (Fragment fragment in old[_previousByPath[path]])
                    {
                        if (seen.Add(fragment.Key))
                        {
                            fragments.Add(fragment with { Document = index });
                        }
                    }
                }
            }

            byte[] bytes = Format(documents, fragments, _fingerprint);
            Directory.CreateDirectory(Path.GetDirectoryName(_indexPath)!);
            string temp = _indexPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                using (SafeFileHandle file = CacheFile.Open(temp, FileMode.CreateNew, FileAccess.Write))
                {
                    RandomAccess.Write(file, bytes, 0);
                }

                // A rename replaces whatever is at the index's name, a link included, without following it.
                File.Move(temp, _indexPath, overwrite: true);
            }
            catch
            {
                EntryStore.TryDelete(temp);
                throw;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only or full disk: the next build is a cold one.
            Health.Fail(e);
        }
    }

    /// <summary>
    /// The index file's bytes: a header (magic, format version, fingerprint, the lengths of the two blocks), the
    /// documents by path and their checksum, then the fragments by key and their checksum.
    /// </summary>
    /// <param name="documents">The documents, in ordinal path order.</param>
    /// <param name="fragments">The fragments (any order; <see cref="Fragment.Document"/> indexes <paramref name="documents"/>).</param>
    /// <param name="fingerprint">The build's fingerprint.</param>
    /// <returns>The bytes.</returns>
    internal static byte[] Format(IReadOnlyList<Document> documents, IReadOnlyList<Fragment> fragments, UInt128 fingerprint)
    {
        var docs = new RecordWriter();
        docs.Int(documents.Count);
        foreach (Document document in documents)
        {
            docs.String(document.Path);
            docs.Hash(document.Key);
            docs.Long(document.Length);
            docs.Long(document.WriteTicks);
        }

        byte[] frags = new byte[4 + (fragments.Count * FragmentSize)];
        BinaryPrimitives.WriteInt32LittleEndian(frags, fragments.Count);
        Span<byte> at = frags.AsSpan(4);
        foreach (Fragment fragment in fragments.OrderBy(f => f.Key))
        {
            BinaryPrimitives.WriteUInt128LittleEndian(at, fragment.Key);
            BinaryPrimitives.WriteInt32LittleEndian(at[16..], fragment.Document);
            BinaryPrimitives.WriteInt32LittleEndian(at[20..], fragment.Offset);
            BinaryPrimitives.WriteInt32LittleEndian(at[24..], fragment.Length);
            BinaryPrimitives.WriteUInt64LittleEndian(at[28..], fragment.Checksum);
            at[36] = fragment.HasContent ? (byte)1 : (byte)0;
            at = at[FragmentSize..];
        }

        byte[] bytes = new byte[HeaderSize + docs.Length + 16 + frags.Length + 16];
        Span<byte> span = bytes;
        Magic.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[Magic.Length..], FormatVersion);
        BinaryPrimitives.WriteUInt128LittleEndian(span[(Magic.Length + 4)..], fingerprint);
        BinaryPrimitives.WriteInt64LittleEndian(span[(Magic.Length + 20)..], docs.Length);
        BinaryPrimitives.WriteInt64LittleEndian(span[(Magic.Length + 28)..], frags.Length);
        docs.Bytes.CopyTo(span[HeaderSize..]);
        int docsEnd = HeaderSize + docs.Length;

        // The documents' checksum covers the header too: a header from another file cannot lead to this block.
        XxHash128.Hash(span[..docsEnd], span.Slice(docsEnd, 16));
        frags.CopyTo(span[(docsEnd + 16)..]);
        XxHash128.Hash(frags, span[(docsEnd + 16 + frags.Length)..]);
        return bytes;
    }

    /// <summary>Reads a whole index: <see langword="null"/> when any part of it is damaged, of another format, or for other settings or another tool.</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="fingerprint">The build's fingerprint.</param>
    /// <returns>The documents by path, or <see langword="null"/>.</returns>
    internal static Dictionary<string, Document>? Parse(byte[] bytes, UInt128 fingerprint)
    {
        if (!TryHeader(bytes, fingerprint, out long docsLength, out long fragsLength)
            || bytes.Length != HeaderSize + docsLength + 16 + fragsLength + 16
            || ParseDocuments(bytes.AsSpan(0, (int)(HeaderSize + docsLength + 16))) is not { } documents
            || ParseFragments(bytes.AsSpan((int)(HeaderSize + docsLength + 16)), documents.Length) is null)
        {
            return null;
        }

        return documents.ToDictionary(d => d.Path, StringComparer.Ordinal);
    }

    // Whether the document the index recorded at `index` is still the file in --out (same size and time, a regular
    // file reached without links): once per document per build.
    private bool Intact(int index) => _documentIntact.GetOrAdd(index, static (i, cache) => cache.IsIntact(cache._previous[i]), this);

    // One statx(2): a regular file (not a link) of the recorded size and last write time (.NET's 100 ns ticks).
    private bool IsIntact(Document document) =>
        Files.FileKinds.Of(Path.Join(_outDir, document.Path), followLinks: false, out Files.FileStamp stamp) == Files.FileKind.Regular
        && stamp.Size == document.Length && DateTime.UnixEpoch.Ticks + (stamp.ModifiedNs / 100) == document.WriteTicks;

    // The fragments of the index, read and checked on first use (a build that keeps every document never reads them).
    private Fragment[] Fragments()
    {
        if (Volatile.Read(ref _fragments) is { } fragments)
        {
            return fragments;
        }

        lock (_fragmentsLock)
        {
            if (_fragments is null)
            {
                Fragment[]? read = null;
                if (_fragmentsLength > 0 && !Health.Failed)
                {
                    try
                    {
                        using SafeFileHandle file = CacheFile.Open(_indexPath, FileMode.Open, FileAccess.Read);
                        byte[] block = new byte[_fragmentsLength + 16];
                        if (RandomAccess.Read(file, block, _fragmentsOffset) == block.Length)
                        {
                            read = ParseFragments(block, _previous.Length);
                        }
                    }
                    catch (Exception e) when (e is (IOException and not Files.NotRegularFileException) or UnauthorizedAccessException)
                    {
                        Health.Fail(e);
                    }
                    catch (Files.NotRegularFileException)
                    {
                        // Replaced by something else since the build opened it: no fragments.
                    }
                }

                _fragments = read ?? [];
            }

            return _fragments;
        }
    }

    private static bool TryHeader(ReadOnlySpan<byte> bytes, UInt128 fingerprint, out long docsLength, out long fragsLength)
    {
        docsLength = fragsLength = 0;
        if (bytes.Length < HeaderSize || !bytes[..Magic.Length].SequenceEqual(Magic)
            || BinaryPrimitives.ReadInt32LittleEndian(bytes[Magic.Length..]) != FormatVersion
            || BinaryPrimitives.ReadUInt128LittleEndian(bytes[(Magic.Length + 4)..]) != fingerprint)
        {
            return false;
        }

        docsLength = BinaryPrimitives.ReadInt64LittleEndian(bytes[(Magic.Length + 20)..]);
        fragsLength = BinaryPrimitives.ReadInt64LittleEndian(bytes[(Magic.Length + 28)..]);
        return docsLength is >= 4 and <= int.MaxValue / 2 && fragsLength is >= 4 and <= int.MaxValue / 2 && (fragsLength - 4) % FragmentSize == 0;
    }

    // The header and documents block with its checksum; null when damaged.
    private static Document[]? ParseDocuments(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderSize + 4 + 16
            || !XxHash128.Hash(bytes[..^16]).AsSpan().SequenceEqual(bytes[^16..]))
        {
            return null;
        }

        try
        {
            var r = new RecordReader(bytes[HeaderSize..^16]);
            int count = r.Int();
            if (count < 0 || count > bytes.Length)
            {
                return null;
            }

            var documents = new Document[count];
            for (int i = 0; i < count; i++)
            {
                documents[i] = new Document(r.Text(), r.Hash(), r.Long(), r.Long());
            }

            return r.AtEnd ? documents : null;
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return null;
        }
    }

    // The fragments block with its checksum, sorted by key; null when damaged or pointing past the documents.
    private static Fragment[]? ParseFragments(ReadOnlySpan<byte> block, int documents)
    {
        if (block.Length < 4 + 16 || !XxHash128.Hash(block[..^16]).AsSpan().SequenceEqual(block[^16..]))
        {
            return null;
        }

        int count = BinaryPrimitives.ReadInt32LittleEndian(block);
        if (count < 0 || 4 + ((long)count * FragmentSize) + 16 != block.Length)
        {
            return null;
        }

        var fragments = new Fragment[count];
        ReadOnlySpan<byte> at = block[4..];
        for (int i = 0; i < count; i++, at = at[FragmentSize..])
        {
            var fragment = new Fragment(
                BinaryPrimitives.ReadUInt128LittleEndian(at),
                BinaryPrimitives.ReadInt32LittleEndian(at[16..]),
                BinaryPrimitives.ReadInt32LittleEndian(at[20..]),
                BinaryPrimitives.ReadInt32LittleEndian(at[24..]),
                BinaryPrimitives.ReadUInt64LittleEndian(at[28..]),
                at[36] == 1);
            if (fragment.Document < 0 || fragment.Document >= documents || fragment.Offset < 0 || fragment.Length < 0 || at[36] > 1
                || (i > 0 && fragments[i - 1].Key >= fragment.Key))
            {
                return null;
            }

            fragments[i] = fragment;
        }

        return fragments;
    }

    // The documents of the index; null when there is none, or (noted in health) when it cannot be read. A link or a
    // special file there is the caller's error: it is never read through.
    private static Document[]? TryReadDocuments(string path, UInt128 fingerprint, CacheHealth health, out long fragmentsOffset, out long fragmentsLength)
    {
        fragmentsOffset = fragmentsLength = 0;
        try
        {
            if (Files.FileKinds.Of(path, followLinks: false) == Files.FileKind.Missing)
            {
                return null;
            }

            using SafeFileHandle file = CacheFile.Open(path, FileMode.Open, FileAccess.Read);
            long size = RandomAccess.GetLength(file);
            byte[] header = new byte[HeaderSize];
            if (RandomAccess.Read(file, header, 0) != HeaderSize || !TryHeader(header, fingerprint, out long docsLength, out long fragsLength)
                || size != HeaderSize + docsLength + 16 + fragsLength + 16)
            {
                return null;
            }

            byte[] head = new byte[HeaderSize + docsLength + 16];
            if (RandomAccess.Read(file, head, 0) != head.Length || ParseDocuments(head) is not { } documents)
            {
                return null;
            }

            fragmentsOffset = head.Length;
            fragmentsLength = fragsLength;
            return documents;
        }
        catch (Exception e) when (e is (IOException and not Files.NotRegularFileException) or UnauthorizedAccessException)
        {
            health.Fail(e);
            return null;
        }
    }

    /// <summary>One document in the index.</summary>
    /// <param name="Path">Its path under <c>--out</c>.</param>
    /// <param name="Key">The key it was made from.</param>
    /// <param name="Length">The file's size after that build.</param>
    /// <param name="WriteTicks">The file's last write time (UTC ticks) after that build.</param>
    internal readonly record struct Document(string Path, UInt128 Key, long Length, long WriteTicks);

    /// <summary>Where an entry's bytes are: in which document, at what offset, how many, their checksum, and whether the entry has content.</summary>
    /// <param name="Key">The fragment's key (<see cref="FragmentKey"/>).</param>
    /// <param name="Document">The document's index in the index file.</param>
    /// <param name="Offset">The first byte.</param>
    /// <param name="Length">The length.</param>
    /// <param name="Checksum">The XXH64 of the bytes.</param>
    /// <param name="HasContent">Whether the entry has content HTML (a document needs to know, and the bytes do not say).</param>
    internal readonly record struct Fragment(UInt128 Key, int Document, int Offset, int Length, ulong Checksum, bool HasContent);
}

/// <summary>The bytes of fragments read from <c>--out</c>, in buffers rented for the time one document is written.</summary>
internal sealed class FragmentBytes : IDisposable
{
    private readonly List<byte[]> _rented = [];

    public FragmentBytes(int count) => Items = new ReadOnlyMemory<byte>[count];

    /// <summary>Gets each fragment's bytes, in the order asked for.</summary>
    public ReadOnlyMemory<byte>[] Items { get; }

    /// <summary>Rents a buffer of at least <paramref name="length"/> bytes, returned on <see cref="Dispose"/>.</summary>
    public byte[] Rent(int length)
    {
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        _rented.Add(buffer);
        return buffer;
    }

    public void Dispose()
    {
        foreach (byte[] buffer in _rented)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        _rented.Clear();
    }
}
