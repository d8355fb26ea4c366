using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Feed.Terms;

/// <summary>
/// The rule of <see cref="FeedTerms.Normalize"/>: Unicode's compatibility caseless match (The Unicode Standard §3.13,
/// D146: NFKD(toCasefold(NFKD(toCasefold(NFD(X)))))), without default-ignorable code points, recomposed (NFC), with
/// white space trimmed and collapsed.
/// </summary>
/// <remarks>
/// The tables (<c>UnicodeTables.txt</c>, embedded; written by <c>tests/Feed.Tests/Terms/unicode_tables.py</c>) are the
/// library's own: .NET's <see cref="string.Normalize()"/> returns its input unchanged under invariant globalization (the
/// feed tool's mode), and a term's key must be the same in every host. Loaded once, on first use.
/// </remarks>
internal static class TermNormalizer
{
    // Hangul syllables decompose and compose by arithmetic (The Unicode Standard §3.12), not by table.
    private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
    private const int LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

    public static string Normalize(string term)
    {
        if (IsSimpleAscii(term))
        {
            return CollapseWhiteSpace(term.ToLowerInvariant());
        }

        Tables tables = Tables.Instance;
        var runes = new List<int>(term.Length);
        foreach (Rune rune in term.EnumerateRunes())
        {
            runes.Add(rune.Value); // an unpaired surrogate arrives as U+FFFD
        }

        runes = Decompose(runes, tables, compatibility: false);
        runes = CaseFold(runes, tables);
        runes = Decompose(runes, tables, compatibility: true);
        runes = CaseFold(runes, tables);
        runes = Decompose(runes, tables, compatibility: true);
        if (runes.RemoveAll(IsDefaultIgnorable) > 0)
        {
            Reorder(runes, tables); // marks that an ignorable character kept apart are one run now
        }

        Compose(runes, tables);

        var text = new StringBuilder(runes.Count);
        foreach (int value in runes)
        {
            text.Append(new Rune(value).ToString());
        }

        return CollapseWhiteSpace(text.ToString());
    }

    /// <summary>Gets the Unicode version of the tables, for the docs and the tests.</summary>
    public static string UnicodeVersion => Tables.Instance.Version;

    // ASCII letters, digits and the like: the whole rule is lower-casing (no ASCII character decomposes, folds to more
    // than one character, or is default-ignorable).
    private static bool IsSimpleAscii(string term)
    {
        foreach (char c in term)
        {
            if (c >= 0x80)
            {
                return false;
            }
        }

        return true;
    }

    private static List<int> Decompose(List<int> runes, Tables tables, bool compatibility)
    {
        var result = new List<int>(runes.Count + 4);
        foreach (int cp in runes)
        {
            if (cp >= SBase && cp < SBase + SCount)
            {
                int s = cp - SBase;
                result.Add(LBase + (s / NCount));
                result.Add(VBase + (s % NCount / TCount));
                if (s % TCount != 0)
                {
                    result.Add(TBase + (s % TCount));
                }
            }
            else if ((compatibility && tables.Compatibility.TryGetValue(cp, out int[]? mapped)) || tables.Canonical.TryGetValue(cp, out mapped))
            {
                result.AddRange(mapped);
            }
            else
            {
                result.Add(cp);
            }
        }

        Reorder(result, tables);
        return result;
    }

    // Canonical ordering (§3.11, D108): a stable sort of each run of non-starters by combining class.
    private static void Reorder(List<int> result, Tables tables)
    {
        for (int i = 1; i < result.Count; i++)
        {
            int ccc = tables.CombiningClass(result[i]);
            if (ccc == 0)
            {
                continue;
            }

            int j = i;
            int cp = result[i];
            while (j > 0 && tables.CombiningClass(result[j - 1]) > ccc)
            {
                result[j] = result[j - 1];
                j--;
            }

            result[j] = cp;
        }
    }

    private static List<int> CaseFold(List<int> runes, Tables tables)
    {
        var result = new List<int>(runes.Count);
        foreach (int cp in runes)
        {
            if (tables.Folding.TryGetValue(cp, out int[]? folded))
            {
                result.AddRange(folded);
            }
            else
            {
                result.Add(cp);
            }
        }

        return result;
    }

    // The canonical composition algorithm (§3.11, D117; UAX #15's reference code), in place: a character joins the
    // last starter when nothing between them blocks it (a character of the same or a higher combining class).
    private static void Compose(List<int> runes, Tables tables)
    {
        if (runes.Count == 0)
        {
            return;
        }

        int starter = 0;
        int lastClass = tables.CombiningClass(runes[0]) == 0 ? 0 : 256; // a leading non-starter composes with nothing
        int write = 1;
        for (int read = 1; read < runes.Count; read++)
        {
            int cp = runes[read];
            int ccc = tables.CombiningClass(cp);
            if ((lastClass < ccc || lastClass == 0) && TryCompose(runes[starter], cp, tables, out int composite))
            {
                runes[starter] = composite;
                continue;
            }

            if (ccc == 0)
            {
                starter = write;
            }

            lastClass = ccc;
            runes[write++] = cp;
        }

        runes.RemoveRange(write, runes.Count - write);
    }

