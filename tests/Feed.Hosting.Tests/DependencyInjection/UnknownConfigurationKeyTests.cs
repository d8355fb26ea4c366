using System.Reflection;
using Feed.DependencyInjection;
using Feed.Hosting.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Feed.Hosting.Tests.DependencyInjection;

/// <summary>A key in a feed's configuration section that names no option stops the host at start, named with its section.</summary>
public sealed class UnknownConfigurationKeyTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] extra)
    {
        var values = new Dictionary<string, string?>
        {
            ["Feeds:blog:Title"] = "Blog",
            ["Feeds:blog:SiteUrl"] = "https://blog.example.org/",
        };
        foreach ((string key, string value) in extra)
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    private static OptionsValidationException Start(IConfiguration configuration, string? key = null)
    {
        var services = new ServiceCollection();
        if (key is null)
        {
            services.AddFeed<Article>(configuration.GetSection("Feeds:blog"), Sample.ToFeedPost);
        }
        else
        {
            services.AddKeyedFeed<Article>(key, configuration.GetSection("Feeds:blog"), Sample.ToFeedPost);
        }

        using ServiceProvider provider = services.BuildServiceProvider();
        return Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<FeedOptions>>().Get(key ?? Options.DefaultName));
    }

    [Fact]
    public void A_misspelt_key_is_named_with_its_section_and_the_option_it_was_meant_to_be()
    {
        OptionsValidationException error = Start(Configuration(("Feeds:blog:PageSise", "5")));

        error.Failures.ShouldBe(["Feed: unknown configuration key \"PageSise\" in section \"Feeds:blog\" (did you mean \"PageSize\"?); no option has that name, so its value would be ignored."]);
    }

    [Fact]
    public void Nested_keys_are_checked_in_their_own_sections_and_every_one_is_listed()
    {
        OptionsValidationException error = Start(
            Configuration(("Feeds:blog:Excerpt:Lenght", "40"), ("Feeds:blog:Authors:0:Mail", "a@example.org"), ("Feeds:blog:Authors:x", "y"), ("Feeds:blog:Colour", "red")),
            key: "blog");

        error.Failures.Count().ShouldBe(4);
        error.Failures.ShouldContain(f => f.StartsWith("Feed \"blog\": unknown configuration key \"Lenght\" in section \"Feeds:blog:Excerpt\" (did you mean \"Length\"?)", StringComparison.Ordinal));
        error.Failures.ShouldContain(f => f.Contains("\"Mail\" in section \"Feeds:blog:Authors:0\" (did you mean \"Email\"?)", StringComparison.Ordinal));
        error.Failures.ShouldContain(f => f.Contains("\"x\" in section \"Feeds:blog:Authors\" (did you mean an index (Authors:0:Name)?)", StringComparison.Ordinal));
        error.Failures.ShouldContain(f => f.Contains("\"Colour\" in section \"Feeds:blog\";", StringComparison.Ordinal)); // nothing near it
    }

    [Fact]
    public void Known_keys_in_any_case_pass()
    {
        var services = new ServiceCollection();
        services.AddFeed<Article>(
            Configuration(("Feeds:blog:pagesize", "3"), ("Feeds:blog:EXCERPT:length", "9"), ("Feeds:blog:Authors:0:name", "Ada"), ("Feeds:blog:JsonArchiveUrlTemplate", "j/{archive}.json")).GetSection("Feeds:blog"),
            Sample.ToFeedPost);
        using ServiceProvider provider = services.BuildServiceProvider();

        FeedOptions options = provider.GetRequiredService<IOptions<FeedOptions>>().Value;
        options.PageSize.ShouldBe(3);
        options.Excerpt.Length.ShouldBe(9);
        options.Authors.Single().Name.ShouldBe("Ada");
    }

    [Fact]
    public void The_key_lists_are_the_bindable_properties()
    {
        static string[] Settable(Type type) =>
            [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name)
                .Where(n => n is not "Extensions" and not "HtmlTemplate").Order(StringComparer.Ordinal)];

        ConfigurationKeysValidator.FeedKeys.Order(StringComparer.Ordinal).ShouldBe(Settable(typeof(FeedOptions)));
        ConfigurationKeysValidator.ExcerptKeys.Order(StringComparer.Ordinal).ShouldBe(Settable(typeof(Excerpts.ExcerptOptions)));
        ConfigurationKeysValidator.AuthorKeys.Order(StringComparer.Ordinal).ShouldBe(Settable(typeof(FeedAuthor)));
    }
}
