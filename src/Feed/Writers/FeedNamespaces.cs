using System.Diagnostics.CodeAnalysis;

namespace Feed.Writers;

/// <summary>The XML namespaces Feed writes, with the conventional prefixes readers and validators expect.</summary>
internal static class FeedNamespaces
{
    /// <summary>Atom 1.0 (RFC 4287 §2); in RSS the prefix is <c>atom</c>, never System.ServiceModel's <c>a10</c>.</summary>
    public const string Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The RSS content module, for <c>content:encoded</c>.</summary>
    public const string Content = "http://purl.org/rss/1.0/modules/content/";

    /// <summary>Dublin Core elements, for <c>dc:creator</c> (an author without an e-mail address in RSS 2.0).</summary>
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";

    /// <summary>Feed history (RFC 5005), for <c>fh:complete</c> and <c>fh:archive</c>.</summary>
    public const string FeedHistory = "http://purl.org/syndication/history/1.0";

    /// <summary>The <c>xml:</c> namespace (for <c>xml:lang</c>).</summary>
    public const string Xml = "http://www.w3.org/XML/1998/namespace";

    /// <summary>The <c>xmlns:</c> namespace of namespace declarations.</summary>
    public const string Xmlns = "http://www.w3.org/2000/xmlns/";

    public const string AtomPrefix = "atom";
    public const string ContentPrefix = "content";
    public const string DublinCorePrefix = "dc";
    public const string FeedHistoryPrefix = "fh";

    /// <summary>Whether <paramref name="prefix"/> is one Feed itself binds, and to what.</summary>
    public static bool TryGetReserved(string prefix, [NotNullWhen(true)] out string? uri)
    {
        uri = prefix switch
        {
            AtomPrefix => Atom,
            ContentPrefix => Content,
            DublinCorePrefix => DublinCore,
            FeedHistoryPrefix => FeedHistory,
            "a10" => Atom,
            _ => null,
        };
        return uri is not null;
    }

    /// <summary>Appends the extensions' namespaces to <paramref name="namespaces"/>, each prefix once, in registration order.</summary>
    public static List<KeyValuePair<string, string>> AddExtensions(List<KeyValuePair<string, string>> namespaces, IReadOnlyList<FeedExtension> extensions)
    {
        foreach (FeedExtension extension in extensions)
        {
            foreach (KeyValuePair<string, string> pair in extension.Namespaces)
            {
                if (!namespaces.Exists(existing => string.Equals(existing.Key, pair.Key, StringComparison.Ordinal)))
                {
                    namespaces.Add(pair);
                }
            }
        }

        return namespaces;
    }
}
