using System.IO.Hashing;
using System.Reflection;
using System.Text;
using Feed.Tool.Configuration;

namespace Feed.Tool.Caching;

/// <summary>
/// The part of a cache key that is the same for every page of a build: the tool itself and every setting that can
/// change a written byte. Two builds with the same fingerprint and the same posts write the same files.
/// </summary>
/// <remarks>
/// The settings are written field by field in a fixed order. A setting left out here would let a cached page
/// outlive a change to it, so <see cref="Fields"/> names every property read, and a test compares that list with
/// the properties the types really have: a new option fails the test until it is fingerprinted.
/// </remarks>
internal static class SettingsFingerprint
{
    /// <summary>Gets the properties of each settings type that <see cref="Compute"/> reads, by type name.</summary>
    internal static IReadOnlyDictionary<string, string[]> Fields { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [nameof(FeedOptions)] =
        [
            "Title", "Description", "SiteUrl", "RssUrl", "AtomUrl", "JsonUrl", "Hub", "Id", "RssPageUrlTemplate", "AtomPageUrlTemplate",
            "JsonPageUrlTemplate", "RssArchiveUrlTemplate", "AtomArchiveUrlTemplate", "JsonArchiveUrlTemplate", "Language", "Authors", "Copyright", "Generator", "Icon",
            "Logo", "EmptyFeedUpdated", "PageSize", "FullContent", "Archive", "Indent", "Excerpt", "Extensions",
            "HtmlUrl", "HtmlPageUrlTemplate", "HtmlArchiveUrlTemplate", "HtmlFeedFormats", "HtmlTemplate",
        ],
        [nameof(Excerpts.ExcerptOptions)] = ["Length", "Ellipsis", "Boundary", "MathPlaceholder", "DisplayMathPlaceholder"],
        [nameof(FeedAuthor)] = ["Name", "Email", "Uri"],
        [nameof(Posts.PostRules)] = ["SiteUrl", "Permalink", "TimeZone", "MaxPostBytes", "Convention", "Folder", "IncludeDrafts", "FollowExternalLinks"],

        // Read elsewhere or changing no byte of a written file: where the posts are and where the files go, how long
        // (the posts folder's facts decide which files are posts, and the page keys list the posts; --skip-invalid
        // likewise only chooses which posts are published),
        // to wait for a lock, how large a post may be, how much to print; Now and the drafts and future flags only
        // choose which posts are published, and the page keys list those posts.
        [nameof(BuildSettings)] =
        [
            "PostsDir", "OutDir", "Options", "Formats", "Rules", "IncludeDrafts", "IncludeFuture", "Now", "Quiet",
            "LockTimeout", "ChangedList", "CacheDir", "Taxonomies", "SkipInvalid",
        ],
        [nameof(Taxonomies)] = ["Tags", "Categories", "Authors"],
    };

