using Feed.Hosting.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.Hosting.Tests.DependencyInjection;

/// <summary><c>services.AddFeed(...)</c> on a real <see cref="ServiceCollection"/> and <see cref="ServiceProvider"/>.</summary>
public sealed class AddFeedTests
{
    private static readonly ServiceProviderOptions Strict = new() { ValidateOnBuild = true, ValidateScopes = true };

    [Fact]
    public void Registers_one_singleton_renderer_of_the_hosts_post_type()
    {
        var services = new ServiceCollection();

        services.AddFeed<Article>(Sample.Configure, Sample.ToFeedPost).ShouldBeSameAs(services);

        ServiceDescriptor descriptor = services.ShouldHaveSingleItem();
        descriptor.ServiceType.ShouldBe(typeof(FeedRenderer<Article>));
        descriptor.Lifetime.ShouldBe(ServiceLifetime.Singleton);
        descriptor.IsKeyedService.ShouldBeFalse();

        using ServiceProvider provider = services.BuildServiceProvider(Strict);
        var renderer = provider.GetRequiredService<FeedRenderer<Article>>();
        using IServiceScope scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<FeedRenderer<Article>>().ShouldBeSameAs(renderer);
        renderer.Generator.Metadata.Title.ShouldBe("Example blog");
        renderer.ToFeedPost(Sample.Article(7)).Url.ShouldBe(new Uri("https://blog.example.org/posts/post-007/"));
    }

    [Fact]
    public void Without_a_mapping_the_feed_takes_FeedPost_itself()
    {
        using ServiceProvider provider = new ServiceCollection().AddFeed(Sample.Configure).BuildServiceProvider(Strict);

        var renderer = provider.GetRequiredService<FeedRenderer<FeedPost>>();
        FeedPost post = Sample.ToFeedPost(Sample.Article(3));
        renderer.ToFeedPost(post).ShouldBeSameAs(post);
        FeedXml.Load(renderer.RenderPage(FeedFormat.Atom10, 1, [post])).Ids().ShouldBe(["https://blog.example.org/posts/post-003/"]);
    }

    [Fact]
    public void Invalid_options_throw_at_registration_with_one_message_listing_every_problem()
    {
        var services = new ServiceCollection();

        FeedOptionsException error = Should.Throw<FeedOptionsException>(() => services.AddFeed<Article>(
            options =>
            {
                options.SiteUrl = new Uri("/blog/", UriKind.Relative);
                options.PageSize = 0;
                options.Language = "english please";
            },
            Sample.ToFeedPost));

        error.ParamName.ShouldBe("configure");
        error.Errors.Count.ShouldBe(4);
        error.Message.ShouldBe("""
            Invalid feed options (4 problems):
            - Title is required (RSS 2.0 and RFC 4287 §4.1.1 require a feed title).
            - SiteUrl must be an absolute http or https URL (was "/blog/").
            - PageSize must be at least 1 (was 0).
            - Language must be a BCP 47 tag such as "en" or "zh-CN" (was "english please"). (Parameter 'configure')
            """);
        services.ShouldBeEmpty(); // nothing half-registered
    }

    [Fact]
    public void A_web_host_with_invalid_options_fails_while_it_is_being_configured_not_at_the_first_request()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();

        FeedOptionsException error = Should.Throw<FeedOptionsException>(() =>
            builder.Services.AddFeed(options => options.Title = "No site"));

