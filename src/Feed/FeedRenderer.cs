using Feed.Hosting;

namespace Feed;

/// <summary>
/// Serves one feed from a host's own post type: maps each <typeparamref name="TPost"/> to a <see cref="FeedPost"/>
/// with the mapping given once, and writes any document of the feed from just that document's posts, keeping the
/// entries of recently rendered posts for reuse.
/// </summary>
/// <typeparam name="TPost">The host's own post type.</typeparam>
/// <remarks>
/// <para>
/// Registered as a singleton by <c>services.AddFeed&lt;TPost&gt;(…)</c>, or created directly for a worker or a
/// static-site generator.
/// </para>
/// <para>
/// From a database: count the posts, look the page up in <see cref="FeedGenerator.Paging"/> of <see cref="Generator"/>
/// (<see cref="FeedPaging.TryGetPage"/>; <see langword="false"/> means 404), query <c>Skip(page.Offset).Take(page.Count)</c>
/// in <see cref="FeedGenerator.NewestFirst"/> order (published descending, then the feed id in ordinal order), and
/// pass those rows to <see cref="WritePageAsync(FeedFormat, FeedPage, IAsyncEnumerable{TPost}, Stream, CancellationToken)"/>.
/// Only that page's posts are mapped and rendered. The links follow <see cref="FeedPage.TotalCount"/>; when the rows
/// and the count disagree (rows deleted between the two queries), the rows given are written and nothing throws.
/// </para>
/// </remarks>
/// <threadsafety>
/// Safe for concurrent use: one instance serves any number of requests at once. Its only state is the entry cache,
/// which is thread-safe and never changes the bytes written. The mapping must itself be safe to call from several
/// threads (a pure function of the post is).
/// </threadsafety>
public sealed class FeedRenderer<TPost>
{
    private readonly Func<TPost, FeedPost> _map;
    private readonly EntryCache _entries;

