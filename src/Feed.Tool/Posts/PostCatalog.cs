using Feed.Tool.Diagnostics;

namespace Feed.Tool.Posts;

/// <summary>The first pass over the posts folder: every post's front matter, checked, filtered and sorted.</summary>
/// <param name="Posts">The posts to publish, newest first (<see cref="CatalogPost.NewestFirst"/>, the order of <see cref="FeedGenerator.NewestFirst"/>).</param>
/// <param name="Read">How many post files were read.</param>
/// <param name="SkippedDrafts">How many drafts were left out (0 with <c>--drafts</c>).</param>
/// <param name="SkippedFuture">How many posts dated after now were left out (0 with <c>--future</c>).</param>
/// <param name="Diagnostics">Every problem found, in path and line order. An error means the build must not write.</param>
/// <remarks>Immutable.</remarks>
internal sealed record PostCatalog(
    IReadOnlyList<CatalogPost> Posts, int Read, int SkippedDrafts, int SkippedFuture, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Gets the rules the posts were read with, with the posts folder's facts: a post read again for its page is read with these.</summary>
    public PostRules Rules { get; init; } = null!;

    /// <summary>Gets the files to record in the build cache's file index (every clean post file, in path order), or <see langword="null"/> without an index.</summary>
    public IReadOnlyList<Caching.FileIndex.Entry>? IndexEntries { get; init; }

    /// <summary>Gets whether the file index is as it was: every file came from it unchanged, and it held no other.</summary>
    public bool IndexUnchanged { get; init; }

    /// <summary>Gets how many post files were not read because the file index vouched for them.</summary>
    public int Unread { get; init; }

    /// <summary>Gets how many posts past their expiry date (Hugo's <c>expiryDate</c>) were left out.</summary>
    public int SkippedExpired { get; init; }

    /// <summary>Gets how many posts with errors were left out (<c>--skip-invalid</c>).</summary>
    public int SkippedInvalid { get; init; }

    /// <summary>Gets how many list pages (Hugo's <c>_index.md</c>) were found: not posts, so not read.</summary>
    public int ListPages { get; init; }

    /// <summary>Gets the published posts as template tags point at them, or <see langword="null"/> when the convention has no template language.</summary>
    public Conventions.PostLinks? Links { get; init; }

    /// <summary>Gets the files the convention does not read as posts (images, pages, other formats), by extension.</summary>
    public IReadOnlyDictionary<string, int> NotRead { get; init; } = new Dictionary<string, int>();

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
        Action<int, int>? progress, CancellationToken cancellationToken) =>
        Load(postsDir, rules, includeDrafts, includeFuture, skipInvalid: false, now, progress, cancellationToken);

    /// <summary>Reads every post under <paramref name="postsDir"/> that the convention reads, recursively, in ordinal path order.</summary>
    /// <param name="postsDir">The posts folder, as the user wrote it.</param>
    /// <param name="rules">The site-wide rules.</param>
    /// <param name="includeDrafts">Keep drafts.</param>
    /// <param name="includeFuture">Keep posts dated after <paramref name="now"/>.</param>
    /// <param name="skipInvalid">Leave out posts with errors, their errors printed as warnings (<c>--skip-invalid</c>).</param>
    /// <param name="now">The build's "now".</param>
    /// <param name="progress">Called with the number of files read so far and the number in all (from several threads).</param>
    /// <param name="cancellationToken">Stops the pass.</param>
    /// <returns>The catalog.</returns>
    public static PostCatalog Load(
        string postsDir, PostRules rules, bool includeDrafts, bool includeFuture, bool skipInvalid, DateTimeOffset now,
        Action<int, int>? progress, CancellationToken cancellationToken) =>
        Load(postsDir, rules, includeDrafts, includeFuture, skipInvalid, now, index: null, progress, cancellationToken);

    /// <summary>Reads every post under <paramref name="postsDir"/> that the convention reads, with the build cache's file index.</summary>
    /// <param name="postsDir">The posts folder, as the user wrote it.</param>
    /// <param name="rules">The site-wide rules.</param>
    /// <param name="includeDrafts">Keep drafts.</param>
    /// <param name="includeFuture">Keep posts dated after <paramref name="now"/>.</param>
    /// <param name="skipInvalid">Leave out posts with errors, their errors printed as warnings (<c>--skip-invalid</c>).</param>
    /// <param name="now">The build's "now".</param>
    /// <param name="index">
    /// The file index: a file whose stamp it recorded is not read (see <see cref="Caching.FileIndex"/>), and the catalog
    /// says what to record (<see cref="IndexEntries"/>); <see langword="null"/> reads every file.
    /// </param>
    /// <param name="progress">Called with the number of files read so far and the number in all (from several threads).</param>
    /// <param name="cancellationToken">Stops the pass.</param>
    /// <returns>The catalog.</returns>
    public static PostCatalog Load(
        string postsDir, PostRules rules, bool includeDrafts, bool includeFuture, bool skipInvalid, DateTimeOffset now,
        Caching.FileIndex? index, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>();
        var drafts = new HashSet<PostFile>();
        var notRead = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int listPages = 0;
        var found = FindFiles(postsDir, rules, diagnostics, drafts, notRead, ref listPages, out Conventions.PostsFolderFacts folder);
        rules = rules with { Folder = folder };
        IReadOnlyList<PostFile> files = found.Files;

        // The file index first, in path order alongside the listing: a file whose stamp it recorded is not read.
        var heads = new CatalogPost?[files.Count];
        var stamps = new Files.FileStamp?[files.Count];
        var clean = new bool[files.Count];
        int trusted = 0;
        bool indexStale = false;
        if (index is not null)
        {
            using Caching.FileIndex.Reader reader = index.OpenReader(Caching.FileIndex.Fingerprint(rules));
            for (int i = 0; i < files.Count; i++)
            {
                if (found.Stamps[i] is { } stamp && reader.TryGet(files[i], stamp, Role(files[i], drafts), rules.MaxPostBytes, out CatalogPost? post))
                {
                    (heads[i], stamps[i], clean[i]) = (post, stamp, true);
                }
            }

            reader.Finish();
            (trusted, indexStale) = (reader.Trusted, reader.Stale);
        }

        // The other files are independent: read them in parallel into slots indexed like `files`, so the result (and
        // the order of messages) is the same whatever the thread timing.
        var perFile = new List<Diagnostic>?[files.Count];
        int done = trusted;
        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            if (clean[i])
            {
                return;
            }

            var local = new List<Diagnostic>();
            PostHead? head = PostReader.ReadHead(files[i], rules, local, out Files.FileStamp? stamp);
            heads[i] = head is null ? null : CatalogPost.From(head);
            stamps[i] = stamp;
            clean[i] = head is not null && local.Count == 0 && stamp is not null;
            Building.GarbageBudget.Check();
            perFile[i] = local.Count > 0 ? local : null;
            progress?.Invoke(Interlocked.Increment(ref done), files.Count);
        });
        int invalid = 0;
        for (int i = 0; i < perFile.Length; i++)
        {
            if (perFile[i] is not { } list)
            {
                continue;
            }

            if (skipInvalid && heads[i] is null && list.Any(d => !d.IsWarning))
            {
                invalid++;
                diagnostics.AddRange(list.Select(Skipped));
            }
            else
            {
                diagnostics.AddRange(list);
            }
        }

        List<Caching.FileIndex.Entry>? indexEntries = null;
        if (index is not null)
        {
            indexEntries = new List<Caching.FileIndex.Entry>(files.Count);
            for (int i = 0; i < files.Count; i++)
            {
                if (clean[i])
                {
                    indexEntries.Add(new(heads[i]!, stamps[i]!.Value, Role(files[i], drafts)));
                }
            }
        }

        int draftCount = 0, future = 0, expired = 0;
        var kept = new List<CatalogPost>(files.Count);
        foreach (CatalogPost? head in heads)
        {
            if (head is null)
            {
                continue;
            }

            if ((head.Draft || drafts.Contains(head.File)) && !includeDrafts)
            {
                draftCount++;
            }
            else if (head.Published > now && !includeFuture)
            {
                future++;
            }
            else if (head.Expires <= now)
            {
                // Hugo: "expiryDate: the date on which the page will no longer be published" (front matter docs).
                expired++;
            }
            else
            {
                kept.Add(head);
            }
        }

        // Identity checks apply to what is published: a draft that reuses a live post's slug is a rewrite in
        // progress, not a clash, until it is published.
        int before = kept.Count;
        ReportDuplicates(kept, diagnostics, skipInvalid);
        invalid += before - kept.Count;

        kept.Sort(CatalogPost.NewestFirst);

        // A post with template tags may link to others: its rendering depends on every post's URL, so its cache
        // identity (the build cache's and the entry store's key) includes them; any URL that changes renders it again.
        Conventions.PostLinks? links = null;
        if (rules.Convention.Dialect is not null)
        {
            links = new Conventions.PostLinks(kept, rules);
            for (int i = 0; i < kept.Count; i++)
            {
                if (kept[i].TemplateSensitive)
                {
                    var mixed = new Caching.Fingerprint().Add(kept[i].ContentHash).Add(links.Digest).Value;
                    kept[i] = kept[i] with { ContentHash = mixed };
                }
            }
        }

        if (skipInvalid)
        {
            // The folder-level problems too (an unreadable folder): the build goes on with what it could read.
            for (int i = 0; i < diagnostics.Count; i++)
            {
                if (!diagnostics[i].IsWarning)
                {
                    diagnostics[i] = Skipped(diagnostics[i]);
                }
            }
        }

        diagnostics.Sort(Diagnostic.Order);
        return new PostCatalog(kept, files.Count, draftCount, future, diagnostics)
        {
            Rules = rules,
            IndexEntries = indexEntries,
            IndexUnchanged = trusted == files.Count && !indexStale,
            Unread = trusted,
            SkippedExpired = expired,
            SkippedInvalid = invalid,
            ListPages = listPages,
            NotRead = notRead,
            Links = links,
        };
    }

    // A file's role by its path, as the file index records it: a draft by its folder, or a post.
    private static byte Role(PostFile file, HashSet<PostFile> drafts) => drafts.Contains(file) ? (byte)Conventions.FileRole.Draft : (byte)Conventions.FileRole.Post;

    // An error of a post that --skip-invalid leaves out, printed as a warning (the same code and place).
    private static Diagnostic Skipped(Diagnostic d) => d.IsWarning ? d : d with { IsWarning = true, Message = d.Message + " (--skip-invalid: the post is left out)" };

    /// <summary>
    /// Lists every <c>*.md</c> under the posts folder. Only regular files are posts: a FIFO, a device or a socket is
    /// skipped with a warning and never opened (opening a FIFO waits for a writer for ever). A link to a folder is
    /// followed the first time its folder is reached and not again, so a link back up the tree (<c>a -> .</c>) is a
    /// warning naming the link, not an endless walk.
    /// </summary>
    private static (List<PostFile> Files, List<Files.FileStamp?> Stamps) FindFiles(
        string postsDir, PostRules rules, List<Diagnostic> diagnostics, HashSet<PostFile> drafts, SortedDictionary<string, int> notRead,
        ref int listPages, out Conventions.PostsFolderFacts folderFacts)
    {
        string root = Path.GetFullPath(postsDir);
        var files = new List<PostFile>();
        var candidates = new List<(PostFile File, Files.FileKind Kind, string Dir, string Name, Files.FileStamp Stamp)>();
        // Symbolic links are followed only to what is inside the posts folder (its real path), unless the user says
        // otherwise: a post linked to ~/.ssh/id_rsa or /etc/passwd must not be read, let alone published.
        var folder = new PostsFolder(root, postsDir) { RealPath = RealPathOrSelf(root), FollowExternalLinks = rules.FollowExternalLinks };
        var external = new Dictionary<PostFile, string>();
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
                // The stamp comes with the type, in the one statx(2) per file: the file index compares it (a link's:
                // its target's, whose bytes a build reads).
                Files.FileKind kind = Caching.FileClock.Current.Of(full, followLinks: false, out Files.FileStamp stamp);
                bool link = kind == Files.FileKind.SymbolicLink;
                if (link)
                {
                    kind = Caching.FileClock.Current.Of(full, followLinks: true, out stamp);
                    if (folder.ExternalLinkTarget(full) is { } target)
                    {
                        if (kind == Files.FileKind.Directory)
                        {
                            diagnostics.Add(ExternalLink(file, target, "nothing in it is published"));
                        }
                        else
                        {
                            external[file] = target; // said below if it would be a post; never read
                            candidates.Add((file, kind, dir, name, stamp));
                        }

                        continue;
                    }
                }

                if (kind != Files.FileKind.Directory)
                {
                    // Classified once every file is known (a Hugo bundle's resources are known by the index beside them).
                    candidates.Add((file, kind, dir, name, stamp));
                    continue;
                }

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
                }
            }
        }

        // Hugo leaf bundles: the folders that hold an index.md (page-bundles docs); the posts folder itself is "".
        var bundles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, _, _, name, _) in candidates)
        {
            if (Path.GetFileNameWithoutExtension(name).Equals("index", StringComparison.OrdinalIgnoreCase)
                && Path.GetExtension(name).ToLowerInvariant() is ".md" or ".markdown" or ".mdown")
            {
                int slash = file.RelativePath.LastIndexOf('/');
                bundles.Add(slash < 0 ? string.Empty : file.RelativePath[..slash]);
            }
        }

        var facts = new Conventions.PostsFolderFacts(Path.GetFileName(Path.TrimEndingDirectorySeparator(root)), bundles);
        folderFacts = facts;
        var stamps = new Dictionary<PostFile, Files.FileStamp>();
        foreach (var (file, kind, dir, name, stamp) in candidates)
        {
            string relativeDir = file.RelativePath.Contains('/', StringComparison.Ordinal) ? file.RelativePath[..file.RelativePath.LastIndexOf('/')] : string.Empty;
            Conventions.FileRole role = rules.Convention.Classify(file.RelativePath, facts);
            bool isPost = role is Conventions.FileRole.Post or Conventions.FileRole.Draft;
            if (external.TryGetValue(file, out string? outside))
            {
                if (isPost)
                {
                    diagnostics.Add(ExternalLink(file, outside, "it is not published"));
                }

                continue;
            }

            if (role == Conventions.FileRole.ListPage)
            {
                listPages++;
            }
            else if (!isPost && kind is Files.FileKind.Regular or Files.FileKind.Missing)
            {
                string ext = Path.GetExtension(name).ToLowerInvariant();
                string label = ext.Length == 0 ? "no extension" : ext;
                notRead[label] = notRead.GetValueOrDefault(label) + 1;
            }

            if (role == Conventions.FileRole.Draft)
            {
                drafts.Add(file);
            }

            switch (kind)
            {
                    case Files.FileKind.Regular when isPost:
                        files.Add(file);
                        stamps[file] = stamp;
                        break;
                    case Files.FileKind.Special when isPost:
                        diagnostics.Add(Diagnostic.Warning(file.DisplayPath, 0, 0, DiagnosticCodes.NotARegularFile,
                            "not a regular file (a FIFO, a device or a socket), so not a post; skipped without opening it."));
                        break;
                    case Files.FileKind.Missing when isPost && name.Contains('\uFFFD', StringComparison.Ordinal)
                        && Files.FileKinds.ShowRawName(dir, name) is { } shown:
                        // .NET reads names as UTF-8, turning other bytes into U+FFFD, and cannot give such a name back
                        // to the system: say so, with the name's real bytes, rather than "could not find" it.
                        string folderShown = Diagnostic.EscapePath(relativeDir.Length == 0 ? postsDir : Path.Join(postsDir, relativeDir.Replace('/', Path.DirectorySeparatorChar)));
                        diagnostics.Add(new Diagnostic(Path.Join(folderShown, shown), 0, 0, DiagnosticCodes.UnreadableFile,
                            "the file name is not valid UTF-8 (its bytes are shown as %XX), so it cannot be opened; rename it.") { PathIsEscaped = true });
                        break;
                    case Files.FileKind.Missing when isPost:
                        // A broken link, or a file deleted since the listing: reading it reports which.
                        files.Add(file);
                        break;
            }
        }

        files.Sort(static (a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return (files, [.. files.Select(f => stamps.TryGetValue(f, out Files.FileStamp s) ? s : (Files.FileStamp?)null)]);
    }

    private static Diagnostic ExternalLink(PostFile file, string target, string consequence) =>
        Diagnostic.Warning(file.DisplayPath, 0, 0, DiagnosticCodes.ExternalLink,
            $"this is a symbolic link to {target}, outside the posts folder; feed does not follow it (it reads only the posts folder), so {consequence}. Pass --follow-external-links to follow such links.");

    private static string RealPathOrSelf(string path)
    {
        try
        {
            return Files.FileKinds.RealPath(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return path; // listing it reports what is wrong
        }
    }

    private static void ReportDuplicates(List<CatalogPost> posts, List<Diagnostic> diagnostics, bool skipInvalid)
    {
        var dropped = new HashSet<CatalogPost>(ReferenceEqualityComparer.Instance);
        // `posts` is in path order here, so "first" is the first file by path, stable between runs.
        var urls = new Dictionary<string, CatalogPost>(StringComparer.Ordinal);
        var ids = new Dictionary<string, CatalogPost>(StringComparer.Ordinal);
        foreach (CatalogPost head in posts)
        {
            string url = head.Url;
            if (!urls.TryAdd(url, head))
            {
                CatalogPost first = urls[url];
                diagnostics.Add(new Diagnostic(head.File.DisplayPath, head.SlugLine, head.SlugColumn, DiagnosticCodes.DuplicateUrl,
                    $"the URL {url} is also the URL of {first.File.DisplayPath}; give one of them another 'slug' or 'permalink'."));
                dropped.Add(head);
                continue;
            }

            // Two posts without an explicit id share one only when they share a URL, reported just above.
            string id = head.EffectiveId;
            if (!ids.TryAdd(id, head) && (head.Id is not null || ids[id].Id is not null))
            {
                diagnostics.Add(new Diagnostic(head.File.DisplayPath, head.IdLine, head.IdColumn, DiagnosticCodes.DuplicateId,
                    $"the id '{id}' is also the id of {ids[id].File.DisplayPath}; ids must be unique and never change (RFC 4287 §4.2.6)."));
                dropped.Add(head);
            }
        }

        if (skipInvalid)
        {
            // The later file by path goes; the first keeps its URL and id.
            posts.RemoveAll(dropped.Contains);
        }
    }
}
