namespace Feed.Internal;

/// <summary>
/// The one meaning of equality of the library's records (<see cref="FeedAuthor"/>, <see cref="FeedPost"/>,
/// <see cref="FeedEntry"/>): every property equal as it would be written. Text ordinally; dates as the instant and the
/// offset (a feed writes the offset); URLs as written (<see cref="Uri.OriginalString"/>: <see cref="Uri.Equals(object)"/>
/// ignores the fragment); lists element by element, in order; dictionaries as sets of key/value pairs, ordinally,
/// whatever their order. So equal records give the same entry, and the same bytes.
/// </summary>
internal static class ValueEquality
{
    public static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.Ordinal);

    public static bool Same(Uri? a, Uri? b) => ReferenceEquals(a, b) || (a is not null && b is not null && Same(a.OriginalString, b.OriginalString));

    public static bool Same(DateTimeOffset a, DateTimeOffset b) => a.EqualsExact(b);

    public static bool Same(DateTimeOffset? a, DateTimeOffset? b) =>
        a.HasValue == b.HasValue && (!a.HasValue || a.GetValueOrDefault().EqualsExact(b.GetValueOrDefault()));

    public static bool Same<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b, IEqualityComparer<T> comparer)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null || a.Count != b.Count)
        {
            return false;
        }

        for (int i = 0; i < a.Count; i++)
        {
            if (!comparer.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static bool Same(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null || a.Count != b.Count)
        {
            return false;
        }

        foreach (KeyValuePair<string, string> pair in a)
        {
            // Look the key up ordinally whatever b's own comparer is: a case-insensitive dictionary must not match
            // "K" to "k".
            if (!TryGetOrdinal(b, pair.Key, out string? value) || !Same(pair.Value, value))
            {
                return false;
            }
        }

        return true;
    }

    public static void Add(ref HashCode hash, string? value) => hash.Add(value is null ? 0 : StringComparer.Ordinal.GetHashCode(value));

    public static void Add(ref HashCode hash, Uri? value) => Add(ref hash, value?.OriginalString);

    public static void Add(ref HashCode hash, DateTimeOffset? value)
    {
        hash.Add(value?.UtcTicks ?? long.MinValue);
        hash.Add(value?.Offset.Ticks ?? 0);
    }

    public static void Add<T>(ref HashCode hash, IReadOnlyList<T>? list, IEqualityComparer<T> comparer)
    {
        hash.Add(list?.Count ?? -1);
        if (list is not null)
        {
            foreach (T item in list)
            {
                hash.Add(item is null ? 0 : comparer.GetHashCode(item));
            }
        }
    }

    public static void Add(ref HashCode hash, IReadOnlyDictionary<string, string>? dictionary)
    {
        hash.Add(dictionary?.Count ?? -1);
        if (dictionary is not null)
        {
            // Order-independent: the sum of each pair's hash.
            int sum = 0;
            foreach (KeyValuePair<string, string> pair in dictionary)
            {
                sum = unchecked(sum + HashCode.Combine(StringComparer.Ordinal.GetHashCode(pair.Key), pair.Value is null ? 0 : StringComparer.Ordinal.GetHashCode(pair.Value)));
            }

            hash.Add(sum);
        }
    }

    /// <summary>Text compared ordinally (a record's <see cref="string"/> lists).</summary>
    public static readonly IEqualityComparer<string> Text = StringComparer.Ordinal;

    private static bool TryGetOrdinal(IReadOnlyDictionary<string, string> dictionary, string key, out string? value)
    {
        if (dictionary.TryGetValue(key, out value))
        {
            if (dictionary is Dictionary<string, string> { Comparer: var comparer }
                && (ReferenceEquals(comparer, StringComparer.Ordinal) || ReferenceEquals(comparer, EqualityComparer<string>.Default)))
            {
                return true;
            }

            // The dictionary's comparer may be looser than ordinal: make sure the key it found is this key.
            foreach (string candidate in dictionary.Keys)
            {
                if (Same(candidate, key))
                {
                    return true;
                }
            }
        }

        value = null;
        return false;
    }
}
