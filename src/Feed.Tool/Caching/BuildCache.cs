using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;
using Feed.Tool.Configuration;
using Feed.Tool.Posts;
using Microsoft.Win32.SafeHandles;

namespace Feed.Tool.Caching;

/// <summary>
/// The build cache: what each feed document in <c>--out</c> was made from, so that a rebuild keeps a document whose
/// inputs have not changed without reading, parsing or rendering any of its posts.
/// </summary>
/// <remarks>
/// <para>
/// A document's key is a hash of the build's <see cref="SettingsFingerprint"/> (tool version and every setting), the
/// document's format, kind, number, offset and size, the number of posts in the feed, and the path and content hash
/// of each of its posts. Those are everything its bytes depend on, so an equal key means equal bytes. The cache
/// also records the size and last write time the file had after the build that wrote it; a document is kept only
/// when the file in <c>--out</c> still has both (a file edited or removed by hand is made again, as <c>make</c>
/// would). One changed post therefore makes again only the documents it appears on.
/// </para>
/// <para>
/// Everything lives in one index file per output folder under the cache folder, outside <c>--out</c>. It is read
/// once, checked whole (format, fingerprint, a checksum over every byte) and ignored when anything is off: a
/// corrupt, truncated, stale or foreign index means a cold build, never a wrong one. It is replaced atomically
/// after a build commits, and only when it changed. Deleting the cache folder is always safe.
/// </para>
/// </remarks>
/// <threadsafety><see cref="KeyOf"/> and <see cref="TryReuse"/> may be called from several threads at once; <see cref="Save"/> may not.</threadsafety>
internal sealed class BuildCache
{
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = "feed build cache\n"u8.ToArray();

