using Feed.Tool.Posts;

namespace Feed.Tool.Conventions;

/// <summary>What a file in the posts folder is to a site generator.</summary>
internal enum FileRole
{
    /// <summary>A post the generator publishes (unless its front matter says otherwise).</summary>
    Post,

    /// <summary>A draft by its folder (Jekyll's and Hexo's <c>_drafts</c>): published only with <c>--drafts</c>.</summary>
    Draft,

    /// <summary>A list page (Hugo's <c>_index.md</c>): a section's own page, not a post.</summary>
    ListPage,

    /// <summary>Anything else: an image, a page, a format the generator renders but the tool does not read. Counted, never silent.</summary>
    NotRead,
}

/// <summary>What a post's path says about it, by its generator's rules.</summary>
/// <param name="Slug">The slug the file name gives (Jekyll: the name after its date; Hugo: the name, or a bundle's folder name; Hexo: the path under <c>_posts</c> without its extension).</param>
/// <param name="Date">The date the file name gives (Jekyll's <c>YYYY-MM-DD-</c>), as written, or <see langword="null"/>.</param>
/// <param name="Categories">Categories the path gives (Jekyll: the folders above <c>_posts</c>).</param>
/// <param name="Sections">The folders from the posts folder down to the post (a Hugo bundle's own folder excluded).</param>
/// <param name="BaseName">The file's name without its extension (a Hugo bundle: its folder's name).</param>
internal sealed record PathFacts(string Slug, string? Date, IReadOnlyList<string> Categories, IReadOnlyList<string> Sections, string BaseName);

/// <summary>
/// The rules one site generator reads a posts folder with: which files are posts, the front matter shapes and keys it
/// knows, its date forms and its permalink placeholders. <see cref="Plain"/> is the tool's own rules (the default);
/// <see cref="Jekyll"/>, <see cref="Hugo"/> and <see cref="Hexo"/> follow each generator's documentation, cited where
/// each rule is written.
/// </summary>
/// <remarks>Stateless and immutable; safe to share between threads.</remarks>
internal abstract class Convention
{
    /// <summary>The tool's own rules: <c>*.md</c> with YAML front matter, <c>{year}</c>-style permalinks.</summary>
    public static Convention Plain { get; } = new PlainConvention();

    /// <summary>Jekyll's rules.</summary>
    public static Convention Jekyll { get; } = new JekyllConvention();

    /// <summary>Hugo's rules.</summary>
    public static Convention Hugo { get; } = new HugoConvention();

    /// <summary>Hexo's rules.</summary>
    public static Convention Hexo { get; } = new HexoConvention();

    /// <summary>The names a config file may give <c>conventions</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["plain", "jekyll", "hugo", "hexo"];

    /// <summary>Gets the config name: <c>plain</c>, <c>jekyll</c>, <c>hugo</c> or <c>hexo</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Gets the front-matter shapes the generator reads.</summary>
    public abstract FrontMatterShapes Shapes { get; }

    /// <summary>Gets the keys the generator gives meaning to.</summary>
    public abstract FieldKeys Keys { get; }

    /// <summary>Gets the permalink used when the config gives none (the generator's own default).</summary>
    public abstract string DefaultPermalink { get; }

    /// <summary>Gets whether front-matter keys are matched without regard to case (Hugo lower-cases them).</summary>
    public virtual bool KeysIgnoreCase => false;

    /// <summary>Gets whether a post's dates are shown in the site's time zone for its URL (Jekyll and Hexo), rather than in the offset written (Hugo, plain).</summary>
    public virtual bool UrlDatesInSiteZone => true;

    /// <summary>Gets the template language of the generator's posts, or <see langword="null"/> for none (plain).</summary>
    public abstract Templates.TemplateDialect? Dialect { get; }

    /// <summary>Finds a convention by its config name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The convention, or <see langword="null"/>.</returns>
    public static Convention? Find(string name) => name switch
    {
        "plain" => Plain,
        "jekyll" => Jekyll,
        "hugo" => Hugo,
        "hexo" => Hexo,
        _ => null,
    };

