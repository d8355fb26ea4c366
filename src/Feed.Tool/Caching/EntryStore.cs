using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Feed.Excerpts;
using Feed.Tool.Posts;
using Microsoft.Win32.SafeHandles;

namespace Feed.Tool.Caching;

/// <summary>
/// Each post's entry (its texts, dates, authors and categories as the feeds write them, its excerpt and content HTML)
/// from earlier builds, so that a document that must be written again is assembled from entries already made instead of
/// reading, parsing and rendering the post again (its texts are not held in memory between the build's two passes:
/// see <see cref="CatalogPost"/>).
/// </summary>
/// <remarks>
/// <para>
/// A post's key is a hash of the build's <see cref="SettingsFingerprint"/> (tool version and every setting), the post's
/// path and the content hash of its file: everything its entry depends on (the excerpt and content settings, the
/// post's URL, its front matter and body). An equal key means an equal entry, so a document made from stored entries
/// is byte-identical to one made from the posts (the cached-build-equals-clean-build property tests cover it).
/// </para>
/// <para>
/// One file per output folder in the cache folder: records (one per post), then an index of (key, offset, length,
/// checksum) and a footer (index offset, count, fingerprint, format, magic, and a checksum of index and footer).
/// Memory stays flat: the index is read when a post is first needed (a build that keeps every document never reads
/// it); a record is read when its post is needed, and checked against its own checksum. Entries rendered during a build are spilled to a temporary file beside it, and after
/// the build commits they are appended with a new index and footer (the file is rewritten, without the posts that
/// are gone, when those hold most of it). A crash while appending leaves a file whose last bytes are no valid footer:
/// the next build ignores it and starts a new one. A failed or cancelled build leaves the file as it was.
/// </para>
/// </remarks>
/// <threadsafety><see cref="TryGet"/> and <see cref="Add"/> may be called from several threads at once; <see cref="Save"/> may not.</threadsafety>
internal sealed class EntryStore : IDisposable
{
    private const int FormatVersion = 2;
    private const int IndexEntrySize = 16 + 8 + 4 + 8;

    // Far above any post's rendered entry (posts are capped by --max-post-size); a larger length is a forged index,
    // refused before a buffer of that size is asked for.
    private const int MaxRecordLength = 1 << 28;
    private static readonly byte[] Magic = "feed entry cache\n"u8.ToArray();
    private static readonly int FooterSize = 8 + 4 + 16 + 4 + Magic.Length + 16;

    private readonly string _path;
    private readonly UInt128 _fingerprint;
    private readonly Dictionary<UInt128, Record> _added = [];
    private Dictionary<UInt128, Record>? _opened;
    private readonly Lock _spillLock = new();
    private readonly CacheHealth _health;
    private SafeFileHandle? _file;
    private long _fileLength;
    private FileStream? _spill;
    private string? _spillPath;
    private int _reused;

    private EntryStore(string path, UInt128 fingerprint, CacheHealth health)
    {
        _path = path;
        _fingerprint = fingerprint;
        _health = health;
        RemoveOrphans(path);
        if (Files.FileKinds.Of(path, followLinks: false) is not (Files.FileKind.Regular or Files.FileKind.Missing) and var kind)
        {
            throw new Files.NotRegularFileException(path, kind);
        }
    }

    // The index of the file from earlier builds, read on first use (under the spill lock: Open is not thread-safe).
    private Dictionary<UInt128, Record> Previous
    {
        get
        {
            if (Volatile.Read(ref _opened) is { } opened)
            {
                return opened;
            }

            lock (_spillLock)
            {
                _opened ??= TryOpen(_path, _fingerprint, _health, out _file, out _fileLength) ?? [];
                return _opened;
            }
        }
    }

    /// <summary>Gets how many entries this build took from the store instead of rendering them.</summary>
    public int Reused => _reused;

    /// <summary>Gets whether this build read the store or added to it (else <see cref="Save"/> has nothing to do).</summary>
    public bool Used => Volatile.Read(ref _opened) is not null || _added.Count > 0;

