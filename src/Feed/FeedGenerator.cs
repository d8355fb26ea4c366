using System.Globalization;
using Feed.Documents;
using Feed.Entries;
using Feed.Excerpts;
using Feed.Internal;
using Feed.Paging;
using Feed.Writers;
using Feed.Writers.Html;

namespace Feed;

/// <summary>
/// Turns posts into the documents of an RSS 2.0, an Atom 1.0 and a JSON Feed 1.1 feed, and the HTML pages that list the
/// same entries, and writes them:
/// post → (<see cref="ExcerptGenerator"/>) excerpt → <see cref="FeedEntry"/> → page (<see cref="FeedPage"/>) →
/// <see cref="FeedDocument"/> → bytes.
/// </summary>
/// <remarks>
/// <para>
/// For each document in <see cref="FeedPaging.GetPages"/> (or the one <see cref="FeedPaging.TryGetPage"/> found),
/// load its posts (skip <see cref="FeedPage.Offset"/>, take <see cref="FeedPage.Count"/> in <see cref="NewestFirst"/>
/// order), make their entries with <see cref="CreateEntry"/> once, then a document per format with
/// <see cref="CreateDocument"/>, and write it with <see cref="WriteAsync"/>. A host with its own post type uses
/// <see cref="FeedRenderer{TPost}"/>, which does these steps and keeps recent entries.
/// </para>
/// <para>
/// Everything but <see cref="WriteAsync"/> is pure: no I/O, no clock, no culture. The same posts and options always
/// give the same bytes.
/// </para>
/// </remarks>
/// <threadsafety>Immutable after construction; build once and share between threads.</threadsafety>
public sealed class FeedGenerator
{
    private readonly EntryFactory _entries;
    private readonly DocumentAssembler _documents;
    private readonly DocumentWriter _writer;
    private string? _fingerprint; // computed on first use; a race computes the same string twice

    /// <summary>Validates <paramref name="options"/> and takes a snapshot of them.</summary>
    /// <param name="options">The options; copied, so later changes to them have no effect.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="FeedOptionsException"><paramref name="options"/> break one or more rules; the message lists every one.</exception>
    public FeedGenerator(FeedOptions options)
        : this(options, publisher: null)
    {
    }

