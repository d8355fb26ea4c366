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

    /// <summary>Counts the members in <paramref name="api"/> as <see cref="Generate"/> prints it, leaving out constructors and enum values.</summary>
    public static int CountMembers(string api)
    {
        int members = 0;
        string? type = null;
        bool isEnum = false;
        foreach (string raw in api.Split('\n'))
        {
            string line = raw.Trim();
            System.Text.RegularExpressions.Match declaration = System.Text.RegularExpressions.Regex.Match(
                line, @"^public (?:sealed |static |abstract )*(record|class|enum|interface|struct) (\w+)");
            if (declaration.Success)
            {
                type = declaration.Groups[2].Value;
                isEnum = declaration.Groups[1].Value == "enum";
            }
            else if (line.Length > 1 && !line.StartsWith("namespace ", StringComparison.Ordinal) && !isEnum
                && !line.StartsWith($"public {type}(", StringComparison.Ordinal) && !line.StartsWith($"protected {type}(", StringComparison.Ordinal))
            {
                members++;
            }
        }

        return members;
    }
}
