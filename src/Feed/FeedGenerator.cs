using System.Text;
using System.Xml;
using Markdig;
using Markdig.Syntax;
using Feed.Content;
using Feed.Entries;
using Feed.Excerpts;
using Feed.Internal;
using Feed.Paging;
using Feed.Writers;
using Feed.Writers.Atom;
using Feed.Writers.Rss;

namespace Feed;

/// <summary>
/// Turns posts into the pages of an RSS 2.0 and an Atom 1.0 feed and writes them:
/// post → (<see cref="ExcerptGenerator"/>) excerpt → <see cref="FeedEntry"/> → page (<see cref="FeedPageRef"/>,
/// <see cref="FeedLinks"/>) → <see cref="FeedDocument"/> → bytes.
/// </summary>
/// <remarks>
/// <para>
/// Everything but <see cref="WriteAsync"/> is pure: no I/O, no clock, no culture. The same posts and options always
/// give the same bytes.
/// </para>
/// <para>
/// Two ways to use it. In memory: <see cref="CreateDocuments"/> or <see cref="CreatePage"/> from all posts. From a
/// database or a large site: <see cref="GetDocuments"/> (or <see cref="GetPage"/>) from the total count, load that
/// document's posts in <see cref="NewestFirst"/> order (skip <see cref="FeedPageRef.Offset"/>, take
/// <see cref="FeedPageRef.Count"/>), then <see cref="CreateDocument(FeedFormat, FeedPageRef, int, IEnumerable{FeedPost})"/>.
/// </para>
/// </remarks>
/// <threadsafety>Immutable after construction; build once and share between threads.</threadsafety>
public sealed class FeedGenerator
{
    private static readonly IComparer<FeedEntry> NewestEntryFirst = Comparer<FeedEntry>.Create(static (x, y) =>
    {
        int byDate = y.Published.CompareTo(x.Published);
        return byDate != 0 ? byDate : string.CompareOrdinal(x.Id, y.Id);
    });

    private readonly Paginator _paginator;
    private readonly ExcerptGenerator _excerpts;
    private readonly bool _fullContent;
    private readonly DateTimeOffset? _emptyFeedUpdated;
    private readonly FeedExtension[] _extensions;
    private readonly XmlWriterSettings _xmlSettings;

    /// <summary>Validates <paramref name="options"/> and takes a snapshot of them.</summary>
    /// <param name="options">The options; copied, so later changes to them have no effect.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="FeedOptionsException"><paramref name="options"/> break one or more rules; the message lists every one.</exception>
    public FeedGenerator(FeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new FeedOptionsException(errors, nameof(options));
        }

        Uri site = options.SiteUrl!;
        Uri rssUrl = options.RssUrl ?? new Uri(site, "feed.xml");
        Uri atomUrl = options.AtomUrl ?? new Uri(site, "atom.xml");
        Metadata = new FeedMetadata
        {
            Title = FeedText.Clean(options.Title!),
            Description = string.IsNullOrWhiteSpace(options.Description) ? null : FeedText.Clean(options.Description),
            Id = options.Id ?? atomUrl.AbsoluteUri,
            SiteUrl = site,
            Language = options.Language,
            Authors = [.. options.Authors.Select(CleanAuthor)],
            Copyright = string.IsNullOrWhiteSpace(options.Copyright) ? null : FeedText.Clean(options.Copyright),
            Generator = string.IsNullOrWhiteSpace(options.Generator) ? null : FeedText.Clean(options.Generator),
            Icon = options.Icon,
            Logo = options.Logo,
        };

        PageSize = options.PageSize;
        IsArchive = options.Archive;
        _fullContent = options.FullContent;
        _emptyFeedUpdated = options.EmptyFeedUpdated;
        _excerpts = new ExcerptGenerator(options.Excerpt);
        _extensions = [.. options.Extensions];
        _paginator = new Paginator(
            options.PageSize,
            options.Archive,
            site,
            new FeedUrls(rssUrl, options.RssPageUrlTemplate, options.RssArchiveUrlTemplate),
            new FeedUrls(atomUrl, options.AtomPageUrlTemplate, options.AtomArchiveUrlTemplate));

