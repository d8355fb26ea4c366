using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Feed.Tool.Files;

/// <summary>
/// Opens the files feed keeps for itself (the lock, manifest and journal in <c>--out</c>, the pages it compares and
/// writes there, the build cache's files) and the posts it reads, without ever following a symbolic link in the last
/// component and only when the file is a regular file: a link (dangling or not), a folder, a FIFO, a socket or a
/// device there is refused with <see cref="NotRegularFileException"/>, naming what it is, before anything is read,
/// created or written through it.
/// </summary>
/// <remarks>
/// <para>
/// .NET has no way to ask for <c>O_NOFOLLOW</c>, and <see cref="FileMode.OpenOrCreate"/> follows a link, even a
/// dangling one, creating its target outside the folder. So on Linux (x64 and Arm, whose <c>open(2)</c> flag values
/// differ and are both known) the file is opened with <c>open(2)</c> and <c>O_NOFOLLOW | O_NONBLOCK</c> (a FIFO then
/// neither blocks nor is read), and then <c>fstat</c>ed: what is opened is exactly what is checked, with no window
/// between a check and the open. Elsewhere the path is checked with <see cref="FileKinds.Of(string, bool)"/> first, a new file is
/// created only with <see cref="FileMode.CreateNew"/> (which never follows a link), and the opened file's identity
/// must be the one that was checked.
/// </para>
/// <para>The folders above the file are the caller's to vouch for (<c>--out</c> is resolved to its real path once).</para>
/// </remarks>
internal static class RegularFile
{
    // open(2) flags (linux/fcntl.h). O_NOFOLLOW is 0x8000 on Arm (arch/arm64/include/uapi/asm/fcntl.h) and 0x20000 in
    // asm-generic (x86, x64); the others are the same on both.
    private const int ReadOnly = 0x0, WriteOnly = 0x1, ReadWrite = 0x2, Create = 0x40, Exclusive = 0x80, NoControllingTerminal = 0x100,
        NonBlocking = 0x800, CloseOnExec = 0x80000;

    private const int ENOENT = 2, EPERM = 1, ENXIO = 6, EACCES = 13, EEXIST = 17, EISDIR = 21, ELOOP = 40, EINTR = 4;

