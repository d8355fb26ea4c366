using System.Runtime.InteropServices;

namespace Feed.Tool.Cli;

/// <summary>
/// The process's standard output or error as every command-line program writes it: <c>write(2)</c> on file descriptor
/// 1 or 2, so each write lands where the descriptor's shared offset is (the end, for <c>&gt; log 2&gt;&amp;1</c>, after
/// the lines a shell wrote before the tool started, before the ones it writes after).
/// </summary>
/// <remarks>
/// <para>
/// Not a <see cref="FileStream"/> on the descriptor: for a regular file it keeps an offset of its own and writes with
/// <c>pwrite</c> there, so <c>feed build … &gt; log 2&gt;&amp;1</c> wrote its summary over its own warning, and
/// <c>(echo a; feed --version; echo b) &gt; log</c> lost a line. Not <see cref="Console.OpenStandardOutput()"/> either:
/// its first write to a terminal switches the terminal into keypad mode (<c>ESC[?1h ESC=</c>), which nothing ever
/// switches back, and the tool writes plain lines.
/// </para>
/// <para>
/// A reader that has gone away (<c>feed build … | head -1</c>: <c>EPIPE</c>) or a closed descriptor ends the output
/// quietly; the build itself goes on and its exit code says how it ended.
/// </para>
/// </remarks>
internal sealed class StandardStream : Stream
{
    private const int EINTR = 4, EAGAIN = 11;

    private readonly int _fd;
    private bool _gone;

    private StandardStream(int fd) => _fd = fd;

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => true;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>A writer of plain lines (UTF-8, <c>\n</c>, flushed at each write) on file descriptor <paramref name="fd"/>.</summary>
    /// <param name="fd">1 for standard output, 2 for standard error.</param>
    /// <returns>The writer, or <see langword="null"/> where there is no <c>write(2)</c> (Windows).</returns>
    public static TextWriter? Writer(int fd)
    {
        if (OperatingSystem.IsWindows() || !Files.FileKinds.LibcBound)
        {
            return null;
        }

        try
        {
            Write(fd, ref MemoryMarshal.GetReference(ReadOnlySpan<byte>.Empty), 0); // binds write(2) now, not at the first line
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        return new StreamWriter(new StandardStream(fd), new System.Text.UTF8Encoding(false), 4096) { AutoFlush = true, NewLine = "\n" };
    }

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty && !_gone)
        {
            nint written = Write(_fd, ref MemoryMarshal.GetReference(buffer), buffer.Length);
            if (written >= 0)
            {
                buffer = buffer[(int)written..];
                continue;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (errno == EAGAIN)
            {
                Thread.Sleep(1); // a descriptor left non-blocking by whoever started us: wait for the reader
            }
            else if (errno != EINTR)
            {
                _gone = true; // EPIPE, EBADF, EIO: nobody reads it any more
            }
        }
    }

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override void Flush()
    {
        // Nothing buffered: every write goes straight to the descriptor.
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    private static extern nint Write(int fd, ref byte buffer, nint count);
}
