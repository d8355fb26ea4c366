using System.Globalization;
using System.Xml;

namespace Feed.Tool.Output;

/// <summary>
/// Explains why an archive document an earlier build wrote changes. RFC 5005 §4 archives are meant to stay as they
/// are (a client that has fetched one need not fetch it again), and Feed keeps that promise for posts added after the
/// newest one; but a post dated before the newest archive, or one removed or edited there, shifts or changes every
/// archive from it on. The build then says which archives changed and why, comparing the entries each one holds.
/// </summary>
internal static class ArchiveChanges
{
    /// <summary>Whether <paramref name="relativePath"/> is an archive document of the layout.</summary>
    public static bool IsArchive(string relativePath) =>
        relativePath.StartsWith("feed/archive/", StringComparison.Ordinal) || relativePath.StartsWith("atom/archive/", StringComparison.Ordinal);

    /// <summary>Says how the archive at <paramref name="oldFile"/> differs from <paramref name="newContent"/>.</summary>
    /// <param name="oldFile">The archive as an earlier build wrote it.</param>
    /// <param name="newContent">The archive this build writes.</param>
    /// <returns>A clause such as "2 posts moved in (https://...), 2 moved out".</returns>
    public static string Describe(string oldFile, ReadOnlySpan<byte> newContent)
    {
        List<string>? before, after;
        try
        {
            using (FileStream stream = Files.RegularFile.OpenStream(oldFile, FileMode.Open, FileAccess.Read))
            {
                before = EntryIds(stream);
            }

            using (var stream = new MemoryStream(newContent.ToArray(), writable: false))
            {
                after = EntryIds(stream);
            }
        }
        catch (Exception e) when (e is IOException or XmlException or UnauthorizedAccessException)
        {
            return "it was rewritten";
        }

        var added = after.Except(before, StringComparer.Ordinal).ToList();
        var removed = before.Except(after, StringComparer.Ordinal).ToList();
        if (added.Count == 0 && removed.Count == 0)
        {
            return "a post in it was edited";
        }

        string Posts(int n) => n == 1 ? "1 post" : string.Create(CultureInfo.InvariantCulture, $"{n} posts");
        var parts = new List<string>();
        if (added.Count > 0)
        {
            parts.Add($"{Posts(added.Count)} moved in ({added[0]}{(added.Count > 1 ? ", ..." : "")})");
        }

        if (removed.Count > 0)
        {
            parts.Add($"{Posts(removed.Count)} moved out ({removed[0]}{(removed.Count > 1 ? ", ..." : "")})");
        }

        return string.Join(", ", parts) + ": a post was added, removed or re-dated before the newest archive";
    }

    // The id of each entry: atom:entry/atom:id, or rss/channel/item/guid.
    private static List<string> EntryIds(Stream stream)
    {
        var ids = new List<string>();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
        int entryDepth = -1;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName is "entry" or "item")
            {
                entryDepth = reader.Depth;
            }
            else if (entryDepth >= 0 && reader.Depth == entryDepth + 1 && reader.LocalName is "id" or "guid")
            {
                ids.Add(reader.ReadElementContentAsString().Trim());
                entryDepth = -1;
            }
        }

        return ids;
    }
}
