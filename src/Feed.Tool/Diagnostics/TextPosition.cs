namespace Feed.Tool.Diagnostics;

/// <summary>Turns a byte offset in UTF-8 text into the 1-based line and column an editor shows.</summary>
internal static class TextPosition
{
    /// <summary>Gets the line and column of <paramref name="offset"/>; the column counts Unicode scalar values, not bytes.</summary>
    /// <param name="utf8">The whole text.</param>
    /// <param name="offset">A byte offset into it.</param>
    /// <returns>The 1-based line and column.</returns>
    public static (int Line, int Column) Of(ReadOnlySpan<byte> utf8, long offset)
    {
        int end = (int)Math.Min(offset, utf8.Length);
        ReadOnlySpan<byte> before = utf8[..end];
        int line = 1 + before.Count((byte)'\n');
        int lineStart = before.LastIndexOf((byte)'\n') + 1;
        int column = 1;
        foreach (byte b in before[lineStart..])
        {
            if ((b & 0xC0) != 0x80)
            {
                column++; // count lead bytes only: one per scalar value
            }
        }

        return (line, column);
    }
}
