using Feed.Hosting.Tests.Support;
using Feed.Tests.ApiApproval;
using Microsoft.AspNetCore.Builder;
using PublicApiGenerator;

namespace Feed.AspNetCore.Tests.ApiApproval;

/// <summary>
/// The public surface of the Feed.AspNetCore package, checked in as <c>Feed.AspNetCore.approved.txt</c>, as the core
/// package's is (tests/Feed.Tests/ApiApproval): a change to a public type or member is a diff in review.
/// </summary>
public sealed class ApiApprovalTests
{
    [Fact]
    public void PublicApi_Should_Not_Change_Unintentionally()
    {
        string mismatch = ApprovedFile.Compare(
            RepositoryFiles.Path("tests", "Feed.AspNetCore.Tests", "ApiApproval", "Feed.AspNetCore.approved.txt"),
            Generate(),
            what: "The public API of the Feed.AspNetCore assembly");

        mismatch.ShouldBeEmpty();
    }

    [Fact]
    public void Generated_api_lists_the_extension_namespaces_and_no_internal_types()
    {
        // Guards the generator options: a namespace filter that dropped MapFeed would approve a partial file.
        string api = Generate();

        api.ShouldContain("MapFeed<TPost>");
        api.ShouldContain("namespace Microsoft.AspNetCore.Builder");
        api.ShouldContain("namespace Microsoft.AspNetCore.ResponseCompression");
        api.ShouldContain("interface IFeedPageSource<TPost>");
        api.ShouldNotContain("[assembly:");
        api.ShouldNotContain("FeedEndpoint<");
        api.ShouldNotContain("FeedValidators");
    }

    private static string Generate()
    {
        var options = new ApiGeneratorOptions
        {
            // MapFeed and AddFeedMediaTypes live in the namespaces of what they extend (the ASP.NET Core convention),
            // which the generator skips unless allowed.
            AllowNamespacePrefixes = ["Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.ResponseCompression"],
            TreatRecordsAsClasses = false,
            IncludeAssemblyAttributes = false,
        };

        return typeof(FeedEndpointOptions).Assembly.GeneratePublicApi(options).ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
    }
}