    /// <summary>Makes a generator whose entries without authors are credited to <paramref name="publisher"/> (a variant's feed's name), else to the feed's title.</summary>
    private FeedGenerator(FeedOptions options, string? publisher)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new FeedOptionsException(errors, nameof(options));
        }

        Uri site = options.SiteFolder!;
        Uri atomUrl = FormatTable.Get(FeedFormat.Atom).FeedUrlOf(options)!;
        string title = FeedText.CleanText(options.Title!);
        FeedAuthor[] authors = [.. options.Authors.Select(EntryFactory.CleanAuthor)];
        publisher ??= title;
        var metadata = new FeedMetadata
        {
            Title = title,
            Publisher = publisher,
            EntryAuthors = authors.Length > 0 ? authors : [new FeedAuthor(publisher)],
            Description = string.IsNullOrWhiteSpace(options.Description) ? null : FeedText.CleanText(options.Description),
            Id = options.Id ?? atomUrl.AbsoluteUri,
            SiteUrl = site,
            Language = options.Language,
            Authors = authors,
            Copyright = string.IsNullOrWhiteSpace(options.Copyright) ? null : FeedText.CleanText(options.Copyright),
            Generator = string.IsNullOrWhiteSpace(options.Generator) ? null : FeedText.CleanText(options.Generator),
            Icon = options.Icon,
            Logo = options.Logo,
            Hub = options.Hub,
        };

        var paginator = new Paginator(
            options.PageSize,
            options.Archive,
            site,
            [.. FormatTable.All.Select(format => new FeedUrls(format.Format, format.FeedUrlOf(options)!, format.GetPageTemplate(options), format.GetArchiveTemplate(options)))]);
        Paging = new FeedPaging(paginator);
        Options = options.Clone();
        Metadata = metadata;
        _entries = new EntryFactory(options.Excerpt, options.FullContent);
        _documents = new DocumentAssembler(metadata, paginator, options.EmptyFeedUpdated);
        var html = new HtmlSettings(
            HtmlLocale.For(options.Language),
            [.. options.HtmlFeedFormats.Select(format => new HtmlFeedLink(
                format, HtmlSettings.NameOf(format), HtmlSettings.MediaTypeOf(format), paginator.Url(format, paginator.Page(1, 0))))],
            options.HtmlTemplate);
        _writer = new DocumentWriter(options.Indent, options.Extensions, new HtmlDocumentWriter(metadata, paginator, html));
    }

    /// <summary>
    /// Gets the one order of posts in every feed: newest <see cref="FeedPost.Published"/> first, then the feed id
    /// (<see cref="FeedPost.Id"/>, or the absolute <see cref="FeedPost.Url"/> when it is not set) in ordinal order, so
    /// that posts published at the same instant still have a fixed place. Sort a host's posts (or database query) by it
    /// before paging.
    /// </summary>
    public static IComparer<FeedPost> NewestFirst => Internal.NewestFirst.Posts;

    /// <summary>Gets how the feed is cut into documents: page and archive look-ups, counts and URLs.</summary>
    public FeedPaging Paging { get; }

    /// <summary>
    /// Gets what identifies, apart from the posts, the bytes this generator writes: the builds of the code that writes
    /// them (this library, Markdig, System.ServiceModel.Syndication and the runtime's XML, JSON and URI code) and every
    /// value of the options it was made from (each extension by its type's assembly-qualified name), and for a variant
    /// the name of the feed it was made from (its entries' fallback author).
    /// </summary>
    /// <value>
    /// 64 lower-case hexadecimal digits (a SHA-256). Two generators with the same fingerprint write the same bytes for the
    /// same posts, so it can key a cache of written documents or stand in an HTTP entity tag beside the posts' own
    /// fields. It changes with any option and with any new build of that code; it is not meant to be stored across
    /// versions as anything but a cache key. An extension counts by its type alone: two instances of one extension type
    /// whose output differs by their state give the same fingerprint.
    /// </value>
    public string Fingerprint => _fingerprint ??= OptionsFingerprint.Compute(Options, Metadata.Publisher);

    /// <summary>Gets the feed-level data every document shares.</summary>
    internal FeedMetadata Metadata { get; }

    /// <summary>Gets a copy of the options this generator was made from, for <see cref="CreateVariant"/>.</summary>
    internal FeedOptions Options { get; }

    /// <summary>
    /// Makes the generator of a variant of this feed: a copy of its options, changed by <paramref name="configure"/>,
    /// validated. Its entries without authors are credited as this feed's are (its authors, else this feed's
    /// publisher), never to the variant's own title.
    /// </summary>
    internal FeedGenerator CreateVariant(Action<FeedOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        FeedOptions options = Options.Clone();
        configure(options);
        return new FeedGenerator(options, Metadata.Publisher);
    }

    /// <summary>Whether <paramref name="other"/> makes the same entries from the same posts (so they may share a cache).</summary>
    internal bool MakesSameEntriesAs(FeedGenerator other) =>
        Options.FullContent == other.Options.FullContent && Options.Excerpt.SameAs(other.Options.Excerpt);

    /// <summary>Makes the entry of <paramref name="post"/>: cleaned text, the excerpt, and the content HTML when full content is on.</summary>
    /// <param name="post">The post.</param>
    /// <returns>The entry, to be shared by the documents of every format.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="post"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="post"/> has a relative URL, an empty title, no <see cref="FeedPost.Published"/> date (left at
    /// <see langword="default"/>), a blank id or an invalid author; the message names the post.
    /// </exception>
    public FeedEntry CreateEntry(FeedPost post) => _entries.Create(post);

    /// <summary>
    /// Whether documents of <paramref name="format"/> of this feed can be written from entry fragments: the bytes an
    /// entry had in another document of this feed (<see cref="Writers.Fragments.EntryFragments"/>). Not with
    /// <see cref="FeedOptions.Extensions"/>, whose hooks see the whole document.
    /// </summary>
    /// <remarks>
    /// Internal, as the other fragment members: the <c>feed</c> tool's build cache uses them, and sees the library's
    /// internals because its package ships its own copy of <c>Feed.dll</c>.
    /// </remarks>
    internal bool CanSplice(FeedFormat format) => _writer.CanSplice(format);

    /// <summary>
    /// Gets what an entry's fragment in documents of <paramref name="format"/> depends on besides the entry: the format
    /// and every option value (<see cref="Fingerprint"/>). A fragment is spliced only into documents of an equal context.
    /// </summary>
    internal string GetFragmentContext(FeedFormat format) => string.Create(CultureInfo.InvariantCulture, $"{(int)format}:{Fingerprint}");

    /// <summary>
    /// Makes one document from its page and its entries given by their fragments (or to be formatted): the document
    /// <see cref="CreateDocument"/> makes of the same entries, in the same order, with the same date and links.
    /// </summary>
    /// <param name="format">The format (one of <see cref="CanSplice"/>).</param>
    /// <param name="page">The document.</param>
    /// <param name="entriesOfPage">The entries, in any order.</param>
    internal FeedDocument CreateSplicedDocument(FeedFormat format, FeedPage page, IReadOnlyList<Writers.Fragments.SplicedEntry> entriesOfPage) =>
        _documents.AssembleSpliced(format, page, entriesOfPage, nameof(entriesOfPage));

    /// <summary>
    /// Writes a document (of entries, or from fragments) into an empty buffer, and tells where each entry's fragment is
    /// in it, in the document's order: the bytes <see cref="WriteAsync"/> writes.
    /// </summary>
    /// <param name="document">The document, of a format of <see cref="CanSplice"/>.</param>
    /// <param name="buffer">The buffer, empty: offsets count from its start.</param>
    /// <param name="fragments">Receives the ranges (cleared first).</param>
    internal void WriteWithFragments(FeedDocument document, Internal.PooledBufferStream buffer, List<Writers.Fragments.FragmentRange> fragments) =>
        _writer.WriteWithFragments(document, buffer, fragments);

    /// <summary>Makes one document from its page and the entries of that page's posts.</summary>
    /// <param name="format">The format the document is written in and its links point to.</param>
    /// <param name="page">The document, from this generator's <see cref="Paging"/>.</param>
    /// <param name="entriesOfPage">
    /// The entries of the page's posts, from <see cref="CreateEntry"/>, in any order (they are sorted by
    /// <see cref="NewestFirst"/> here). Fewer than <see cref="FeedPage.Count"/> are written as they are (a post
    /// deleted between counting and loading); the links always follow <see cref="FeedPage.TotalCount"/>.
    /// </param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="page"/> or <paramref name="entriesOfPage"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="page"/> is not a document of this feed, there are more entries than
    /// <see cref="FeedPage.Count"/>, or two entries share an id.
    /// </exception>
    public FeedDocument CreateDocument(FeedFormat format, FeedPage page, IReadOnlyList<FeedEntry> entriesOfPage) =>
        _documents.Assemble(format, page, entriesOfPage, nameof(entriesOfPage));

    /// <summary>
    /// Writes <paramref name="document"/> to <paramref name="output"/> as UTF-8 without a byte-order mark: the only
    /// step that does I/O.
    /// </summary>
    /// <param name="document">The document.</param>
    /// <param name="output">The stream; the caller owns it, and it is neither flushed nor disposed here.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the bytes are written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> or <paramref name="output"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task WriteAsync(FeedDocument document, Stream output, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync(document, output, cancellationToken);

    /// <summary>Writes <paramref name="document"/> to a string: the same text <see cref="WriteAsync"/> writes as bytes.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The document: XML declared <c>utf-8</c>, or JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is <see langword="null"/>.</exception>
    public string WriteToString(FeedDocument document) => _writer.WriteToString(document);

    /// <summary>
    /// Writes every document of the feed of <paramref name="allPosts"/>, held in memory, to the folder
    /// <paramref name="folderPath"/>: each format in <paramref name="formats"/>, every page and archive, as the file its
    /// URL names under <paramref name="folderUrl"/> (<see cref="FeedLayout.GetRelativePath"/>). With the URLs of
    /// <see cref="FeedLayout.Apply"/> that is the layout the <c>feed</c> tool writes.
    /// </summary>
    /// <param name="allPosts">Every post of the feed, in any order; sorted here by <see cref="NewestFirst"/>.</param>
    /// <param name="folderPath">The folder on disk; created when missing.</param>
    /// <param name="folderUrl">The absolute URL the folder is served at, as given to <see cref="FeedLayout.Apply"/>.</param>
    /// <param name="formats">The formats to write; <see langword="null"/> (the default) writes every format.</param>
    /// <param name="cancellationToken">Cancels the work between files.</param>
    /// <returns>The files written, relative to the folder with <c>/</c> separators: per page (page 1 first, then the archives, oldest first), each format in the order given.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="allPosts"/> or <paramref name="folderUrl"/> is <see langword="null"/>, or a post is.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A format is not a defined format.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="folderPath"/> is empty; two posts share an id (the message names both); a post is invalid (see
    /// <see cref="CreateEntry"/>); or a document's URL is not a file under <paramref name="folderUrl"/> (a query such as
    /// <c>?page=2</c>, say). Each is found before anything is written.
    /// </exception>
    /// <exception cref="IOException">A file could not be written. The files already written are complete, each one the new document.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the files already written are complete.</exception>
    /// <remarks>
    /// Each file is written whole under a temporary name in its folder and then renamed over the old one, so a reader
    /// never sees half a document. Files of documents the feed no longer has (page 5 of a feed that shrank to 4) are left
    /// alone: the returned list says which files are current.
    /// </remarks>
    public Task<IReadOnlyList<string>> WriteFolderAsync(
        IEnumerable<FeedPost> allPosts, string folderPath, Uri folderUrl, IEnumerable<FeedFormat>? formats = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(allPosts);
        ArgumentException.ThrowIfNullOrWhiteSpace(folderPath);
        ArgumentNullException.ThrowIfNull(folderUrl);
        FeedFormat[] wanted = FolderWriter.Formats(formats);
        FeedPost[] posts = FolderWriter.SortAndCheck(allPosts, nameof(allPosts));
        FeedEntry[] entries = [.. posts.Select(CreateEntry)]; // every post checked before the first file is written
        return FolderWriter.WriteAsync(this, entries, folderPath, folderUrl, wanted, cancellationToken);
    }
}
