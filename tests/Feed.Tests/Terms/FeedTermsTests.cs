using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsCheck;
using Feed.Terms;

namespace Feed.Tests.Terms;

/// <summary>
/// <see cref="FeedTerms.Normalize"/>: one key for every spelling of a term, the same on every host, checked against
/// Python's own <c>unicodedata</c> (an independent implementation of the same Unicode data) over every code point.
/// </summary>
public sealed class FeedTermsTests
{
    [Theory]
    [InlineData("Static Sites", "static sites")]
    [InlineData("  static \t\n sites  ", "static sites")]
    [InlineData("ＳＴＡＴＩＣ Sites", "static sites")] // full-width letters (compatibility)
    [InlineData("Stra\u00DFe", "strasse")] // full case folding
    [InlineData("STRASSE", "strasse")]
    [InlineData("ΣΑΣ", "σασ")]
    [InlineData("σας", "σασ")] // final sigma folds to sigma
    [InlineData("Cafe\u0301", "café")] // decomposed é composes
    [InlineData("Caf\u00E9", "café")]
    [InlineData("\uFB01le", "file")] // the fi ligature
    [InlineData("soft\u00ADhyphen", "softhyphen")] // default-ignorable
    [InlineData("zero\u200Bwidth", "zerowidth")]
    [InlineData("\u202Egnp.exe", "gnp.exe")] // a bidi override is not part of a name
    [InlineData("İstanbul", "i\u0307stanbul")] // no Turkish rule: capital dotted I is i + combining dot
    [InlineData("静态网站", "静态网站")]
    [InlineData("한국어", "한국어")] // Hangul decomposes and composes back
    [InlineData("\u1112\u1161\u11AB", "한")] // conjoining jamo compose
    [InlineData("", "")]
    [InlineData(" \u00A0\u3000 ", "")]
    [InlineData("C#", "c#")]
    public void Spellings_of_one_term_get_one_key(string term, string expected) =>
        FeedTerms.Normalize(term).ShouldBe(expected);

    [Fact]
    public void Null_is_refused() => Should.Throw<ArgumentNullException>(() => FeedTerms.Normalize(null!));

    [Fact]
    public void The_key_is_its_own_key() =>
        Gen.OneOf(Gen.String, Gen.Char["AaßΣσς\u0301\u0345\u1100\u1161\u00AD \u00A0ﬁ한é"].Array[0, 12].Select(chars => new string(chars)))
            .Sample(term => FeedTerms.Normalize(FeedTerms.Normalize(term)) == FeedTerms.Normalize(term), iter: 5000);

    [Fact]
    public void The_docs_name_the_unicode_version_of_the_tables() =>
        TermNormalizer.UnicodeVersion.ShouldBe("14.0.0"); // FeedTerms.Normalize's <returns> says 14.0: change both

    // unicodedata is Python's own implementation of the Unicode Character Database, sharing no code with ours. It is
    // run when its data is the version of our tables (the script that writes them uses it).
    private const string Oracle = """
        import sys, unicodedata as u
        DI = [(0x00AD,0x00AD),(0x034F,0x034F),(0x061C,0x061C),(0x115F,0x1160),(0x17B4,0x17B5),(0x180B,0x180F),(0x200B,0x200F),
              (0x202A,0x202E),(0x2060,0x206F),(0x3164,0x3164),(0xFE00,0xFE0F),(0xFEFF,0xFEFF),(0xFFA0,0xFFA0),(0xFFF0,0xFFF8),
              (0x1BCA0,0x1BCA3),(0x1D173,0x1D17A),(0xE0000,0xE0FFF)]
        WS = {0x9,0xA,0xB,0xC,0xD,0x20,0x85,0xA0,0x1680,0x2028,0x2029,0x202F,0x205F,0x3000} | set(range(0x2000,0x200B))
        def key(s):
            s = u.normalize('NFKD', u.normalize('NFKD', u.normalize('NFD', s).casefold()).casefold())
            s = ''.join(c for c in s if not any(a <= ord(c) <= b for a, b in DI))
            s = u.normalize('NFC', s)
            words, word = [], ''
            for c in s:
                if ord(c) in WS:
                    if word: words.append(word)
                    word = ''
                else:
                    word += c
            if word: words.append(word)
            return ' '.join(words)
        print(u.unidata_version)
        for line in sys.stdin:
            s = ''.join(chr(int(x, 16)) for x in line.split())
            print(' '.join('%X' % ord(c) for c in key(s)))
        """;

    [FeedparserFact] // python3, which .ci/run installs with python3-feedparser: the same skip-or-fail policy
    public void Every_code_point_and_mixed_strings_get_the_key_python_unicodedata_gives()
    {
        var inputs = new List<int[]>();
        for (int cp = 0; cp < 0x110000; cp++)
        {
            if (cp is < 0xD800 or > 0xDFFF && (cp < 0x30000 || cp >= 0xE0000))
            {
                inputs.Add([cp]);
                inputs.Add(['A', cp, 0x0301]); // after a letter, before a combining mark: composition and ordering
            }
        }

        // Sequences of marks, Greek with iota subscripts (whose case folding changes their combining class), Hangul
        // jamo and ignorable characters between letters.
        int[] pool = [0x41, 0x61, 0x45, 0x3B1, 0x391, 0x345, 0x301, 0x300, 0x308, 0x323, 0x327, 0x1100, 0x1161, 0x11A8, 0xAC00,
            0x200D, 0xAD, 0xFE0F, 0x20, 0xA0, 0x3000, 0x1E9E, 0xDF, 0xFB01, 0x130, 0x69, 0x307, 0x3C2, 0x1F80, 0x1FB3, 0x1FBC];
        Gen.Int[0, pool.Length - 1].Array[1, 8].Sample(indexes => inputs.Add([.. indexes.Select(i => pool[i])]), iter: 20000, threads: 1);

        (string version, string[] expected) = RunOracle(inputs);
        if (version != TermNormalizer.UnicodeVersion)
        {
            return; // another Unicode version: the examples above still hold; rerun unicode_tables.py to move to it
        }

        var failures = new List<string>();
        for (int i = 0; i < inputs.Count && failures.Count < 20; i++)
        {
            string input = string.Concat(inputs[i].Select(cp => char.ConvertFromUtf32(cp)));
            string actual = string.Join(' ', FeedTerms.Normalize(input).EnumerateRunes().Select(r => r.Value.ToString("X", CultureInfo.InvariantCulture)));
            if (actual != expected[i])
            {
                failures.Add($"{string.Join(' ', inputs[i].Select(cp => cp.ToString("X4", CultureInfo.InvariantCulture)))}: ours [{actual}], Python's [{expected[i]}]");
            }
        }

        failures.ShouldBeEmpty();
    }

    private static (string Version, string[] Keys) RunOracle(List<int[]> inputs)
    {
        var start = new ProcessStartInfo(Feedparser.Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Oracle);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        var lines = new StringBuilder();
        foreach (int[] input in inputs)
        {
            lines.AppendJoin(' ', input.Select(cp => cp.ToString("X", CultureInfo.InvariantCulture))).Append('\n');
        }

        process.StandardInput.Write(lines.ToString());
        process.StandardInput.Close();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, error.Result);
        string[] all = output.Result.Split('\n');
        return (all[0], all[1..(inputs.Count + 1)]);
    }
}
