using Feed;
using Feed.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

#pragma warning disable IDE0130 // Registration methods live in the namespace of IServiceCollection, as .NET's own AddXxx methods do.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers feeds in an <see cref="IServiceCollection"/>: <c>services.AddFeed&lt;Article&gt;(options =&gt; …, article =&gt; new FeedPost { … })</c>.</summary>
/// <remarks>
/// <para>
/// Each registration adds one singleton <see cref="FeedRenderer{TPost}"/>, immutable and safe to share between
/// requests. The options callback runs once, during the call, and the options are validated there: invalid options
/// throw one <see cref="FeedOptionsException"/> that lists every problem while the host is being configured, never
/// at the first request. (So the callback cannot use services; read configuration values before calling.)
/// </para>
/// <para>
/// Registration is idempotent and never overrides what is already there: if the collection already holds a
/// <see cref="FeedRenderer{TPost}"/> for the same post type and key — the user's own, or an earlier call's — nothing
/// is added (<c>TryAdd</c>), though the new options are still validated.
/// </para>
/// <para>
/// Several feeds in one host: use a different post type for each, or register them under keys with
/// <see cref="AddKeyedFeed{TPost}"/> and resolve them with <c>[FromKeyedServices("releases")]</c> or
/// <c>GetRequiredKeyedService</c>.
/// </para>
/// </remarks>
public static class FeedServiceCollectionExtensions
{
    /// <summary>Registers a feed of <see cref="FeedPost"/>s as a singleton <see cref="FeedRenderer{TPost}"/> of <see cref="FeedPost"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the feed's options; called once, now.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="FeedOptionsException">The options break one or more rules; the message lists every one.</exception>
    public static IServiceCollection AddFeed(this IServiceCollection services, Action<FeedOptions> configure) =>
        AddKeyedFeed<FeedPost>(services, serviceKey: null, configure, static post => post);

    /// <summary>Registers a feed of the host's own <typeparamref name="TPost"/> as a singleton <see cref="FeedRenderer{TPost}"/>.</summary>
    /// <typeparam name="TPost">The host's post type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the feed's options; called once, now.</param>
    /// <param name="map">
    /// How a <typeparamref name="TPost"/> becomes a <see cref="FeedPost"/> (title, absolute URL, dates, Markdown or
    /// HTML body); called for each post rendered, possibly from several threads at once.
    /// </param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/>, <paramref name="configure"/> or <paramref name="map"/> is <see langword="null"/>.</exception>
    /// <exception cref="FeedOptionsException">The options break one or more rules; the message lists every one.</exception>
    public static IServiceCollection AddFeed<TPost>(this IServiceCollection services, Action<FeedOptions> configure, Func<TPost, FeedPost> map) =>
        AddKeyedFeed(services, serviceKey: null, configure, map);

    /// <summary>Registers a feed of <see cref="FeedPost"/>s under <paramref name="serviceKey"/> as a keyed singleton <see cref="FeedRenderer{TPost}"/> of <see cref="FeedPost"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="serviceKey">The key, such as <c>"releases"</c>; <see langword="null"/> registers the unkeyed feed.</param>
    /// <param name="configure">Sets the feed's options; called once, now.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="FeedOptionsException">The options break one or more rules; the message lists every one.</exception>
    public static IServiceCollection AddKeyedFeed(this IServiceCollection services, object? serviceKey, Action<FeedOptions> configure) =>
        AddKeyedFeed<FeedPost>(services, serviceKey, configure, static post => post);

    /// <summary>Registers a feed of the host's own <typeparamref name="TPost"/> under <paramref name="serviceKey"/> as a keyed singleton <see cref="FeedRenderer{TPost}"/>.</summary>
    /// <typeparam name="TPost">The host's post type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="serviceKey">The key, such as <c>"releases"</c>; <see langword="null"/> registers the unkeyed feed.</param>
    /// <param name="configure">Sets the feed's options; called once, now.</param>
    /// <param name="map">
    /// How a <typeparamref name="TPost"/> becomes a <see cref="FeedPost"/> (title, absolute URL, dates, Markdown or
    /// HTML body); called for each post rendered, possibly from several threads at once.
    /// </param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/>, <paramref name="configure"/> or <paramref name="map"/> is <see langword="null"/>.</exception>
    /// <exception cref="FeedOptionsException">The options break one or more rules; the message lists every one.</exception>
    public static IServiceCollection AddKeyedFeed<TPost>(this IServiceCollection services, object? serviceKey, Action<FeedOptions> configure, Func<TPost, FeedPost> map)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(map);

        var options = new FeedOptions();
        configure(options);

        // Validate here, with the caller's parameter name, so the host fails while it is being configured.
        IReadOnlyList<string> errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new FeedOptionsException(errors, nameof(configure));
        }

        // The generator snapshots the options now: later changes to them, or another call's, change nothing.
        var renderer = new FeedRenderer<TPost>(new FeedGenerator(options), map);

        // A null key makes an ordinary (unkeyed) descriptor, so both overload families funnel into this one body.
        services.TryAdd(ServiceDescriptor.KeyedSingleton(typeof(FeedRenderer<TPost>), serviceKey, renderer));
        return services;
    }
}
