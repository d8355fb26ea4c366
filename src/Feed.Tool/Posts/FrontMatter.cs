namespace Feed.Tool.Posts;

/// <summary>The language a front matter is written in.</summary>
internal enum FrontMatterFormat
{
    /// <summary>YAML between <c>---</c> lines (closed by <c>---</c> or <c>...</c>).</summary>
    Yaml,

    /// <summary>TOML between <c>+++</c> lines (Hugo).</summary>
    Toml,

    /// <summary>A JSON object at the top of the file (Hugo), or JSON members closed by <c>;;;</c> (Hexo).</summary>
    Json,

    /// <summary>No front matter at all (a Jekyll post may have none: its title and date come from its file name).</summary>
    None,
}

/// <summary>Which front-matter shapes a site generator reads, so a file is split the way its generator splits it.</summary>
/// <param name="LeadingBlankLines">Blank lines before the opening line are allowed (Hugo and Hexo skip them; Jekyll does not).</param>
/// <param name="Toml">TOML between <c>+++</c> lines, and a leading JSON object (Hugo).</param>
/// <param name="Hexo">Hexo's forms: no opening <c>---</c> (YAML up to the first <c>---</c> line), and JSON members closed by <c>;;;</c>.</param>
/// <param name="Optional">A file without front matter is still a post (Jekyll's posts are named by date, so they need none).</param>
internal sealed record FrontMatterShapes(bool LeadingBlankLines, bool Toml, bool Hexo, bool Optional)
{
    /// <summary>The tool's own rules: YAML between <c>---</c> lines, at the very top of the file.</summary>
    public static FrontMatterShapes Plain { get; } = new(false, false, false, false);
}

