namespace Feed.Paging;

/// <summary>
/// The absolute links of one document: <c>self</c>, the site as <c>alternate</c>, and the RFC 5005 paging (§3) or
/// archive (§4) links that exist for it. Written as Atom <c>link</c> elements and as RSS <c>atom:link</c> elements.
/// </summary>
/// <remarks>Immutable; instances may be shared freely between threads.</remarks>
internal sealed record FeedLinks
{
    /// <summary>Gets the document's own URL (<c>rel="self"</c>, RFC 4287 §4.2.7.2).</summary>
    public required Uri Self { get; init; }

    /// <summary>Gets the site the feed describes (RSS <c>link</c>, Atom <c>rel="alternate"</c>).</summary>
    public required Uri Alternate { get; init; }

    /// <summary>Gets page 1 (<c>rel="first"</c>, RFC 5005 §3); <see langword="null"/> unless the feed has several pages.</summary>
    public Uri? First { get; init; }

    /// <summary>Gets the last page (<c>rel="last"</c>, RFC 5005 §3); <see langword="null"/> unless the feed has several pages.</summary>
    public Uri? Last { get; init; }

    /// <summary>Gets the page with the next newer entries (<c>rel="previous"</c>, RFC 5005 §3); <see langword="null"/> on page 1.</summary>
    public Uri? Previous { get; init; }

    /// <summary>Gets the page with the next older entries (<c>rel="next"</c>, RFC 5005 §3); <see langword="null"/> on the last page.</summary>
    public Uri? Next { get; init; }

    /// <summary>Gets the subscription document (<c>rel="current"</c>, RFC 5005 §4); set on archive documents only.</summary>
    public Uri? Current { get; init; }

    /// <summary>Gets the next older archive (<c>rel="prev-archive"</c>, RFC 5005 §4); <see langword="null"/> when there is none.</summary>
    public Uri? PreviousArchive { get; init; }

    /// <summary>Gets the next newer archive (<c>rel="next-archive"</c>, RFC 5005 §4); <see langword="null"/> when there is none.</summary>
    public Uri? NextArchive { get; init; }
}
