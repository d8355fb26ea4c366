namespace Feed.Tool.Tests.Support;

/// <summary>A clock stopped at one instant: what the tool sees as "now" when a test gives no <c>--now</c>.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
