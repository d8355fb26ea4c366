using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Feed.Tool.Diagnostics;
using Microsoft.Win32.SafeHandles;

namespace Feed.Tool.Posts;

/// <summary>Reads post files: the front matter for the first pass, the body for the page that shows the post.</summary>
/// <threadsafety>Stateless; safe to call from many threads.</threadsafety>
internal static class PostReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a post's front matter (the whole file is checked for valid UTF-8 here, so a bad body is reported with the rest).</summary>
    /// <param name="file">The post's file.</param>
    /// <param name="rules">The site-wide rules.</param>
    /// <param name="diagnostics">Receives the file's problems.</param>
    /// <returns>The post with an empty body, or <see langword="null"/> when it has errors.</returns>
    public static PostHead? ReadHead(PostFile file, PostRules rules, List<Diagnostic> diagnostics) => ReadHead(file, rules, diagnostics, out _);

    /// <summary>Reads a post's front matter, and tells the stamp the file had when it was opened (for the build cache's file index).</summary>
    /// <param name="file">The post's file.</param>
    /// <param name="rules">The site-wide rules.</param>
    /// <param name="diagnostics">Receives the file's problems.</param>
    /// <param name="stamp">
    /// The file's stamp, taken on the open file before its bytes are read (a write after it changes the stamp, or is
    /// racy: see <see cref="Caching.FileIndex"/>); <see langword="null"/> when the system cannot give one.
    /// </param>
    /// <returns>The post with an empty body, or <see langword="null"/> when it has errors.</returns>
    public static PostHead? ReadHead(PostFile file, PostRules rules, List<Diagnostic> diagnostics, out Files.FileStamp? stamp)
    {
        byte[]? rented = null;
        try
        {
            if (!TryReadAll(file, rules.MaxPostBytes, diagnostics, out rented, out int length, out stamp))
            {
                return null;
            }

            return ParseHead(rented.AsSpan(0, length), file, rules, diagnostics);
        }
        finally
        {
            if (rented is { Length: > 0 })
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // A post's head from its file's bytes: every check of the first pass, and the hash the build cache keys it by.
    private static PostHead? ParseHead(ReadOnlySpan<byte> bytes, PostFile file, PostRules rules, List<Diagnostic> diagnostics)
    {
        if (!Utf8.IsValid(bytes))
        {
            int bad = FirstInvalidUtf8(bytes);
            var (line, column) = TextPosition.Of(bytes, bad);
            diagnostics.Add(new Diagnostic(file.DisplayPath, line, column, DiagnosticCodes.InvalidEncoding,
                "the file is not valid UTF-8; save it as UTF-8."));
            return null;
        }

        if (!FrontMatter.TryFind(bytes, rules.Convention.Shapes, out FrontMatter bounds, out string? error))
        {
            diagnostics.Add(new Diagnostic(file.DisplayPath, 1, 1, DiagnosticCodes.MissingFrontMatter, error!));
            return null;
        }

        // The body's nesting is checked here, in the first pass, so that a post with both a front-matter problem
        // and Markdown too deep to render gets both reported in one run.
        int bodyLine = 1 + bytes[..bounds.BodyStart].Count((byte)'\n');
        if (MarkdownNesting.FindTooDeep(bytes[bounds.BodyStart..], out int deepLine, out string? what))
        {
            diagnostics.Add(new Diagnostic(file.DisplayPath, bodyLine + deepLine - 1, 1, DiagnosticCodes.NestedTooDeep,
                $"{what} nested more than {MarkdownNesting.MaxDepth} deep here; rendering it would take minutes. Flatten it."));
        }

        string text = Encoding.UTF8.GetString(bytes.Slice(bounds.TextStart, bounds.TextLength));
        PostHead? head = FrontMatterReader.Read(bounds, text, file, rules, diagnostics);
        if (head is null || what is not null)
        {
            return null;
        }

        // Template tags in the body: its expansion may name other posts' URLs (see PostHead.TemplateSensitive).
        ReadOnlySpan<byte> body = bytes[bounds.BodyStart..];
        bool templates = rules.Convention.Dialect is not null && (body.IndexOf("{%"u8) >= 0 || body.IndexOf("{{"u8) >= 0);
        UInt128 hash = System.IO.Hashing.XxHash128.HashToUInt128(bytes);
        return head with { FileHash = hash, ContentHash = hash, BodyLine = bodyLine, TemplateSensitive = templates };
    }

    /// <summary>
    /// Reads a post whole for the page that shows it: its head (the catalog keeps only part of it, see
    /// <see cref="CatalogPost"/>) and its body, from the same bytes the first pass read. The file is read again, so it
    /// is hashed again: a post saved since the first pass (or since the build cache last read it) would give this build
    /// a post that does not go with its catalog entry, and the build cache a rendering stored under the hash of other
    /// bytes. That is an error, and the build writes nothing.
    /// </summary>
    /// <param name="post">The post, as the catalog has it.</param>
    /// <param name="rules">The rules the catalog read the posts with (<see cref="PostCatalog.Rules"/>).</param>
    /// <param name="diagnostics">Receives a problem if the file changed or vanished since the first pass.</param>
    /// <returns>The head and the body, or <see langword="null"/> on a problem.</returns>
    public static (PostHead Head, string Body)? ReadPost(CatalogPost post, PostRules rules, List<Diagnostic> diagnostics)
    {
        byte[]? rented = null;
        try
        {
            if (!TryReadAll(post.File, rules.MaxPostBytes, diagnostics, out rented, out int length, out _))
            {
                return null;
            }

            ReadOnlySpan<byte> bytes = rented.AsSpan(0, length);
            if (System.IO.Hashing.XxHash128.HashToUInt128(bytes) != post.FileHash
                || !FrontMatter.TryFind(bytes, rules.Convention.Shapes, out FrontMatter bounds, out _))
            {
                diagnostics.Add(Changed(post.File));
                return null;
            }

            // The same bytes and rules as the first pass, which checked them whole (encoding, nesting, every field) and
            // printed their messages: only the front matter's texts are read again (a cold build parses each post's
            // front matter twice, and only that twice), and what the first pass derived from the bytes is the catalog's.
            string text = StrictUtf8.GetString(bytes.Slice(bounds.TextStart, bounds.TextLength));
            PostHead? head = FrontMatterReader.Read(bounds, text, post.File, rules, []);
            if (head is null)
            {
                diagnostics.Add(Changed(post.File));
                return null;
            }

            head = head with { FileHash = post.FileHash, ContentHash = post.ContentHash, BodyLine = post.BodyLine, TemplateSensitive = post.TemplateSensitive };
            return (head, StrictUtf8.GetString(bytes[bounds.BodyStart..]));
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Add(new Diagnostic(post.File.DisplayPath, 0, 0, DiagnosticCodes.InvalidEncoding,
                "the file is not valid UTF-8 (it changed while the build was running)."));
            return null;
        }
        finally
        {
            if (rented is { Length: > 0 })
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static Diagnostic Changed(PostFile file) => new(file.DisplayPath, 0, 0, DiagnosticCodes.PostChanged,
        "the post changed while the build was running (it was saved after the build first read it); nothing was written. Run the build again.");

    private static bool TryReadAll(PostFile file, long maxBytes, List<Diagnostic> diagnostics, out byte[] rented, out int length, out Files.FileStamp? stamp)
    {
        rented = [];
        length = 0;
        stamp = null;
        maxBytes = Math.Min(maxBytes, Array.MaxLength - 1);
        try
        {
            using SafeFileHandle handle = Open(file);
            stamp = Caching.FileClock.Current.Stamp(handle, file.FullPath);
            long size = RandomAccess.GetLength(handle);
            if (size > maxBytes)
            {
                diagnostics.Add(TooLarge(file, size, maxBytes));
                return false;
            }

            // Rent at least one byte more than the size: a file that grows while it is read is then noticed
            // (the read does not stop at the buffer's end), and read again.
            rented = ArrayPool<byte>.Shared.Rent((int)size + 1);
            while (true)
            {
                int read = RandomAccess.Read(handle, rented.AsSpan(length), length);
                if (read == 0)
                {
                    return true;
                }

                length += read;
                if (length > maxBytes)
                {
                    // It grew past the limit while being read.
                    diagnostics.Add(TooLarge(file, length, maxBytes));
                    ArrayPool<byte>.Shared.Return(rented);
                    rented = [];
                    length = 0;
                    return false;
                }

                if (length == rented.Length)
                {
                    byte[] bigger = ArrayPool<byte>.Shared.Rent(rented.Length * 2);
                    rented.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(rented);
                    rented = bigger;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // .NET decodes file names as UTF-8, turning other bytes into U+FFFD, and cannot give such a name back to
            // the system: say so rather than "could not find" a file that is there.
            string message = e is FileNotFoundException && file.RelativePath.Contains('\uFFFD', StringComparison.Ordinal)
                ? "the file name is not valid UTF-8 (the bad bytes are shown as %EF%BF%BD), so it cannot be opened; rename it."
                : $"cannot read the file: {e.Message}";
            diagnostics.Add(new Diagnostic(file.DisplayPath, 0, 0, DiagnosticCodes.UnreadableFile, message));
            if (rented.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }

            rented = [];
            length = 0;
            return false;
        }
    }

    // Opens a post as the listing judged it, checked again now: a link only to a file inside the posts folder (unless
    // --follow-external-links), and the file, link or not, only when it is a regular file (a FIFO put there since the
    // listing would block the build). The folders between the posts folder and the file were judged by the listing.
    private static SafeFileHandle Open(PostFile file)
    {
        string path = file.FullPath;
        if (Files.FileKinds.Of(path, followLinks: false) == Files.FileKind.SymbolicLink)
        {
            if (file.Folder.ExternalLinkTarget(path) is { } target)
            {
                throw new IOException($"it is a symbolic link to {target}, outside the posts folder, which is not followed.");
            }

            path = Files.FileKinds.RealPath(path);
        }

        return Files.RegularFile.Open(path, FileMode.Open, FileAccess.Read);
    }

    private static Diagnostic TooLarge(PostFile file, long size, long maxBytes) =>
        new(file.DisplayPath, 0, 0, DiagnosticCodes.PostTooLarge, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the post is {size / (1024.0 * 1024.0):0.#} MB, more than --max-post-size ({maxBytes / (1024 * 1024)} MB); split it, or raise the limit."));

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        int offset = 0;
        while (offset < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }
}