    private readonly string _indexPath;
    private readonly string _cacheDir;
    private readonly string _outDir;
    private readonly UInt128 _fingerprint;
    private readonly Dictionary<string, Entry> _previous;
    private readonly byte[]? _previousBytes;
    private readonly ConcurrentDictionary<string, UInt128> _current = new(StringComparer.Ordinal);
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
        _previousBytes = TryReadAll(_indexPath, health);
        _previous = _previousBytes is null ? new(StringComparer.Ordinal) : Parse(_previousBytes, fingerprint) ?? new(StringComparer.Ordinal);
    }

    /// <summary>Gets whether the cache still works in this build (shared with its <see cref="EntryStore"/>).</summary>
    public CacheHealth Health { get; }

    /// <summary>Gets how many documents this build kept from the cache, without rendering them.</summary>
    public int Reused => _reused;

    /// <summary>Gets whether an index from an earlier build was found and accepted.</summary>
    public bool Loaded => _previous.Count > 0;

    /// <summary>Opens the cache for a build.</summary>
    /// <param name="settings">The build's settings; <see cref="BuildSettings.CacheDir"/> <see langword="null"/> means no cache.</param>
    /// <returns>The cache, or <see langword="null"/> when the build runs without one.</returns>
    /// <exception cref="Files.NotRegularFileException">A link, folder, FIFO or socket is where the cache keeps its index.</exception>
    public static BuildCache? Open(BuildSettings settings)
    {
        if (settings.CacheDir is null || SettingsFingerprint.Compute(settings) is not { } fingerprint)
        {
            return null;
        }

        return new BuildCache(Path.GetFullPath(settings.CacheDir), Path.GetFullPath(settings.OutDir), fingerprint, new CacheHealth());
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
    /// <param name="format">The document's format.</param>
    /// <param name="url">The document's URL: which feed (the site's, or a tag's, category's or author's) and page it is.</param>
    /// <param name="page">The document.</param>
    /// <param name="posts">The feed's posts, newest first (the document holds <paramref name="page"/>'s slice).</param>
    /// <returns>The key.</returns>
    public UInt128 KeyOf(FeedFormat format, Uri url, FeedPage page, IReadOnlyList<PostHead> posts)
    {
        var key = new Fingerprint().Add(_fingerprint).Add((int)format).Add(url.AbsoluteUri).Add((int)page.Kind).Add(page.Number)
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
        if (!_previous.TryGetValue(relativePath, out Entry entry) || entry.Key != key)
        {
            return false;
        }

        var file = new FileInfo(Path.Join(_outDir, relativePath));
        if (!file.Exists || file.Length != entry.Length || file.LastWriteTimeUtc.Ticks != entry.WriteTicks)
        {
            return false;
        }

        Interlocked.Increment(ref _reused);
        return true;
    }

    /// <summary>After a committed build: records every document of it with the size and time its file has now.</summary>
    /// <remarks>
    /// Best effort: a cache that cannot be written costs the next build its speed, never its result (the failure is
    /// noted in <see cref="Health"/>). Nothing is written once the cache has failed in this build.
    /// </remarks>
    public void Save()
    {
        if (Health.Failed)
        {
            return;
        }

        try
        {
            var entries = new SortedDictionary<string, Entry>(StringComparer.Ordinal);
            foreach (var (path, key) in _current)
            {
                var file = new FileInfo(Path.Join(_outDir, path));
                if (file.Exists)
                {
                    entries[path] = new Entry(key, file.Length, file.LastWriteTimeUtc.Ticks);
                }
            }

            byte[] bytes = Format(entries, _fingerprint);
            if (_previousBytes is not null && bytes.AsSpan().SequenceEqual(_previousBytes))
            {
                return;
            }

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

    /// <summary>The index file's bytes: magic, format version, fingerprint, the entries by path, then a checksum of all that.</summary>
    /// <param name="entries">The entries.</param>
    /// <param name="fingerprint">The build's fingerprint.</param>
    /// <returns>The bytes.</returns>
    internal static byte[] Format(IEnumerable<KeyValuePair<string, Entry>> entries, UInt128 fingerprint)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            Write(writer, fingerprint);
            var list = entries.ToList();
            writer.Write(list.Count);
            foreach (var (path, entry) in list)
            {
                writer.Write(path);
                Write(writer, entry.Key);
                writer.Write(entry.Length);
                writer.Write(entry.WriteTicks);
            }
        }

        stream.Write(XxHash128.Hash(stream.GetBuffer().AsSpan(0, (int)stream.Length)));
        return stream.ToArray();
    }

    /// <summary>Reads an index; <see langword="null"/> when it is damaged, of another format, or for other settings or another tool.</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="fingerprint">The build's fingerprint.</param>
    /// <returns>The entries by path, or <see langword="null"/>.</returns>
    internal static Dictionary<string, Entry>? Parse(byte[] bytes, UInt128 fingerprint)
    {
        const int ChecksumSize = 16;
        if (bytes.Length < Magic.Length + ChecksumSize
            || !XxHash128.Hash(bytes.AsSpan(0, bytes.Length - ChecksumSize)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - ChecksumSize)))
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - ChecksumSize, writable: false), Encoding.UTF8);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != FormatVersion
                || ReadUInt128(reader) != fingerprint)
            {
                return null;
            }

            int count = reader.ReadInt32();
            var entries = new Dictionary<string, Entry>(Math.Clamp(count, 0, 1 << 20), StringComparer.Ordinal);
            for (int i = 0; i < count; i++)
            {
                entries[reader.ReadString()] = new Entry(ReadUInt128(reader), reader.ReadInt64(), reader.ReadInt64());
            }

            return reader.BaseStream.Position == reader.BaseStream.Length ? entries : null;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or DecoderFallbackException or ArgumentException)
        {
            return null;
        }
    }

    private static void Write(BinaryWriter writer, UInt128 value)
    {
        writer.Write((ulong)(value >> 64));
        writer.Write((ulong)value);
    }

    private static UInt128 ReadUInt128(BinaryReader reader)
    {
        ulong upper = reader.ReadUInt64();
        return new UInt128(upper, reader.ReadUInt64());
    }

    // The index's bytes; null when there is none, or (noted in health) when it cannot be read. A link or a special
    // file there is the caller's error: it is never read through.
    private static byte[]? TryReadAll(string path, CacheHealth health)
    {
        try
        {
            return CacheFile.ReadAll(path);
        }
        catch (Exception e) when (e is (IOException and not Files.NotRegularFileException) or UnauthorizedAccessException)
        {
            health.Fail(e);
            return null;
        }
    }

    /// <summary>One document in the index.</summary>
    /// <param name="Key">The key it was made from.</param>
    /// <param name="Length">The file's size after that build.</param>
    /// <param name="WriteTicks">The file's last write time (UTC ticks) after that build.</param>
    internal readonly record struct Entry(UInt128 Key, long Length, long WriteTicks);
}
