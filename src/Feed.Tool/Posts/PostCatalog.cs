using Feed.Tool.Diagnostics;

namespace Feed.Tool.Posts;

/// <summary>The first pass over the posts folder: every post's front matter, checked, filtered and sorted.</summary>
/// <param name="Posts">The posts to publish, newest first (<see cref="PostHead.NewestFirst"/>, the order of <see cref="FeedGenerator.NewestFirst"/>).</param>
/// <param name="Read">How many post files were read.</param>
/// <param name="SkippedDrafts">How many drafts were left out (0 with <c>--drafts</c>).</param>
/// <param name="SkippedFuture">How many posts dated after now were left out (0 with <c>--future</c>).</param>
/// <param name="Diagnostics">Every problem found, in path and line order. Non-empty means the build must not write.</param>
/// <remarks>Immutable.</remarks>
internal sealed record PostCatalog(
    IReadOnlyList<PostHead> Posts, int Read, int SkippedDrafts, int SkippedFuture, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Reads every <c>*.md</c> under <paramref name="postsDir"/>, recursively, in ordinal path order.</summary>
    /// <param name="postsDir">The posts folder, as the user wrote it.</param>
    /// <param name="rules">The site-wide rules.</param>
    /// <param name="includeDrafts">Keep drafts.</param>
    /// <param name="includeFuture">Keep posts dated after <paramref name="now"/>.</param>
    /// <param name="now">The build's "now".</param>
    /// <param name="progress">Called with the number of files read so far and the number in all (from several threads).</param>
    /// <param name="cancellationToken">Stops the pass.</param>
    /// <returns>The catalog.</returns>
    public static PostCatalog Load(
        string postsDir, PostRules rules, bool includeDrafts, bool includeFuture, DateTimeOffset now,
        Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>();
        IReadOnlyList<PostFile> files = FindFiles(postsDir, diagnostics);

        // Files are independent: read them in parallel into slots indexed like `files`, so the result (and
        // the order of messages) is the same whatever the thread timing.
        var heads = new PostHead?[files.Count];
        var perFile = new List<Diagnostic>?[files.Count];
        int done = 0;
        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var local = new List<Diagnostic>();
            heads[i] = PostReader.ReadHead(files[i], rules, local);
            Building.GarbageBudget.Check();
            perFile[i] = local.Count > 0 ? local : null;
            progress?.Invoke(Interlocked.Increment(ref done), files.Count);
        });
        foreach (List<Diagnostic>? list in perFile)
        {
            if (list is not null)
            {
                diagnostics.AddRange(list);
            }
        }

        int drafts = 0, future = 0;
        var kept = new List<PostHead>(files.Count);
        foreach (PostHead? head in heads)
        {
            if (head is null)
            {
                continue;
            }

            if (head.Draft && !includeDrafts)
            {
                drafts++;
            }
            else if (head.Published > now && !includeFuture)
            {
                future++;
            }
            else
            {
                kept.Add(head);
            }
        }

        // Identity checks apply to what is published: a draft that reuses a live post's slug is a rewrite in
        // progress, not a clash, until it is published.
        ReportDuplicates(kept, diagnostics);

        kept.Sort(PostHead.NewestFirst);
        diagnostics.Sort(Diagnostic.Order);
        return new PostCatalog(kept, files.Count, drafts, future, diagnostics);
    }

    /// <summary>
    /// Lists every <c>*.md</c> under the posts folder. Only regular files are posts: a FIFO, a device or a socket is
    /// skipped with a warning and never opened (opening a FIFO waits for a writer for ever). A link to a folder is
    /// followed the first time its folder is reached and not again, so a link back up the tree (<c>a -> .</c>) is a
    /// warning naming the link, not an endless walk.
    /// </summary>
    private static List<PostFile> FindFiles(string postsDir, List<Diagnostic> diagnostics)
    {
        string root = Path.GetFullPath(postsDir);
        var files = new List<PostFile>();
        var folder = new PostsFolder(root, postsDir);
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = false,
            IgnoreInaccessible = false,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, // .git, .obsidian, editor swap folders
            ReturnSpecialDirectories = false,
        };

        // Where each folder was first reached, by its identity (device and inode), so a folder reached again through a
        // link is named in the warning.
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Files.FileKinds.Identity(root) is { } rootId)
        {
            seen[rootId] = ".";
        }

        var pending = new Stack<string>();
        pending.Push(string.Empty);
        while (pending.Count > 0)
        {
            string relativeDir = pending.Pop();
            string dir = relativeDir.Length == 0 ? root : Path.Join(root, relativeDir);
            List<string> names;
            try
            {
                names = [.. Directory.EnumerateFileSystemEntries(dir, "*", options).Select(static p => Path.GetFileName(p))];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                string display = relativeDir.Length == 0 ? postsDir : Path.Join(postsDir, relativeDir);
                diagnostics.Add(new Diagnostic(display, 0, 0, DiagnosticCodes.UnreadableFile, $"cannot list the folder: {e.Message}"));
                continue;
            }

            names.Sort(StringComparer.Ordinal);
            foreach (string name in names)
            {
                string relative = relativeDir.Length == 0 ? name : relativeDir + "/" + name;
                string full = Path.Join(root, relative);
                var file = new PostFile(folder, relative);
                Files.FileKind kind = Files.FileKinds.Of(full, followLinks: false);
                bool link = kind == Files.FileKind.SymbolicLink;
                if (link)
                {
                    kind = Files.FileKinds.Of(full, followLinks: true);
                }

                bool isPost = name.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
                switch (kind)
                {
                    case Files.FileKind.Directory:
                        string? id = Files.FileKinds.Identity(full);
                        if (id is not null && !seen.TryAdd(id, relative))
                        {
                            if (link)
                            {
                                string first = seen[id];
                                diagnostics.Add(Diagnostic.Warning(file.DisplayPath, 0, 0, DiagnosticCodes.LinkLoop,
                                    $"this link leads to a folder already read ({(first == "." ? "the posts folder itself" : first)}); it is not followed again."));
                            }

                            break;
                        }

                        pending.Push(relative);
                        break;
                    case Files.FileKind.Regular when isPost:
                        files.Add(file);
                        break;
                    case Files.FileKind.Special when isPost:
                        diagnostics.Add(Diagnostic.Warning(file.DisplayPath, 0, 0, DiagnosticCodes.NotARegularFile,
                            "not a regular file (a FIFO, a device or a socket), so not a post; skipped without opening it."));
                        break;
                    case Files.FileKind.Missing when isPost && name.Contains('\uFFFD', StringComparison.Ordinal)
                        && Files.FileKinds.ShowRawName(dir, name) is { } shown:
                        // .NET reads names as UTF-8, turning other bytes into U+FFFD, and cannot give such a name back
                        // to the system: say so, with the name's real bytes, rather than "could not find" it.
                        string folderShown = Diagnostic.EscapePath(relativeDir.Length == 0 ? postsDir : Path.Join(postsDir, relativeDir));
                        diagnostics.Add(new Diagnostic(Path.Join(folderShown, shown), 0, 0, DiagnosticCodes.UnreadableFile,
                            "the file name is not valid UTF-8 (its bytes are shown as %XX), so it cannot be opened; rename it.") { PathIsEscaped = true });
                        break;
                    case Files.FileKind.Missing when isPost:
                        // A broken link, or a file deleted since the listing: reading it reports which.
                        files.Add(file);
                        break;
                }
            }
        }

        files.Sort(static (a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    private static void ReportDuplicates(List<PostHead> posts, List<Diagnostic> diagnostics)
    {
        // `posts` is in path order here, so "first" is the first file by path, stable between runs.
        var urls = new Dictionary<string, PostHead>(StringComparer.Ordinal);
        var ids = new Dictionary<string, PostHead>(StringComparer.Ordinal);
        foreach (PostHead head in posts)
        {
            string url = head.Url;
            if (!urls.TryAdd(url, head))
            {
                PostHead first = urls[url];
                diagnostics.Add(new Diagnostic(head.File.DisplayPath, head.SlugLine, head.SlugColumn, DiagnosticCodes.DuplicateUrl,
                    $"the URL {url} is also the URL of {first.File.DisplayPath}; give one of them another 'slug' or 'permalink'."));
            }

            // Two posts without an explicit id share one only when they share a URL, reported just above.
            string id = head.EffectiveId;
            if (!ids.TryAdd(id, head) && (head.Id is not null || ids[id].Id is not null))
            {
                diagnostics.Add(new Diagnostic(head.File.DisplayPath, head.IdLine, head.IdColumn, DiagnosticCodes.DuplicateId,
                    $"the id '{id}' is also the id of {ids[id].File.DisplayPath}; ids must be unique and never change (RFC 4287 §4.2.6)."));
            }
        }
    }
}
