namespace Feed.Tests.ApiApproval;

/// <summary>The approval helper fails on any difference, says what changed and how to approve, and cleans up after a match.</summary>
public sealed class ApprovedFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("feed-approval-").FullName;

    private string Approved => Path.Combine(_dir, "Sample.approved.txt");

    private string Received => Path.Combine(_dir, "Sample.received.txt");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_match_passes_and_removes_a_stale_received_file()
    {
        File.WriteAllText(Approved, "a\nb\n");
        File.WriteAllText(Received, "stale");

        ApprovedFile.Compare(Approved, "a\nb\n", "Sample", approve: false).ShouldBeEmpty();

        File.Exists(Received).ShouldBeFalse();
    }

    [Fact]
    public void A_difference_fails_writes_the_received_file_and_lists_the_changed_lines()
    {
        File.WriteAllText(Approved, "keep\nold\nkeep too\n");

        string message = ApprovedFile.Compare(Approved, "keep\nnew\nkeep too\nadded\n", "Sample", approve: false);

        message.ShouldContain("Sample differs from Sample.approved.txt");
        message.ShouldContain("line 2: - old");
        message.ShouldContain("line 2: + new");
        message.ShouldContain("line 4: + added");
        message.ShouldNotContain("keep");
        message.ShouldContain($"mv {Received} {Approved}");
        File.ReadAllText(Received).ShouldBe("keep\nnew\nkeep too\nadded\n");
        File.ReadAllText(Approved).ShouldBe("keep\nold\nkeep too\n");
    }

    [Fact]
    public void Line_endings_count_as_a_difference()
    {
        File.WriteAllText(Approved, "a\nb\n");

        ApprovedFile.Compare(Approved, "a\r\nb\r\n", "Sample", approve: false).ShouldNotBeEmpty();
    }

    [Fact]
    public void A_missing_approved_file_fails_and_approving_writes_it()
    {
        ApprovedFile.Compare(Approved, "first\n", "Sample", approve: false).ShouldContain("has no approved file Sample.approved.txt");
        File.Exists(Approved).ShouldBeFalse();

        ApprovedFile.Compare(Approved, "first\n", "Sample", approve: true).ShouldBeEmpty();

        File.ReadAllText(Approved).ShouldBe("first\n");
        File.Exists(Received).ShouldBeFalse();
    }
}