    /// <summary>
    /// Creates a renderer for the feed of <paramref name="generator"/>, mapping posts with <paramref name="map"/> and
    /// keeping the entries of up to <paramref name="entryCacheCapacity"/> recently rendered posts.
    /// </summary>
    /// <param name="generator">The feed: its options, already validated.</param>
    /// <param name="map">
    /// How a <typeparamref name="TPost"/> becomes a <see cref="FeedPost"/>: its title, absolute URL, dates, and its
    /// Markdown or HTML body (<see cref="FeedPost.BodyFormat"/>). Called once per post rendered, possibly from several
    /// threads at once.
    /// </param>
    /// <param name="entryCacheCapacity">
    /// How many rendered entries (excerpt and content HTML) to keep for reuse while their post is unchanged in every
    /// field; 0 renders every post on every request. A reused entry gives the same bytes as a fresh one.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> or <paramref name="map"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="entryCacheCapacity"/> is negative.</exception>
    public FeedRenderer(FeedGenerator generator, Func<TPost, FeedPost> map, int entryCacheCapacity = 256)
        : this(generator, map, new EntryCache(entryCacheCapacity))
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(map);
    }

    private FeedRenderer(FeedGenerator generator, Func<TPost, FeedPost> map, EntryCache entries)
    {
        Generator = generator;
        _map = map;
        _entries = entries;
    }

    /// <summary>Gets the entry cache, which variants made by <see cref="CreateVariant"/> may share.</summary>
    internal EntryCache Entries => _entries;

    /// <summary>Gets the generator behind this feed: its <see cref="FeedGenerator.Paging"/> (page look-ups, counts, URLs).</summary>
    public FeedGenerator Generator { get; }

    /// <summary>
    /// Makes the renderer of a variant of this feed — the feed of one tag, category or author, say — from a copy of
    /// this feed's options changed by <paramref name="configure"/> (its own title, <see cref="FeedOptions.Id"/>,
    /// <see cref="FeedOptions.RssUrl"/>, <see cref="FeedOptions.AtomUrl"/>, …), with the same mapping. The host selects
    /// the variant's posts itself.
    /// </summary>
    /// <param name="configure">Changes the copy of the options; called once, now.</param>
    /// <returns>
    /// The variant's renderer. It shares this renderer's entry cache when the variant makes the same entries (the same
    /// <see cref="FeedOptions.Excerpt"/> settings and <see cref="FeedOptions.FullContent"/>), so a post rendered in one
    /// feed is not rendered again for the other; else it has a cache of its own of the same size.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="FeedOptionsException">The changed options break one or more rules; the message lists every one.</exception>
    [System.Diagnostics.CodeAnalysis.Experimental(Internal.Experimental.Variants, UrlFormat = Internal.Experimental.UrlFormat)]
    public FeedRenderer<TPost> CreateVariant(Action<FeedOptions> configure)
    {
        FeedGenerator variant = Generator.CreateVariant(configure);
        EntryCache entries = variant.MakesSameEntriesAs(Generator) ? _entries : _entries.CreateEmpty();
        return new FeedRenderer<TPost>(variant, _map, entries);
    }

    /// <summary>Writes one document — a page, or an archive of an archived feed — from just its own posts, as UTF-8.</summary>
    /// <param name="format">The format.</param>
    /// <param name="page">The document, from <see cref="Generator"/>'s <see cref="FeedGenerator.Paging"/>.</param>
    /// <param name="postsOfPage">
    /// The document's posts, in any order: <c>Skip(page.Offset).Take(page.Count)</c> of all posts in
    /// <see cref="FeedGenerator.NewestFirst"/> order. Enumeration stops once <see cref="FeedPage.Count"/> posts have
    /// arrived; fewer are written as they are.
    /// </param>
    /// <param name="output">The stream; the caller owns it, and it is neither flushed nor disposed here.</param>
    /// <param name="cancellationToken">Cancels the work, including the enumeration of <paramref name="postsOfPage"/>.</param>
    /// <returns>A task that completes when the document is written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="page"/>, <paramref name="postsOfPage"/> or <paramref name="output"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="page"/> is not a document of this feed, two posts share an id, or a mapped post is invalid (a
    /// relative URL, say); nothing is written.
    /// </exception>
    /// <exception cref="InvalidOperationException">The mapping returned <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task WritePageAsync(FeedFormat format, FeedPage page, IAsyncEnumerable<TPost> postsOfPage, Stream output, CancellationToken cancellationToken = default)
    {
        Check(format, page, output);
        ArgumentNullException.ThrowIfNull(postsOfPage);
        cancellationToken.ThrowIfCancellationRequested();
        var entries = new List<FeedEntry>(page.Count);
        if (page.Count > 0)
        {
            await foreach (TPost post in postsOfPage.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(_entries.GetOrCreate(Generator, Map(post)));
                if (entries.Count == page.Count)
                {
                    break;
                }
            }
        }

        FeedDocument document = Generator.CreateDocument(format, page, entries);
        await Generator.WriteAsync(document, output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes one document — a page, or an archive of an archived feed — from just its own posts, as UTF-8.</summary>
    /// <param name="format">The format.</param>
    /// <param name="page">The document, from <see cref="Generator"/>'s <see cref="FeedGenerator.Paging"/>.</param>
    /// <param name="postsOfPage">
    /// The document's posts, in any order: <c>Skip(page.Offset).Take(page.Count)</c> of all posts in
    /// <see cref="FeedGenerator.NewestFirst"/> order. Enumeration stops once <see cref="FeedPage.Count"/> posts have
    /// arrived; fewer are written as they are.
    /// </param>
    /// <param name="output">The stream; the caller owns it, and it is neither flushed nor disposed here.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the document is written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="page"/>, <paramref name="postsOfPage"/> or <paramref name="output"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="page"/> is not a document of this feed, two posts share an id, or a mapped post is invalid (a
    /// relative URL, say); nothing is written.
    /// </exception>
    /// <exception cref="InvalidOperationException">The mapping returned <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task WritePageAsync(FeedFormat format, FeedPage page, IEnumerable<TPost> postsOfPage, Stream output, CancellationToken cancellationToken = default)
    {
        Check(format, page, output);
        ArgumentNullException.ThrowIfNull(postsOfPage);
        cancellationToken.ThrowIfCancellationRequested();
        FeedDocument document = Generator.CreateDocument(format, page, [.. MapPage(page, postsOfPage)]);
        return Generator.WriteAsync(document, output, cancellationToken);
    }

    /// <summary>Writes one document — a page, or an archive of an archived feed — from just its own posts, as a string.</summary>
    /// <param name="format">The format.</param>
    /// <param name="page">The document, from <see cref="Generator"/>'s <see cref="FeedGenerator.Paging"/>.</param>
    /// <param name="postsOfPage">
    /// The document's posts, in any order, as <see cref="WritePageAsync(FeedFormat, FeedPage, IEnumerable{TPost}, Stream, CancellationToken)"/>
    /// takes them: enumeration stops once <see cref="FeedPage.Count"/> posts have arrived; fewer are written as they are.
    /// </param>
    /// <returns>The document (XML declared <c>utf-8</c>, or JSON): the same text <see cref="WritePageAsync(FeedFormat, FeedPage, IEnumerable{TPost}, Stream, CancellationToken)"/> writes as bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="page"/> or <paramref name="postsOfPage"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="page"/> is not a document of this feed, two posts share an id (the message names both), or a
    /// mapped post is invalid (a relative URL, say).
    /// </exception>
    /// <exception cref="InvalidOperationException">The mapping returned <see langword="null"/>.</exception>
    public string WritePageToString(FeedFormat format, FeedPage page, IEnumerable<TPost> postsOfPage)
    {
        Internal.Formats.Check(format);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(postsOfPage);
        Generator.Paging.Paginator.CheckPage(page, nameof(page));
        return Generator.WriteToString(Generator.CreateDocument(format, page, [.. MapPage(page, postsOfPage)]));
    }

    /// <summary>
    /// Writes page <paramref name="number"/> of the feed of all of <paramref name="allPosts"/>, held in memory, as a
    /// string: every post is mapped (to sort them by <see cref="FeedGenerator.NewestFirst"/> and check their ids), only
    /// the page's are rendered.
    /// </summary>
    /// <param name="format">The format.</param>
    /// <param name="number">The page number, 1 = newest.</param>
    /// <param name="allPosts">Every post of the feed, in any order.</param>
    /// <returns>The document (XML declared <c>utf-8</c>, or JSON).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="allPosts"/> is <see langword="null"/>, or a post is.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    /// <exception cref="FeedPageNotFoundException">There is no such page.</exception>
    /// <exception cref="ArgumentException">Two posts of the feed share an id (the message names both), or a mapped post of the page is invalid (a relative URL, say).</exception>
    /// <exception cref="InvalidOperationException">The mapping returned <see langword="null"/>.</exception>
    public string WritePageFromAllPostsToString(FeedFormat format, int number, IEnumerable<TPost> allPosts)
    {
        ArgumentNullException.ThrowIfNull(allPosts);
        Internal.Formats.Check(format);
        FeedPost[] all = Documents.FolderWriter.SortAndCheck(allPosts.Select(Map), nameof(allPosts));
        if (!Generator.Paging.TryGetPage(number, all.Length, out FeedPage? page))
        {
            throw new FeedPageNotFoundException(FeedPageKind.Page, number, Generator.Paging.GetPageCount(all.Length));
        }

        FeedEntry[] entries = [.. all.Skip(page.Offset).Take(page.Count).Select(post => _entries.GetOrCreate(Generator, post))];
        return Generator.WriteToString(Generator.CreateDocument(format, page, entries));
    }

    /// <summary>
    /// Writes every document of the feed of <paramref name="allPosts"/>, held in memory, to a folder: as
    /// <see cref="FeedGenerator.WriteFolderAsync"/>, with each post mapped once and its entry taken through this
    /// renderer's entry cache.
    /// </summary>
    /// <param name="allPosts">Every post of the feed, in any order; sorted by <see cref="FeedGenerator.NewestFirst"/>.</param>
    /// <param name="folderPath">The folder on disk; created when missing.</param>
    /// <param name="folderUrl">The absolute URL the folder is served at, as given to <see cref="FeedLayout.Apply"/>.</param>
    /// <param name="formats">The formats to write; <see langword="null"/> (the default) writes every format.</param>
    /// <param name="cancellationToken">Cancels the work between files.</param>
    /// <returns>The files written, relative to the folder with <c>/</c> separators.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="allPosts"/> or <paramref name="folderUrl"/> is <see langword="null"/>, or a post is.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A format is not a defined format.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="folderPath"/> is empty, two posts share an id (the message names both), a mapped post is
    /// invalid, or a document's URL is not a file under <paramref name="folderUrl"/>; each is found before anything is
    /// written.
    /// </exception>
    /// <exception cref="InvalidOperationException">The mapping returned <see langword="null"/>.</exception>
    /// <exception cref="IOException">A file could not be written. The files already written are complete.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the files already written are complete.</exception>
    public Task<IReadOnlyList<string>> WriteFolderAsync(
        IEnumerable<TPost> allPosts, string folderPath, Uri folderUrl, IEnumerable<FeedFormat>? formats = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(allPosts);
        ArgumentException.ThrowIfNullOrWhiteSpace(folderPath);
        ArgumentNullException.ThrowIfNull(folderUrl);
        FeedFormat[] wanted = Documents.FolderWriter.Formats(formats);
        FeedPost[] posts = Documents.FolderWriter.SortAndCheck(allPosts.Select(Map), nameof(allPosts));
        FeedEntry[] entries = [.. posts.Select(post => _entries.GetOrCreate(Generator, post))];
        return Documents.FolderWriter.WriteAsync(Generator, entries, folderPath, folderUrl, wanted, cancellationToken);
    }

    private IEnumerable<FeedEntry> MapPage(FeedPage page, IEnumerable<TPost> postsOfPage) =>
        postsOfPage.Take(page.Count).Select(post => _entries.GetOrCreate(Generator, Map(post)));

    /// <summary>
    /// Maps one post with the feed's mapping, exactly as the write methods do. A host that needs the mapped posts
    /// itself (to compute an HTTP validator from them, say) maps each post once here and makes its entries with
    /// <see cref="CreateEntry"/>.
    /// </summary>
    /// <param name="post">The host's post.</param>
    /// <returns>The post the mapping made; not yet checked (<see cref="CreateEntry"/> checks it).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="post"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The mapping returned <see langword="null"/>.</exception>
    public FeedPost Map(TPost post)
    {
        if (post is null)
        {
            throw new ArgumentNullException(nameof(post), "A feed cannot hold a null post.");
        }

        return _map(post)
            ?? throw new InvalidOperationException(
                $"The feed mapping of {typeof(TPost).Name} returned null; it must return a FeedPost for every post.");
    }

    /// <summary>
    /// Makes the entry of <paramref name="post"/> as <see cref="FeedGenerator.CreateEntry"/> of <see cref="Generator"/>
    /// does, through this renderer's entry cache: a post equal in every field to one rendered lately gets that entry
    /// back without its body being rendered again (the bytes written are the same either way).
    /// </summary>
    /// <param name="post">The post, from <see cref="Map"/> or built directly.</param>
    /// <returns>The entry, for <see cref="FeedGenerator.CreateDocument"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="post"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The post is invalid (a relative URL, say); the message names it.</exception>
    public FeedEntry CreateEntry(FeedPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return _entries.GetOrCreate(Generator, post);
    }

    private void Check(FeedFormat format, FeedPage page, Stream output)
    {
        Internal.Formats.Check(format);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(output);
        Generator.Paging.Paginator.CheckPage(page, nameof(page)); // before the host's query runs
    }
}
