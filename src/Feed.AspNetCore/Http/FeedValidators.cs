using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Feed.Http;

/// <summary>
/// The validators of a response (RFC 9110 §8.8), computed from what the page source returned, without rendering: the
/// bytes of a document are fixed by the library's version and the feed's options (<see cref="FeedGenerator.Fingerprint"/>),
/// the format, the document's place and the feed's count, and the posts of the page (output depends on nothing else:
/// no clock, culture or hash order).
/// </summary>
internal static class FeedValidators
{
    /// <summary>A fingerprint of a feed: <see cref="FeedGenerator.Fingerprint"/> (the library's build and every option value), hashed to bytes once.</summary>
    public static byte[] Fingerprint(FeedGenerator generator) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(generator.Fingerprint));

    /// <summary>
    /// The entity tag of a document: its feed, format, place and count, and every field of its posts. Weak (RFC 9110
    /// §8.8.1): the same document is sent identity-, gzip- or Brotli-coded by response compression, which keeps the
    /// tag, and a strong validator must differ between the content codings of a representation (RFC 9110 §8.8.3). A
    /// weak one is what these are: equivalent representations. <c>If-None-Match</c> compares weakly (RFC 9110
    /// §13.1.2), so every coding's tag still answers 304.
    /// </summary>
    public static string EntityTag(byte[] feedFingerprint, FeedFormat format, FeedPage page, IReadOnlyList<FeedPost> posts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(feedFingerprint);
        AppendInt(hash, (int)format);
        AppendInt(hash, (int)page.Kind);
        AppendInt(hash, page.Number);
        AppendInt(hash, page.TotalCount);
        AppendInt(hash, posts.Count);
        foreach (FeedPost post in posts)
        {
            AppendPost(hash, post);
        }

        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);

        // 144 bits, base64url, quoted and marked weak: W/"…" (RFC 9110 §8.8.3).
        Span<char> text = stackalloc char[28];
        text[0] = 'W';
        text[1] = '/';
        text[2] = '"';
        Convert.TryToBase64Chars(digest[..18], text[3..], out int written);
        text[3..(written + 3)].Replace('+', '-');
        text[3..(written + 3)].Replace('/', '_');
        text[written + 3] = '"';
        return new string(text[..(written + 4)]);
    }

    /// <summary>The newest updated time among the posts: the document's own date (never the clock).</summary>
    public static DateTimeOffset? Newest(IReadOnlyList<FeedPost> posts, DateTimeOffset? whenEmpty)
    {
        DateTimeOffset? newest = null;
        foreach (FeedPost post in posts)
        {
            DateTimeOffset updated = post.Updated ?? post.Published; // the entry's updated time (RFC 4287 §4.2.15)
            if (newest is null || updated > newest.GetValueOrDefault())
            {
                newest = updated;
            }
        }

        return newest ?? whenEmpty;
    }

    // Every field that can change an entry, as the entry cache compares them (src/Feed/Hosting/EntryCache.cs).
    private static void AppendPost(IncrementalHash hash, FeedPost post)
    {
        AppendString(hash, post.Id);
        AppendString(hash, post.Title);
        AppendString(hash, post.Url.OriginalString);
        AppendTime(hash, post.Published);
        AppendTime(hash, post.Updated);
        AppendInt(hash, post.Authors.Count);
        foreach (FeedAuthor author in post.Authors)
        {
            AppendString(hash, author.Name);
            AppendString(hash, author.Email);
            AppendString(hash, author.Uri?.OriginalString);
        }

        AppendInt(hash, post.Categories.Count);
        foreach (string category in post.Categories)
        {
            AppendString(hash, category);
        }

        AppendString(hash, post.Body);
        AppendInt(hash, (int)post.BodyFormat);
        AppendString(hash, post.Summary);
        AppendString(hash, post.Language);
        AppendInt(hash, post.Properties.Count);
        if (post.Properties.Count > 0)
        {
            // A dictionary's order is not part of its value.
            foreach (KeyValuePair<string, string> pair in post.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                AppendString(hash, pair.Key);
                AppendString(hash, pair.Value);
            }
        }
    }

    private static void AppendString(IncrementalHash hash, string? value)
    {
        // Length-prefixed, so that ("ab", "c") and ("a", "bc") differ; -1 for null.
        AppendInt(hash, value?.Length ?? -1);
        if (value is not null)
        {
            hash.AppendData(MemoryMarshal.AsBytes(value.AsSpan()));
        }
    }

    private static void AppendTime(IncrementalHash hash, DateTimeOffset? value)
    {
        Span<byte> bytes = stackalloc byte[17];
        bytes[0] = value.HasValue ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt64LittleEndian(bytes[1..], value.GetValueOrDefault().UtcTicks);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[9..], value.GetValueOrDefault().Offset.Ticks);
        hash.AppendData(bytes);
    }

    private static void AppendInt(IncrementalHash hash, int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        hash.AppendData(bytes);
    }
}
