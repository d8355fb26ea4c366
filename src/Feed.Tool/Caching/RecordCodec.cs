using System.Buffers.Binary;
using System.Text;

namespace Feed.Tool.Caching;

/// <summary>
/// Writes the fields of a build cache record into a growing buffer: little-endian numbers, strings as a length (plus
/// one; 0 is <see langword="null"/>) and their UTF-8 bytes. Hand-written rather than a serializer: the tool is Native
/// AOT (no reflection), and the records are read back field by field with every length checked (<see cref="RecordReader"/>).
/// </summary>
internal sealed class RecordWriter
{
    private byte[] _buffer = new byte[512];

    /// <summary>Gets how many bytes were written.</summary>
    public int Length { get; private set; }

    /// <summary>Gets the bytes written (writable: a caller fills in what it reserved with <see cref="Take"/>).</summary>
    public Span<byte> Bytes => _buffer.AsSpan(0, Length);

    /// <summary>Starts again from nothing (the buffer is kept).</summary>
    public void Clear() => Length = 0;

    /// <summary>Reserves <paramref name="count"/> bytes and returns them, to be filled.</summary>
    public Span<byte> Take(int count)
    {
        if (_buffer.Length - Length < count)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        }

        Span<byte> span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }

    public void Byte(byte value) => Take(1)[0] = value;

    public void Bool(bool value) => Byte(value ? (byte)1 : (byte)0);

    public void Int(int value) => BinaryPrimitives.WriteInt32LittleEndian(Take(4), value);

    public void Long(long value) => BinaryPrimitives.WriteInt64LittleEndian(Take(8), value);

    public void Hash(UInt128 value) => BinaryPrimitives.WriteUInt128LittleEndian(Take(16), value);

    public void String(string? value)
    {
        if (value is null)
        {
            Int(0);
            return;
        }

        int count = Encoding.UTF8.GetByteCount(value);
        Int(count + 1);
        Encoding.UTF8.GetBytes(value, Take(count));
    }

    /// <summary>A date with its offset (whole minutes, as every offset .NET allows is).</summary>
    /// <summary>Writes authors as a count and, each, name, e-mail and URI (both record formats read them back so).</summary>
    public void Authors(IReadOnlyList<FeedAuthor> authors)
    {
        Int(authors.Count);
        foreach (FeedAuthor author in authors)
        {
            String(author.Name);
            String(author.Email);
            String(author.Uri?.OriginalString);
        }
    }

    public void Date(DateTimeOffset value)
    {
        Long(value.UtcTicks);
        Int((int)(value.Offset.Ticks / TimeSpan.TicksPerMinute));
    }

    public void Date(DateTimeOffset? value)
    {
        Bool(value.HasValue);
        if (value is { } date)
        {
            Date(date);
        }
    }
}

/// <summary>Reads what <see cref="RecordWriter"/> wrote; any length or value out of bounds is a <see cref="FormatException"/>.</summary>
internal ref struct RecordReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private ReadOnlySpan<byte> _bytes;

    public RecordReader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Gets whether every byte was read.</summary>
    public readonly bool AtEnd => _bytes.IsEmpty;

    public ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > _bytes.Length)
        {
            throw new FormatException("A record is shorter than its fields.");
        }

        ReadOnlySpan<byte> span = _bytes[..count];
        _bytes = _bytes[count..];
        return span;
    }

    public byte Byte() => Take(1)[0];

    public bool Bool() => Byte() switch
    {
        0 => false,
        1 => true,
        _ => throw new FormatException("A flag is neither 0 nor 1."),
    };

    public int Int() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long Long() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public UInt128 Hash() => BinaryPrimitives.ReadUInt128LittleEndian(Take(16));

    public string? String()
    {
        int count = Int();
        return count == 0 ? null : StrictUtf8.GetString(Take(count - 1));
    }

    public string Text() => String() ?? throw new FormatException("A required text is missing.");

    public DateTimeOffset Date()
    {
        long ticks = Long();
        int minutes = Int();
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks || minutes < -14 * 60 || minutes > 14 * 60)
        {
            throw new FormatException("A date is out of range.");
        }

        var offset = TimeSpan.FromMinutes(minutes);
        long local = ticks + offset.Ticks;
        if (local < DateTime.MinValue.Ticks || local > DateTime.MaxValue.Ticks)
        {
            throw new FormatException("A date is out of range.");
        }

        return new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(offset);
    }

    public DateTimeOffset? OptionalDate() => Bool() ? Date() : null;
}
