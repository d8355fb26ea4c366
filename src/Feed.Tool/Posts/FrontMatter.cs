namespace Feed.Tool.Posts;

/// <summary>Where the YAML front matter and the body sit in a post file's UTF-8 bytes.</summary>
/// <param name="YamlStart">The byte offset of the first YAML line (the line after the opening <c>---</c>).</param>
/// <param name="YamlLength">The YAML's length in bytes (up to the closing line).</param>
/// <param name="BodyStart">The byte offset of the body: the line after the closing <c>---</c> or <c>...</c>.</param>
/// <remarks>
/// The split works on bytes, before decoding, because the delimiters are ASCII: the build reads front matter of
/// every post first and decodes bodies only when it writes the page that holds them (memory stays flat with site size).
/// The YAML always starts on line 2 of the file.
/// </remarks>
internal readonly record struct FrontMatter(int YamlStart, int YamlLength, int BodyStart)
{
    /// <summary>The file line that the YAML's line 1 is on.</summary>
    public const int FirstYamlLine = 2;

    /// <summary>Finds the front matter in a post's bytes.</summary>
    /// <param name="utf8">The file's bytes, BOM included if present.</param>
    /// <param name="frontMatter">The bounds, when found.</param>
    /// <param name="error">Why there is none, when not.</param>
    /// <returns><see langword="true"/> when the file starts with a <c>---</c> line and a closing line follows.</returns>
    public static bool TryFind(ReadOnlySpan<byte> utf8, out FrontMatter frontMatter, out string? error)
    {
        frontMatter = default;
        int start = utf8.StartsWith("\uFEFF"u8) ? 3 : 0;
        int firstEnd = LineEnd(utf8, start, out int next);
        if (!IsDelimiter(utf8[start..firstEnd], "---"u8))
        {
            error = "the file has no front matter: its first line must be '---', followed by YAML (title, date, ...) and a closing '---' line.";
            return false;
        }

        if (next < 0)
        {
            error = "the front matter is not closed: add a '---' line after the YAML.";
            return false;
        }

        int yamlStart = next;
        int lineStart = next;
        while (lineStart >= 0 && lineStart <= utf8.Length)
        {
            int lineEnd = LineEnd(utf8, lineStart, out int following);
            ReadOnlySpan<byte> line = utf8[lineStart..lineEnd];
            if (IsDelimiter(line, "---"u8) || IsDelimiter(line, "..."u8))
            {
                frontMatter = new FrontMatter(yamlStart, lineStart - yamlStart, following < 0 ? utf8.Length : following);
                error = null;
                return true;
            }

            if (following < 0)
            {
                break;
            }

            lineStart = following;
        }

        error = "the front matter is not closed: add a '---' line after the YAML.";
        return false;
    }

    // The end of the line starting at `start` (excluding "\r\n" or "\n"); `next` is the following line's start, or -1 at the end.
    private static int LineEnd(ReadOnlySpan<byte> utf8, int start, out int next)
    {
        int newline = utf8[start..].IndexOf((byte)'\n');
        if (newline < 0)
        {
            next = -1;
            return utf8.Length;
        }

        next = start + newline + 1;
        int end = start + newline;
        return end > start && utf8[end - 1] == (byte)'\r' ? end - 1 : end;
    }

    // "---" possibly followed by spaces or tabs (Jekyll and Hugo accept trailing blanks on the delimiter line).
    private static bool IsDelimiter(ReadOnlySpan<byte> line, ReadOnlySpan<byte> delimiter) =>
        line.StartsWith(delimiter) && line[delimiter.Length..].TrimEnd(" \t"u8).IsEmpty;
}
