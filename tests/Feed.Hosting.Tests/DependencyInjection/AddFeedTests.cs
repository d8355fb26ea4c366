using Feed.Hosting.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Feed.Hosting.Tests.DependencyInjection;

/// <summary>
/// <c>services.AddFeed(...)</c> on a real <see cref="ServiceCollection"/>, <see cref="ServiceProvider"/> and host:
/// named options per feed, configuration binding, callbacks that use services, validation when the host starts.
/// </summary>
public sealed class AddFeedTests
{
    private static readonly ServiceProviderOptions Strict = new() { ValidateOnBuild = true, ValidateScopes = true };

    [Fact]
    public void Registers_one_singleton_renderer_made_from_the_feeds_options()
    {
        var services = new ServiceCollection();

        OptionsBuilder<FeedOptions> builder = services.AddFeed<Article>(Sample.ToFeedPost).Configure(Sample.Configure);

        builder.Name.ShouldBe(Options.DefaultName);
        ServiceDescriptor renderer = services.Single(d => d.ServiceType == typeof(FeedRenderer<Article>));
        renderer.Lifetime.ShouldBe(ServiceLifetime.Singleton);
        renderer.IsKeyedService.ShouldBeFalse();
        services.ShouldContain(d => d.ServiceType == typeof(IValidateOptions<FeedOptions>));

        using ServiceProvider provider = services.BuildServiceProvider(Strict);
        var feed = provider.GetRequiredService<FeedRenderer<Article>>();
        using IServiceScope scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<FeedRenderer<Article>>().ShouldBeSameAs(feed);
        feed.Generator.Metadata.Title.ShouldBe("Example blog");
        provider.GetRequiredService<IOptions<FeedOptions>>().Value.Title.ShouldBe("Example blog");
        FeedXml.Load(feed.RenderPage(FeedFormat.Atom, 1, [Sample.Article(7)])).Ids()
            .ShouldBe(["https://blog.example.org/posts/post-007/"]);
    }

