using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Feed.Entries;
using Feed.Paging;
using Feed.Writers;

namespace Feed.Hosting;

/// <summary>
/// Serves one feed from a host's own post type: maps each <typeparamref name="TPost"/> to a <see cref="FeedPost"/>
/// with the mapping given once, and renders any page of the RSS 2.0 or Atom 1.0 feed, either from all posts or — for
/// a host whose posts live in a database — from just that page's posts and the total count.
/// </summary>
/// <typeparam name="TPost">The host's own post type.</typeparam>
/// <remarks>
/// <para>
/// Registered as a singleton by <c>services.AddFeed&lt;TPost&gt;(…)</c>, or created directly for a worker or a
/// static-site generator.
/// </para>
/// <para>
/// From a database: count the posts, <see cref="TryGetPage"/> for the requested number (false means 404), query
/// <c>Skip(page.Offset).Take(page.Count)</c> in <see cref="FeedGenerator.NewestFirst"/> order (published descending,
/// then the feed id in ordinal order), and pass those rows to
/// <see cref="WritePageAsync(FeedFormat, FeedPageRef, int, IAsyncEnumerable{TPost}, Stream, CancellationToken)"/> or
/// <see cref="RenderPageAsync(FeedFormat, FeedPageRef, int, IAsyncEnumerable{TPost}, CancellationToken)"/>. Only that
/// page's posts are mapped and rendered; the count and the rows should come from one consistent snapshot.
/// </para>
/// </remarks>
/// <threadsafety>
/// Immutable; one instance serves any number of concurrent requests, provided the mapping is itself safe to call
/// from several threads (a pure function of the post is).
/// </threadsafety>
public sealed class FeedRenderer<TPost>
{
    /// <summary>The default <c>entryCacheCapacity</c>: 256 entries, 25 pages of the default size.</summary>
    public const int DefaultEntryCacheCapacity = 256;

    private readonly Func<TPost, FeedPost> _map;
    private readonly EntryCache _entries;

    /// <summary>Creates a renderer for the feed of <paramref name="generator"/>, mapping posts with <paramref name="map"/>.</summary>
    /// <param name="generator">The feed: its options, already validated.</param>
    /// <param name="map">
    /// How a <typeparamref name="TPost"/> becomes a <see cref="FeedPost"/>: its title, absolute URL, dates, and its
    /// Markdown or HTML body (<see cref="FeedPost.BodyFormat"/>). Called once per post rendered, possibly from several
    /// threads at once.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> or <paramref name="map"/> is <see langword="null"/>.</exception>
    public FeedRenderer(FeedGenerator generator, Func<TPost, FeedPost> map)
        : this(generator, map, DefaultEntryCacheCapacity)
    {
    }

