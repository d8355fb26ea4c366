using System.Globalization;
using System.Text;

namespace Feed.Excerpts;

/// <summary>
/// The per-call state of the excerpt engine: collects visible text with the whitespace, CJK line-break and XML 1.0
/// rules applied as it arrives, counts grapheme clusters as it goes, and says when it holds enough to decide the cut.
/// </summary>
/// <remarks>
/// One instance per thread is reused (<see cref="Rent"/>/<see cref="Return"/>), so a call allocates no buffer in the
/// common case. The text it holds is always a prefix of the whole visible text: whitespace is only written once a
/// visible character follows it, so the end is trimmed by construction.
/// </remarks>
internal sealed class TextCollector
{
    /// <summary>Larger buffers are not kept for the next call (a whole-post <c>ToPlainText</c> can be big).</summary>
    private const int MaxCachedBuffer = 16 * 1024;

    [ThreadStatic]
    private static TextCollector? t_cached;

    private char[] _buffer = new char[512];
    private int _length;
    private Gap _gap;
    private bool _lastIsCjk;

    // Content was removed (an image, a footnote reference, a script …) after the pending space or line break and
    // nothing but more removed content followed: that space only separated the removed content from the word before.
    private bool _removedAfterGap;

    // Grapheme counting: clusters before _scanPos are final (appending text can only extend the last cluster,
    // UAX #29 boundaries depend on what precedes them and the one character after).
    private int _clusterLimit;
    private int _scanPos;
    private int _finalClusters;
    private int _nextCheck;

    private TextCollector()
    {
    }

    /// <summary>What separates the text written so far from the next visible character.</summary>
    private enum Gap
    {
        None = 0,

        /// <summary>Spaces or tabs: one space.</summary>
        Space = 1,

        /// <summary>A run with a line break in it: one space, or nothing between two CJK characters.</summary>
        LineBreak = 2,

        /// <summary>Between blocks: always one space.</summary>
        Separator = 3,
    }

    /// <summary>Gets the number of UTF-16 units collected.</summary>
    public int Length => _length;

    /// <summary>Gets a value indicating whether more than the cluster limit is held, so the rest cannot change the cut.</summary>
    public bool IsFull { get; private set; }

    /// <summary>Gets a value indicating whether an own-line <c>&lt;!--more--&gt;</c> is honoured.</summary>
    public bool DetectDivider { get; private set; }

    /// <summary>Gets or sets a value indicating whether the divider was met (after some text); nothing more is read.</summary>
    public bool DividerFound { get; set; }

    /// <summary>Gets a value indicating whether reading can stop: the divider was met, or the text is long enough and no divider is sought.</summary>
    public bool Stop => DividerFound || (IsFull && !DetectDivider);

    /// <summary>Gets or sets the lowercase name of the HTML element whose content is being dropped (script, style …), or null.</summary>
    public string? SkipElement { get; set; }

    /// <summary>Gets or sets how many <see cref="SkipElement"/> elements are open.</summary>
    public int SkipDepth { get; set; }

    /// <summary>Gets or sets a value indicating whether <see cref="SkipElement"/> holds raw text (script, style): only its end tag ends it.</summary>
    public bool SkipRawText { get; set; }

    /// <summary>Gets or sets how many HTML <c>code</c> elements are open: their text is never math.</summary>
    public int CodeDepth { get; set; }

    /// <summary>Gets a value indicating whether text is being dropped because it sits inside a non-text HTML element.</summary>
    public bool Suppressed => SkipElement is not null;

    /// <summary>Gets the collected text.</summary>
    public ReadOnlySpan<char> Text => _buffer.AsSpan(0, _length);

