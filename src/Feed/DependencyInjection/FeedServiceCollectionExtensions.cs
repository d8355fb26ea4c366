using Feed;
using Feed.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // Registration methods live in the namespace of IServiceCollection, as .NET's own AddXxx methods do.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>
/// Registers feeds in an <see cref="IServiceCollection"/> as options citizens:
/// <c>services.AddFeed&lt;Article&gt;(article =&gt; new FeedPost { … }).Configure(options =&gt; …)</c>.
/// </summary>
/// <remarks>
/// <para>
/// Each feed has named <see cref="FeedOptions"/> (the name is the feed's key; the unkeyed feed uses
/// <see cref="Options.Options.DefaultName"/>) and one singleton <see cref="FeedRenderer{TPost}"/>, made from those options the
/// first time it is resolved. The methods return the standard <see cref="OptionsBuilder{TOptions}"/> of the feed's
/// options, so <c>Configure</c>, <c>Configure&lt;TDep&gt;</c> (a callback that uses services), <c>PostConfigure</c> and
/// <c>Bind</c> are the ones every .NET library uses.
/// </para>
/// <para>
/// The renderer reads the options once, when it is made: a configuration source that reloads (an edited
/// <c>appsettings.json</c>) changes the feed at the next start, not mid-run. A renderer is immutable so that every
/// document it writes comes from one set of options, and the hosting package's entity tags, computed from them, stay
/// true for as long as it serves.
/// </para>
/// <para>
/// The options are checked by an <see cref="IValidateOptions{TOptions}"/> that applies <see cref="FeedOptions.Validate"/>,
/// and <c>ValidateOnStart</c> is on: invalid options stop the host from starting with one
/// <see cref="OptionsValidationException"/> that lists every problem, never at the first request. (Without a host, they
/// throw when the renderer is first resolved.)
/// </para>
/// <para>
/// Registration never overrides what is already there: if the collection already holds a
/// <see cref="FeedRenderer{TPost}"/> for the same post type and key — the user's own, or an earlier call's — no second
/// renderer is added, though the options callbacks still apply to the feed's named options.
/// </para>
/// </remarks>
public static class FeedServiceCollectionExtensions
{
    /// <summary>Registers the feed of the host's own <typeparamref name="TPost"/> as a singleton <see cref="FeedRenderer{TPost}"/>.</summary>
    /// <typeparam name="TPost">The host's post type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="map">
    /// How a <typeparamref name="TPost"/> becomes a <see cref="FeedPost"/> (title, absolute URL, dates, Markdown or
    /// HTML body); called for each post rendered, possibly from several threads at once.
    /// </param>
    /// <returns>The builder of the feed's options (the default name), to configure them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="map"/> is <see langword="null"/>.</exception>
    public static OptionsBuilder<FeedOptions> AddFeed<TPost>(this IServiceCollection services, Func<TPost, FeedPost> map) =>
        Register(services, Options.Options.DefaultName, map);

    /// <summary>
    /// Registers the feed of the host's own <typeparamref name="TPost"/> as a singleton <see cref="FeedRenderer{TPost}"/>,
    /// its options bound from <paramref name="configuration"/> (keys as the property names: <c>Title</c>,
    /// <c>SiteUrl</c>, <c>PageSize</c>, <c>Authors:0:Name</c>, <c>Excerpt:Length</c>, …). A key that names no option
    /// (<c>PageSise</c>) stops the host at start like an invalid value, with a message naming the key, its section and the
    /// nearest option.
    /// </summary>
    /// <typeparam name="TPost">The host's post type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section of the feed, such as <c>builder.Configuration.GetSection("Feed")</c>.</param>
    /// <param name="map">How a <typeparamref name="TPost"/> becomes a <see cref="FeedPost"/> (see <see cref="AddFeed{TPost}(IServiceCollection, Func{TPost, FeedPost})"/>).</param>
    /// <returns>The builder of the feed's options (the default name), to configure them further.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static OptionsBuilder<FeedOptions> AddFeed<TPost>(this IServiceCollection services, IConfiguration configuration, Func<TPost, FeedPost> map)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Bind(Register(services, Options.Options.DefaultName, map), configuration);
    }

    /// <summary>
    /// Registers the feed <paramref name="key"/> of the host's own <typeparamref name="TPost"/> as a keyed singleton
    /// <see cref="FeedRenderer{TPost}"/> (resolve it with <c>[FromKeyedServices("releases")]</c>), with options named
    /// <paramref name="key"/>.
    /// </summary>
    /// <typeparam name="TPost">The host's post type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="key">The feed's key and the name of its options, such as <c>"releases"</c>.</param>
    /// <param name="map">How a <typeparamref name="TPost"/> becomes a <see cref="FeedPost"/> (see <see cref="AddFeed{TPost}(IServiceCollection, Func{TPost, FeedPost})"/>).</param>
    /// <returns>The builder of the feed's named options, to configure them.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static OptionsBuilder<FeedOptions> AddKeyedFeed<TPost>(this IServiceCollection services, string key, Func<TPost, FeedPost> map)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Register(services, key, map);
    }

    /// <summary>
    /// Registers the feed <paramref name="key"/> of the host's own <typeparamref name="TPost"/> as a keyed singleton
    /// <see cref="FeedRenderer{TPost}"/>, its options named <paramref name="key"/> and bound from <paramref name="configuration"/>
    /// (a key that names no option stops the host at start, as in <see cref="AddFeed{TPost}(IServiceCollection, IConfiguration, Func{TPost, FeedPost})"/>).
    /// </summary>
    /// <typeparam name="TPost">The host's post type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="key">The feed's key and the name of its options, such as <c>"releases"</c>.</param>
    /// <param name="configuration">The configuration section of the feed, such as <c>builder.Configuration.GetSection("Feeds:releases")</c>.</param>
    /// <param name="map">How a <typeparamref name="TPost"/> becomes a <see cref="FeedPost"/> (see <see cref="AddFeed{TPost}(IServiceCollection, Func{TPost, FeedPost})"/>).</param>
    /// <returns>The builder of the feed's named options, to configure them further.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static OptionsBuilder<FeedOptions> AddKeyedFeed<TPost>(this IServiceCollection services, string key, IConfiguration configuration, Func<TPost, FeedPost> map)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(configuration);
        return Bind(Register(services, key, map), configuration);
    }

    // The one Bind call of the library: its binder is generated at compile time (see Feed.csproj), which skips
    // FeedOptions.Extensions (an extension is code; configuration cannot name one).
    // A key that names no option (PageSise) stops the host at start with a message naming the key and its section,
    // rather than being ignored.
    private static OptionsBuilder<FeedOptions> Bind(OptionsBuilder<FeedOptions> options, IConfiguration configuration)
    {
        var keys = new ConfigurationKeysValidator(options.Name, configuration);
        return options.Configure(_ => keys.Check()).Bind(configuration);
    }

    private static OptionsBuilder<FeedOptions> Register<TPost>(IServiceCollection services, string name, Func<TPost, FeedPost> map)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(map);

        OptionsBuilder<FeedOptions> options = services.AddOptions<FeedOptions>(name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FeedOptions>, FeedOptionsValidator>());

        // The unkeyed feed is an ordinary registration, a named one a keyed registration under its name.
        object? serviceKey = name.Length == 0 ? null : name;
        services.TryAdd(ServiceDescriptor.KeyedSingleton(
            typeof(FeedRenderer<TPost>),
            serviceKey,
            (provider, _) => new FeedRenderer<TPost>(
                new FeedGenerator(provider.GetRequiredService<IOptionsMonitor<FeedOptions>>().Get(name)), map)));
        return options;
    }
}
