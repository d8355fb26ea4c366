using Feed.Internal;

namespace Feed.Documents;

/// <summary>
/// Writes every document of a feed held in memory to a folder in <see cref="FeedLayout"/>: every requested format, every
/// page and archive, each file written whole under a temporary name and then moved into place.
/// </summary>
internal static class FolderWriter
{
    /// <summary>The posts of a feed, sorted newest first, with no id twice (the message names both posts).</summary>
    public static FeedPost[] SortAndCheck(IEnumerable<FeedPost> posts, string paramName)
    {
        FeedPost[] all = [.. posts];
        if (Array.IndexOf(all, null) >= 0)
        {
            throw new ArgumentNullException(paramName, "A feed cannot hold a null post.");
        }

        Array.Sort(all, FeedGenerator.NewestFirst);
        var seen = new Dictionary<string, FeedPost>(all.Length, StringComparer.Ordinal);
        foreach (FeedPost post in all)
        {
            if (!seen.TryAdd(post.EffectiveId, post))
            {
                FeedPost first = seen[post.EffectiveId];
                throw new ArgumentException(
                    DocumentAssembler.DuplicateIdMessage(post.EffectiveId, DocumentAssembler.Describe(first.Title, first.Url), DocumentAssembler.Describe(post.Title, post.Url)),
                    paramName);
            }
        }

        return all;
    }

    /// <summary>The formats to write: each one once, in the order given; every format when <paramref name="formats"/> is null.</summary>
    public static FeedFormat[] Formats(IEnumerable<FeedFormat>? formats)
    {
        if (formats is null)
        {
            return Enum.GetValues<FeedFormat>();
        }

        FeedFormat[] list = [.. formats.Distinct()];
        foreach (FeedFormat format in list)
        {
            Internal.Formats.Check(format, nameof(formats));
        }

        return list;
    }

    /// <summary>Writes the documents; <paramref name="newestFirst"/> holds the entries of every post, newest first.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(
        FeedGenerator generator,
        FeedEntry[] newestFirst,
        string folderPath,
        Uri folderUrl,
        FeedFormat[] formats,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folderPath);
        FeedPaging paging = generator.Paging;
        IReadOnlyList<FeedPage> pages = paging.GetPages(newestFirst.Length);

        // Every file is known, and checked to lie in the folder, before the first is written.
        var files = new string[pages.Count, formats.Length];
        for (int p = 0; p < pages.Count; p++)
        {
            for (int f = 0; f < formats.Length; f++)
            {
                files[p, f] = FeedLayout.GetRelativePath(paging.GetUrl(formats[f], pages[p]), folderUrl);
            }
        }

        string root = Path.GetFullPath(folderPath);
        var written = new List<string>(files.Length);
        for (int p = 0; p < pages.Count; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            FeedPage page = pages[p];
            var entries = new ArraySegment<FeedEntry>(newestFirst, page.Offset, page.Count);

            for (int f = 0; f < formats.Length; f++)
            {
                FeedDocument document = generator.CreateDocument(formats[f], page, entries);
                string path = Path.Combine(root, files[p, f].Replace('/', Path.DirectorySeparatorChar));
                await WriteFileAsync(generator, document, path, cancellationToken).ConfigureAwait(false);
                written.Add(files[p, f]);
            }
        }

        return written;
    }

    // A reader (or a web server) never sees half a document: the bytes go to a temporary file beside the target, which
    // then replaces it in one rename.
    private static async Task WriteFileAsync(FeedGenerator generator, FeedDocument document, string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temporary = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".partial");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 16 * 1024, useAsync: true))
            {
                await generator.WriteAsync(document, stream, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