    /// <summary>Takes this thread's collector, reset.</summary>
    /// <param name="clusterLimit">Stop collecting once this many grapheme clusters are final; <see cref="int.MaxValue"/> for all.</param>
    /// <param name="detectDivider">Whether an own-line <c>&lt;!--more--&gt;</c> ends the text.</param>
    public static TextCollector Rent(int clusterLimit, bool detectDivider)
    {
        TextCollector collector = t_cached ?? new TextCollector();
        t_cached = null;
        collector._length = 0;
        collector._gap = Gap.None;
        collector._lastIsCjk = false;
        collector._removedAfterGap = false;
        collector._clusterLimit = clusterLimit;
        collector._scanPos = 0;
        collector._finalClusters = 0;
        collector._nextCheck = clusterLimit >= int.MaxValue - 1 ? int.MaxValue : clusterLimit + 1;
        collector.IsFull = false;
        collector.DetectDivider = detectDivider;
        collector.DividerFound = false;
        collector.SkipElement = null;
        collector.SkipDepth = 0;
        collector.SkipRawText = false;
        collector.CodeDepth = 0;
        return collector;
    }

    /// <summary>Gives the collector back for the next call on this thread.</summary>
    public static void Return(TextCollector collector)
    {
        if (collector._buffer.Length > MaxCachedBuffer)
        {
            collector._buffer = new char[512];
        }

        t_cached = collector;
    }

    /// <summary>Separates blocks: the next visible character is preceded by exactly one space (none at the start).</summary>
    public void Separator() => Widen(Gap.Separator);

    /// <summary>A line break (soft or hard, or <c>&lt;br&gt;</c>): one space, or nothing between two CJK characters.</summary>
    public void LineBreak() => Widen(Gap.LineBreak);

    /// <summary>
    /// Says that inline content a reader would have seen here was removed (an image, a footnote reference, a
    /// comment, a script …). When it came right after a space or line break and closing punctuation comes right after
    /// it, that space goes too: <c>The chart ![growth](a.png).</c> reads <c>The chart.</c>, not <c>The chart .</c>.
    /// White space after the removed content is the author's and stays (<c>a ![x](y) b</c> reads <c>a b</c>).
    /// </summary>
    public void Removed()
    {
        if (_gap is Gap.Space or Gap.LineBreak)
        {
            _removedAfterGap = true;
        }
    }

    /// <summary>Appends text, applying the whitespace, CJK and XML 1.0 rules.</summary>
    public void Append(string? text) => Append(text.AsSpan());

