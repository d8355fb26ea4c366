using System.Text;

namespace Feed.Tests.ApiApproval;

/// <summary>
/// Approval of a text snapshot: compare with a checked-in <c>*.approved.txt</c>; on a mismatch write
/// <c>*.received.txt</c> next to it (git-ignored) and say how to approve. Shouldly's <c>ShouldMatchApproved</c> finds
/// its files through the test's source path, which CI builds map away (<c>ContinuousIntegrationBuild</c>), so the
/// path comes from <see cref="Support.RepoPaths"/> instead.
/// </summary>
internal static class ApprovedFile
{
    /// <summary>Set to 1 to overwrite the approved file with what the code produces now (then review the git diff).</summary>
    public const string ApproveVariable = "FEED_APPROVE_API";

    private const int MaxDiffLines = 60;

    /// <returns>An empty string when <paramref name="actual"/> matches the approved file, else what differs and how to approve.</returns>
    public static string Compare(string approvedPath, string actual, string what) =>
        Compare(approvedPath, actual, what, approve: Environment.GetEnvironmentVariable(ApproveVariable) == "1");

    /// <param name="approvedPath">The checked-in file, named <c>*.approved.*</c>.</param>
    /// <param name="actual">What the code produces now.</param>
    /// <param name="what">What is compared, for the message.</param>
    /// <param name="approve">Overwrite the approved file instead of failing.</param>
    internal static string Compare(string approvedPath, string actual, string what, bool approve)
    {
        string receivedPath = approvedPath.Replace(".approved.", ".received.", StringComparison.Ordinal);
        if (receivedPath == approvedPath)
        {
            throw new ArgumentException($"{approvedPath} is not named *.approved.*.", nameof(approvedPath));
        }

        string? approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath, Encoding.UTF8) : null;
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return string.Empty;
        }

        if (approve)
        {
            File.WriteAllText(approvedPath, actual, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return string.Empty;
        }

        File.WriteAllText(receivedPath, actual, new UTF8Encoding(false));
        string approvedName = Path.GetFileName(approvedPath);
        string receivedName = Path.GetFileName(receivedPath);
        var message = new StringBuilder();
        message.Append(what).Append(approved is null ? $" has no approved file {approvedName}." : $" differs from {approvedName}.")
            .Append(" Wrote ").Append(receivedPath).Append('.').Append('\n');
        if (approved is not null)
        {
            message.Append("Changes (- approved, numbered as in the approved file; + received, numbered as in the received file):\n").Append(LineDiff(approved, actual));
        }

        message.Append("If the change is intended, review it and approve it:\n")
            .Append("  mv ").Append(receivedPath).Append(' ').Append(approvedPath).Append('\n')
            .Append("  (or rerun the test with ").Append(ApproveVariable).Append("=1), then commit ").Append(approvedName)
            .Append(" with the change so the API diff is part of the review.");
        return message.ToString();
    }

    /// <summary>The lines only in <paramref name="before"/> (-) and only in <paramref name="after"/> (+), by longest common subsequence.</summary>
    internal static string LineDiff(string before, string after)
    {
        string[] a = before.Split('\n');
        string[] b = after.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
        {
            for (int j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var diff = new StringBuilder();
        int shown = 0;
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
                continue;
            }

            bool takeRemoval = y == b.Length || (x < a.Length && lcs[x + 1, y] >= lcs[x, y + 1]);
            string line = takeRemoval ? $"  line {x + 1}: - {a[x++]}" : $"  line {y + 1}: + {b[y++]}";
            if (shown++ < MaxDiffLines)
            {
                diff.Append(line).Append('\n');
            }
        }

        if (shown > MaxDiffLines)
        {
            diff.Append("  … and ").Append(shown - MaxDiffLines).Append(" more changed lines\n");
        }

        return diff.ToString();
    }
}
