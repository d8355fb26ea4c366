using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Feed.Http;

/// <summary>
/// The validators of a response (RFC 9110 §8.8), computed from what the page source returned, without rendering: the
/// bytes of a document are fixed by the library's version, the feed's options, the format, the document's place and the
/// feed's count, and the posts of the page (output depends on nothing else: no clock, culture or hash order).
/// </summary>
internal static class FeedValidators
{
    /// <summary>A fingerprint of a feed: this package's build and the generator's own fingerprint (the library's build and every option).</summary>
    public static byte[] Fingerprint(FeedGenerator generator)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(typeof(FeedValidators).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        AppendString(hash, generator.Fingerprint);
        return hash.GetHashAndReset();
    }

    /// <summary>The strong entity tag of a document: its feed, format, place and count, and every field of its posts.</summary>
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

        // 144 bits, base64url: quoted, as an entity-tag must be (RFC 9110 §8.8.3).
        Span<char> text = stackalloc char[26];
        text[0] = '"';
        Convert.TryToBase64Chars(digest[..18], text[1..], out int written);
        text[1..(written + 1)].Replace('+', '-');
        text[1..(written + 1)].Replace('/', '_');
        text[written + 1] = '"';
        return new string(text[..(written + 2)]);
    }

    /// <summary>The newest updated time among the posts: the document's own date (never the clock).</summary>
    public static DateTimeOffset? Newest(IReadOnlyList<FeedPost> posts, DateTimeOffset? whenEmpty)
    {
        DateTimeOffset? newest = null;
        foreach (FeedPost post in posts)
        {
            DateTimeOffset updated = post.EffectiveUpdated;
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
