namespace Feed;

/// <summary>The syndication formats Feed writes.</summary>
/// <remarks>
/// Every member of Feed that takes a format handles each of these values; a value outside them is an
/// <see cref="ArgumentOutOfRangeException"/>. New formats are added as new values at the end.
/// </remarks>
public enum FeedFormat
{
    /// <summary>RSS 2.0 (RSS Advisory Board), with <c>atom:link</c> for <c>self</c> and RFC 5005 paging links.</summary>
    Rss = 0,

    /// <summary>Atom 1.0 (RFC 4287).</summary>
    Atom = 1,

    /// <summary>JSON Feed 1.1 (jsonfeed.org/version/1.1), paged with <c>next_url</c>.</summary>
    Json = 2,
}