    /// <summary>Opens the store of a build's output folder in its cache folder.</summary>
    /// <param name="cacheDir">The cache folder.</param>
    /// <param name="outDir">The output folder (full path): one store per output folder.</param>
    /// <param name="fingerprint">The build's settings fingerprint.</param>
    /// <param name="health">Whether the cache still works in this build: its first I/O failure turns the store off.</param>
    /// <returns>The store; empty when there is none yet, or when the file is damaged, from other settings or unreadable.</returns>
    /// <exception cref="Files.NotRegularFileException">A link, folder, FIFO or socket is where the store keeps its file.</exception>
    public static EntryStore Open(string cacheDir, string outDir, UInt128 fingerprint, CacheHealth? health = null)
    {
        UInt128 name = new Fingerprint().Add(outDir).Value;
        string path = Path.Join(cacheDir, "entries-" + name.ToString("x32", System.Globalization.CultureInfo.InvariantCulture) + ".bin");
        return new EntryStore(path, fingerprint, health ?? new CacheHealth());
    }

    /// <summary>The key of a post's entry: the build's settings, the post's path and the content hash of its file.</summary>
    /// <param name="post">The post.</param>
    /// <returns>The key.</returns>
    public UInt128 KeyOf(CatalogPost post)
    {
        // One-shot over a stack buffer: a key is computed for every post of every build, so no hasher object each.
        ReadOnlySpan<char> path = post.File.RelativePath;
        int pathBytes = path.Length * sizeof(char);
        Span<byte> bytes = pathBytes <= 1024 ? stackalloc byte[32 + 4 + pathBytes] : new byte[32 + 4 + pathBytes];
        BinaryPrimitives.WriteUInt128LittleEndian(bytes, _fingerprint);
        BinaryPrimitives.WriteUInt128LittleEndian(bytes[16..], post.ContentHash);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[32..], path.Length);
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(path).CopyTo(bytes[36..]);
        return XxHash128.HashToUInt128(bytes);
    }

    /// <summary>Reads the entry of <paramref name="key"/>, when an earlier build (or this one) stored it intact.</summary>
    /// <param name="key">The post's key, from <see cref="KeyOf"/>.</param>
    /// <param name="entry">The entry.</param>
    /// <returns>Whether it was found and read back whole.</returns>
    public bool TryGet(UInt128 key, out FeedEntry? entry)
    {
        entry = null;
        if (_health.Failed)
        {
            return false;
        }

        if (Previous.TryGetValue(key, out Record record) && _file is not null)
        {
            return TryRead(_file, record, out entry);
        }

        // Made earlier in this build (the same post in a tag's, category's or author's feed): read from the spill.
        lock (_spillLock)
        {
            if (_spill is null || !_added.TryGetValue(key, out record))
            {
                return false;
            }

            try
            {
                _spill.Flush();
                return TryRead(_spill.SafeFileHandle, record, out entry);
            }
            catch (IOException e)
            {
                _health.Fail(e);
                return false;
            }
        }
    }

    private bool TryRead(SafeFileHandle file, Record record, out FeedEntry? entry)
    {
        entry = null;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(record.Length);
        try
        {
            Span<byte> bytes = buffer.AsSpan(0, record.Length);
            if (RandomAccess.Read(file, bytes, record.Offset) != record.Length || XxHash64.HashToUInt64(bytes) != record.Checksum
                || !TryDecode(bytes, out entry))
            {
                entry = null;
                return false;
            }

            Interlocked.Increment(ref _reused);
            return true;
        }
        catch (IOException e)
        {
            _health.Fail(e); // an unreadable disk, not a damaged record: stop relying on it
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Keeps the rendered part of an entry this build made, for the next builds (written by <see cref="Save"/>).</summary>
    /// <param name="key">The post's key.</param>
    /// <param name="entry">The entry.</param>
    /// <remarks>
    /// Best effort: a spill file that cannot be written (a full disk) only costs the next build its speed; the store
    /// is then off for the rest of the build (see <see cref="CacheHealth"/>).
    /// </remarks>
    public void Add(UInt128 key, FeedEntry entry)
    {
        if (_health.Failed)
        {
            return;
        }

        RecordWriter writer = Writers.Value!;
        writer.Clear();
        Encode(entry, writer);
        int length = writer.Length;
        if (length > MaxRecordLength)
        {
            return; // rendered again next time rather than stored past what a read accepts
        }

        {
            ReadOnlySpan<byte> record = writer.Bytes;
            ulong checksum = XxHash64.HashToUInt64(record);
            lock (_spillLock)
            {
                if (_added.ContainsKey(key) || _health.Failed)
                {
                    return;
                }

                try
                {
                    if (_spill is null)
                    {
                        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
                        _spillPath = _path + "." + Guid.NewGuid().ToString("N") + ".tmp";
                        _spill = CacheFile.OpenStream(_spillPath, FileMode.CreateNew, FileAccess.ReadWrite, 1 << 16);
                    }

                    long offset = _spill.Position;
                    _spill.Write(record);
                    _added[key] = new Record(offset, length, checksum);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    _health.Fail(e); // nothing more is kept this build
                    DropSpill();
                }
            }
        }
    }

    // One encoder per thread: pages are rendered in parallel.
    private static readonly ThreadLocal<RecordWriter> Writers = new(() => new RecordWriter());

    /// <summary>
    /// After a committed build: appends the entries it made, with an index of every post still in the site
    /// (<paramref name="liveKeys"/>); rewrites the file without the others when they are most of it.
    /// </summary>
    /// <param name="liveKeys">The keys of every post the build published.</param>
    /// <remarks>
    /// Best effort: a store that cannot be written costs the next build its speed, never its result (the failure is
    /// noted in the cache's health, and the file is left as it was). Nothing is written once the cache has failed.
    /// </remarks>
    public void Save(IEnumerable<UInt128> liveKeys)
    {
        if (_health.Failed)
        {
            return;
        }

        try
        {
            if (_opened is null && _added.Count == 0)
            {
                return; // never needed this build: nothing read, nothing new (the posts that are gone go next time)
            }

            Dictionary<UInt128, Record> previous = Previous;
            var live = new HashSet<UInt128>(liveKeys);
            bool anyNew = _added.Keys.Any(live.Contains);
            bool anyGone = previous.Keys.Any(key => !live.Contains(key));
            if (!anyNew && !anyGone)
            {
                return;
            }

            _spill?.Flush();
            long liveOld = previous.Where(p => live.Contains(p.Key)).Sum(p => (long)p.Value.Length);
            if (_file is not null && (!anyGone || liveOld * 2 >= _fileLength))
            {
                Append(live);
            }
            else if (_file is null && _spill is not null)
            {
                AdoptSpill(live);
            }
            else
            {
                Rewrite(live);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only or full disk: the next build renders what it needs.
            _health.Fail(e);
        }
    }

    /// <summary>Closes the store and removes its spill file (never throws: it runs on every way out of a build).</summary>
    public void Dispose()
    {
        _file?.Dispose();
        _file = null;
        lock (_spillLock)
        {
            DropSpill();
        }
    }

    // New records after the old ones, then a new index (old records that are gone simply stop being indexed). When
    // that fails half way (a full disk), the file is cut back to its old length: the old store, whole again.
    private void Append(HashSet<UInt128> live)
    {
        _file!.Dispose();
        _file = null;
        using SafeFileHandle handle = CacheFile.Open(_path, FileMode.Open, FileAccess.Write);
        try
        {
            using var stream = new FileStream(handle, FileAccess.Write, 1 << 16);
            stream.Position = _fileLength;
            var index = new SortedDictionary<UInt128, Record>();
            foreach (var (key, record) in Previous)
            {
                if (live.Contains(key))
                {
                    index[key] = record;
                }
            }

            CopyAdded(stream, live, index);
            WriteIndexAndFooter(stream, index);
            stream.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                RandomAccess.SetLength(handle, _fileLength);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                // Then the last bytes are no valid footer, and the next build starts a new store.
            }

            throw;
        }
    }

    // No earlier store (a cold build): the spill already holds every record; with an index and a footer it becomes
    // the store, so a cold build writes each record once.
    private void AdoptSpill(HashSet<UInt128> live)
    {
        var index = new SortedDictionary<UInt128, Record>();
        foreach (var (key, record) in _added)
        {
            if (live.Contains(key))
            {
                index[key] = record;
            }
        }

        FileStream spill = _spill!;
        spill.Position = spill.Length;
        WriteIndexAndFooter(spill, index);
        spill.Flush();
        spill.Dispose();
        _spill = null;
        File.Move(_spillPath!, _path, overwrite: true);
        _spillPath = null;
    }

    // A new file of the live records only (old ones copied, new ones from the spill), moved over the old one.
    private void Rewrite(HashSet<UInt128> live)
    {
        string temp = _path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (FileStream stream = CacheFile.OpenStream(temp, FileMode.CreateNew, FileAccess.Write, 1 << 16))
            {
                var index = new SortedDictionary<UInt128, Record>();
                if (_file is not null)
                {
                    CopyRecords(_file, Previous, live, stream, index);
                    _file.Dispose();
                    _file = null;
                }

                CopyAdded(stream, live, index);
                WriteIndexAndFooter(stream, index);
            }

            File.Move(temp, _path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    // The entries made this build, from the spill. A key already indexed was stored before but could not be read
    // back (a damaged record), so it was rendered again: the new record wins.
    private void CopyAdded(FileStream stream, HashSet<UInt128> live, SortedDictionary<UInt128, Record> index)
    {
        if (_spill is not null)
        {
            _spill.Flush();
            CopyRecords(_spill.SafeFileHandle, _added, live, stream, index);
        }
    }

    // Copies the live ones of records (in file order) from a file to the end of stream, indexing them at their new place.
    private static void CopyRecords(
        SafeFileHandle from, Dictionary<UInt128, Record> records, HashSet<UInt128> live, FileStream stream, SortedDictionary<UInt128, Record> index)
    {
        byte[] buffer = [];
        foreach (var (key, record) in records.OrderBy(p => p.Value.Offset))
        {
            if (!live.Contains(key))
            {
                continue;
            }

            if (buffer.Length < record.Length)
            {
                buffer = new byte[Math.Max(record.Length, 64 * 1024)];
            }

            if (RandomAccess.Read(from, buffer.AsSpan(0, record.Length), record.Offset) != record.Length)
            {
                continue;
            }

            index[key] = record with { Offset = stream.Position };
            stream.Write(buffer, 0, record.Length);
        }
    }

    private void WriteIndexAndFooter(FileStream stream, SortedDictionary<UInt128, Record> index)
    {
        long indexOffset = stream.Position;
        byte[] tail = new byte[(index.Count * IndexEntrySize) + FooterSize];
        Span<byte> at = tail;
        foreach (var (key, record) in index)
        {
            BinaryPrimitives.WriteUInt128LittleEndian(at, key);
            BinaryPrimitives.WriteInt64LittleEndian(at[16..], record.Offset);
            BinaryPrimitives.WriteInt32LittleEndian(at[24..], record.Length);
            BinaryPrimitives.WriteUInt64LittleEndian(at[28..], record.Checksum);
            at = at[IndexEntrySize..];
        }

        BinaryPrimitives.WriteInt64LittleEndian(at, indexOffset);
        BinaryPrimitives.WriteInt32LittleEndian(at[8..], index.Count);
        BinaryPrimitives.WriteUInt128LittleEndian(at[12..], _fingerprint);
        BinaryPrimitives.WriteInt32LittleEndian(at[28..], FormatVersion);
        Magic.CopyTo(at[32..]);
        XxHash128.Hash(tail.AsSpan(0, tail.Length - 16), tail.AsSpan(tail.Length - 16));
        stream.Write(tail);
        stream.SetLength(stream.Position);
    }

    /// <summary>
    /// Removes the temporary files a killed build of the same output folder left beside <paramref name="path"/> (a
    /// spill, an unfinished rewrite). Safe: the caller holds the output folder's lock, so no other build of it runs.
    /// </summary>
    internal static void RemoveOrphans(string path)
    {
        try
        {
            string? dir = Path.GetDirectoryName(path);
            if (dir is null || !Directory.Exists(dir))
            {
                return;
            }

            foreach (string orphan in Directory.EnumerateFiles(dir, Path.GetFileName(path) + ".*.tmp"))
            {
                File.Delete(orphan);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next build: the cache folder is safe to delete whole.
        }
    }

    // The index of a file whose footer, index and checksum are whole and of this format and these settings; else null
    // (and, when it cannot be read at all, the failure noted in health). A link or a special file there is the
    // caller's error: it is never read through.
    private static Dictionary<UInt128, Record>? TryOpen(string path, UInt128 fingerprint, CacheHealth health, out SafeFileHandle? file, out long length)
    {
        file = null;
        length = 0;
        SafeFileHandle? handle = null;
        try
        {
            if (Files.FileKinds.Of(path, followLinks: false) == Files.FileKind.Missing)
            {
                return null;
            }

            handle = CacheFile.Open(path, FileMode.Open, FileAccess.Read);
            length = RandomAccess.GetLength(handle);
            if (length < FooterSize)
            {
                return null;
            }

            byte[] footer = new byte[FooterSize];
            if (RandomAccess.Read(handle, footer, length - FooterSize) != FooterSize
                || !footer.AsSpan(32, Magic.Length).SequenceEqual(Magic)
                || BinaryPrimitives.ReadInt32LittleEndian(footer.AsSpan(28)) != FormatVersion
                || BinaryPrimitives.ReadUInt128LittleEndian(footer.AsSpan(12)) != fingerprint)
            {
                return null;
            }

            long indexOffset = BinaryPrimitives.ReadInt64LittleEndian(footer);
            int count = BinaryPrimitives.ReadInt32LittleEndian(footer.AsSpan(8));
            if (count < 0 || indexOffset < 0 || (long)count * IndexEntrySize > Array.MaxLength - FooterSize
                || indexOffset + ((long)count * IndexEntrySize) != length - FooterSize)
            {
                return null;
            }

            byte[] tail = new byte[(count * IndexEntrySize) + FooterSize];
            if (RandomAccess.Read(handle, tail, indexOffset) != tail.Length
                || !XxHash128.Hash(tail.AsSpan(0, tail.Length - 16)).AsSpan().SequenceEqual(tail.AsSpan(tail.Length - 16)))
            {
                return null;
            }

            var records = new Dictionary<UInt128, Record>(count);
            for (int i = 0; i < count; i++)
            {
                ReadOnlySpan<byte> entry = tail.AsSpan(i * IndexEntrySize, IndexEntrySize);
                var record = new Record(
                    BinaryPrimitives.ReadInt64LittleEndian(entry[16..]),
                    BinaryPrimitives.ReadInt32LittleEndian(entry[24..]),
                    BinaryPrimitives.ReadUInt64LittleEndian(entry[28..]));
                if (record.Offset < 0 || record.Length < 0 || record.Length > MaxRecordLength || record.Offset + record.Length > indexOffset)
                {
                    return null;
                }

                records[BinaryPrimitives.ReadUInt128LittleEndian(entry)] = record;
            }

            file = handle;
            handle = null;
            return records;
        }
        catch (OutOfMemoryException)
        {
            return null;
        }
        catch (Exception e) when (e is (IOException and not Files.NotRegularFileException) or UnauthorizedAccessException)
        {
            health.Fail(e);
            return null;
        }
        finally
        {
            handle?.Dispose();
        }
    }

    // A record: the entry, field by field (see RecordWriter): its excerpt and content HTML, then what the feeds write
    // of its post. Everything is as the entry has it, cleaned; read back, it is the same entry (FeedEntry's equality).
    private static void Encode(FeedEntry entry, RecordWriter w)
    {
        w.Byte((byte)entry.Excerpt.Source);
        w.Bool(entry.Excerpt.IsTruncated);
        w.String(entry.Excerpt.Text);
        w.String(entry.ContentHtml);
        w.String(entry.Id);
        w.String(entry.Title);
        w.String(entry.Url.OriginalString);
        w.Date(entry.Published);
        w.Date(entry.Updated);
        w.Authors(entry.Authors);

        w.Int(entry.Categories.Count);
        foreach (string category in entry.Categories)
        {
            w.String(category);
        }

        w.String(entry.Language);

        // Per-post data for extensions: the tool sets none today, but an entry read back must be the whole entry.
        w.Int(entry.Properties.Count);
        foreach (KeyValuePair<string, string> property in entry.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.String(property.Key);
            w.String(property.Value);
        }
    }

    private static bool TryDecode(ReadOnlySpan<byte> bytes, out FeedEntry? entry)
    {
        entry = null;
        try
        {
            var r = new RecordReader(bytes);
            byte source = r.Byte();
            bool truncated = r.Bool();
            string text = r.Text();
            string? content = r.String();
            string id = r.Text();
            string title = r.Text();
            string url = r.Text();
            DateTimeOffset published = r.Date();
            DateTimeOffset updated = r.Date();
            int authorCount = r.Int();
            if (source > (byte)ExcerptSource.Summary || authorCount < 0 || authorCount > bytes.Length)
            {
                return false;
            }

            var authors = new FeedAuthor[authorCount];
            for (int i = 0; i < authorCount; i++)
            {
                string name = r.Text();
                string? email = r.String();
                string? uri = r.String();
                authors[i] = new FeedAuthor(name) { Email = email, Uri = uri is null ? null : new Uri(uri, UriKind.Absolute) };
            }

            int categoryCount = r.Int();
            if (categoryCount < 0 || categoryCount > bytes.Length)
            {
                return false;
            }

            string[] categories = new string[categoryCount];
            for (int i = 0; i < categoryCount; i++)
            {
                categories[i] = r.Text();
            }

            string? language = r.String();
            int propertyCount = r.Int();
            if (propertyCount < 0 || propertyCount > bytes.Length)
            {
                return false;
            }

            Dictionary<string, string>? properties = propertyCount == 0 ? null : new(propertyCount, StringComparer.Ordinal);
            for (int i = 0; i < propertyCount; i++)
            {
                string key = r.Text();
                if (!properties!.TryAdd(key, r.Text()))
                {
                    return false;
                }
            }

            if (!r.AtEnd)
            {
                return false;
            }

            entry = new FeedEntry
            {
                Id = id,
                Title = title,
                Url = new Uri(url, UriKind.Absolute),
                Published = published,
                Updated = updated,
                Authors = authorCount == 0 ? [] : authors,
                Categories = categoryCount == 0 ? [] : categories,
                Excerpt = new Excerpt(text, truncated, (ExcerptSource)source),
                ContentHtml = content,
                Language = language,
                Properties = properties is null ? FeedPost.EmptyProperties : properties.AsReadOnly(),
            };
            return true;
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException or UriFormatException or ArgumentException)
        {
            return false;
        }
    }

    // Closes and deletes the spill file. Never throws: closing a stream flushes what it buffered, which on a full disk
    // fails again (that once crashed every build whose cache disk was full).
    private void DropSpill()
    {
        try
        {
            _spill?.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _health.Fail(e);
        }

        _spill = null;
        if (!string.IsNullOrEmpty(_spillPath))
        {
            TryDelete(_spillPath);
            _spillPath = null;
        }
    }

    /// <summary>Deletes a file of the cache if it can (a leftover is harmless: the cache folder is safe to delete).</summary>
    /// <param name="path">The file.</param>
    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp file in the cache folder: the next build of the same output folder removes it.
        }
    }

    /// <summary>Where a record is, how long it is, and its checksum.</summary>
    private readonly record struct Record(long Offset, int Length, ulong Checksum);
}