    /// <summary>Computes the fingerprint of a build.</summary>
    /// <param name="settings">The build's settings.</param>
    /// <returns>The fingerprint, or <see langword="null"/> when the settings hold code (feed extensions) that no fingerprint can describe.</returns>
    public static UInt128? Compute(BuildSettings settings)
    {
        FeedOptions o = settings.Options;
        if (o.Extensions.Count > 0)
        {
            return null;
        }

        var h = new Fingerprint();
        h.Add("feed build cache, format 1");
        h.Add(ToolIdentity);

        h.Add(o.Title).Add(o.Description).Add(o.SiteUrl).Add(o.RssUrl).Add(o.AtomUrl).Add(o.JsonUrl).Add(o.Hub).Add(o.Id);
        h.Add(o.RssPageUrlTemplate).Add(o.AtomPageUrlTemplate).Add(o.JsonPageUrlTemplate);
        h.Add(o.RssArchiveUrlTemplate).Add(o.AtomArchiveUrlTemplate).Add(o.JsonArchiveUrlTemplate);
        h.Add(o.Language).Add(o.Authors.Count);
        foreach (FeedAuthor author in o.Authors)
        {
            h.Add(author.Name).Add(author.Email).Add(author.Uri);
        }

        h.Add(o.Copyright).Add(o.Generator).Add(o.Icon).Add(o.Logo);
        h.Add(o.EmptyFeedUpdated is { } empty ? empty.UtcTicks : -1).Add(o.EmptyFeedUpdated?.Offset.Ticks ?? 0);
        h.Add(o.PageSize).Add(o.FullContent).Add(o.Archive).Add(o.Indent);
        h.Add(o.HtmlUrl).Add(o.HtmlPageUrlTemplate).Add(o.HtmlArchiveUrlTemplate).Add(o.HtmlFeedFormats.Count);
        foreach (FeedFormat format in o.HtmlFeedFormats)
        {
            h.Add((int)format);
        }

        h.Add(o.HtmlTemplate?.Identity); // the template's source, by its hash
        h.Add(o.Excerpt.Length).Add(o.Excerpt.Ellipsis).Add((int)o.Excerpt.Boundary).Add(o.Excerpt.MathPlaceholder).Add(o.Excerpt.DisplayMathPlaceholder);

        h.Add(settings.Formats.Count);
        foreach (FeedFormat format in settings.Formats)
        {
            h.Add((int)format);
        }

        h.Add(settings.Taxonomies.Tags).Add(settings.Taxonomies.Categories).Add(settings.Taxonomies.Authors);
        h.Add(settings.Rules.SiteUrl).Add(settings.Rules.Permalink).Add(settings.Rules.Convention.Name);
        h.Add(settings.Rules.TimeZone.Id).Add(settings.Rules.TimeZone.ToSerializedString());
        return h.Value;
    }

    /// <summary>Gets what identifies this build of the tool: versions and module ids of the tool, the library and Markdig.</summary>
    /// <remarks>
    /// A module id changes whenever its assembly's code does (the build is deterministic), so a cache never outlives
    /// a change to the code that rendered it, released or not.
    /// </remarks>
    internal static string ToolIdentity { get; } = Identify(typeof(SettingsFingerprint).Assembly, typeof(FeedGenerator).Assembly, typeof(Markdig.Markdown).Assembly);

    private static string Identify(params Assembly[] assemblies)
    {
        var text = new StringBuilder();
        foreach (Assembly assembly in assemblies)
        {
            text.Append(assembly.GetName().Name).Append(' ')
                .Append(assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion).Append(' ')
                .Append(assembly.ManifestModule.ModuleVersionId.ToString("N")).Append('\n');
        }

        return text.ToString();
    }
}

/// <summary>A 128-bit XXH3 hash over a sequence of typed values, each one length-prefixed so that no two sequences run together.</summary>
internal sealed class Fingerprint
{
    private readonly XxHash128 _hash = new();

    /// <summary>Gets the hash of everything added so far.</summary>
    public UInt128 Value => _hash.GetCurrentHashAsUInt128();

    /// <summary>Adds a string (or its absence).</summary>
    /// <param name="value">The value.</param>
    /// <returns>This.</returns>
    public Fingerprint Add(string? value)
    {
        if (value is null)
        {
            return Add(-1);
        }

        Add(value.Length);
        _hash.Append(System.Runtime.InteropServices.MemoryMarshal.AsBytes(value.AsSpan()));
        return this;
    }

    /// <summary>Adds a URI (or its absence) as written.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This.</returns>
    public Fingerprint Add(Uri? value) => Add(value?.OriginalString);

    /// <summary>Adds a number.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This.</returns>
    public Fingerprint Add(long value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        _hash.Append(bytes);
        return this;
    }

    /// <summary>Adds a flag.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This.</returns>
    public Fingerprint Add(bool value) => Add(value ? 1L : 0L);

    /// <summary>Adds a hash.</summary>
    /// <param name="value">The value.</param>
    /// <returns>This.</returns>
    public Fingerprint Add(UInt128 value) => Add((long)(ulong)(value >> 64)).Add((long)(ulong)value);
}