        error.Errors.ShouldBe(["SiteUrl is required: the absolute URL of the site the feed describes."]);
    }

    [Fact]
    public void The_options_callback_runs_once_during_registration_and_never_again()
    {
        int calls = 0;
        FeedOptions? captured = null;
        var services = new ServiceCollection();

        services.AddFeed<Article>(
            options =>
            {
                calls++;
                Sample.Configure(options);
                captured = options;
            },
            Sample.ToFeedPost);
        calls.ShouldBe(1);

        captured!.Title = "Changed after registration";
        using ServiceProvider provider = services.BuildServiceProvider(Strict);
        provider.GetRequiredService<FeedRenderer<Article>>().Generator.Metadata.Title.ShouldBe("Example blog");
        provider.GetRequiredService<FeedRenderer<Article>>();
        calls.ShouldBe(1);
    }

    [Fact]
    public void Registering_the_same_feed_twice_keeps_the_first()
    {
        var services = new ServiceCollection();

        services.AddFeed<Article>(Sample.Configure, Sample.ToFeedPost);
        services.AddFeed<Article>(
            options =>
            {
                Sample.Configure(options);
                options.Title = "Second";
            },
            Sample.ToFeedPost);

        services.ShouldHaveSingleItem();
        using ServiceProvider provider = services.BuildServiceProvider(Strict);
        provider.GetRequiredService<FeedRenderer<Article>>().Generator.Metadata.Title.ShouldBe("Example blog");
        provider.GetServices<FeedRenderer<Article>>().ShouldHaveSingleItem();
    }

    [Fact]
    public void A_second_registration_is_still_validated()
    {
        var services = new ServiceCollection().AddFeed<Article>(Sample.Configure, Sample.ToFeedPost);

        Should.Throw<FeedOptionsException>(() => services.AddFeed<Article>(_ => { }, Sample.ToFeedPost))
            .Errors.Count.ShouldBe(2); // Title and SiteUrl
    }

    [Fact]
    public void Never_overrides_the_users_own_registration()
    {
        var mine = new FeedRenderer<Article>(
            new FeedGenerator(new FeedOptions { Title = "Mine", SiteUrl = new Uri("https://mine.example/") }),
            Sample.ToFeedPost);
        var services = new ServiceCollection();
        services.AddSingleton(mine);

        services.AddFeed<Article>(Sample.Configure, Sample.ToFeedPost);

        services.ShouldHaveSingleItem();
        using ServiceProvider provider = services.BuildServiceProvider(Strict);
        provider.GetRequiredService<FeedRenderer<Article>>().ShouldBeSameAs(mine);
    }

    [Fact]
    public void Keyed_feeds_of_one_post_type_live_side_by_side()
    {
        var services = new ServiceCollection();
        services.AddKeyedFeed<Article>("blog", Sample.Configure, Sample.ToFeedPost);
        services.AddKeyedFeed<Article>(
            "digest",
            options =>
            {
                Sample.Configure(options);
                options.Title = "Weekly digest";
                options.RssUrl = new Uri(Sample.Site, "digest.xml");
                options.AtomUrl = new Uri(Sample.Site, "digest.atom");
                options.FullContent = false;
            },
            Sample.ToFeedPost);
        services.AddKeyedFeed<Article>("blog", _ => Sample.Configure(_), Sample.ToFeedPost); // idempotent per key
        services.AddSingleton<FeedConsumer>();

        services.Count.ShouldBe(3);
        using ServiceProvider provider = services.BuildServiceProvider(Strict);
        var blog = provider.GetRequiredKeyedService<FeedRenderer<Article>>("blog");
        var digest = provider.GetRequiredKeyedService<FeedRenderer<Article>>("digest");
        blog.ShouldNotBeSameAs(digest);
        blog.Generator.Metadata.Title.ShouldBe("Example blog");
        digest.Generator.Metadata.Title.ShouldBe("Weekly digest");
        digest.GetPageUrl(FeedFormat.Rss20, 1, 0).ShouldBe(new Uri("https://blog.example.org/digest.xml"));
        provider.GetService<FeedRenderer<Article>>().ShouldBeNull(); // no unkeyed feed was registered

        FeedConsumer consumer = provider.GetRequiredService<FeedConsumer>();
        consumer.Blog.ShouldBeSameAs(blog);
        consumer.Digest.ShouldBeSameAs(digest);
    }

    [Fact]
    public void Feeds_of_different_post_types_need_no_key()
    {
        using ServiceProvider provider = new ServiceCollection()
            .AddFeed<Article>(Sample.Configure, Sample.ToFeedPost)
            .AddFeed<Release>(Sample.ConfigureReleases, Sample.ToFeedPost)
            .AddKeyedFeed("plain", Sample.Configure)
            .BuildServiceProvider(Strict);

        provider.GetRequiredService<FeedRenderer<Article>>().Generator.Metadata.Title.ShouldBe("Example blog");
        provider.GetRequiredService<FeedRenderer<Release>>().Generator.Metadata.Title.ShouldBe("Example releases");
        provider.GetRequiredKeyedService<FeedRenderer<FeedPost>>("plain").Generator.PageSize.ShouldBe(FeedOptions.DefaultPageSize);
        provider.GetService<FeedRenderer<FeedPost>>().ShouldBeNull();
    }

    [Fact]
    public void Null_arguments_are_rejected_by_name()
    {
        var services = new ServiceCollection();
        Func<Article, FeedPost> map = Sample.ToFeedPost;

        Should.Throw<ArgumentNullException>(() => FeedServiceCollectionExtensions.AddFeed(null!, Sample.Configure)).ParamName.ShouldBe("services");
        Should.Throw<ArgumentNullException>(() => services.AddFeed(null!)).ParamName.ShouldBe("configure");
        Should.Throw<ArgumentNullException>(() => services.AddFeed<Article>(Sample.Configure, null!)).ParamName.ShouldBe("map");
        Should.Throw<ArgumentNullException>(() => services.AddKeyedFeed("k", null!, map)).ParamName.ShouldBe("configure");
        services.ShouldBeEmpty();
    }

    private sealed class FeedConsumer(
        [FromKeyedServices("blog")] FeedRenderer<Article> blog,
        [FromKeyedServices("digest")] FeedRenderer<Article> digest)
    {
        public FeedRenderer<Article> Blog { get; } = blog;

        public FeedRenderer<Article> Digest { get; } = digest;
    }
}