    /// <summary>Says what a file is.</summary>
    /// <param name="relativePath">The path under the posts folder, <c>/</c>-separated.</param>
    /// <param name="folder">The posts folder's facts: its own name, and which folders hold a leaf bundle's index.</param>
    /// <returns>The role.</returns>
    public abstract FileRole Classify(string relativePath, PostsFolderFacts folder);

    /// <summary>What a post's path says (slug, date, categories).</summary>
    /// <param name="relativePath">The path under the posts folder, <c>/</c>-separated.</param>
    /// <param name="folder">The posts folder's facts.</param>
    /// <returns>The facts.</returns>
    public abstract PathFacts Facts(string relativePath, PostsFolderFacts folder);

    /// <summary>Checks a permalink template: only placeholders this generator knows.</summary>
    /// <param name="template">The template.</param>
    /// <returns>An error sentence, or <see langword="null"/>.</returns>
    public abstract string? CheckPermalink(string template);

    /// <summary>Fills a permalink template with a post's values, each escaped for a URL path.</summary>
    /// <param name="template">The template (config or front matter).</param>
    /// <param name="post">The post's values.</param>
    /// <param name="fromFrontMatter">Whether the template is the post's own (front matter), where a generator may treat it differently.</param>
    /// <returns>The path, relative to the site URL when it starts with <c>/</c>.</returns>
    public abstract string Expand(string template, PermalinkValues post, bool fromFrontMatter);
}

/// <summary>What the tool knows of the posts folder itself, for classifying files.</summary>
/// <param name="Name">The folder's own name (<c>_posts</c>, <c>news</c>, ...).</param>
/// <param name="LeafBundles">The folders (relative, <c>/</c>-separated; <c>""</c> for the posts folder) that hold an <c>index.md</c>: Hugo leaf bundles.</param>
internal sealed record PostsFolderFacts(string Name, IReadOnlySet<string> LeafBundles)
{
    /// <summary>Facts of no folder: a name that is no generator's special folder, and no bundles.</summary>
    public static PostsFolderFacts Empty { get; } = new(string.Empty, new HashSet<string>());
}

/// <summary>A post's values for its permalink.</summary>
/// <param name="Date">The date, in the zone the URL is shown in.</param>
/// <param name="Slug">The slug: the front matter's, else the file name's.</param>
/// <param name="SlugFromFrontMatter">Whether <paramref name="Slug"/> is the front matter's.</param>
/// <param name="Title">The title.</param>
/// <param name="Categories">The categories, in order.</param>
/// <param name="Facts">What the path says.</param>
internal sealed record PermalinkValues(DateTimeOffset Date, string Slug, bool SlugFromFrontMatter, string Title, IReadOnlyList<string> Categories, PathFacts Facts);

/// <summary>The front-matter keys a generator reads, in the order it looks for them.</summary>
internal sealed record FieldKeys
{
    public required string[] Title { get; init; }

    public required string[] Date { get; init; }

    public required string[] Updated { get; init; }

    public required string[] Summary { get; init; }

    public required string[] Tags { get; init; }

    public required string[] Categories { get; init; }

    /// <summary>Keys whose <c>true</c> makes a draft.</summary>
    public required string[] Draft { get; init; }

    /// <summary>Keys whose <c>false</c> makes a draft (Jekyll's and Hexo's <c>published</c>).</summary>
    public string[] Published { get; init; } = [];

    /// <summary>Keys that give a date after which the post is no longer published (Hugo's <c>expiryDate</c>).</summary>
    public string[] Expiry { get; init; } = [];

    public required string[] Slug { get; init; }

    public required string[] Permalink { get; init; }

    public string[] Id { get; init; } = [];

    public string[] Language { get; init; } = ["lang"];

    /// <summary>Gets whether a title may be missing (Jekyll titles a post from its file name).</summary>
    public bool TitleFromFileName { get; init; }

    /// <summary>Gets whether a string of tags or categories is split at spaces (Jekyll).</summary>
    public bool SplitTermStrings { get; init; }

    /// <summary>Gets whether front-matter problems that the generator itself ignores are warnings rather than errors (an e-mail it never reads).</summary>
    public bool Lenient { get; init; }
}