        _xmlSettings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), // UTF-8, declared, no BOM
            Indent = options.Indent,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            CloseOutput = false,
            CheckCharacters = true, // everything is cleaned first; a forbidden character here is a bug, not output
        };
    }

    /// <summary>
    /// Gets the one order of posts in every feed: newest <see cref="FeedPost.Published"/> first, then
    /// <see cref="FeedPost.EffectiveId"/> in ordinal order, so that posts published at the same instant still have a
    /// fixed place. Sort a host's posts (or database query) by it before paging.
    /// </summary>
    public static IComparer<FeedPost> NewestFirst { get; } = Comparer<FeedPost>.Create(static (x, y) =>
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int byDate = y.Published.CompareTo(x.Published);
        return byDate != 0 ? byDate : string.CompareOrdinal(x.EffectiveId, y.EffectiveId);
    });

    /// <summary>Gets the feed-level data every document shares.</summary>
    public FeedMetadata Metadata { get; }

    /// <summary>Gets how many entries each document holds.</summary>
    public int PageSize { get; }

    /// <summary>Gets whether the feed is an archived feed (RFC 5005 §4) rather than a paged feed (§3).</summary>
    public bool IsArchive { get; }

    /// <summary>Gets how many pages a feed of <paramref name="totalCount"/> posts has: at least 1 (an empty feed is one empty page); 1 in archive mode.</summary>
    /// <param name="totalCount">How many posts the feed has.</param>
    /// <returns>The number of pages.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalCount"/> is negative.</exception>
    public int GetPageCount(int totalCount) => _paginator.PageCount(totalCount);

    /// <summary>Gets how many archive documents a feed of <paramref name="totalCount"/> posts has: the full groups of <see cref="PageSize"/>; 0 unless in archive mode.</summary>
    /// <param name="totalCount">How many posts the feed has.</param>
    /// <returns>The number of archive documents.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalCount"/> is negative.</exception>
    public int GetArchiveCount(int totalCount) => _paginator.ArchiveCount(totalCount);

    /// <summary>Gets every document of a feed of <paramref name="totalCount"/> posts: the pages, then the archives (oldest first).</summary>
    /// <param name="totalCount">How many posts the feed has.</param>
    /// <returns>The documents to write; page 1 first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalCount"/> is negative.</exception>
    public IReadOnlyList<FeedPageRef> GetDocuments(int totalCount) => _paginator.Documents(totalCount);

    /// <summary>Gets page <paramref name="number"/> (1 = newest; in archive mode only the subscription document, 1).</summary>
    /// <param name="number">The page number.</param>
    /// <param name="totalCount">How many posts the feed has.</param>
    /// <returns>Where the page's entries are.</returns>
    /// <exception cref="FeedPageNotFoundException">There is no such page.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalCount"/> is negative.</exception>
    public FeedPageRef GetPage(int number, int totalCount) => _paginator.Page(number, totalCount);

    /// <summary>Gets archive document <paramref name="number"/> (1 = oldest).</summary>
    /// <param name="number">The archive number.</param>
    /// <param name="totalCount">How many posts the feed has.</param>
    /// <returns>Where the archive's entries are.</returns>
    /// <exception cref="FeedPageNotFoundException">There is no such archive (or the feed is not in archive mode).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalCount"/> is negative.</exception>
    public FeedPageRef GetArchive(int number, int totalCount) => _paginator.Archive(number, totalCount);

    /// <summary>Gets the absolute URL of a document in <paramref name="format"/>.</summary>
    /// <param name="format">The format.</param>
    /// <param name="page">The document.</param>
    /// <returns>Its URL: the feed URL for page 1, else from the page or archive URL template.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="page"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    public Uri GetUrl(FeedFormat format, FeedPageRef page) => _paginator.Url(format, page);

    /// <summary>Makes the entry of <paramref name="post"/>: cleaned text, the excerpt, and the content HTML when full content is on.</summary>
    /// <param name="post">The post.</param>
    /// <returns>The entry, shareable between the RSS and Atom documents.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="post"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="post"/> has a relative URL, an empty title, no <see cref="FeedPost.Published"/> date (left at
    /// <see langword="default"/>), a blank id or an invalid author; the message names the post.
    /// </exception>
    public FeedEntry CreateEntry(FeedPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        CheckPost(post);

        // Parse the Markdown once for both the excerpt and the content HTML: parsing is the most expensive step
        // of a build (issue 6). Both consumers only read the tree.
        MarkdownDocument? parsed = NeedsParse(post) ? TryParse(post.Body) : null;
        Excerpt excerpt = _excerpts.Create(post, parsed);
        string excerptText = FeedText.Clean(excerpt.Text);
        return new FeedEntry
        {
            Id = FeedText.Clean(post.EffectiveId),
            Title = FeedText.Clean(post.Title),
            Url = post.Url,
            Published = post.Published,
            Updated = post.EffectiveUpdated,
            Authors = post.Authors.Count == 0 ? [] : [.. post.Authors.Select(CleanAuthor)],
            Categories = CleanCategories(post.Categories),
            Excerpt = ReferenceEquals(excerptText, excerpt.Text) ? excerpt : excerpt with { Text = excerptText },
            // No second FeedText.Clean here: the sanitizer cleans its input first and emits nothing it would remove
            // (a property test in Content/ checks that), so another scan of the whole HTML would find nothing.
            ContentHtml = _fullContent ? HtmlContentRenderer.Instance.Render(post, parsed) : null,
            Language = string.IsNullOrWhiteSpace(post.Language) ? null : post.Language,
            Source = post,
        };
    }

    // Parse here only for the content HTML, and hand that tree to the excerpt too. Without full content the excerpt
    // engine parses on its own, usually just the start of the body (ExcerptGenerator's prefix-first strategy).
    private bool NeedsParse(FeedPost post) =>
        _fullContent && post.BodyFormat == PostBodyFormat.Markdown && post.Body is not null;

    private static MarkdownDocument? TryParse(string markdown)
    {
        try
        {
            return Markdown.Parse(markdown, MarkdownPipelines.Default);
        }
        catch (ArgumentException)
        {
            // Markdig refuses bodies nested past its depth limit; the excerpt engine and the content renderer each
            // have their own fallback for such a body, so they get no tree and use it.
            return null;
        }
    }

    /// <summary>
    /// Makes one document from exactly its own posts: the path for hosts that load one page at a time.
    /// </summary>
    /// <param name="format">The format the document's links point to.</param>
    /// <param name="page">The document, from <see cref="GetPage"/>, <see cref="GetArchive"/> or <see cref="GetDocuments"/>.</param>
    /// <param name="totalCount">How many posts the whole feed has.</param>
    /// <param name="postsOfPage">The document's posts, in any order (they are sorted by <see cref="NewestFirst"/> here).</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="page"/> does not belong to a feed of <paramref name="totalCount"/> posts, the number of posts is
    /// not <see cref="FeedPageRef.Count"/>, two posts share an id, or a post is invalid.
    /// </exception>
    public FeedDocument CreateDocument(FeedFormat format, FeedPageRef page, int totalCount, IEnumerable<FeedPost> postsOfPage)
    {
        ArgumentNullException.ThrowIfNull(postsOfPage);
        FeedPost[] posts = [.. postsOfPage];
        Array.Sort(posts, NewestFirst);
        return CreateDocument(format, page, totalCount, posts.Select(CreateEntry).ToArray());
    }

    /// <summary>
    /// Makes one document from its entries, already made by <see cref="CreateEntry"/>: make a page's entries once and
    /// use them for both formats.
    /// </summary>
    /// <param name="format">The format the document's links point to.</param>
    /// <param name="page">The document, from <see cref="GetPage"/>, <see cref="GetArchive"/> or <see cref="GetDocuments"/>.</param>
    /// <param name="totalCount">How many posts the whole feed has.</param>
    /// <param name="entriesOfPage">The document's entries, in any order (they are sorted newest first here).</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="page"/> does not belong to a feed of <paramref name="totalCount"/> posts, the number of entries
    /// is not <see cref="FeedPageRef.Count"/>, or two entries share an id.
    /// </exception>
    public FeedDocument CreateDocument(FeedFormat format, FeedPageRef page, int totalCount, IReadOnlyList<FeedEntry> entriesOfPage)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(entriesOfPage);
        CheckFormat(format);
        _paginator.CheckRef(page, totalCount);
        if (entriesOfPage.Count != page.Count)
        {
            throw new ArgumentException(
                $"{page.Kind} {page.Number} of a feed of {totalCount} posts holds {page.Count} entries, but {entriesOfPage.Count} were given.",
                nameof(entriesOfPage));
        }

        FeedEntry[] entries = [.. entriesOfPage];
        foreach (FeedEntry entry in entries)
        {
            CheckEntry(entry, nameof(entriesOfPage));
        }

        Array.Sort(entries, NewestEntryFirst);
        CheckUniqueIds(entries, nameof(entriesOfPage));

        DateTimeOffset updated = _emptyFeedUpdated ?? DateTimeOffset.UnixEpoch; // an empty document's fixed date: see FeedDocument.Updated
        for (int i = 0; i < entries.Length; i++)
        {
            if (i == 0 || entries[i].Updated > updated)
            {
                updated = entries[i].Updated;
            }
        }

        return new FeedDocument
        {
            Format = format,
            Metadata = Metadata,
            Page = page,
            TotalCount = totalCount,
            Entries = entries,
            Links = _paginator.Links(format, page, totalCount),
            Updated = updated,
            IsComplete = _paginator.IsComplete(page, totalCount),
            IsArchive = page.Kind == FeedPageKind.Archive,
            HasDate = entries.Length > 0 || _emptyFeedUpdated is not null,
        };
    }

    /// <summary>
    /// Makes every document of the feed from all its posts, in memory: the pages (or the subscription document and
    /// the archives), in <see cref="GetDocuments"/> order. Each post's entry is made once.
    /// </summary>
    /// <param name="format">The format.</param>
    /// <param name="allPosts">Every post of the feed, in any order.</param>
    /// <returns>The documents.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="allPosts"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two posts share an id, or a post is invalid.</exception>
    public IReadOnlyList<FeedDocument> CreateDocuments(FeedFormat format, IEnumerable<FeedPost> allPosts)
    {
        CheckFormat(format);
        FeedEntry[] entries = [.. SortAll(allPosts).Select(CreateEntry)];
        CheckUniqueIds(entries, nameof(allPosts));
        return [.. GetDocuments(entries.Length).Select(page =>
            CreateDocument(format, page, entries.Length, new ArraySegment<FeedEntry>(entries, page.Offset, page.Count)))];
    }

    /// <summary>Makes page <paramref name="number"/> from all posts, making entries for that page's posts only.</summary>
    /// <param name="format">The format.</param>
    /// <param name="allPosts">Every post of the feed, in any order.</param>
    /// <param name="number">The page number (1 = newest).</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="allPosts"/> is <see langword="null"/>.</exception>
    /// <exception cref="FeedPageNotFoundException">There is no such page.</exception>
    public FeedDocument CreatePage(FeedFormat format, IEnumerable<FeedPost> allPosts, int number)
    {
        FeedPost[] posts = SortAll(allPosts);
        return CreateDocument(format, GetPage(number, posts.Length), posts);
    }

    /// <summary>Makes archive document <paramref name="number"/> from all posts, making entries for that archive's posts only.</summary>
    /// <param name="format">The format.</param>
    /// <param name="allPosts">Every post of the feed, in any order.</param>
    /// <param name="number">The archive number (1 = oldest).</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="allPosts"/> is <see langword="null"/>.</exception>
    /// <exception cref="FeedPageNotFoundException">There is no such archive.</exception>
    public FeedDocument CreateArchive(FeedFormat format, IEnumerable<FeedPost> allPosts, int number)
    {
        FeedPost[] posts = SortAll(allPosts);
        return CreateDocument(format, GetArchive(number, posts.Length), posts);
    }

    /// <summary>
    /// Writes <paramref name="document"/> to <paramref name="output"/> as UTF-8 without a byte-order mark: the only
    /// step that does I/O. The document is formed in a pooled buffer, then written with one asynchronous write.
    /// </summary>
    /// <param name="document">The document.</param>
    /// <param name="output">The stream; the caller owns it, and it is neither flushed nor disposed here.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the bytes are written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> or <paramref name="output"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task WriteAsync(FeedDocument document, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        cancellationToken.ThrowIfCancellationRequested();

        using var buffer = new PooledBufferStream();
        Write(document, buffer);
        cancellationToken.ThrowIfCancellationRequested();
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="document"/> to a string: the same text <see cref="WriteAsync"/> writes as bytes.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The XML document, declared <c>utf-8</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is <see langword="null"/>.</exception>
    public string WriteToString(FeedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var buffer = new PooledBufferStream();
        Write(document, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private void Write(FeedDocument document, Stream stream)
    {
        IFeedWriter writer = document.Format switch
        {
            FeedFormat.Rss20 => RssFeedWriter.Instance,
            FeedFormat.Atom10 => AtomFeedWriter.Instance,
            _ => throw new ArgumentException($"Unknown feed format {document.Format}.", nameof(document)),
        };

        IReadOnlyList<KeyValuePair<string, string>> namespaces = writer.RootNamespaces(document, _extensions);
        using (XmlWriter xml = XmlWriter.Create(stream, _xmlSettings))
        {
            var fixer = new FeedXmlWriter(xml, document.Format, namespaces);
            fixer.WriteStartDocument();
            writer.Write(document, fixer, _extensions);
            fixer.WriteEndDocument();
        }

        stream.Write("\n"u8); // a text file ends with a line end
    }

    // One document from all posts, sorted: entries are made for that document's slice only.
    private FeedDocument CreateDocument(FeedFormat format, FeedPageRef page, FeedPost[] sortedPosts)
    {
        CheckFormat(format);
        FeedEntry[] entries = [.. sortedPosts.Skip(page.Offset).Take(page.Count).Select(CreateEntry)];
        return CreateDocument(format, page, sortedPosts.Length, entries);
    }

    private static FeedPost[] SortAll(IEnumerable<FeedPost> allPosts)
    {
        ArgumentNullException.ThrowIfNull(allPosts);
        FeedPost[] posts = [.. allPosts];
        Array.Sort(posts, NewestFirst);
        return posts;
    }

    private static void CheckFormat(FeedFormat format)
    {
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown feed format.");
        }
    }

    private static void CheckPost(FeedPost post)
    {
        var errors = new List<string>();
        if (post.Url is null || !post.Url.IsAbsoluteUri)
        {
            errors.Add($"Url must be absolute (was \"{post.Url?.OriginalString}\").");
        }

        if (post.Title is null)
        {
            errors.Add("Title must not be null.");
        }
        else if (string.IsNullOrWhiteSpace(FeedText.Clean(post.Title)))
        {
            // RFC 4287 §4.1.2: an entry has a title; an empty one leaves readers a blank line to click on.
            errors.Add("Title must not be empty.");
        }

        // An unset date reads as 0001-01-01T00:00:00Z. Written out, it would give RSS no pubDate and Atom the clock's
        // time (Atom10FeedFormatter writes DateTimeOffset.UtcNow for it): two builds would differ.
        if (post.Published == default)
        {
            errors.Add("Published must be set (it was default(DateTimeOffset), 0001-01-01T00:00:00Z).");
        }

        if (post.Updated == default(DateTimeOffset))
        {
            errors.Add("Updated must be null or a real date (it was default(DateTimeOffset), 0001-01-01T00:00:00Z).");
        }

        if (post.Body is null)
        {
            errors.Add("Body must not be null.");
        }

        if (post.Id is not null && string.IsNullOrWhiteSpace(post.Id))
        {
            errors.Add("Id must not be blank (use null to make the URL the id).");
        }

        if (post.Authors is null)
        {
            errors.Add("Authors must not be null.");
        }
        else
        {
            for (int i = 0; i < post.Authors.Count; i++)
            {
                FeedOptions.CheckAuthor(errors, $"Authors[{i}]", post.Authors[i]);
            }
        }

        if (post.Categories is null)
        {
            errors.Add("Categories must not be null.");
        }

        if (errors.Count > 0)
        {
            string? name = post.Url is null ? post.Title : post.Url.OriginalString;
            throw new ArgumentException($"Post \"{name}\" is invalid: {string.Join(" ", errors)}", nameof(post));
        }
    }

    // Entries made by hand skip CheckPost: the rules that keep the clock and blank elements out are checked again.
    private static void CheckEntry(FeedEntry? entry, string paramName)
    {
        if (entry is null)
        {
            throw new ArgumentException("The entries must not contain null.", paramName);
        }

        if (entry.Published == default || entry.Updated == default)
        {
            throw new ArgumentException(
                $"Entry \"{entry.Id}\" has no date: Published and Updated must be set (default(DateTimeOffset) would make the writer use the clock).",
                paramName);
        }

        if (string.IsNullOrWhiteSpace(entry.Title))
        {
            throw new ArgumentException($"Entry \"{entry.Id}\" has an empty title (RFC 4287 §4.1.2 requires one).", paramName);
        }
    }

    private static void CheckUniqueIds(FeedEntry[] entries, string paramName)
    {
        var seen = new HashSet<string>(entries.Length, StringComparer.Ordinal);
        foreach (FeedEntry entry in entries)
        {
            if (!seen.Add(entry.Id))
            {
                // RSS 2.0: duplicate guids are an error; RFC 4287 §4.2.6: an id identifies one entry.
                throw new ArgumentException($"Two posts share the id \"{entry.Id}\"; every post needs its own id.", paramName);
            }
        }
    }

    private static FeedAuthor CleanAuthor(FeedAuthor author) => author with
    {
        Name = FeedText.Clean(author.Name),
        Email = FeedText.CleanOrNull(author.Email),
    };

    private static IReadOnlyList<string> CleanCategories(IReadOnlyList<string> categories)
    {
        if (categories.Count == 0)
        {
            return [];
        }

        var result = new List<string>(categories.Count);
        foreach (string category in categories)
        {
            if (string.IsNullOrWhiteSpace(category))
            {
                continue;
            }

            string clean = FeedText.Clean(category.Trim());
            if (clean.Length > 0 && !result.Contains(clean, StringComparer.Ordinal))
            {
                result.Add(clean);
            }
        }

        return result;
    }
}