    /// <summary>Appends text, applying the whitespace, CJK and XML 1.0 rules.</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        if (IsFull || Suppressed)
        {
            return;
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < 0x80)
            {
                if (c > ' ')
                {
                    Emit(c, isCjk: false);
                }
                else if (c is ' ' or '\t')
                {
                    Widen(Gap.Space);
                }
                else if (c is '\n' or '\r')
                {
                    Widen(Gap.LineBreak);
                }
                else if (c is '\f' or '\v')
                {
                    // Form feed and vertical tab separate words (page and line breaks from word processors and
                    // terminals): a space, though XML 1.0 (§2.2) forbids the characters themselves.
                    Widen(Gap.Space);
                }

                // Every other C0 control is forbidden in XML 1.0 (§2.2) and simply dropped, even the ones .NET calls
                // white space (U+001C–U+001F, the information separators): they separate no words in running text.
            }
            else if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    int codePoint = char.ConvertToUtf32(c, text[i + 1]);
                    Emit(c, text[i + 1], codePoint, TextScripts.IsCjk(codePoint));
                    i++;
                }

                // A lone surrogate is not a character; XML forbids it.
            }
            else if (char.IsWhiteSpace(c))
            {
                // NEXT LINE, LINE SEPARATOR and PARAGRAPH SEPARATOR too are a space, even between CJK characters:
                // unlike a source line break, they are not a Markdown author's wrapping but the text's own separator.
                Widen(Gap.Space);
            }
            else if (c < 0xFFFE)
            {
                Emit(c, TextScripts.IsCjk(c));
            }

            if (IsFull)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Whether the text can end here without its last grapheme cluster reaching past the end: false when nothing is
    /// collected, or when the last character is a prepended concatenation mark (U+0600 …, UAX #29 GB9b), which joins
    /// whatever follows it, even a space, into its cluster.
    /// </summary>
    public bool CanEndHere() => _length > 0 && !BindsForward();

    /// <summary>Whether the last character joins the next one, whatever it is, into its grapheme cluster.</summary>
    private bool BindsForward()
    {
        int last = _length >= 2 && char.IsLowSurrogate(_buffer[_length - 1]) ? 2 : 1;
        Span<char> probe = stackalloc char[3];
        _buffer.AsSpan(_length - last, last).CopyTo(probe);
        probe[last] = ' ';
        return StringInfo.GetNextTextElementLength(probe[..(last + 1)]) > last;
    }

    /// <summary>Returns the collected text as a string.</summary>
    public override string ToString() => new(_buffer, 0, _length);

    private void Widen(Gap gap)
    {
        // White space inside dropped content (a line break in an inline <script>) is not the author's visible space.
        if (!Suppressed)
        {
            _removedAfterGap = false;
        }

        if (gap > _gap)
        {
            _gap = gap;
        }
    }

    private void Emit(char c, bool isCjk)
    {
        WriteGap(c, isCjk);
        if (_length == _buffer.Length)
        {
            Grow();
        }

        _buffer[_length++] = c;
        _lastIsCjk = isCjk;
        if (_length >= _nextCheck)
        {
            CountClusters();
        }
    }

    private void Emit(char high, char low, int codePoint, bool isCjk)
    {
        WriteGap(codePoint, isCjk);
        if (_length + 2 > _buffer.Length)
        {
            Grow();
        }

        _buffer[_length++] = high;
        _buffer[_length++] = low;
        _lastIsCjk = isCjk;
        if (_length >= _nextCheck)
        {
            CountClusters();
        }
    }

    private void WriteGap(int next, bool nextIsCjk)
    {
        if (_gap == Gap.None)
        {
            return; // and _removedAfterGap is false: it is only set while a gap is pending
        }

        bool removedAfterGap = _removedAfterGap;
        _removedAfterGap = false;

        // Leading whitespace is dropped; a line break between two CJK characters is nothing (CSS Text 3 §4.1.3); and
        // after a prepended concatenation mark (U+0600 …) there is no space, because the mark joins the character
        // after it into one grapheme cluster (UAX #29 GB9b), a space included, and a cluster ending in a space could
        // be neither trimmed nor cut. A space that only separated removed content from the word before goes when
        // closing punctuation follows (see Removed); a block separator always stays. A line break before a combining
        // mark (U+3099 is in a CJK block) stays a space: dropped, the mark would join the character before it into
        // one cluster (UAX #29 GB9), and a divider or a cut just before the mark would no longer fall on a boundary.
        bool nextExtends = nextIsCjk && IsCombiningMark(next);
        bool write = _length > 0
            && !(removedAfterGap && _gap != Gap.Separator && TextScripts.IsClosingPunctuation(next))
            && !(_gap == Gap.LineBreak && _lastIsCjk && nextIsCjk && !nextExtends)
            && (_buffer[_length - 1] < 0x0600 || !BindsForward());
        _gap = Gap.None;
        if (write)
        {
            if (_length == _buffer.Length)
            {
                Grow();
            }

            _buffer[_length++] = ' ';
            _lastIsCjk = false;
        }
    }

    private static bool IsCombiningMark(int codePoint) => CharUnicodeInfo.GetUnicodeCategory(codePoint)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private void Grow() => Array.Resize(ref _buffer, _buffer.Length * 2);

    private void CountClusters()
    {
        ReadOnlySpan<char> text = _buffer.AsSpan(0, _length);
        int pos = _scanPos;
        while (true)
        {
            int next = pos + StringInfo.GetNextTextElementLength(text[pos..]);
            if (next >= text.Length)
            {
                break; // the last cluster may still grow
            }

            pos = next;
            if (++_finalClusters >= _clusterLimit)
            {
                IsFull = true;
                break;
            }
        }

        _scanPos = pos;

        // Each character adds at most one cluster, so nothing can change before this many more arrive.
        _nextCheck = _length + Math.Max(1, _clusterLimit - _finalClusters);
    }
}
