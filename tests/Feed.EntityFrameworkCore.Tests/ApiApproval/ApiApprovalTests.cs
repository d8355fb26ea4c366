using Feed.Hosting.Tests.Support;
using Feed.Tests.ApiApproval;
using PublicApiGenerator;

namespace Feed.EntityFrameworkCore.Tests.ApiApproval;

/// <summary>The public surface of the Feed.EntityFrameworkCore package, checked in as <c>Feed.EntityFrameworkCore.approved.txt</c>.</summary>
public sealed class ApiApprovalTests
{
    [Fact]
    public void PublicApi_Should_Not_Change_Unintentionally()
    {
        string mismatch = ApprovedFile.Compare(
            RepositoryFiles.Path("tests", "Feed.EntityFrameworkCore.Tests", "ApiApproval", "Feed.EntityFrameworkCore.approved.txt"),
            Generate(),
            what: "The public API of the Feed.EntityFrameworkCore assembly");

        mismatch.ShouldBeEmpty();
    }

    [Fact]
    public void Generated_api_lists_the_registration_and_no_internal_types()
    {
        string api = Generate();

        api.ShouldContain("AddEntityFrameworkFeedSource<TContext, TPost>");
        api.ShouldContain("namespace Microsoft.Extensions.DependencyInjection");
        api.ShouldContain("[System.Diagnostics.CodeAnalysis.Experimental(\"FEEDEXP101\"");
        api.ShouldNotContain("FeedQueries");
        api.ShouldNotContain("Snapshot");
    }

    private static string Generate()
    {
        var options = new ApiGeneratorOptions
        {
            AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection"],
            IncludeAssemblyAttributes = false,
        };

        return typeof(EntityFrameworkFeedSourceBuilder<,>).Assembly.GeneratePublicApi(options).ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
    }
}
