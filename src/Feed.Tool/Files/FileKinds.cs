using System.Runtime.InteropServices;

namespace Feed.Tool.Files;

/// <summary>What a path is, asked of the file system without opening it.</summary>
internal enum FileKind
{
    /// <summary>Nothing there (or a link to nothing).</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A symbolic link (only when links are not followed).</summary>
    SymbolicLink,

    /// <summary>A FIFO, a character or block device, or a socket: opening one can block for ever or never end.</summary>
    Special,
}

/// <summary>
/// File types and identities from <c>statx(2)</c> on Linux. .NET reports a FIFO, a device or a socket as an ordinary
/// file (<see cref="FileAttributes.Normal"/>), and opening a FIFO blocks until a writer comes; the type has to be asked
/// before opening. Elsewhere the managed answer is used (Windows has no such files in a folder).
/// </summary>
internal static partial class FileKinds
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const uint StatxIno = 0x100;
    private const int StatxSize = 256;

    private static readonly bool s_libcBound = !OperatingSystem.IsLinux() || BindLibc();

    private static bool s_native = OperatingSystem.IsLinux() && s_libcBound;

    // "libc" is the C library's name only by convention of the JIT runtime (which maps it to libc.so.6); Native AOT and
    // other loaders look for a file named so, which on glibc is a linker script. Say where it is.
    private static bool BindLibc()
    {
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(FileKinds).Assembly, static (name, assembly, path) =>
                name != "libc" ? IntPtr.Zero
                : NativeLibrary.TryLoad("libc.so.6", out IntPtr glibc) ? glibc
                : NativeLibrary.TryLoad("libc.so", assembly, path, out IntPtr other) ? other
                : IntPtr.Zero);
        }
        catch (InvalidOperationException)
        {
            // Another part of the process set a resolver for this assembly already; the default lookup remains.
        }

        return true;
    }

    /// <summary>Gets whether "libc" can be asked for (on Linux, once the resolver below says where it is): for every binding to the C library.</summary>
    public static bool LibcBound => s_libcBound;

    /// <summary>Gets whether the answers come from the system (<c>statx(2)</c> on Linux) rather than from .NET.</summary>
    public static bool IsNative => s_native;

    /// <summary>Gets what <paramref name="path"/> is.</summary>
    /// <param name="path">The path.</param>
    /// <param name="followLinks">Whether to describe a link's target rather than the link.</param>
    /// <returns>The kind.</returns>
    public static FileKind Of(string path, bool followLinks)
    {
        if (TryStatx(path, followLinks, out ushort mode, out _))
        {
            return KindOf(mode);
        }

        if (s_native)
        {
            return FileKind.Missing;
        }

        var info = new FileInfo(path);
        if (!followLinks && info.Exists | Directory.Exists(path) && info.LinkTarget is not null)
        {
            return FileKind.SymbolicLink;
        }

        return File.Exists(path) ? FileKind.Regular : Directory.Exists(path) ? FileKind.Directory : FileKind.Missing;
    }

    /// <summary>Gets what an open file is.</summary>
    /// <param name="handle">The file.</param>
    /// <returns>The kind (<see cref="FileKind.Regular"/> when the system cannot say: .NET opens only files and folders elsewhere).</returns>
    public static FileKind Of(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        if (!s_native)
        {
            return FileKind.Regular;
        }

        byte[] buffer = new byte[StatxSize];
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            int fd = (int)handle.DangerousGetHandle();
            return StatxFd(fd, string.Empty, AtEmptyPath, StatxType | StatxIno, buffer) != 0 ? FileKind.Missing : KindOf(BitConverter.ToUInt16(buffer, 28));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            s_native = false; // an old C library (see TryStatx)
            return FileKind.Regular;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>Gets the identity (see <see cref="Identity(string)"/>) of what is at <paramref name="path"/> itself, a link not followed.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The identity, or <see langword="null"/> when it cannot be had.</returns>
    public static string? IdentityNoFollow(string path) => TryStatx(path, followLinks: false, out _, out string? id) ? id : null;

    /// <summary>
    /// Gets an identity of the folder at <paramref name="path"/> (links followed) that is the same however the folder
    /// is reached: its device and inode on Linux, its fully resolved path elsewhere.
    /// </summary>
    /// <param name="path">A folder.</param>
    /// <returns>The identity, or <see langword="null"/> when it cannot be had.</returns>
    public static string? Identity(string path)
    {
        if (TryStatx(path, followLinks: true, out _, out string? id))
        {
            return id;
        }

        try
        {
            return Path.TrimEndingDirectorySeparator(ResolveAll(Path.GetFullPath(path), 0));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Gets the identity of an open file (see <see cref="Identity(string)"/>), or <see langword="null"/>.</summary>
    /// <param name="handle">The file.</param>
    /// <returns>Its device and inode on Linux; <see langword="null"/> elsewhere.</returns>
    public static string? Identity(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        if (!s_native)
        {
            return null;
        }

        byte[] buffer = new byte[StatxSize];
        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            int fd = (int)handle.DangerousGetHandle();
            return StatxFd(fd, string.Empty, AtEmptyPath, StatxType | StatxIno, buffer) == 0 ? IdentityOf(buffer) : null;
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

    /// <summary>
    /// Shows the name in <paramref name="dir"/> that .NET read as <paramref name="lossyName"/> (bytes that are not
    /// UTF-8 become U+FFFD), with its real bytes: each byte that is not part of a UTF-8 character as <c>%XX</c>, the rest
    /// as <see cref="Diagnostics.Diagnostic.EscapePath"/> prints it. Linux only (the names come from <c>readdir(3)</c>).
    /// </summary>
    /// <param name="dir">The folder.</param>
    /// <param name="lossyName">The name as .NET gave it.</param>
    /// <returns>The printable name, or <see langword="null"/> when it cannot be had.</returns>
    public static string? ShowRawName(string dir, string lossyName)
    {
        if (!s_native)
        {
            return null;
        }

        try
        {
            IntPtr handle = OpenDir(dir);
            if (handle == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                IntPtr entry;
                while ((entry = ReadDir(handle)) != IntPtr.Zero)
                {
                    // struct dirent on 64-bit Linux (glibc and musl): d_ino 8, d_off 8, d_reclen 2, d_type 1, d_name.
                    var bytes = new List<byte>();
                    for (int i = 19; i < 19 + 256; i++)
                    {
                        byte b = Marshal.ReadByte(entry, i);
                        if (b == 0)
                        {
                            break;
                        }

                        bytes.Add(b);
                    }

                    byte[] name = [.. bytes];
                    if (!System.Text.Unicode.Utf8.IsValid(name) && System.Text.Encoding.UTF8.GetString(name) == lossyName)
                    {
                        return Show(name);
                    }
                }
            }
            finally
            {
                CloseDir(handle);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        return null;
    }

    private static string Show(ReadOnlySpan<byte> name)
    {
        var text = new System.Text.StringBuilder();
        while (!name.IsEmpty)
        {
            if (System.Text.Rune.DecodeFromUtf8(name, out System.Text.Rune rune, out int consumed) == System.Buffers.OperationStatus.Done)
            {
                text.Append(Diagnostics.Diagnostic.EscapePath(rune.ToString()));
            }
            else
            {
                for (int i = 0; i < consumed; i++)
                {
                    text.Append('%').Append(name[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            name = name[Math.Max(consumed, 1)..];
        }

        return text.ToString();
    }

    /// <summary>The path with every symbolic link along it resolved: the folder a path really names.</summary>
    /// <param name="path">An absolute path.</param>
    /// <returns>The resolved path (components that do not exist are kept as written).</returns>
    public static string RealPath(string path) => Path.TrimEndingDirectorySeparator(ResolveAll(Path.GetFullPath(path), 0));

    // Resolves every link along a path, component by component (links inside links included, at most 40 deep as
    // Linux allows).
    private static string ResolveAll(string full, int depth)
    {
        string? root = Path.GetPathRoot(full);
        string current = root ?? string.Empty;
        foreach (string part in full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            string next = Path.Join(current, part);
            FileSystemInfo info = new DirectoryInfo(next);
            if (depth < 40 && info.Exists | File.Exists(next) && info.LinkTarget is not null)
            {
                FileSystemInfo? target = info.ResolveLinkTarget(returnFinalTarget: true);
                next = target is null ? next : ResolveAll(target.FullName, depth + 1);
            }

            current = next;
        }

        return current;
    }

    private static bool TryStatx(string path, bool followLinks, out ushort mode, out string? id)
    {
        mode = 0;
        id = null;
        if (!s_native)
        {
            return false;
        }

        byte[] buffer = new byte[StatxSize];
        try
        {
            if (Statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType | StatxIno, buffer) != 0)
            {
                return false;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            s_native = false; // an old C library: fall back to the managed answers from now on
            return false;
        }

        // struct statx (linux/stat.h): stx_mode is a u16 at byte 28, stx_ino a u64 at 32, stx_dev_major and
        // stx_dev_minor u32s at 136 and 140; the layout is the same on every architecture.
        mode = BitConverter.ToUInt16(buffer, 28);
        id = IdentityOf(buffer);
        return true;
    }

    private static FileKind KindOf(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.SymbolicLink,
        _ => FileKind.Special,
    };

    private static string IdentityOf(byte[] buffer)
    {
        ulong inode = BitConverter.ToUInt64(buffer, 32);
        uint major = BitConverter.ToUInt32(buffer, 136), minor = BitConverter.ToUInt32(buffer, 140);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{major}:{minor}:{inode}");
    }

    [DllImport("libc", EntryPoint = "opendir", SetLastError = true)]
    private static extern IntPtr OpenDir([MarshalAs(UnmanagedType.LPUTF8Str)] string path);

    [DllImport("libc", EntryPoint = "readdir", SetLastError = true)]
    private static extern IntPtr ReadDir(IntPtr dir);

    [DllImport("libc", EntryPoint = "closedir", SetLastError = true)]
    private static extern int CloseDir(IntPtr dir);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int StatxFd(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