    [Fact]
    public void Options_bind_from_configuration_with_nested_lists_and_excerpt_settings()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Feed:Title"] = "Configured blog",
                ["Feed:SiteUrl"] = "https://configured.example/",
                ["Feed:PageSize"] = "3",
                ["Feed:Language"] = "zh-CN",
                ["Feed:Archive"] = "true",
                ["Feed:AtomPageUrlTemplate"] = "atom/{page}.xml",
                ["Feed:Authors:0:Name"] = "Ada Lin",
                ["Feed:Authors:0:Email"] = "ada@configured.example",
                ["Feed:Authors:1:Name"] = "Bo Chen",
                ["Feed:Excerpt:Length"] = "40",
                ["Feed:Excerpt:Boundary"] = "Character",
                ["Feed:EmptyFeedUpdated"] = "2024-01-01T00:00:00Z",
            })
            .Build();
        var services = new ServiceCollection();

        services.AddFeed<Article>(configuration.GetSection("Feed"), Sample.ToFeedPost);

        using ServiceProvider provider = services.BuildServiceProvider(Strict);
        FeedOptions options = provider.GetRequiredService<IOptions<FeedOptions>>().Value;
        options.Title.ShouldBe("Configured blog");
        options.SiteUrl.ShouldBe(new Uri("https://configured.example/"));
        options.PageSize.ShouldBe(3);
        options.Archive.ShouldBeTrue();
        options.Authors.Select(a => (a.Name, a.Email)).ShouldBe([("Ada Lin", "ada@configured.example"), ("Bo Chen", (string?)null)]);
        options.Excerpt.Length.ShouldBe(40);
        options.Excerpt.Boundary.ShouldBe(Excerpts.ExcerptBoundary.Character);
        options.EmptyFeedUpdated.ShouldBe(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        options.RssPageUrlTemplate.ShouldBe("?page={page}"); // untouched keys keep their defaults

        FeedPaging paging = provider.GetRequiredService<FeedRenderer<Article>>().Generator.Paging;
        paging.PageSize.ShouldBe(3);
        paging.GetArchiveCount(7).ShouldBe(2); // archived: two full groups of three
    }

    [Fact]
    public void A_configure_callback_can_use_services()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new SiteDirectory("Directory blog", new Uri("https://directory.example/")));

        services.AddFeed<Article>(Sample.ToFeedPost)
            .Configure<SiteDirectory>((options, site) =>
            {
                options.Title = site.Name;
                options.SiteUrl = site.Url;
            });

        using ServiceProvider provider = services.BuildServiceProvider(Strict);
        FeedRenderer<Article> feed = provider.GetRequiredService<FeedRenderer<Article>>();
        feed.Generator.Metadata.Title.ShouldBe("Directory blog");
        feed.Generator.Paging.GetUrl(FeedFormat.Rss, FirstPage(feed)).ShouldBe(new Uri("https://directory.example/feed.xml"));
    }

    [Fact]
    public void Named_feeds_have_their_own_options_and_keyed_renderers()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Feeds:digest:Title"] = "Weekly digest",
                ["Feeds:digest:SiteUrl"] = "https://blog.example.org/",
                ["Feeds:digest:RssUrl"] = "https://blog.example.org/digest.xml",
                ["Feeds:digest:FullContent"] = "false",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddKeyedFeed<Article>("blog", Sample.ToFeedPost).Configure(Sample.Configure);
        services.AddKeyedFeed<Article>("digest", configuration.GetSection("Feeds:digest"), Sample.ToFeedPost);
        services.AddKeyedFeed<Article>("blog", Sample.ToFeedPost); // no second renderer for the same key
        services.AddSingleton<FeedConsumer>();

        services.Count(d => d.ServiceType == typeof(FeedRenderer<Article>)).ShouldBe(2);
        using ServiceProvider provider = services.BuildServiceProvider(Strict);
        var blog = provider.GetRequiredKeyedService<FeedRenderer<Article>>("blog");
        var digest = provider.GetRequiredKeyedService<FeedRenderer<Article>>("digest");
        blog.ShouldNotBeSameAs(digest);
        blog.Generator.Metadata.Title.ShouldBe("Example blog");
        digest.Generator.Metadata.Title.ShouldBe("Weekly digest");
        digest.Generator.Paging.GetUrl(FeedFormat.Rss, FirstPage(digest)).ShouldBe(new Uri("https://blog.example.org/digest.xml"));
        provider.GetRequiredService<IOptionsMonitor<FeedOptions>>().Get("digest").FullContent.ShouldBeFalse();
        provider.GetService<FeedRenderer<Article>>().ShouldBeNull(); // no unkeyed feed was registered

        FeedConsumer consumer = provider.GetRequiredService<FeedConsumer>();
        consumer.Blog.ShouldBeSameAs(blog);
        consumer.Digest.ShouldBeSameAs(digest);
    }

    [Fact]
    public async Task A_host_with_invalid_options_fails_to_start_and_lists_every_problem()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddFeed<Article>(Sample.ToFeedPost).Configure(options =>
        {
            options.SiteUrl = new Uri("/blog/", UriKind.Relative);
            options.PageSize = 0;
            options.Language = "english please";
        });
        builder.Services.AddKeyedFeed<Release>("releases", Sample.ToFeedPost).Configure(Sample.ConfigureReleases);
        using IHost host = builder.Build(); // building does not validate: starting does

        OptionsValidationException error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.OptionsName.ShouldBe(Options.DefaultName);
        error.Failures.ShouldBe([
            "Feed: Title is required (RSS 2.0 and RFC 4287 §4.1.1 require a feed title).",
            "Feed: SiteUrl must be an absolute http or https URL (was \"/blog/\").",
            "Feed: PageSize must be at least 1 (was 0).",
            "Feed: Language must be a BCP 47 tag such as \"en\" or \"zh-CN\" (was \"english please\").",
        ]);
    }

    [Fact]
    public async Task A_web_host_with_an_invalid_named_feed_fails_at_start_naming_the_feed()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
                builder.Services.AddFeed<Article>(Sample.ToFeedPost).Configure(Sample.Configure);
        builder.Services.AddKeyedFeed<Release>("releases", Sample.ToFeedPost).Configure(options => options.Title = "No site");
        await using WebApplication app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0"); // never reached: validation runs before the server starts

        OptionsValidationException error = await Should.ThrowAsync<OptionsValidationException>(() => app.StartAsync());

        error.OptionsName.ShouldBe("releases");
        error.Failures.ShouldBe(["Feed \"releases\": SiteUrl is required: the absolute URL of the site the feed describes."]);
    }

    [Fact]
    public void Without_a_host_invalid_options_throw_when_the_renderer_is_first_resolved()
    {
        using ServiceProvider provider = new ServiceCollection().AddFeed<Article>(Sample.ToFeedPost).Services.BuildServiceProvider();

        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<FeedRenderer<Article>>())
            .Failures.Count().ShouldBe(2); // Title and SiteUrl
    }

    [Fact]
    public void The_renderer_takes_a_snapshot_of_the_options_when_it_is_made()
    {
        var services = new ServiceCollection();
        services.AddFeed<Article>(Sample.ToFeedPost).Configure(Sample.Configure);
        using ServiceProvider provider = services.BuildServiceProvider(Strict);
        var feed = provider.GetRequiredService<FeedRenderer<Article>>();

        provider.GetRequiredService<IOptions<FeedOptions>>().Value.Title = "Changed later";

        feed.Generator.Metadata.Title.ShouldBe("Example blog");
    }

    [Fact]
    public void Never_overrides_the_users_own_registration()
    {
        var mine = new FeedRenderer<Article>(
            new FeedGenerator(new FeedOptions { Title = "Mine", SiteUrl = new Uri("https://mine.example/") }),
            Sample.ToFeedPost);
        var services = new ServiceCollection();
        services.AddSingleton(mine);

        services.AddFeed<Article>(Sample.ToFeedPost).Configure(Sample.Configure);

        services.Count(d => d.ServiceType == typeof(FeedRenderer<Article>)).ShouldBe(1);
        using ServiceProvider provider = services.BuildServiceProvider(Strict);
        provider.GetRequiredService<FeedRenderer<Article>>().ShouldBeSameAs(mine);
    }

    [Fact]
    public void Feeds_of_different_post_types_need_no_key()
    {
        var services = new ServiceCollection();
        services.AddFeed<Article>(Sample.ToFeedPost).Configure(Sample.Configure);
        services.AddKeyedFeed<Release>("releases", Sample.ToFeedPost).Configure(Sample.ConfigureReleases);
        services.AddFeed<FeedPost>(post => post).Configure(Sample.Configure);
        using ServiceProvider provider = services.BuildServiceProvider(Strict);

        provider.GetRequiredService<FeedRenderer<Article>>().Generator.Metadata.Title.ShouldBe("Example blog");
        provider.GetRequiredKeyedService<FeedRenderer<Release>>("releases").Generator.Metadata.Title.ShouldBe("Example releases");
        FeedPost post = Sample.ToFeedPost(Sample.Article(3));
        FeedXml.Load(provider.GetRequiredService<FeedRenderer<FeedPost>>().RenderPage(FeedFormat.Atom, 1, [post])).Ids()
            .ShouldBe(["https://blog.example.org/posts/post-003/"]);
    }

    [Fact]
    public void Null_arguments_are_rejected_by_name()
    {
        var services = new ServiceCollection();
        Func<Article, FeedPost> map = Sample.ToFeedPost;
        IConfiguration configuration = new ConfigurationBuilder().Build();

        Should.Throw<ArgumentNullException>(() => FeedServiceCollectionExtensions.AddFeed(null!, map)).ParamName.ShouldBe("services");
        Should.Throw<ArgumentNullException>(() => services.AddFeed<Article>(null!)).ParamName.ShouldBe("map");
        Should.Throw<ArgumentNullException>(() => services.AddFeed(null!, map)).ParamName.ShouldBe("configuration");
        Should.Throw<ArgumentNullException>(() => services.AddKeyedFeed(null!, map)).ParamName.ShouldBe("key");
        Should.Throw<ArgumentNullException>(() => services.AddKeyedFeed("k", configuration, (Func<Article, FeedPost>)null!)).ParamName.ShouldBe("map");
        services.ShouldBeEmpty();
    }

    private static FeedPage FirstPage(FeedRenderer<Article> feed) =>
        feed.Generator.Paging.TryGetPage(1, 0, out FeedPage? page) ? page : throw new InvalidOperationException("no page 1");

    private sealed record SiteDirectory(string Name, Uri Url);

    private sealed class FeedConsumer(
        [FromKeyedServices("blog")] FeedRenderer<Article> blog,
        [FromKeyedServices("digest")] FeedRenderer<Article> digest)
    {
        public FeedRenderer<Article> Blog { get; } = blog;

        public FeedRenderer<Article> Digest { get; } = digest;
    }
}
