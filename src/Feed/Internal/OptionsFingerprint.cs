using System.Buffers.Binary;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Feed.Excerpts;

namespace Feed.Internal;

/// <summary>
/// The fingerprint of a generator (<see cref="FeedGenerator.Fingerprint"/>): SHA-256 over the builds of the code that
/// decides the bytes and every value of the options, written field by field in a fixed order.
/// </summary>
/// <remarks>
/// Hand-written rather than serialized by reflection, so it works trimmed and under Native AOT. A field left out here
/// would let two feeds that write different bytes share a fingerprint (and an HTTP validator or a build cache entry), so
/// a test sets every public property of <see cref="FeedOptions"/> and <see cref="ExcerptOptions"/> in turn and fails
/// when one does not change the result.
/// </remarks>
internal static class OptionsFingerprint
{
    // The assemblies whose code turns posts and options into bytes: this library, the Markdown parser, the XML feed
    // formatters, and the runtime's XML, JSON, URI and text code. A module version id changes whenever an assembly's code
    // does (builds are deterministic), so a new build of any of them is a new fingerprint, released or not.
    private static readonly byte[] CodeIdentity = Identify(
        typeof(FeedGenerator).Assembly,
        typeof(Markdig.Markdown).Assembly,
        typeof(System.ServiceModel.Syndication.SyndicationFeed).Assembly,
        typeof(System.Xml.XmlWriter).Assembly,
        typeof(System.Text.Json.Utf8JsonWriter).Assembly,
        typeof(System.Text.Encodings.Web.JavaScriptEncoder).Assembly,
        typeof(Uri).Assembly,
        typeof(object).Assembly);

    /// <summary>Computes the fingerprint of <paramref name="options"/> (already validated) as 64 lower-case hex digits.</summary>
    /// <param name="options">The generator's options.</param>
    /// <param name="publisher">Who entries without authors are credited to (a variant's feed's name), which the options alone do not say.</param>
    public static string Compute(FeedOptions options, string publisher)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var h = new Appender(hash);
        h.Add("Feed generator fingerprint, format 1");
        hash.AppendData(CodeIdentity);

        h.Add(publisher);
        h.Add(options.Title).Add(options.Description).Add(options.SiteUrl).Add(options.RssUrl).Add(options.AtomUrl).Add(options.JsonUrl);
        h.Add(options.Id);
        h.Add(options.RssPageUrlTemplate).Add(options.AtomPageUrlTemplate).Add(options.JsonPageUrlTemplate);
        h.Add(options.RssArchiveUrlTemplate).Add(options.AtomArchiveUrlTemplate).Add(options.JsonArchiveUrlTemplate);
        h.Add(options.HtmlUrl).Add(options.HtmlPageUrlTemplate).Add(options.HtmlArchiveUrlTemplate);
        h.Add(options.HtmlFeedFormats.Count);
        foreach (FeedFormat format in options.HtmlFeedFormats)
        {
            h.Add((int)format);
        }

        // A page template by what it writes (its Identity: a hash of its source), not by its type alone.
        h.Add(options.HtmlTemplate is null ? null : options.HtmlTemplate.GetType().AssemblyQualifiedName + "\n" + options.HtmlTemplate.Identity);
        h.Add(options.Hub).Add(options.Language);
        h.Add(options.Authors.Count);
        foreach (FeedAuthor author in options.Authors)
        {
            h.Add(author.Name).Add(author.Email).Add(author.Uri);
        }

        h.Add(options.Copyright).Add(options.Generator).Add(options.Icon).Add(options.Logo);
        h.Add(options.EmptyFeedUpdated);
        h.Add(options.PageSize).Add(options.FullContent).Add(options.Archive).Add(options.Indent);

        ExcerptOptions excerpt = options.Excerpt;
        h.Add(excerpt.Length).Add(excerpt.Ellipsis).Add((int)excerpt.Boundary).Add(excerpt.MathPlaceholder).Add(excerpt.DisplayMathPlaceholder);

        // An extension is code: it is named by its type (its assembly's name and version included), not its state.
        h.Add(options.Extensions.Count);
        foreach (FeedExtension extension in options.Extensions)
        {
            h.Add(extension.GetType().AssemblyQualifiedName);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static byte[] Identify(params Assembly[] assemblies)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var h = new Appender(hash);
        foreach (Assembly assembly in assemblies)
        {
            h.Add(assembly.GetName().Name);
            h.Add(assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
            hash.AppendData(assembly.ManifestModule.ModuleVersionId.ToByteArray());
        }

        return hash.GetHashAndReset();
    }

    /// <summary>Appends typed values, each length-prefixed or fixed-size, so that no two sequences of values run together.</summary>
    private readonly struct Appender(IncrementalHash hash)
    {
        public Appender Add(string? value)
        {
            // -1 for null, so that null and "" differ.
            Add(value?.Length ?? -1);
            if (value is not null)
            {
                hash.AppendData(MemoryMarshal.AsBytes(value.AsSpan()));
            }

            return this;
        }

        // As written: two spellings of one URL may be written differently (Uri.Equals ignores the fragment, for one).
        public Appender Add(Uri? value) => Add(value?.OriginalString);

        public Appender Add(int value)
        {
            Span<byte> bytes = stackalloc byte[sizeof(int)];
            BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
            hash.AppendData(bytes);
            return this;
        }

        public Appender Add(bool value) => Add(value ? 1 : 0);

        public Appender Add(DateTimeOffset? value)
        {
            Span<byte> bytes = stackalloc byte[1 + (2 * sizeof(long))];
            bytes[0] = value.HasValue ? (byte)1 : (byte)0;
            BinaryPrimitives.WriteInt64LittleEndian(bytes[1..], value.GetValueOrDefault().UtcTicks);
            BinaryPrimitives.WriteInt64LittleEndian(bytes[9..], value.GetValueOrDefault().Offset.Ticks);
            hash.AppendData(bytes);
            return this;
        }
    }
}