    /// <summary>
    /// Creates a renderer for the feed of <paramref name="generator"/>, mapping posts with <paramref name="map"/>, and
    /// keeping the entries of up to <paramref name="entryCacheCapacity"/> recently rendered posts.
    /// </summary>
    /// <param name="generator">The feed: its options, already validated.</param>
    /// <param name="map">How a <typeparamref name="TPost"/> becomes a <see cref="FeedPost"/> (see the other constructor).</param>
    /// <param name="entryCacheCapacity">
    /// How many rendered entries (excerpt and content HTML) to keep for reuse while their post is unchanged in every
    /// field; 0 renders every post on every request. Pages served from their own rows use it; the default is
    /// <see cref="DefaultEntryCacheCapacity"/>. A reused entry gives the same bytes as a fresh one.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="generator"/> or <paramref name="map"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="entryCacheCapacity"/> is negative.</exception>
    public FeedRenderer(FeedGenerator generator, Func<TPost, FeedPost> map, int entryCacheCapacity)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(map);
        Generator = generator;
        _map = map;
        _entries = new EntryCache(entryCacheCapacity);
    }

    /// <summary>Gets the generator behind this feed: its metadata, archives and entry-level API.</summary>
    public FeedGenerator Generator { get; }

    /// <summary>Maps one host post to the <see cref="FeedPost"/> Feed renders.</summary>
    /// <param name="post">The host's post.</param>
    /// <returns>The mapped post.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="post"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The mapping returned <see langword="null"/>.</exception>
    public FeedPost ToFeedPost(TPost post)
    {
        if (post is null)
        {
            throw new ArgumentNullException(nameof(post), "A feed cannot hold a null post.");
        }

        return _map(post)
            ?? throw new InvalidOperationException(
                $"The feed mapping of {typeof(TPost).Name} returned null; it must return a FeedPost for every post.");
    }

    /// <summary>Gets the HTTP <c>Content-Type</c> of <paramref name="format"/> (see <see cref="FeedContentTypes"/>).</summary>
    /// <param name="format">The format.</param>
    /// <returns><c>application/rss+xml; charset=utf-8</c> or <c>application/atom+xml; charset=utf-8</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    public string GetContentType(FeedFormat format) => FeedContentTypes.Get(format);

    /// <summary>Gets how many pages a feed of <paramref name="totalCount"/> posts has (at least 1; 1 in archive mode).</summary>
    /// <param name="totalCount">How many posts the feed has.</param>
    /// <returns>The number of pages.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalCount"/> is negative.</exception>
    public int GetPageCount(int totalCount) => Generator.GetPageCount(totalCount);

    /// <summary>Gets page <paramref name="number"/> of a feed of <paramref name="totalCount"/> posts: which posts it holds.</summary>
    /// <param name="number">The page number, 1 = newest.</param>
    /// <param name="totalCount">How many posts the feed has.</param>
    /// <returns>The page: skip <see cref="FeedPageRef.Offset"/> posts, take <see cref="FeedPageRef.Count"/>.</returns>
    /// <exception cref="FeedPageNotFoundException">There is no such page.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalCount"/> is negative.</exception>
    public FeedPageRef GetPage(int number, int totalCount) => Generator.GetPage(number, totalCount);

    /// <summary>Gets page <paramref name="number"/>, or <see langword="false"/> when the feed has no such page (answer 404).</summary>
    /// <param name="number">The page number, 1 = newest.</param>
    /// <param name="totalCount">How many posts the feed has.</param>
    /// <param name="page">The page when it exists: skip <see cref="FeedPageRef.Offset"/> posts, take <see cref="FeedPageRef.Count"/>.</param>
    /// <returns>Whether the page exists.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalCount"/> is negative.</exception>
    public bool TryGetPage(int number, int totalCount, [NotNullWhen(true)] out FeedPageRef? page)
    {
        int count = Generator.GetPageCount(totalCount); // validates totalCount, so only a bad number returns false
        page = number >= 1 && number <= count ? Generator.GetPage(number, totalCount) : null;
        return page is not null;
    }

    /// <summary>
    /// Gets archive document <paramref name="number"/> (RFC 5005 §4, 1 = oldest), or <see langword="false"/> when there
    /// is none (answer 404). Feeds not in archive mode (<see cref="FeedOptions.Archive"/>) have no archives.
    /// </summary>
    /// <param name="number">The archive number, 1 = oldest.</param>
    /// <param name="totalCount">How many posts the feed has.</param>
    /// <param name="archive">The archive when it exists: skip <see cref="FeedPageRef.Offset"/> posts, take <see cref="FeedPageRef.Count"/>.</param>
    /// <returns>Whether the archive exists.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalCount"/> is negative.</exception>
    public bool TryGetArchive(int number, int totalCount, [NotNullWhen(true)] out FeedPageRef? archive)
    {
        int count = Generator.GetArchiveCount(totalCount);
        archive = number >= 1 && number <= count ? Generator.GetArchive(number, totalCount) : null;
        return archive is not null;
    }

    /// <summary>Gets the absolute URL of page <paramref name="number"/> in <paramref name="format"/>.</summary>
    /// <param name="format">The format.</param>
    /// <param name="number">The page number, 1 = newest (the feed URL itself).</param>
    /// <param name="totalCount">How many posts the feed has.</param>
    /// <returns>The page's URL, as its own <c>self</c> link says.</returns>
    /// <exception cref="FeedPageNotFoundException">There is no such page.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format, or <paramref name="totalCount"/> is negative.</exception>
    public Uri GetPageUrl(FeedFormat format, int number, int totalCount) =>
        Generator.GetUrl(format, Generator.GetPage(number, totalCount));

    /// <summary>Gets the absolute URLs of every page in <paramref name="format"/>, page 1 first: a sitemap or a static export lists these.</summary>
    /// <param name="format">The format.</param>
    /// <param name="totalCount">How many posts the feed has.</param>
    /// <returns>One URL per page.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format, or <paramref name="totalCount"/> is negative.</exception>
    public IReadOnlyList<Uri> GetPageUrls(FeedFormat format, int totalCount)
    {
        int count = Generator.GetPageCount(totalCount);
        var urls = new Uri[count];
        for (int i = 0; i < count; i++)
        {
            urls[i] = Generator.GetUrl(format, Generator.GetPage(i + 1, totalCount));
        }

        return urls;
    }

    /// <summary>Writes page <paramref name="number"/> of the feed of <paramref name="posts"/> to <paramref name="output"/> as UTF-8.</summary>
    /// <param name="format">The format.</param>
    /// <param name="number">The page number, 1 = newest.</param>
    /// <param name="posts">Every post of the feed, in any order. All are mapped (to sort them); only the page's are rendered.</param>
    /// <param name="output">The stream; the caller owns it, and it is neither flushed nor disposed here.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the page is written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="posts"/> or <paramref name="output"/> is <see langword="null"/>.</exception>
    /// <exception cref="FeedPageNotFoundException">There is no such page; nothing is written.</exception>
    /// <exception cref="ArgumentException">Two posts share an id, or a mapped post is invalid (a relative URL, say).</exception>
    /// <exception cref="InvalidOperationException">The mapping returned <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task WritePageAsync(FeedFormat format, int number, IEnumerable<TPost> posts, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        cancellationToken.ThrowIfCancellationRequested();
        FeedDocument document = Generator.CreatePage(format, MapAll(posts), number);
        await Generator.WriteAsync(document, output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes page <paramref name="number"/> of the feed of <paramref name="posts"/> to <paramref name="output"/> as UTF-8.</summary>
    /// <param name="format">The format.</param>
    /// <param name="number">The page number, 1 = newest.</param>
    /// <param name="posts">Every post of the feed, in any order. All are mapped (to sort them); only the page's are rendered.</param>
    /// <param name="output">The stream; the caller owns it, and it is neither flushed nor disposed here.</param>
    /// <param name="cancellationToken">Cancels the work, including the enumeration of <paramref name="posts"/>.</param>
    /// <returns>A task that completes when the page is written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="posts"/> or <paramref name="output"/> is <see langword="null"/>.</exception>
    /// <exception cref="FeedPageNotFoundException">There is no such page; nothing is written.</exception>
    /// <exception cref="ArgumentException">Two posts share an id, or a mapped post is invalid (a relative URL, say).</exception>
    /// <exception cref="InvalidOperationException">The mapping returned <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task WritePageAsync(FeedFormat format, int number, IAsyncEnumerable<TPost> posts, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        FeedPost[] mapped = await MapAllAsync(posts, cancellationToken).ConfigureAwait(false);
        await Generator.WriteAsync(Generator.CreatePage(format, mapped, number), output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Renders page <paramref name="number"/> of the feed of <paramref name="posts"/> as a string.</summary>
    /// <param name="format">The format.</param>
    /// <param name="number">The page number, 1 = newest.</param>
    /// <param name="posts">Every post of the feed, in any order. All are mapped (to sort them); only the page's are rendered.</param>
    /// <returns>The XML document, declared <c>utf-8</c>: the same text the write methods write as bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="posts"/> is <see langword="null"/>.</exception>
    /// <exception cref="FeedPageNotFoundException">There is no such page.</exception>
    /// <exception cref="ArgumentException">Two posts share an id, or a mapped post is invalid (a relative URL, say).</exception>
    /// <exception cref="InvalidOperationException">The mapping returned <see langword="null"/>.</exception>
    public string RenderPage(FeedFormat format, int number, IEnumerable<TPost> posts) =>
        Generator.WriteToString(Generator.CreatePage(format, MapAll(posts), number));

    /// <summary>Renders page <paramref name="number"/> of the feed of <paramref name="posts"/> as a string.</summary>
    /// <param name="format">The format.</param>
    /// <param name="number">The page number, 1 = newest.</param>
    /// <param name="posts">Every post of the feed, in any order. All are mapped (to sort them); only the page's are rendered.</param>
    /// <param name="cancellationToken">Cancels the work, including the enumeration of <paramref name="posts"/>.</param>
    /// <returns>The XML document, declared <c>utf-8</c>: the same text the write methods write as bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="posts"/> is <see langword="null"/>.</exception>
    /// <exception cref="FeedPageNotFoundException">There is no such page.</exception>
    /// <exception cref="ArgumentException">Two posts share an id, or a mapped post is invalid (a relative URL, say).</exception>
    /// <exception cref="InvalidOperationException">The mapping returned <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<string> RenderPageAsync(FeedFormat format, int number, IAsyncEnumerable<TPost> posts, CancellationToken cancellationToken = default)
    {
        FeedPost[] mapped = await MapAllAsync(posts, cancellationToken).ConfigureAwait(false);
        return Generator.WriteToString(Generator.CreatePage(format, mapped, number));
    }

    /// <summary>
    /// Writes one document — a page, or an archive in archive mode — from just its own posts: the path for a host that
    /// loads one page from its database.
    /// </summary>
    /// <param name="format">The format.</param>
    /// <param name="page">The document, from <see cref="TryGetPage"/> or <see cref="TryGetArchive"/> for <paramref name="totalCount"/>.</param>
    /// <param name="totalCount">How many posts the whole feed has.</param>
    /// <param name="postsOfPage">
    /// Exactly the document's posts: <c>Skip(page.Offset).Take(page.Count)</c> of all posts in
    /// <see cref="FeedGenerator.NewestFirst"/> order. Enumeration stops as soon as more than <see cref="FeedPageRef.Count"/> arrive.
    /// </param>
    /// <param name="output">The stream; the caller owns it, and it is neither flushed nor disposed here.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the document is written.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="page"/> is not a document of a feed of <paramref name="totalCount"/> posts,
    /// <paramref name="postsOfPage"/> holds more or fewer posts than <see cref="FeedPageRef.Count"/>, two posts share
    /// an id, or a mapped post is invalid.
    /// </exception>
    /// <exception cref="InvalidOperationException">The mapping returned <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task WritePageAsync(FeedFormat format, FeedPageRef page, int totalCount, IEnumerable<TPost> postsOfPage, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        cancellationToken.ThrowIfCancellationRequested();
        FeedDocument document = CreateDocument(format, page, totalCount, postsOfPage);
        await Generator.WriteAsync(document, output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes one document — a page, or an archive in archive mode — from just its own posts: the path for a host that
    /// streams one page from its database.
    /// </summary>
    /// <param name="format">The format.</param>
    /// <param name="page">The document, from <see cref="TryGetPage"/> or <see cref="TryGetArchive"/> for <paramref name="totalCount"/>.</param>
    /// <param name="totalCount">How many posts the whole feed has.</param>
    /// <param name="postsOfPage">
    /// Exactly the document's posts: <c>Skip(page.Offset).Take(page.Count)</c> of all posts in
    /// <see cref="FeedGenerator.NewestFirst"/> order. Enumeration stops as soon as more than <see cref="FeedPageRef.Count"/> arrive.
    /// </param>
    /// <param name="output">The stream; the caller owns it, and it is neither flushed nor disposed here.</param>
    /// <param name="cancellationToken">Cancels the work, including the enumeration of <paramref name="postsOfPage"/>.</param>
    /// <returns>A task that completes when the document is written.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="page"/> is not a document of a feed of <paramref name="totalCount"/> posts,
    /// <paramref name="postsOfPage"/> holds more or fewer posts than <see cref="FeedPageRef.Count"/>, two posts share
    /// an id, or a mapped post is invalid.
    /// </exception>
    /// <exception cref="InvalidOperationException">The mapping returned <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task WritePageAsync(FeedFormat format, FeedPageRef page, int totalCount, IAsyncEnumerable<TPost> postsOfPage, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        FeedDocument document = await CreateDocumentAsync(format, page, totalCount, postsOfPage, cancellationToken).ConfigureAwait(false);
        await Generator.WriteAsync(document, output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Renders one document — a page, or an archive in archive mode — from just its own posts, as a string.</summary>
    /// <param name="format">The format.</param>
    /// <param name="page">The document, from <see cref="TryGetPage"/> or <see cref="TryGetArchive"/> for <paramref name="totalCount"/>.</param>
    /// <param name="totalCount">How many posts the whole feed has.</param>
    /// <param name="postsOfPage">
    /// Exactly the document's posts: <c>Skip(page.Offset).Take(page.Count)</c> of all posts in
    /// <see cref="FeedGenerator.NewestFirst"/> order. Enumeration stops as soon as more than <see cref="FeedPageRef.Count"/> arrive.
    /// </param>
    /// <returns>The XML document, declared <c>utf-8</c>: the same text the write methods write as bytes.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="page"/> is not a document of a feed of <paramref name="totalCount"/> posts,
    /// <paramref name="postsOfPage"/> holds more or fewer posts than <see cref="FeedPageRef.Count"/>, two posts share
    /// an id, or a mapped post is invalid.
    /// </exception>
    /// <exception cref="InvalidOperationException">The mapping returned <see langword="null"/>.</exception>
    public string RenderPage(FeedFormat format, FeedPageRef page, int totalCount, IEnumerable<TPost> postsOfPage) =>
        Generator.WriteToString(CreateDocument(format, page, totalCount, postsOfPage));

    /// <summary>Renders one document — a page, or an archive in archive mode — from just its own posts, as a string.</summary>
    /// <param name="format">The format.</param>
    /// <param name="page">The document, from <see cref="TryGetPage"/> or <see cref="TryGetArchive"/> for <paramref name="totalCount"/>.</param>
    /// <param name="totalCount">How many posts the whole feed has.</param>
    /// <param name="postsOfPage">
    /// Exactly the document's posts: <c>Skip(page.Offset).Take(page.Count)</c> of all posts in
    /// <see cref="FeedGenerator.NewestFirst"/> order. Enumeration stops as soon as more than <see cref="FeedPageRef.Count"/> arrive.
    /// </param>
    /// <param name="cancellationToken">Cancels the work, including the enumeration of <paramref name="postsOfPage"/>.</param>
    /// <returns>The XML document, declared <c>utf-8</c>: the same text the write methods write as bytes.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="page"/> is not a document of a feed of <paramref name="totalCount"/> posts,
    /// <paramref name="postsOfPage"/> holds more or fewer posts than <see cref="FeedPageRef.Count"/>, two posts share
    /// an id, or a mapped post is invalid.
    /// </exception>
    /// <exception cref="InvalidOperationException">The mapping returned <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<string> RenderPageAsync(FeedFormat format, FeedPageRef page, int totalCount, IAsyncEnumerable<TPost> postsOfPage, CancellationToken cancellationToken = default)
    {
        FeedDocument document = await CreateDocumentAsync(format, page, totalCount, postsOfPage, cancellationToken).ConfigureAwait(false);
        return Generator.WriteToString(document);
    }

    private FeedPost[] MapAll(IEnumerable<TPost> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        return [.. posts.Select(ToFeedPost)];
    }

    private async Task<FeedPost[]> MapAllAsync(IAsyncEnumerable<TPost> posts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posts);
        cancellationToken.ThrowIfCancellationRequested();
        var mapped = new List<FeedPost>();
        await foreach (TPost post in posts.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            mapped.Add(ToFeedPost(post));
        }

        return [.. mapped];
    }

    private FeedDocument CreateDocument(FeedFormat format, FeedPageRef page, int totalCount, IEnumerable<TPost> postsOfPage)
    {
        CheckPage(page, totalCount);
        ArgumentNullException.ThrowIfNull(postsOfPage);
        var mapped = new FeedPost[page.Count];
        int n = 0;
        foreach (TPost post in postsOfPage)
        {
            Add(mapped, ref n, post, page, totalCount);
        }

        return Finish(format, page, totalCount, mapped, n);
    }

    private async Task<FeedDocument> CreateDocumentAsync(
        FeedFormat format, FeedPageRef page, int totalCount, IAsyncEnumerable<TPost> postsOfPage, CancellationToken cancellationToken)
    {
        CheckPage(page, totalCount);
        ArgumentNullException.ThrowIfNull(postsOfPage);
        cancellationToken.ThrowIfCancellationRequested();
        var mapped = new FeedPost[page.Count];
        int n = 0;
        await foreach (TPost post in postsOfPage.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            Add(mapped, ref n, post, page, totalCount);
        }

        return Finish(format, page, totalCount, mapped, n);
    }

    // Fail before the host's query runs: a wrong page reference would otherwise surface only after the rows arrived.
    private void CheckPage(FeedPageRef page, int totalCount)
    {
        ArgumentNullException.ThrowIfNull(page);
        int documents = page.Kind == FeedPageKind.Archive ? Generator.GetArchiveCount(totalCount) : Generator.GetPageCount(totalCount);
        FeedPageRef? expected = page.Number >= 1 && page.Number <= documents
            ? (page.Kind == FeedPageKind.Archive ? Generator.GetArchive(page.Number, totalCount) : Generator.GetPage(page.Number, totalCount))
            : null;
        if (expected != page)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{page} is not a document of this feed with {totalCount} posts; get it from TryGetPage or TryGetArchive with the same total."),
                nameof(page));
        }
    }

    // Stop at the first post too many: a host that forgot Take(count) must not make us map its whole table.
    private void Add(FeedPost[] mapped, ref int n, TPost post, FeedPageRef page, int totalCount)
    {
        if (n == mapped.Length)
        {
            throw new ArgumentException(CountMessage(page, totalCount, "more than " + mapped.Length.ToString(CultureInfo.InvariantCulture)), "postsOfPage");
        }

        mapped[n++] = ToFeedPost(post);
    }

    private FeedDocument Finish(FeedFormat format, FeedPageRef page, int totalCount, FeedPost[] mapped, int n)
    {
        if (n != mapped.Length)
        {
            throw new ArgumentException(CountMessage(page, totalCount, n.ToString(CultureInfo.InvariantCulture)), "postsOfPage");
        }

        var entries = new FeedEntry[mapped.Length];
        for (int i = 0; i < mapped.Length; i++)
        {
            entries[i] = _entries.GetOrCreate(Generator, mapped[i]);
        }

        return Generator.CreateDocument(format, page, totalCount, entries);
    }

    private static string CountMessage(FeedPageRef page, int totalCount, string given) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{page.Kind} {page.Number} of a feed of {totalCount} posts holds {page.Count} posts, but {given} were given: load Skip({page.Offset}).Take({page.Count}) of the posts in FeedGenerator.NewestFirst order, counted in the same snapshot.");
}