    private static bool TryCompose(int first, int second, Tables tables, out int composite)
    {
        int l = first - LBase, v = second - VBase;
        if (l is >= 0 and < LCount && v is >= 0 and < VCount)
        {
            composite = SBase + (((l * VCount) + v) * TCount);
            return true;
        }

        int s = first - SBase, t = second - TBase;
        if (s is >= 0 and < SCount && s % TCount == 0 && t is > 0 and < TCount)
        {
            composite = first + t;
            return true;
        }

        return tables.Composition.TryGetValue(((long)first << 21) | (uint)second, out composite);
    }

    // Default_Ignorable_Code_Point (Unicode DerivedCoreProperties.txt), which NFKC_Casefold removes: soft hyphen,
    // zero-width and bidi controls, variation selectors, tag characters and the like.
    private static bool IsDefaultIgnorable(int cp) => cp switch
    {
        0x00AD or 0x034F or 0x061C or 0x3164 or 0xFEFF or 0xFFA0 => true,
        >= 0x115F and <= 0x1160 => true,
        >= 0x17B4 and <= 0x17B5 => true,
        >= 0x180B and <= 0x180F => true,
        >= 0x200B and <= 0x200F => true,
        >= 0x202A and <= 0x202E => true,
        >= 0x2060 and <= 0x206F => true,
        >= 0xFE00 and <= 0xFE0F => true,
        >= 0xFFF0 and <= 0xFFF8 => true,
        >= 0x1BCA0 and <= 0x1BCA3 => true,
        >= 0x1D173 and <= 0x1D17A => true,
        >= 0xE0000 and <= 0xE0FFF => true,
        _ => false,
    };

    // White_Space (char.IsWhiteSpace is that property): trimmed at both ends, each inner run one U+0020.
    private static string CollapseWhiteSpace(string text)
    {
        var result = new StringBuilder(text.Length);
        bool pending = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pending = result.Length > 0;
                continue;
            }

            if (pending)
            {
                result.Append(' ');
                pending = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    private sealed class Tables
    {
        public static readonly Tables Instance = Load();

        private readonly FrozenDictionary<int, int> _classes;

        private Tables(string version, FrozenDictionary<int, int> classes, FrozenDictionary<int, int[]> canonical,
            FrozenDictionary<int, int[]> compatibility, FrozenDictionary<int, int[]> folding, FrozenDictionary<long, int> composition)
        {
            Version = version;
            _classes = classes;
            Canonical = canonical;
            Compatibility = compatibility;
            Folding = folding;
            Composition = composition;
        }

        public string Version { get; }

        public FrozenDictionary<int, int[]> Canonical { get; }

        public FrozenDictionary<int, int[]> Compatibility { get; }

        public FrozenDictionary<int, int[]> Folding { get; }

        public FrozenDictionary<long, int> Composition { get; }

        public int CombiningClass(int cp) => cp < 0x300 ? 0 : _classes.GetValueOrDefault(cp);

        private static Tables Load()
        {
            using Stream stream = typeof(Tables).Assembly.GetManifestResourceStream("Feed.Terms.UnicodeTables.txt")
                ?? throw new InvalidOperationException("The Unicode tables of FeedTerms are missing from the Feed assembly.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            string version = string.Empty;
            var classes = new Dictionary<int, int>();
            var canonical = new Dictionary<int, int[]>();
            var compatibility = new Dictionary<int, int[]>();
            var folding = new Dictionary<int, int[]>();
            var composition = new Dictionary<long, int>();
            while (reader.ReadLine() is { } line)
            {
                string[] fields = line.Split(' ');
                switch (fields[0])
                {
                    case "V":
                        version = fields[1];
                        break;
                    case "C":
                        classes[Hex(fields[1])] = int.Parse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture);
                        break;
                    case "D":
                        canonical[Hex(fields[1])] = Sequence(fields);
                        break;
                    case "K":
                        compatibility[Hex(fields[1])] = Sequence(fields);
                        break;
                    case "F":
                        folding[Hex(fields[1])] = Sequence(fields);
                        break;
                    case "P":
                        composition[((long)Hex(fields[1]) << 21) | (uint)Hex(fields[2])] = Hex(fields[3]);
                        break;
                }
            }

            return new Tables(version, classes.ToFrozenDictionary(), canonical.ToFrozenDictionary(), compatibility.ToFrozenDictionary(),
                folding.ToFrozenDictionary(), composition.ToFrozenDictionary());
        }

        private static int Hex(string text) => int.Parse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

        private static int[] Sequence(string[] fields) => [.. fields.Skip(2).Select(Hex)];
    }
}
