namespace Feed;

/// <summary>The syndication formats Feed writes.</summary>
public enum FeedFormat
{
    /// <summary>RSS 2.0 (RSS Advisory Board), with <c>atom:link</c> for <c>self</c> and RFC 5005 paging links.</summary>
    Rss20 = 0,

    /// <summary>Atom 1.0 (RFC 4287).</summary>
    Atom10 = 1,
}
