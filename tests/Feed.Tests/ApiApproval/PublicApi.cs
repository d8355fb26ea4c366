using PublicApiGenerator;

namespace Feed.Tests.ApiApproval;

/// <summary>Renders the public API of the Feed assembly as C#-like text, the same way on every machine.</summary>
internal static class PublicApi
{
    public static string Generate()
    {
        var options = new ApiGeneratorOptions
        {
            // The generator skips System.* and Microsoft.* by default; our AddFeed(...) extensions live in the
            // Microsoft.Extensions.DependencyInjection namespace on purpose (dotnet/extensions convention).
            AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection"],
            TreatRecordsAsClasses = false,

            // The surface a caller programs against, not how the assembly is built: InternalsVisibleTo, metadata and
            // the target framework change with the build, never with the API.
            IncludeAssemblyAttributes = false,
        };

        // LF only, whatever the platform, so the approved file compares byte for byte (.gitattributes: eol=lf).
        return typeof(FeedGenerator).Assembly.GeneratePublicApi(options).ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
    }
}
