using Feed.Hosting.Tests.Support;
using Feed.Liquid;
using Feed.Tests.ApiApproval;
using PublicApiGenerator;

namespace Feed.Tool.Tests.Contracts;

/// <summary>
/// The public surface of the Feed.Liquid package, checked in as <c>Feed.Liquid.approved.txt</c> (approved here because
/// the tool, which carries the package, is what these tests build).
/// </summary>
public sealed class LiquidApiApprovalTests
{
    [Fact]
    public void PublicApi_Should_Not_Change_Unintentionally()
    {
        string mismatch = ApprovedFile.Compare(
            RepositoryFiles.Path("tests", "Feed.Tool.Tests", "Contracts", "Feed.Liquid.approved.txt"),
            Generate(),
            what: "The public API of the Feed.Liquid assembly");

        mismatch.ShouldBeEmpty();
    }

    [Fact]
    public void Generated_api_lists_the_template_and_no_internal_types()
    {
        string api = Generate();

        api.ShouldContain("public sealed class LiquidHtmlTemplate : Feed.FeedHtmlTemplate");
        api.ShouldNotContain("HtmlLiquidContext");
        api.ShouldNotContain("LiquidModel");
        api.ShouldNotContain("LiquidDates");
    }

    private static string Generate() =>
        typeof(LiquidHtmlTemplate).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false })
            .ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
}
