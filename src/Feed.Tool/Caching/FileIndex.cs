using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Feed.Tool.Files;
using Feed.Tool.Posts;
using Microsoft.Win32.SafeHandles;

namespace Feed.Tool.Caching;

/// <summary>
/// The build cache's file index: for each post file, the stamp it had when a build last read it (size, times, inode,
/// owner, mode: <see cref="FileStamp"/>), the hash of its bytes and the catalog's part of its head
/// (<see cref="CatalogPost"/>). A file whose stamp is unchanged is not opened, hashed or parsed again: an unchanged
/// rebuild stats its posts instead of reading them, as git's index does for a working tree.
/// </summary>
/// <remarks>
/// <para>
/// <b>Racy timestamps.</b> A stamp proves nothing about a write made within the file system's timestamp granularity of
/// the moment the file was read: the write may leave every field as it was (same size, same second). git calls such
/// entries "racily clean" (Documentation/technical/racy-git.txt in git's sources: it compares an entry's
/// <c>st_mtime</c> with the index file's own timestamp, re-hashes the entries that are not older, and truncates their
/// recorded size when it writes the index so they never match again). The index does the same, against a stricter
/// line: the file system's time at the <em>start</em> of the build that reads the files (<see cref="FileClock.Now"/>:
/// a file made in the cache folder, whose modification time the file system sets), not at the end when the index is
/// written, so an edit made while the build runs is caught too. An entry whose modification or status-change time is
/// less than <see cref="Granularity"/> before that line is recorded as racy and never trusted: the next build reads
/// the file again (and records it as clean once it is old enough). <see cref="Granularity"/> is 2 s, the coarsest
/// timestamps of a common file system (FAT); finer ones only make fewer entries racy.
/// </para>
/// <para>
/// <b>What else must match.</b> The settings a head is read with (<see cref="Fingerprint"/>: the tool's build, the
/// site URL, permalink, time zone, convention, drafts flag and posts folder name), the file's role (post or draft, by
/// its folder), and <c>--max-post-size</c> against the recorded size. A file that gave any message (a warning
/// included) is not recorded, so its messages are printed by every build.
/// </para>
/// <para>
/// <b>Format.</b> One file per output folder in the cache folder: a header (magic, version, fingerprint), then one record
/// per file in ordinal path order, each with its length and its own checksum. It is read as a stream alongside the
/// posts folder's listing (also in ordinal path order), so memory does not hold it; a damaged record is skipped (that
/// file is read), a damaged header or another fingerprint means no index. It is replaced atomically, after the build
/// took the output folder's lock, only when something in it changed.
/// </para>
/// </remarks>
internal sealed class FileIndex
{
    /// <summary>The timestamp granularity assumed of the posts' file system, in nanoseconds (see the remarks).</summary>
    public const long Granularity = 2_000_000_000;

    private const int FormatVersion = 1;
    private const int MaxRecordLength = 1 << 20;
    private static readonly byte[] Magic = "feed file index\n"u8.ToArray();
    private static readonly int HeaderSize = Magic.Length + 4 + 16;

    private readonly string _path;
    private readonly CacheHealth _health;
    private readonly long? _now;
    private UInt128 _fingerprint;

    private FileIndex(string path, CacheHealth health, long? now)
    {
        _path = path;
        _health = health;
        _now = now;
    }

    /// <summary>Opens the index of a build: notes the file system's time first, before any post is looked at.</summary>
    /// <param name="cacheDir">The cache folder.</param>
    /// <param name="outDir">The output folder (full path): one index per output folder.</param>
    /// <param name="health">The cache's health in this build.</param>
    /// <returns>The index.</returns>
    public static FileIndex Open(string cacheDir, string outDir, CacheHealth health)
    {
        UInt128 name = new Fingerprint().Add(outDir).Value;
        string path = Path.Join(cacheDir, "files-" + name.ToString("x32", System.Globalization.CultureInfo.InvariantCulture) + ".bin");
        return new FileIndex(path, health, FileClock.Current.Now(cacheDir));
    }

