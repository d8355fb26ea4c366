using Feed.Tests.Support;

namespace Feed.Tests.ApiApproval;

/// <summary>
/// The public surface of the Feed package, checked in as <c>Feed.approved.txt</c> (Serilog's API approval test). Any
/// change to a public type or member shows up as a diff in review, so nothing becomes public, or stops being public,
/// by accident.
/// </summary>
public sealed class ApiApprovalTests
{
    [Fact]
    public void PublicApi_Should_Not_Change_Unintentionally()
    {
        string api = PublicApi.Generate();

        string mismatch = ApprovedFile.Compare(
            Path.Combine(RepoPaths.TestProject, "ApiApproval", "Feed.approved.txt"),
            api,
            what: "The public API of the Feed assembly");

        mismatch.ShouldBeEmpty();
    }

    [Fact]
    public void Generated_api_lists_the_everyday_types_and_no_internal_ones()
    {
        // Guards the generator options themselves: a wrong namespace filter would approve an empty or partial file.
        string api = PublicApi.Generate();

        api.ShouldContain("class FeedGenerator");
        api.ShouldContain("namespace Microsoft.Extensions.DependencyInjection");
        api.ShouldContain("namespace Feed.Excerpts");
        api.ShouldNotContain("[assembly:");
        api.ShouldNotContain("Feed.Internal");
        api.ShouldNotContain("MarkdownPipelines");
    }
}
