namespace Feed.Tool.Diagnostics;

/// <summary>
/// "Did you mean": the one known word a mistyped one is closest to, when it is close enough to be a slip of the
/// fingers (a letter missed, doubled, swapped or wrong; <c>biuld</c>, <c>--pagesize</c>, <c>pageSise</c>) rather
/// than another word.
/// </summary>
/// <remarks>
/// The distance is the optimal string alignment distance (Levenshtein with adjacent transpositions counted as one
/// edit), ignoring case; a guess is made when it is at most a quarter of the typed word's length (at least 1, at most
/// 3) and no other word is as close. Written by hand: a few dozen lines, where a library would be a dependency of the
/// tool for one message.
/// </remarks>
internal static class NearMiss
{
    /// <summary>Finds the known word <paramref name="typed"/> is a slip for.</summary>
    /// <param name="typed">What was typed.</param>
    /// <param name="known">The words it could have meant.</param>
    /// <returns>The word, or <see langword="null"/> when none is close enough, or two are equally close.</returns>
    public static string? Find(string typed, IEnumerable<string> known)
    {
        int limit = Math.Clamp(typed.Length / 4, 1, 3);
        string? best = null;
        int bestDistance = int.MaxValue;
        bool tie = false;
        foreach (string word in known)
        {
            if (string.Equals(word, typed, StringComparison.Ordinal))
            {
                continue;
            }

            int distance = Distance(typed, word, limit);
            if (distance < bestDistance)
            {
                (best, bestDistance, tie) = (word, distance, false);
            }
            else if (distance == bestDistance && !string.Equals(word, best, StringComparison.OrdinalIgnoreCase))
            {
                tie = true;
            }
        }

        return bestDistance <= limit && !tie ? best : null;
    }

    /// <summary>" did you mean 'x'?" for a message that ends before it, or the empty string.</summary>
    /// <param name="typed">What was typed.</param>
    /// <param name="known">The words it could have meant.</param>
    /// <returns>The clause, starting with "; ", or <see cref="string.Empty"/>.</returns>
    public static string Suggest(string typed, IEnumerable<string> known) =>
        Find(typed, known) is { } word ? $"; did you mean '{word}'?" : string.Empty;

    // The optimal string alignment distance, case-insensitive; anything past limit is reported as limit + 1.
    private static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var rows = new int[3][];
        for (int r = 0; r < 3; r++)
        {
            rows[r] = new int[b.Length + 1];
        }

        for (int j = 0; j <= b.Length; j++)
        {
            rows[1][j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            int[] previous2 = rows[0], previous = rows[1], current = rows[2];
            current[0] = i;
            int rowMinimum = i;
            for (int j = 1; j <= b.Length; j++)
            {
                char x = char.ToLowerInvariant(a[i - 1]), y = char.ToLowerInvariant(b[j - 1]);
                int cost = x == y ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && x == char.ToLowerInvariant(b[j - 2]) && char.ToLowerInvariant(a[i - 2]) == y)
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            rows[0] = previous;
            rows[1] = current;
            rows[2] = previous2;
        }

        return Math.Min(rows[1][b.Length], limit + 1);
    }
}
