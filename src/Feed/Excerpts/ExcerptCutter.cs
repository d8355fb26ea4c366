using System.Buffers;
using System.Globalization;

namespace Feed.Excerpts;

/// <summary>Decides where a text that is too long is cut: on grapheme cluster boundaries, and in word mode on word boundaries.</summary>
/// <remarks>
/// Clusters are extended grapheme clusters (UAX #29) as .NET's <see cref="StringInfo"/> finds them, so <c>𝑥</c>,
/// <c>💡</c>, <c>👨‍👩‍👧</c>, <c>🇯🇵</c> and <c>é</c> written as e + U+0301 are one character each.
/// The text comes from <see cref="TextCollector"/>: its only white space is U+0020, never at either end.
/// </remarks>
internal static class ExcerptCutter
{
    /// <summary>Finds the cut of <paramref name="text"/> for at most <paramref name="length"/> clusters.</summary>
    /// <param name="text">The text, or a prefix of it holding more than <paramref name="length"/> clusters.</param>
    /// <param name="length">The most clusters the excerpt may keep, at least 1.</param>
    /// <param name="boundary">Where the cut may fall.</param>
    public static Cut Find(ReadOnlySpan<char> text, int length, ExcerptBoundary boundary)
    {
        // Cluster starts 0..length: starts[k] is where cluster k begins; starts[length] is the cut at the limit.
        int[] starts = ArrayPool<int>.Shared.Rent(Math.Min(length, text.Length) + 1);
        try
        {
            int count = 0;
            int pos = 0;
            while (pos < text.Length && count < length)
            {
                starts[count++] = pos;
                pos += StringInfo.GetNextTextElementLength(text[pos..]);
            }

            if (pos >= text.Length)
            {
                return new Cut(text.Length, Truncated: false, FellBack: false); // it all fits
            }

            starts[count] = pos; // count == length, and text[pos..] starts the first cluster that does not fit
            int atLimit = TrimSpaces(text, starts, length);
            if (boundary == ExcerptBoundary.Character)
            {
                return new Cut(starts[atLimit], Truncated: true, FellBack: false);
            }

            int k = length;
            if (!IsWordBoundary(text, starts, k))
            {
                // Back to the start of the word the limit would split.
                do
                {
                    k--;
                }
                while (k > 0 && !IsWordBoundary(text, starts, k));
            }

            k = TrimSpacesAndOpenings(text, starts, k);

            // One giant token (a URL, a long word in a narrow excerpt): backing off would lose more than half.
            if (k * 2L < length)
            {
                return new Cut(starts[atLimit], Truncated: true, FellBack: !IsWordBoundary(text, starts, atLimit));
            }

            return new Cut(starts[k], Truncated: true, FellBack: false);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(starts);
        }
    }

    /// <summary>
    /// Whether a cut between cluster <paramref name="k"/> − 1 and cluster <paramref name="k"/> leaves every word of a
    /// space-separated script whole: a space on either side, or a CJK character on either side (CJK writes no spaces,
    /// and a CJK character next to a Latin one is a word edge too). The start of the text is a boundary.
    /// </summary>
    internal static bool IsWordBoundary(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, int k)
    {
        if (k == 0)
        {
            return true;
        }

        ReadOnlySpan<char> left = text[starts[k - 1]..starts[k]];
        ReadOnlySpan<char> right = ClusterAt(text, starts[k]);
        return IsSeparator(left) || IsSeparator(right)
            || TextScripts.IsCjk(TextScripts.FirstCodePoint(left))
            || TextScripts.IsCjk(TextScripts.FirstCodePoint(right));
    }

    /// <summary>
    /// Whether the cluster separates words: a space (the collected text holds no other white space), or U+200B ZERO
    /// WIDTH SPACE (the word separator of Thai, Khmer …). Separators at the end of an excerpt are trimmed.
    /// </summary>
    internal static bool IsSeparator(ReadOnlySpan<char> cluster) => cluster is [' '] or ['\u200B'];

    private static ReadOnlySpan<char> ClusterAt(ReadOnlySpan<char> text, int start) =>
        start >= text.Length ? [] : text.Slice(start, StringInfo.GetNextTextElementLength(text[start..]));

    /// <summary>
    /// Drops trailing separator clusters before cluster <paramref name="k"/>, keeping at least one cluster (a text may
    /// start with U+200B); returns the new cluster count.
    /// </summary>
    private static int TrimSpaces(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, int k)
    {
        while (k > 1 && IsSeparator(text[starts[k - 1]..starts[k]]))
        {
            k--;
        }

        return k;
    }

    /// <summary>
    /// Drops trailing spaces and opening brackets or quotes (a cut after <c>(</c> or <c>「</c> opens nothing), as long
    /// as the cut stays on a word boundary.
    /// </summary>
    private static int TrimSpacesAndOpenings(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, int k)
    {
        while (k > 0)
        {
            ReadOnlySpan<char> last = text[starts[k - 1]..starts[k]];
            bool drop = IsSeparator(last) || (IsOpening(text, starts, k - 1) && IsWordBoundary(text, starts, k - 1));
            if (!drop)
            {
                break;
            }

            k--;
        }

        return k;
    }

    /// <summary>Whether cluster <paramref name="k"/> opens: a bracket (Ps), an initial quote (Pi), or a straight quote that opens.</summary>
    private static bool IsOpening(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, int k)
    {
        ReadOnlySpan<char> cluster = text[starts[k]..starts[k + 1]];
        if (cluster is ['"'])
        {
            // The straight quotes before it are paired, so this one opens. Consecutive quotes alternate, so the
            // trimming loop counts at most twice.
            return text[..starts[k]].Count('"') % 2 == 0;
        }

        if (cluster is ['\''])
        {
            // An apostrophe inside a word opens nothing; at the start, after a space or after a bracket it opens.
            if (k == 0)
            {
                return true;
            }

            ReadOnlySpan<char> before = text[starts[k - 1]..starts[k]];
            return IsSeparator(before) || TextScripts.IsOpening(TextScripts.FirstCodePoint(before));
        }

        return TextScripts.IsOpening(TextScripts.FirstCodePoint(cluster));
    }

    /// <summary>Where a text is cut.</summary>
    /// <param name="Length">The UTF-16 length kept.</param>
    /// <param name="Truncated">Whether anything was cut off (then an ellipsis follows).</param>
    /// <param name="FellBack">Whether word mode fell back to the character limit inside a word.</param>
    internal readonly record struct Cut(int Length, bool Truncated, bool FellBack);
}
