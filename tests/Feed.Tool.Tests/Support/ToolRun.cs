namespace Feed.Tool.Tests.Support;

/// <summary>The outcome of one in-process run of the tool.</summary>
internal sealed record ToolRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The default clock of the tests: 2025-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<ToolRun> RunAsync(params string[] args) =>
        await RunAsync(new FixedTimeProvider(DefaultNow), CancellationToken.None, args);

    public static async Task<ToolRun> RunAsync(TimeProvider time, CancellationToken cancellationToken, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        int exitCode = await Program.RunAsync(args, stdout, stderr, time, cancellationToken);
        return new ToolRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The error lines (<c>... error FEEDnnnn: ...</c>) printed on stderr.</summary>
    public IReadOnlyList<string> Errors =>
        Stderr.Split('\n').Where(l => l.Contains(": error FEED", StringComparison.Ordinal)).ToList();

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";
}
