using Microsoft.Extensions.DependencyInjection;

namespace Feed.Hosting.Tests;

public sealed class ServiceCollectionSmokeTests
{
    [Fact]
    public void Empty_collection_builds_a_provider()
    {
        var services = new ServiceCollection();
        using ServiceProvider provider = services.BuildServiceProvider();
        provider.GetService<Feed.Excerpts.ExcerptGenerator>().ShouldBeNull();
    }
}
