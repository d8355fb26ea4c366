namespace Feed;

/// <summary>How one endpoint of <c>MapFeed</c> serves its feed: which registered feed, which route parameter selects a variant, and the caching headers.</summary>
/// <remarks>Read once, when the endpoint is mapped; later changes have no effect.</remarks>
public sealed class FeedEndpointOptions
{
    /// <summary>Gets or sets the service key of the feed, as given to <c>AddKeyedFeed</c>; its page source is resolved with the same key when one is registered so.</summary>
    /// <value>The default value is <see langword="null"/>: the feed of <c>AddFeed</c>.</value>
    public string? ServiceKey { get; set; }

    /// <summary>
    /// Gets or sets the name of the route parameter that selects a variant of the feed — <c>tag</c> in
    /// <c>/tags/{tag}/feed.xml</c> — making one feed per value from this one registration. The value is normalized
    /// (Unicode compatibility composition and lower case), so every spelling of it is one variant: another spelling is
    /// redirected (301) to the normalized one, and the page source and the caches see only that. Each value's feed is a
    /// variant (<see cref="FeedRenderer{TPost}.CreateVariant"/>) that shares the entry cache: its title is the feed's
    /// title, a colon and the value; its feed URL is the route with the value URL-escaped; its Atom id is that URL.
    /// <see cref="ConfigureVariant"/> changes the title, id and description.
    /// </summary>
    /// <value>
    /// The default value is <see langword="null"/>: one feed, whose route has no parameter. When set, it must be the
    /// route pattern's only parameter, neither optional nor a catch-all.
    /// </value>
    public string? VariantRouteParameter { get; set; }

    /// <summary>Gets or sets how the feed of one variant differs from the feed (its title, id, description), after the defaults of <see cref="VariantRouteParameter"/> are applied.</summary>
    /// <value>
    /// The default value is <see langword="null"/>. It is given the normalized value; it must keep
    /// <see cref="FeedOptions.PageSize"/>, <see cref="FeedOptions.Archive"/> and the feed's URLs (the endpoint's route
    /// places them), and must be a pure function of the value. Breaking that is an <see cref="InvalidOperationException"/>
    /// when the variant is first served.
    /// </value>
    public Action<FeedOptions, string>? ConfigureVariant { get; set; }

    /// <summary>Gets or sets the <c>Cache-Control</c> of pages (and of the subscription document of an archived feed).</summary>
    /// <value>The default value is <c>public, max-age=300</c>: readers poll, and a page changes when a post is added.</value>
    public string PageCacheControl { get; set; } = "public, max-age=300";

    /// <summary>Gets or sets the <c>Cache-Control</c> of archive documents (RFC 5005 §4), which hold a fixed group of posts.</summary>
    /// <value>The default value is <c>public, max-age=31536000, immutable</c> (a year; RFC 8246).</value>
    public string ArchiveCacheControl { get; set; } = "public, max-age=31536000, immutable";

    /// <summary>Gets or sets how many placed feeds (one per variant and PathBase) are kept; past that the kept ones are dropped and made again on demand.</summary>
    /// <value>The default value is 1024. Must be at least 1.</value>
    public int VariantCapacity { get; set; } = 1024;
}
