namespace Feed;

/// <summary>What kind of document a <see cref="FeedPage"/> stands for.</summary>
public enum FeedPageKind
{
    /// <summary>
    /// A page of a paged feed (RFC 5005 §3), numbered from 1 = the newest entries; in an archived feed, the subscription
    /// document (always number 1).
    /// </summary>
    Page = 0,

    /// <summary>An archive document of an archived feed (RFC 5005 §4), numbered from 1 = the oldest entries.</summary>
    Archive = 1,
}
