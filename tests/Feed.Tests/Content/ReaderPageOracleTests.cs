using System.Diagnostics;
using Feed.Content;
using Xunit.Abstractions;

namespace Feed.Tests.Content;

/// <summary>
/// The sanitiser held to a real browser (<see cref="ReaderPageOracle"/>): the sanitised reader corpus renders in
/// headless Chromium inside a mock feed reader without any entry leaving its box, loading anything but its own
/// images, opening anything, or taking the reader's controls; and the oracle does flag the same vectors unsanitised.
/// </summary>
public sealed class ReaderPageOracleTests(ITestOutputHelper output)
{
    /// <summary>The vectors of the content-safety review, as written, each of which a reader's page must suffer.</summary>
    private static readonly string[] KnownBad =
    [
        "<p>Read <a href=\"https://evil.example/phish\">the rest",
        "<a href=\"https://evil.example/phish\" style=\"padding: 3000px; background-color: #fff\">&#8203;</a>",
        "<p style=\"line-height:0\"><a href=\"https://evil.example/phish\" style=\"font-size:300px\">X</a></p>",
        "<p><a href=\"https://evil.example/phish\" style=\"border: 3000px solid #fff\">x</a></p>",
        "<blockquote><blockquote><blockquote><blockquote><blockquote><blockquote><blockquote><blockquote><blockquote><blockquote><blockquote><blockquote><blockquote><blockquote><blockquote><blockquote>deep</blockquote></blockquote></blockquote></blockquote></blockquote></blockquote></blockquote></blockquote></blockquote></blockquote></blockquote></blockquote></blockquote></blockquote></blockquote></blockquote>",
        "<math><mpadded voffset=\"70px\" height=\"0\" depth=\"0\"><mtext><a href=\"https://evil.example/phish\">Reader settings</a></mtext></mpadded></math>",
        "<math><mpadded voffset=\"-300px\" height=\"0\" depth=\"0\"><mspace width=\"50px\" height=\"50px\" mathbackground=\"red\"/></mpadded></math>",
        "<svg><rect mask=\"image-set('https://evil.example/t.png' 1x)\" width=\"10\" height=\"10\"/></svg>",
        "<p style=\"background-image: -webkit-image-set('https://evil.example/t.png' 1x)\">x</p>",
        "<h1 class=\"fixed inset-0 z-50 bg-white\">H</h1>",
        "<div style=\"height: 0\"><p>one</p><p>two</p><p>three</p></div>",
        "<p style=\"text-indent: -9999px\">hidden</p>",
        "<img src=\"https://example.org/a.png\" onload=\"alert(1)\">",
        "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
    ];

    [ChromiumFact]
    public async Task The_sanitised_reader_corpus_stays_in_its_box()
    {
        ReaderCase[] corpus = [.. ReaderCorpus.Generate()];
        string[] entries = [.. corpus.Select(Sanitize)];
        var clock = Stopwatch.StartNew();
        await using ChromiumSession browser = await Chromium.LaunchAsync();
        var oracle = new ReaderPageOracle(browser) { Log = output.WriteLine };
        IReadOnlyList<(int Index, ReaderFinding Finding)> findings = await oracle.JudgeAsync(entries);

        output.WriteLine($"{corpus.Length} bodies in {corpus.Select(c => c.Family).Distinct().Count()} families, {oracle.Renders} renders in {oracle.PageLoads} page loads, {clock.Elapsed.TotalSeconds:F1} s");
        foreach (IGrouping<string, ReaderCase> family in corpus.GroupBy(c => c.Family))
        {
            int flagged = findings.Where(f => corpus[f.Index].Family == family.Key).Select(f => f.Index).Distinct().Count();
            output.WriteLine($"  {family.Key}: {family.Count()} bodies, {flagged} flagged");
        }

        foreach ((int index, ReaderFinding finding) in findings.Take(40))
        {
            output.WriteLine($"  [{corpus[index].Family}] {finding.Kind}: {finding.Detail}\n      body: {Short(corpus[index].Body)}\n      sent: {Short(entries[index])}");
        }

        findings.ShouldBeEmpty($"{findings.Select(f => f.Index).Distinct().Count()} of {corpus.Length} entries got out of their box or reached outside the entry");
        corpus.Length.ShouldBeGreaterThan(2_000);
    }

    [ChromiumFact]
    public async Task The_oracle_flags_every_known_vector_unsanitised_and_passes_them_sanitised()
    {
        string[] vectors = KnownBad;
        await using ChromiumSession browser = await Chromium.LaunchAsync();
        var oracle = new ReaderPageOracle(browser);

        IReadOnlyList<(int Index, ReaderFinding Finding)> raw = await oracle.JudgeAsync(vectors, batchSize: 1);
        foreach ((int index, ReaderFinding finding) in raw)
        {
            output.WriteLine($"raw #{index} {finding.Kind}: {finding.Detail}");
        }

        for (int i = 0; i < vectors.Length; i++)
        {
            raw.ShouldContain(f => f.Index == i, $"the oracle does not flag {vectors[i]}");
        }

        IReadOnlyList<(int Index, ReaderFinding Finding)> sanitised =
            await oracle.JudgeAsync([.. vectors.Select(v => HtmlSanitizer.Sanitize(v, new Uri(ContentHtml.PostUrl)))]);
        sanitised.ShouldBeEmpty(string.Join("\n", sanitised.Select(f => $"#{f.Index} {f.Finding.Kind}: {f.Finding.Detail}")));
    }

    private static string Sanitize(ReaderCase body) =>
        body.Markdown ? ContentHtml.FromMarkdown(body.Body) : ContentHtml.FromHtml(body.Body);

    private static string Short(string text) => text.Length <= 240 ? text : text[..240] + "…";
}
