using System.Buffers;

namespace Feed.Content;

/// <summary>A growable run of characters on an <see cref="ArrayPool{T}"/> array: the sanitiser's output and scratch space.</summary>
/// <remarks>
/// Content HTML is built for every post of a site (10,000 posts on a large blog), so the per-post working memory is rented
/// and returned instead of allocated: only the finished string is a new object. Dispose returns the array.
/// </remarks>
internal struct CharBuffer : IDisposable
{
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create("\"<>&");
    private static readonly SearchValues<char> AttributeSpecialsButAmpersand = SearchValues.Create("\"<>");

    private char[] _chars;
    private int _length;

    /// <summary>Initializes a buffer that holds at least <paramref name="capacity"/> characters before it grows.</summary>
    public CharBuffer(int capacity)
    {
        _chars = ArrayPool<char>.Shared.Rent(Math.Max(capacity, 64));
        _length = 0;
    }

    /// <summary>Gets or sets the number of characters written; setting it lower drops the characters after it.</summary>
    public int Length
    {
        readonly get => _length;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, _length);
            _length = value;
        }
    }

    /// <summary>Gets the characters written so far.</summary>
    public readonly ReadOnlySpan<char> Written => _chars.AsSpan(0, _length);

    /// <summary>Gets the characters written so far, for rewriting in place.</summary>
    public readonly Span<char> WrittenSpan => _chars.AsSpan(0, _length);

    /// <summary>Appends one character.</summary>
    public void Append(char c)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }

        _chars[_length++] = c;
    }

    /// <summary>Appends a run of characters.</summary>
    public void Append(scoped ReadOnlySpan<char> text)
    {
        if (_length > _chars.Length - text.Length)
        {
            Grow(text.Length);
        }

        text.CopyTo(_chars.AsSpan(_length));
        _length += text.Length;
    }

    /// <summary>
    /// Appends <paramref name="text"/> for a double-quoted attribute value: <c>"</c>, <c>&lt;</c> and <c>&gt;</c>
    /// always escaped (the last two so that no parser, however naive or in whatever raw-text state, sees a tag in
    /// a value), <c>&amp;</c> only when <paramref name="escapeAmpersand"/> is set (text that is plain, not HTML).
    /// </summary>
    public void AppendAttributeText(scoped ReadOnlySpan<char> text, bool escapeAmpersand)
    {
        SearchValues<char> special = escapeAmpersand ? AttributeSpecials : AttributeSpecialsButAmpersand;
        while (true)
        {
            int i = text.IndexOfAny(special);
            if (i < 0)
            {
                Append(text);
                return;
            }

            Append(text[..i]);
            Append(text[i] switch
            {
                '"' => "&quot;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => "&amp;",
            });
            text = text[(i + 1)..];
        }
    }

    /// <summary>Returns the array to the pool; the buffer must not be used afterwards.</summary>
    public void Dispose()
    {
        char[] chars = _chars;
        _chars = [];
        _length = 0;
        if (chars.Length > 0)
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private void Grow(int needed)
    {
        char[] larger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _length + needed));
        _chars.AsSpan(0, _length).CopyTo(larger);
        char[] old = _chars;
        _chars = larger;
        if (old.Length > 0)
        {
            ArrayPool<char>.Shared.Return(old);
        }
    }
}