/// <summary>Where the front matter and the body sit in a post file's UTF-8 bytes.</summary>
/// <param name="Format">The front matter's language.</param>
/// <param name="TextStart">The byte offset of the front matter's text (the line after the opening delimiter; for JSON, its <c>{</c>).</param>
/// <param name="TextLength">The text's length in bytes (up to the closing line).</param>
/// <param name="BodyStart">The byte offset of the body: the line after the closing delimiter.</param>
/// <param name="FirstLine">The file line that the text's first line is on (1-based).</param>
/// <remarks>
/// The split works on bytes, before decoding, because the delimiters are ASCII: the build reads front matter of
/// every post first and decodes bodies only when it writes the page that holds them (memory stays flat with site size).
/// </remarks>
internal readonly record struct FrontMatter(FrontMatterFormat Format, int TextStart, int TextLength, int BodyStart, int FirstLine)
{
    /// <summary>Finds YAML front matter in a post's bytes, by the tool's own rules.</summary>
    /// <param name="utf8">The file's bytes, BOM included if present.</param>
    /// <param name="frontMatter">The bounds, when found.</param>
    /// <param name="error">Why there is none, when not.</param>
    /// <returns><see langword="true"/> when the file starts with a <c>---</c> line and a closing line follows.</returns>
    public static bool TryFind(ReadOnlySpan<byte> utf8, out FrontMatter frontMatter, out string? error) =>
        TryFind(utf8, FrontMatterShapes.Plain, out frontMatter, out error);

    /// <summary>Finds the front matter in a post's bytes, in the shapes a generator reads.</summary>
    /// <param name="utf8">The file's bytes, BOM included if present.</param>
    /// <param name="shapes">The shapes to accept.</param>
    /// <param name="frontMatter">The bounds, when found.</param>
    /// <param name="error">Why there is none, when not.</param>
    /// <returns><see langword="true"/> when front matter was found (or may be absent, and is).</returns>
    public static bool TryFind(ReadOnlySpan<byte> utf8, FrontMatterShapes shapes, out FrontMatter frontMatter, out string? error)
    {
        frontMatter = default;
        int start = utf8.StartsWith("\uFEFF"u8) ? 3 : 0;
        int line = 1;

        // Hugo's page parser skips whitespace before the front matter; Hexo's new-style split tolerates it too.
        if (shapes.LeadingBlankLines)
        {
            while (true)
            {
                int end = LineEnd(utf8, start, out int next);
                if (next < 0 || !utf8[start..end].Trim(" \t"u8).IsEmpty)
                {
                    break;
                }

                start = next;
                line++;
            }
        }

        int firstEnd = LineEnd(utf8, start, out int afterFirst);
        ReadOnlySpan<byte> first = utf8[start..firstEnd];
        if (IsDelimiter(first, "---"u8) || (shapes.Hexo && IsRun(first, (byte)'-')))
        {
            return Closed(utf8, FrontMatterFormat.Yaml, afterFirst, line + 1, shapes.Hexo ? first.TrimEnd(" \t"u8).ToArray() : "---"u8, true, out frontMatter, out error);
        }

        if (shapes.Toml && IsDelimiter(first, "+++"u8))
        {
            return Closed(utf8, FrontMatterFormat.Toml, afterFirst, line + 1, "+++"u8, false, out frontMatter, out error);
        }

        if (shapes.Toml && first.StartsWith("{"u8))
        {
            // Hugo: a JSON object at the top of the file is the front matter; the body follows the object.
            int close = JsonObjectEnd(utf8, start);
            if (close < 0)
            {
                error = "the JSON front matter is not closed: its '{' has no matching '}'.";
                return false;
            }

            int bodyStart = close;
            int restEnd = LineEnd(utf8, close, out int afterClose);
            if (utf8[close..restEnd].Trim(" \t"u8).IsEmpty)
            {
                bodyStart = afterClose < 0 ? utf8.Length : afterClose;
            }

            frontMatter = new FrontMatter(FrontMatterFormat.Json, start, close - start, bodyStart, line);
            error = null;
            return true;
        }

        if (shapes.Hexo)
        {
            // hexo-front-matter's "new" form: the data, then a line of three or more '-' (YAML) or ';' (JSON members),
            // with no opening separator (hexo-front-matter, lib/front_matter.ts, rFrontMatterNew).
            int lineStart = start;
            int number = line;
            while (lineStart >= 0 && lineStart < utf8.Length)
            {
                int lineEnd = LineEnd(utf8, lineStart, out int following);
                ReadOnlySpan<byte> text = utf8[lineStart..lineEnd];
                if (lineStart > start && (IsRun(text, (byte)'-') || IsRun(text, (byte)';')))
                {
                    FrontMatterFormat format = text[0] == (byte)';' ? FrontMatterFormat.Json : FrontMatterFormat.Yaml;
                    frontMatter = new FrontMatter(format, start, lineStart - start, following < 0 ? utf8.Length : following, line);
                    error = null;
                    return true;
                }

                lineStart = following;
                number++;
            }
        }

        if (shapes.Optional)
        {
            frontMatter = new FrontMatter(FrontMatterFormat.None, start, 0, start, line);
            error = null;
            return true;
        }

        error = shapes.Toml
            ? "the file has no front matter: it must start with '---' (YAML), '+++' (TOML) or '{' (JSON), closed by the same line."
            : "the file has no front matter: its first line must be '---', followed by YAML (title, date, ...) and a closing '---' line.";
        return false;
    }

    // Finds the closing delimiter of front matter whose text starts at `textStart`.
    private static bool Closed(
        ReadOnlySpan<byte> utf8, FrontMatterFormat format, int textStart, int firstLine, ReadOnlySpan<byte> closing, bool dots,
        out FrontMatter frontMatter, out string? error)
    {
        frontMatter = default;
        string shown = System.Text.Encoding.ASCII.GetString(closing);
        if (textStart < 0)
        {
            error = $"the front matter is not closed: add a '{shown}' line after it.";
            return false;
        }

        int lineStart = textStart;
        while (lineStart >= 0 && lineStart <= utf8.Length)
        {
            int lineEnd = LineEnd(utf8, lineStart, out int following);
            ReadOnlySpan<byte> line = utf8[lineStart..lineEnd];
            if (IsDelimiter(line, closing) || (dots && IsDelimiter(line, "..."u8)))
            {
                frontMatter = new FrontMatter(format, textStart, lineStart - textStart, following < 0 ? utf8.Length : following, firstLine);
                error = null;
                return true;
            }

            if (following < 0)
            {
                break;
            }

            lineStart = following;
        }

        error = $"the front matter is not closed: add a '{shown}' line after it.";
        return false;
    }

    // The offset just after the '}' that closes the JSON object starting at `start`, or -1 (strings and escapes skipped).
    private static int JsonObjectEnd(ReadOnlySpan<byte> utf8, int start)
    {
        int depth = 0;
        bool inString = false;
        for (int i = start; i < utf8.Length; i++)
        {
            byte b = utf8[i];
            if (inString)
            {
                if (b == (byte)'\\')
                {
                    i++;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    depth++;
                    break;
                case (byte)'}' or (byte)']':
                    if (--depth == 0)
                    {
                        return i + 1;
                    }

                    break;
            }
        }

        return -1;
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

    // Three or more of one character, then nothing but blanks (Hexo's separators: -{3,} or ;{3,}).
    private static bool IsRun(ReadOnlySpan<byte> line, byte c)
    {
        ReadOnlySpan<byte> trimmed = line.TrimEnd(" \t"u8);
        return trimmed.Length >= 3 && trimmed.IndexOfAnyExcept(c) < 0;
    }
}