    /// <summary>The fingerprint of everything a head depends on besides its file's bytes and path.</summary>
    /// <param name="rules">The rules the posts are read with, with the posts folder's facts.</param>
    /// <returns>The fingerprint.</returns>
    public static UInt128 Fingerprint(PostRules rules) => new Fingerprint()
        .Add("feed file index, format 1").Add(SettingsFingerprint.ToolIdentity)
        .Add(rules.SiteUrl).Add(rules.Permalink).Add(rules.TimeZone.Id).Add(rules.TimeZone.ToSerializedString())
        .Add(rules.Convention.Name).Add(rules.IncludeDrafts).Add(rules.Folder.Name).Value;

    /// <summary>Opens the recorded files for one pass over the posts folder, in ordinal path order.</summary>
    /// <param name="fingerprint">The fingerprint of the settings this build reads heads with (<see cref="Fingerprint"/>): an index of others is not used, and this one is saved with it.</param>
    /// <returns>The reader; empty when there is no usable index.</returns>
    public Reader OpenReader(UInt128 fingerprint)
    {
        _fingerprint = fingerprint;
        return new(this);
    }

    /// <summary>
    /// Writes the index of this build's posts, when it differs from the one read: each clean file with the stamp it had
    /// when read (or found unchanged), marked racy when that stamp is too recent to prove anything (see the remarks).
    /// </summary>
    /// <param name="files">Every file to record, in ordinal path order.</param>
    /// <param name="unchanged">Whether every file came from the index as it was, and the index held nothing else.</param>
    /// <remarks>Best effort: a failure turns the cache off for the rest of the build (see <see cref="CacheHealth"/>).</remarks>
    public void Save(IReadOnlyList<Entry> files, bool unchanged)
    {
        if (_health.Failed || _now is null || unchanged)
        {
            return;
        }

        string temp = _path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            using (FileStream stream = CacheFile.OpenStream(temp, FileMode.CreateNew, FileAccess.Write, 1 << 16))
            {
                byte[] header = new byte[HeaderSize];
                Magic.CopyTo(header, 0);
                BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(Magic.Length), FormatVersion);
                BinaryPrimitives.WriteUInt128LittleEndian(header.AsSpan(Magic.Length + 4), _fingerprint);
                stream.Write(header);
                var record = new RecordWriter();
                foreach (Entry file in files)
                {
                    record.Clear();
                    record.Take(12); // length and checksum, filled below
                    Encode(record, file, racy: IsRacy(file.Stamp, _now.Value));
                    Span<byte> written = record.Bytes;
                    BinaryPrimitives.WriteInt32LittleEndian(written, written.Length - 12);
                    BinaryPrimitives.WriteUInt64LittleEndian(written[4..], XxHash64.HashToUInt64(written[12..]));
                    stream.Write(written);
                }
            }

