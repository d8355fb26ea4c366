using Feed.Tests.Support;

namespace Feed.Tests.Golden;

/// <summary>
/// Every document of every case in this folder, both formats, compared byte for byte with its expected file.
/// See README.md here for how to re-approve after an intended change.
/// </summary>
public sealed class GoldenFeedTests
{
    public static TheoryData<string> Cases => GoldenFiles.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Writes_the_expected_bytes(string name)
    {
        var written = await GoldenFiles.WriteAllAsync(name);
        string[] problems = [.. written.Select(d => GoldenFiles.Compare(name, d.FileName, d.Bytes)).Where(p => p.Length > 0)];
        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Has_no_expected_file_for_a_document_that_no_longer_exists(string name)
    {
        HashSet<string> documents = [.. (await GoldenFiles.WriteAllAsync(name)).Select(d => d.FileName)];
        string[] stale = [.. Directory.GetFiles(GoldenFiles.CaseDir(name), "expected*")
            .Select(Path.GetFileName)
            .Where(file => !file!.Contains(".received.", StringComparison.Ordinal) && !documents.Contains(file))!];
        stale.ShouldBeEmpty();
    }

    [Fact]
    public void Covers_the_cases_the_issue_asks_for()
    {
        string[] cases = GoldenFiles.CaseNames();
        cases.ShouldContain(c => c.EndsWith("-one-post", StringComparison.Ordinal));
        cases.ShouldContain(c => c.EndsWith("-paged", StringComparison.Ordinal));
        cases.ShouldContain(c => c.EndsWith("-archive", StringComparison.Ordinal));
        cases.ShouldContain(c => c.EndsWith("-chinese", StringComparison.Ordinal));
        cases.ShouldContain(c => c.EndsWith("-hostile", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_paged_case_has_a_first_a_middle_and_a_last_page_in_every_format()
    {
        var written = await GoldenFiles.WriteAllAsync("002-paged");
        written.Select(d => d.FileName).Order(StringComparer.Ordinal).ShouldBe(
        [
            "expected.atom.xml", "expected.html", "expected.json", "expected.page-2.atom.xml", "expected.page-2.html",
            "expected.page-2.json", "expected.page-2.rss.xml", "expected.page-3.atom.xml", "expected.page-3.html",
            "expected.page-3.json", "expected.page-3.rss.xml", "expected.rss.xml",
        ]);
    }
}
