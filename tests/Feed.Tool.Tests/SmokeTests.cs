namespace Feed.Tool.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void No_arguments_is_a_usage_error() => Program.Main([]).ShouldBe(2);
}