            File.Move(temp, _path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            EntryStore.TryDelete(temp);
            _health.Fail(e);
        }
    }

    /// <summary>
    /// Whether <paramref name="stamp"/> is too recent to vouch for its file: a time less than <see cref="Granularity"/>
    /// before <paramref name="startedNs"/> (or after it) may be shared by a write made after the build read the file,
    /// leaving the stamp as it was (racy-git.txt).
    /// </summary>
    /// <param name="stamp">The stamp the file had when this build read it (or found it unchanged).</param>
    /// <param name="startedNs">The file system's time when this build started reading posts.</param>
    /// <returns>Whether the entry must be recorded as racy.</returns>
    internal static bool IsRacy(FileStamp stamp, long startedNs) => startedNs - stamp.LatestNs < Granularity;

    /// <summary>Removes a killed build's unfinished index (the caller holds the output folder's lock).</summary>
    public void RemoveOrphans() => EntryStore.RemoveOrphans(_path);

    private static void Encode(RecordWriter w, Entry file, bool racy)
    {
        CatalogPost p = file.Post;
        w.String(p.File.RelativePath);
        file.Stamp.Write(w.Take(FileStamp.EncodedSize));
        w.Bool(racy);
        w.Byte(file.Role);
        w.Hash(p.FileHash);
        w.String(p.Id);
        w.String(p.Url);
        w.Date(p.Published);
        w.Date(p.Updated);
        w.Date(p.Expires);
        w.Bool(p.Draft);
        w.Int(p.BodyLine);
        w.Bool(p.TemplateSensitive);
        w.Authors(p.Authors);

        Terms(w, p.Tags);
        Terms(w, p.CategoryNames);
        w.Int(p.TagsLine);
        w.Int(p.CategoriesLine);
        w.Int(p.AuthorsLine);
        w.Int(p.SlugLine);
        w.Int(p.SlugColumn);
        w.Int(p.IdLine);
        w.Int(p.IdColumn);
    }

    private static void Terms(RecordWriter w, IReadOnlyList<string> terms)
    {
        w.Int(terms.Count);
        foreach (string term in terms)
        {
            w.String(term);
        }
    }

    // The post of a record whose path and stamp matched; the rest of the record is read here.
    private static CatalogPost Decode(ref RecordReader r, PostFile file, UInt128 hash)
    {
        string? id = r.String();
        string url = r.Text();
        DateTimeOffset published = r.Date();
        DateTimeOffset? updated = r.OptionalDate();
        DateTimeOffset? expires = r.OptionalDate();
        bool draft = r.Bool();
        int bodyLine = r.Int();
        bool templates = r.Bool();
        int authorCount = r.Int();
        if (authorCount < 0 || authorCount > 10_000)
        {
            throw new FormatException("Too many authors.");
        }

        var authors = new List<FeedAuthor>(authorCount);
        for (int i = 0; i < authorCount; i++)
        {
            string name = r.Text();
            string? email = r.String();
            string? uri = r.String();
            authors.Add(SharedValues.Author(new FeedAuthor(name)
            {
                Email = email,
                Uri = uri is null ? null : Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed) ? parsed : throw new FormatException("An author URL is not absolute."),
            }));
        }

        IReadOnlyList<string> tags = ReadTerms(ref r);
        IReadOnlyList<string> categories = ReadTerms(ref r);
        var post = new CatalogPost
        {
            File = file,
            Id = id,
            Url = url,
            Published = published,
            Updated = updated,
            Expires = expires,
            Draft = draft,
            BodyLine = bodyLine,
            TemplateSensitive = templates,
            Authors = SharedValues.AuthorList(authors),
            Tags = tags,
            CategoryNames = categories,
            TagsLine = r.Int(),
            CategoriesLine = r.Int(),
            AuthorsLine = r.Int(),
            SlugLine = r.Int(),
            SlugColumn = r.Int(),
            IdLine = r.Int(),
            IdColumn = r.Int(),
            FileHash = hash,
            ContentHash = hash,
        };
        return r.AtEnd ? post : throw new FormatException("A record is longer than its fields.");
    }

    private static IReadOnlyList<string> ReadTerms(ref RecordReader r)
    {
        int count = r.Int();
        if (count < 0 || count > 100_000)
        {
            throw new FormatException("Too many terms.");
        }

        var terms = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            terms.Add(SharedValues.Term(r.Text()));
        }

        return SharedValues.TermList(terms);
    }

    /// <summary>One file as the index records it.</summary>
    /// <param name="Post">The catalog's part of its head (its <see cref="CatalogPost.FileHash"/> is the file's hash).</param>
    /// <param name="Stamp">The stamp it had when read (or found unchanged).</param>
    /// <param name="Role">Its role by its path (post or draft).</param>
    internal readonly record struct Entry(CatalogPost Post, FileStamp Stamp, byte Role);

    /// <summary>
    /// The recorded files, read in ordinal path order alongside the posts folder's listing. Not thread-safe: one pass,
    /// on one thread (each lookup is a comparison of names and stamps; the files that need reading are read in parallel
    /// afterwards).
    /// </summary>
    internal sealed class Reader : IDisposable
    {
        private readonly FileIndex _index;
        private FileStream? _stream;
        private byte[] _record = new byte[4096];
        private int _length;
        private string? _path;
        private bool _damaged;

        internal Reader(FileIndex index)
        {
            _index = index;
            _stream = Open(index);
            Advance();
        }

        /// <summary>Gets how many recorded files were trusted.</summary>
        public int Trusted { get; private set; }

        /// <summary>Gets whether the index held files this pass did not trust or did not find (it must be written again).</summary>
        public bool Stale { get; private set; }

        /// <summary>The recorded post of <paramref name="file"/>, when its stamp and everything else still match.</summary>
        /// <param name="file">The file; calls come in ordinal order of <see cref="PostFile.RelativePath"/>.</param>
        /// <param name="stamp">Its stamp now.</param>
        /// <param name="role">Its role now.</param>
        /// <param name="maxBytes">The largest post allowed now (<c>--max-post-size</c>).</param>
        /// <param name="post">The recorded post.</param>
        /// <returns>Whether it can be trusted.</returns>
        public bool TryGet(PostFile file, FileStamp stamp, byte role, long maxBytes, out CatalogPost? post)
        {
            post = null;
            while (_path is not null && string.CompareOrdinal(_path, file.RelativePath) < 0)
            {
                Stale = true; // a file that is gone, or was not a post this time
                Advance();
            }

            if (_path is null || !string.Equals(_path, file.RelativePath, StringComparison.Ordinal))
            {
                Stale = true;
                return false;
            }

            try
            {
                var r = new RecordReader(_record.AsSpan(0, _length));
                _ = r.Text();
                FileStamp recorded = FileStamp.Read(r.Take(FileStamp.EncodedSize));
                bool racy = r.Bool();
                byte recordedRole = r.Byte();
                UInt128 hash = r.Hash();
                if (racy || recorded != stamp || recordedRole != role || stamp.Size > maxBytes)
                {
                    Stale = true;
                    return false;
                }

                post = Decode(ref r, file, hash);
                Trusted++;
                return true;
            }
            catch (Exception e) when (e is FormatException or DecoderFallbackException or ArgumentException)
            {
                Stale = true;
                return false;
            }
            finally
            {
                Advance();
            }
        }

        /// <summary>Notes the end of the pass: records left unread mean the index changed.</summary>
        public void Finish()
        {
            if (_path is not null)
            {
                Stale = true;
            }
        }

        public void Dispose()
        {
            _stream?.Dispose();
            _stream = null;
        }

        // The index's stream, past a header of this format and fingerprint; null when there is none.
        private static FileStream? Open(FileIndex index)
        {
            if (index._health.Failed || FileKinds.Of(index._path, followLinks: false) == FileKind.Missing)
            {
                return null;
            }

            FileStream? stream = null;
            try
            {
                stream = CacheFile.OpenStream(index._path, FileMode.Open, FileAccess.Read, 1 << 16);
                byte[] header = new byte[HeaderSize];
                if (stream.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) != HeaderSize
                    || !header.AsSpan(0, Magic.Length).SequenceEqual(Magic)
                    || BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(Magic.Length)) != FormatVersion
                    || BinaryPrimitives.ReadUInt128LittleEndian(header.AsSpan(Magic.Length + 4)) != index._fingerprint)
                {
                    stream.Dispose();
                    return null;
                }

                return stream;
            }
            catch (Exception e) when (e is (IOException and not NotRegularFileException) or UnauthorizedAccessException)
            {
                stream?.Dispose();
                index._health.Fail(e);
                return null;
            }
        }

        // The next whole record with a valid checksum; at a damaged one, the rest of the file is given up (lengths
        // after it cannot be trusted) and those files are read.
        private void Advance()
        {
            _path = null;
            if (_stream is null || _damaged)
            {
                return;
            }

            try
            {
                Span<byte> head = stackalloc byte[12];
                int got = _stream.ReadAtLeast(head, 12, throwOnEndOfStream: false);
                if (got == 0)
                {
                    return;
                }

                int length = BinaryPrimitives.ReadInt32LittleEndian(head);
                if (got != 12 || length <= 0 || length > MaxRecordLength)
                {
                    _damaged = true;
                    return;
                }

                if (_record.Length < length)
                {
                    _record = new byte[Math.Max(length, _record.Length * 2)];
                }

                if (_stream.ReadAtLeast(_record.AsSpan(0, length), length, throwOnEndOfStream: false) != length
                    || XxHash64.HashToUInt64(_record.AsSpan(0, length)) != BinaryPrimitives.ReadUInt64LittleEndian(head[4..]))
                {
                    _damaged = true;
                    return;
                }

                _length = length;
                var r = new RecordReader(_record.AsSpan(0, length));
                _path = r.Text();
            }
            catch (Exception e) when (e is FormatException or DecoderFallbackException)
            {
                _damaged = true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _damaged = true;
                _index._health.Fail(e);
            }
        }
    }
}
