using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Feed.Tool.Files;

/// <summary>
/// What the file system says about a file without reading it — the "cached stat information" git's index keeps per
/// path (Documentation/technical/racy-git.txt in git's sources): the size, the modification and status-change times, the
/// inode, the owner and the mode. A file whose stamp is the one recorded when it was last read has not been written
/// since, with one exception the build cache handles (a write within the timestamp granularity of the reading: see
/// <see cref="Caching.FileIndex"/>).
/// </summary>
/// <remarks>
/// As git does by default, the device is left out (it is not stable on network file systems) and nanoseconds are kept
/// (a file system that forgets them once its inode cache is evicted only costs a re-read). Off Linux (no
/// <c>statx(2)</c>), the stamp is .NET's size, last write time and creation time, with no inode: what git for Windows
/// compares too.
/// </remarks>
/// <param name="Size">The size in bytes.</param>
/// <param name="ModifiedNs">The modification time (<c>st_mtime</c>), nanoseconds since the Unix epoch.</param>
/// <param name="ChangedNs">The status change time (<c>st_ctime</c>: set on every write, rename, chmod, link or utime), nanoseconds since the epoch.</param>
/// <param name="Inode">The inode number.</param>
/// <param name="Owner">The user id (high 32 bits) and group id (low 32 bits).</param>
/// <param name="Mode">The file type and permission bits.</param>
internal readonly record struct FileStamp(long Size, long ModifiedNs, long ChangedNs, ulong Inode, ulong Owner, uint Mode)
{
    /// <summary>The number of bytes <see cref="Write"/> writes.</summary>
    public const int EncodedSize = 8 + 8 + 8 + 8 + 8 + 4;

    /// <summary>Gets the later of the two times: a file is racily clean while this is too recent (see <see cref="Caching.FileIndex"/>).</summary>
    public long LatestNs => Math.Max(ModifiedNs, ChangedNs);

    /// <summary>Writes the stamp (little-endian).</summary>
    /// <param name="bytes">At least <see cref="EncodedSize"/> bytes.</param>
    public void Write(Span<byte> bytes)
    {
        BinaryPrimitives.WriteInt64LittleEndian(bytes, Size);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[8..], ModifiedNs);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[16..], ChangedNs);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[24..], Inode);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[32..], Owner);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[40..], Mode);
    }

    /// <summary>Reads a stamp written by <see cref="Write"/>.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The stamp.</returns>
    public static FileStamp Read(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadInt64LittleEndian(bytes),
        BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]),
        BinaryPrimitives.ReadInt64LittleEndian(bytes[16..]),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes[32..]),
        BinaryPrimitives.ReadUInt32LittleEndian(bytes[40..]));
}

/// <summary>File stamps from <c>statx(2)</c>.</summary>
internal static partial class FileKinds
{
    private const uint StatxBasicStats = 0x7ff;

    /// <summary>Gets what <paramref name="path"/> is, and its stamp (links not followed: the link's own).</summary>
    /// <param name="path">The path.</param>
    /// <param name="followLinks">Whether to describe a link's target rather than the link.</param>
    /// <param name="stamp">The stamp, when the kind is not <see cref="FileKind.Missing"/>.</param>
    /// <returns>The kind.</returns>
    public static FileKind Of(string path, bool followLinks, out FileStamp stamp)
    {
        stamp = default;
        if (s_native)
        {
            Span<byte> buffer = stackalloc byte[StatxSize];
            try
            {
                if (StatxSpan(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
                {
                    return FileKind.Missing;
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                s_native = false;
                return ManagedStamp(path, followLinks, out stamp);
            }

            stamp = StampOf(buffer);
            return KindOf(BinaryPrimitives.ReadUInt16LittleEndian(buffer[28..]));
        }

        return ManagedStamp(path, followLinks, out stamp);
    }

    /// <summary>Gets the stamp of an open file.</summary>
    /// <param name="handle">The file.</param>
    /// <param name="path">Its path (for the managed answer off Linux).</param>
    /// <returns>The stamp, or <see langword="null"/> when the system cannot give one.</returns>
    public static FileStamp? Stamp(SafeFileHandle handle, string path)
    {
        if (!s_native)
        {
            return ManagedStamp(path, followLinks: true, out FileStamp managed) == FileKind.Missing ? null : managed;
        }

        Span<byte> buffer = stackalloc byte[StatxSize];
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            int fd = (int)handle.DangerousGetHandle();
            return StatxSpan(fd, string.Empty, AtEmptyPath, StatxBasicStats, buffer) == 0 ? StampOf(buffer) : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    // struct statx (linux/stat.h): stx_uid u32 at 20, stx_gid u32 at 24, stx_mode u16 at 28, stx_ino u64 at 32,
    // stx_size u64 at 40; timestamps are { s64 tv_sec; u32 tv_nsec; s32 reserved }: stx_ctime at 96, stx_mtime at 112.
    private static FileStamp StampOf(ReadOnlySpan<byte> b) => new(
        BinaryPrimitives.ReadInt64LittleEndian(b[40..]),
        Nanoseconds(b[112..]),
        Nanoseconds(b[96..]),
        BinaryPrimitives.ReadUInt64LittleEndian(b[32..]),
        ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(b[20..]) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(b[24..]),
        BinaryPrimitives.ReadUInt16LittleEndian(b[28..]));

    private static long Nanoseconds(ReadOnlySpan<byte> timestamp) =>
        (BinaryPrimitives.ReadInt64LittleEndian(timestamp) * 1_000_000_000L) + BinaryPrimitives.ReadUInt32LittleEndian(timestamp[8..]);

    private static FileKind ManagedStamp(string path, bool followLinks, out FileStamp stamp)
    {
        stamp = default;
        FileKind kind = Of(path, followLinks);
        if (kind is FileKind.Missing)
        {
            return kind;
        }

        try
        {
            var info = new FileInfo(path);
            long length = kind == FileKind.Regular ? info.Length : 0;
            stamp = new FileStamp(length, Ticks(info.LastWriteTimeUtc), Ticks(info.CreationTimeUtc), 0, 0, (uint)kind);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone since: the stamp stays empty, which matches nothing recorded.
        }

        return kind;
    }

    private static long Ticks(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) * 100;

    // A stack buffer rather than a new array per call: a build stats every post.
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int StatxRef(int dirfd, [System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, ref byte buffer);

    private static int StatxSpan(int dirfd, string path, int flags, uint mask, Span<byte> buffer) =>
        StatxRef(dirfd, path, flags, mask, ref System.Runtime.InteropServices.MemoryMarshal.GetReference(buffer));
}
