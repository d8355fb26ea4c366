using System.Text;

namespace Feed.Tool.Output;

/// <summary>
/// The <c>.feed-manifest</c> file in <c>--out</c>: the files the last build wrote, one relative path a line. It is how
/// a build tells its own pages (which it may replace or remove) from files someone else put there (never touched).
/// </summary>
internal static class ManifestFile
{
    /// <summary>The manifest's file name inside <c>--out</c>.</summary>
    public const string Name = ".feed-manifest";

    private const string Header =
        "# Written by 'feed build': the files it wrote in this folder. The next build may replace or delete them;\n" +
        "# it never touches files not listed here. Do not edit.\n";

    /// <summary>Reads the manifest; a missing file is an empty manifest, and unsafe lines (absolute, <c>..</c>) are ignored.</summary>
    /// <param name="outDir">The full path of the output folder.</param>
    /// <returns>The listed paths.</returns>
    /// <exception cref="Files.NotRegularFileException">A link, folder, FIFO or socket is at <see cref="Name"/>: never read through.</exception>
    /// <exception cref="IOException">It cannot be read.</exception>
    public static SortedSet<string> Read(string outDir)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        string path = Path.Join(outDir, Name);
        if (Files.FileKinds.Of(path, followLinks: false) == Files.FileKind.Missing)
        {
            return paths;
        }

        byte[] bytes = Files.RegularFile.ReadAll(path, Array.MaxLength) ?? throw new IOException($"'{path}' is too large to be a manifest.");
        foreach (string raw in Encoding.UTF8.GetString(bytes).Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            // A hand-edited or corrupted manifest must never make the tool delete outside --out.
            if (line.Length > 0 && line[0] != '#' && IsSafeRelativePath(line))
            {
                paths.Add(line);
            }
        }

        return paths;
    }

    /// <summary>The manifest's bytes for <paramref name="paths"/> (sorted ordinally, so the same set is the same bytes).</summary>
    /// <param name="paths">The relative paths.</param>
    /// <returns>UTF-8 bytes, LF line ends.</returns>
    public static byte[] Format(IEnumerable<string> paths)
    {
        var text = new StringBuilder(Header);
        foreach (string path in paths.Order(StringComparer.Ordinal))
        {
            text.Append(path).Append('\n');
        }

        return new UTF8Encoding(false).GetBytes(text.ToString());
    }

    /// <summary>Whether <paramref name="path"/> is a plain relative file path under a folder: <c>/</c>-separated, no empty, <c>.</c> or <c>..</c> segments.</summary>
    /// <param name="path">The path.</param>
    /// <returns><see langword="true"/> when it cannot leave the folder.</returns>
    public static bool IsSafeRelativePath(string path)
    {
        if (path.Length == 0 || path.Contains('\\', StringComparison.Ordinal) || path.Contains(':', StringComparison.Ordinal)
            || path.AsSpan().ContainsAnyInRange('\0', '\u001F') || path is Name or OutputLock.Name or OutputTransaction.JournalName)
        {
            return false;
        }

        foreach (string segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or "..")
            {
                return false;
            }
        }

        return true;
    }
}