    private static readonly int NoFollow = RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 => 0x20000,
        Architecture.Arm64 or Architecture.Arm => 0x8000,
        _ => 0,
    };

    private static readonly bool Native = OperatingSystem.IsLinux() && NoFollow != 0 && FileKinds.IsNative;

    /// <summary>Opens <paramref name="path"/>, a regular file or (for a creating <paramref name="mode"/>) nothing yet.</summary>
    /// <param name="path">The file.</param>
    /// <param name="mode"><see cref="FileMode.Open"/>, <see cref="FileMode.OpenOrCreate"/>, <see cref="FileMode.CreateNew"/> or <see cref="FileMode.Create"/> (emptied once checked).</param>
    /// <param name="access">The access.</param>
    /// <param name="share">The sharing other opens in this process see (advisory on Unix; used where .NET opens the file).</param>
    /// <returns>The open file; the caller disposes it.</returns>
    /// <exception cref="NotRegularFileException">A link, folder, FIFO, socket or device is there.</exception>
    /// <exception cref="IOException">Any other failure, as .NET reports it (<see cref="FileNotFoundException"/>, no space, ...).</exception>
    /// <exception cref="UnauthorizedAccessException">No permission.</exception>
    public static SafeFileHandle Open(string path, FileMode mode, FileAccess access, FileShare share = FileShare.Read)
    {
        if (mode is not (FileMode.Open or FileMode.OpenOrCreate or FileMode.CreateNew or FileMode.Create))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Open, OpenOrCreate, CreateNew or Create.");
        }

        // Asked first, so that a device or a FIFO is not even opened (opening some devices does something).
        FileKind kind = FileKinds.Of(path, followLinks: false);
        if (kind is not (FileKind.Regular or FileKind.Missing))
        {
            throw new NotRegularFileException(path, kind);
        }

        SafeFileHandle handle = Native ? OpenNative(path, mode, access) : OpenManaged(path, kind, mode, access, share);
        if (mode == FileMode.Create)
        {
            try
            {
                RandomAccess.SetLength(handle, 0);
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }

        return handle;
    }

    /// <summary>Opens <paramref name="path"/> as <see cref="Open"/> does, as a <see cref="FileStream"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="mode">See <see cref="Open"/>.</param>
    /// <param name="access">The access.</param>
    /// <param name="bufferSize">The stream's buffer (0 or 1: none).</param>
    /// <returns>The stream; the caller disposes it.</returns>
    public static FileStream OpenStream(string path, FileMode mode, FileAccess access, int bufferSize = 4096)
    {
        SafeFileHandle handle = Open(path, mode, access, access == FileAccess.Read ? FileShare.Read : FileShare.None);
        try
        {
            return new FileStream(handle, access, bufferSize);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Reads a whole regular file, refusing one larger than <paramref name="maxBytes"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The largest size read.</param>
    /// <returns>The bytes, or <see langword="null"/> when the file is larger than <paramref name="maxBytes"/>.</returns>
    public static byte[]? ReadAll(string path, long maxBytes)
    {
        using SafeFileHandle handle = Open(path, FileMode.Open, FileAccess.Read);
        long length = RandomAccess.GetLength(handle);
        if (length > maxBytes || length > Array.MaxLength)
        {
            return null;
        }

        byte[] bytes = GC.AllocateUninitializedArray<byte>((int)length);
        int read = 0;
        while (read < bytes.Length)
        {
            int n = RandomAccess.Read(handle, bytes.AsSpan(read), read);
            if (n == 0)
            {
                return bytes[..read]; // it shrank while being read
            }

            read += n;
        }

        return bytes;
    }

    private static SafeFileHandle OpenNative(string path, FileMode mode, FileAccess access)
    {
        int flags = NoFollow | NonBlocking | CloseOnExec | NoControllingTerminal | access switch
        {
            FileAccess.Read => ReadOnly,
            FileAccess.Write => WriteOnly,
            _ => ReadWrite,
        };
        flags |= mode switch
        {
            FileMode.CreateNew => Create | Exclusive,
            FileMode.OpenOrCreate or FileMode.Create => Create,
            _ => 0,
        };

        int fd;
        int errno;
        do
        {
            fd = OpenFile(path, flags, 438 /* 0666, less the umask, as .NET creates files */);
            errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
        }
        while (fd < 0 && errno == EINTR);

        if (fd < 0)
        {
            throw errno switch
            {
                ELOOP => new NotRegularFileException(path, FileKind.SymbolicLink),
                EISDIR => new NotRegularFileException(path, FileKind.Directory),
                ENXIO => new NotRegularFileException(path, FileKind.Special), // a socket, or a FIFO nobody reads
                _ => ErrnoException(path, errno),
            };
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        FileKind opened = FileKinds.Of(handle);
        if (opened != FileKind.Regular)
        {
            handle.Dispose();
            throw new NotRegularFileException(path, opened);
        }

        return handle;
    }

    private static SafeFileHandle OpenManaged(string path, FileKind kind, FileMode mode, FileAccess access, FileShare share)
    {
        if (kind == FileKind.Missing && mode != FileMode.Open)
        {
            try
            {
                // CreateNew fails on anything already there, a dangling link included: it never creates through a link.
                return File.OpenHandle(path, FileMode.CreateNew, access, share);
            }
            catch (IOException) when (mode != FileMode.CreateNew && FileKinds.Of(path, followLinks: false) != FileKind.Missing)
            {
                // Created by someone else just now: open what is there now, checked again.
                return Open(path, FileMode.Open, access, share);
            }
        }

        if (mode == FileMode.CreateNew)
        {
            throw new IOException($"The file '{path}' already exists.", unchecked((int)0x80070050));
        }

        string? checkedId = FileKinds.IdentityNoFollow(path);
        SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, access, share);
        if (checkedId is not null && FileKinds.Identity(handle) is { } openedId && openedId != checkedId)
        {
            // Replaced (by a link, say) between the check and the open: what was opened is not what was checked.
            handle.Dispose();
            throw new NotRegularFileException(path, FileKinds.Of(path, followLinks: false));
        }

        return handle;
    }

    // What .NET throws for the same errno (System.IO's Interop.GetExceptionForIoErrno): the errno as the HResult of an
    // IOException, except for the kinds that have their own exception.
    private static Exception ErrnoException(string path, int errno)
    {
        string message = $"{Marshal.GetPInvokeErrorMessage(errno)} : '{path}'";
        return errno switch
        {
            ENOENT when !Directory.Exists(Path.GetDirectoryName(path)) => new DirectoryNotFoundException(message),
            ENOENT => new FileNotFoundException(message, path),
            EACCES or EPERM => new UnauthorizedAccessException(message),
            EEXIST => new IOException(message, unchecked((int)0x80070050)),
            _ => new IOException(message, errno),
        };
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int OpenFile([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);
}

/// <summary>A path where feed needs a regular file holds a symbolic link, a folder, a FIFO, a socket or a device.</summary>
/// <param name="path">The path.</param>
/// <param name="kind">What is there.</param>
internal sealed class NotRegularFileException(string path, FileKind kind)
    : IOException($"'{path}' is {Describe(kind)}, not a regular file.")
{
    /// <summary>Gets the path.</summary>
    public string Path { get; } = path;

    /// <summary>Gets what is there.</summary>
    public FileKind Kind { get; } = kind;

    /// <summary>The error for this file, where feed keeps <paramref name="role"/>.</summary>
    /// <param name="displayPath">The path as the user wrote it (its folder, at least).</param>
    /// <param name="role">What feed keeps there: "its lock", "its build cache".</param>
    /// <returns>A <see cref="Diagnostics.DiagnosticCodes.NotRegularOwnFile"/> error naming what is there (and a link's target).</returns>
    public Diagnostics.Diagnostic ToDiagnostic(string displayPath, string role)
    {
        string? target = null;
        if (Kind == FileKind.SymbolicLink)
        {
            try
            {
                target = new FileInfo(Path).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone again: say what it was.
            }
        }

        return new Diagnostics.Diagnostic(displayPath, 0, 0, Diagnostics.DiagnosticCodes.NotRegularOwnFile,
            $"this is {Describe(Kind)}{(target is null ? "" : $" (to {target})")}, not a regular file; feed keeps {role} here and never opens it through a link or as a special file. Remove it, then build again.");
    }

    /// <summary>Names a kind of file for a message: "a symbolic link", "a folder", ...</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The words.</returns>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Directory => "a folder",
        FileKind.Special => "a FIFO, socket or device",
        FileKind.Missing => "gone",
        _ => "a regular file",
    };
}
