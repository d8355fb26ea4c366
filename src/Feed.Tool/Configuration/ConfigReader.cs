using System.Text;
using System.Text.Json;
using Feed.Excerpts;
using Feed.Tool.Diagnostics;

namespace Feed.Tool.Configuration;

/// <summary>
/// Reads the JSON config file. Written by hand over <see cref="Utf8JsonReader"/> rather than with a serializer: it
/// needs no reflection or source generator, it reports every unknown key and wrong type (not just the first) and it
/// knows the line and column of each, which a serializer's <see cref="JsonException"/> gives only for the first.
/// </summary>
/// <remarks>Comments and trailing commas are allowed, because people annotate config files. Keys are camelCase and case-sensitive.</remarks>
internal static class ConfigReader
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 16,
    };

    /// <summary>The keys a config file may hold, for messages and <c>--help</c>.</summary>
    public static readonly IReadOnlyList<string> TopLevelKeys =
    [
        "siteUrl", "title", "description", "language", "author", "copyright", "icon", "logo", "pageSize", "permalink",
        "fullContent", "formats", "archive", "excerpt", "timeZone", "hub", "taxonomies", "conventions", "skipInvalid", "htmlTemplate",
        "followExternalLinks",
    ];

    /// <summary>The format a config item or <c>--formats</c> names: <c>rss</c>, <c>atom</c>, <c>json</c> or <c>html</c>; else null.</summary>
    /// <param name="name">The name as written.</param>
    /// <returns>The format, or <see langword="null"/>.</returns>
    internal static FeedFormat? FormatNamed(string? name) => name switch
    {
        "rss" => FeedFormat.Rss,
        "atom" => FeedFormat.Atom,
        "json" => FeedFormat.Json,
        "html" => FeedFormat.Html,
        _ => null,
    };

    private static readonly string[] AuthorKeys = ["name", "email", "uri"];
    private static readonly string[] TaxonomyKeys = ["tags", "categories", "authors"];
    private static readonly string[] ExcerptKeys = ["length", "ellipsis", "boundary", "mathPlaceholder", "displayMathPlaceholder"];

    /// <summary>The largest config file read: a real one is a few hundred bytes, and a larger one is not read at all.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Reads and checks the config file at <paramref name="path"/> (at most <see cref="MaxBytes"/>).</summary>
    /// <param name="path">The file, as the user named it (used in messages).</param>
    /// <param name="diagnostics">Receives every problem found.</param>
    /// <returns>The config; values with problems are left unset.</returns>
    public static ToolConfig Read(string path, List<Diagnostic> diagnostics)
    {
        byte[] bytes;
        try
        {
            // Never more than one byte past the limit is read, whatever the file claims to be (a pipe, /dev/stdin, a
            // file that grows while it is read).
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            long size = stream.CanSeek ? stream.Length : -1;
            int read = 0;
            if (size <= MaxBytes)
            {
                byte[] buffer = new byte[size < 0 ? MaxBytes + 1 : size + 1];
                int n;
                while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
                {
                    read += n;
                    if (read == buffer.Length && read <= MaxBytes)
                    {
                        Array.Resize(ref buffer, MaxBytes + 1); // it grew while being read
                    }
                }

                bytes = buffer[..Math.Min(read, buffer.Length)];
            }
            else
            {
                bytes = [];
            }

            if (size > MaxBytes || read > MaxBytes)
            {
                diagnostics.Add(new Diagnostic(path, 0, 0, DiagnosticCodes.ConfigUnreadable, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"the config file is {Math.Max(size, read) / (1024.0 * 1024.0):0.#} MB, more than a config file needs (at most {MaxBytes / (1024 * 1024)} MB); is it the right file?")));
                return ToolConfig.Empty;
            }

        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            diagnostics.Add(new Diagnostic(path, 0, 0, DiagnosticCodes.ConfigUnreadable, $"cannot read the config file: {e.Message}"));
            return ToolConfig.Empty;
        }

        return Parse(bytes, path, diagnostics);
    }

    /// <summary>Parses config JSON.</summary>
    /// <param name="utf8">The file's bytes (a UTF-8 byte-order mark is skipped).</param>
    /// <param name="path">The file name for messages.</param>
    /// <param name="diagnostics">Receives every problem found.</param>
    /// <returns>The config; values with problems are left unset.</returns>
    public static ToolConfig Parse(ReadOnlySpan<byte> utf8, string path, List<Diagnostic> diagnostics)
    {
        if (utf8.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8 = utf8[3..];
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            // Utf8JsonReader notices bad bytes only when a string is decoded, and then with no position; find the byte.
            int offset = 0;
            while (Rune.DecodeFromUtf8(utf8[offset..], out _, out int consumed) == System.Buffers.OperationStatus.Done)
            {
                offset += consumed;
            }

            var (badLine, badColumn) = TextPosition.Of(utf8, offset);
            diagnostics.Add(new Diagnostic(path, badLine, badColumn, DiagnosticCodes.ConfigSyntax, "the config file is not valid UTF-8; save it as UTF-8."));
            return ToolConfig.Empty;
        }

        var state = new State(path, diagnostics);
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        var config = ToolConfig.Empty;
        try
        {
            if (!reader.Read())
            {
                diagnostics.Add(new Diagnostic(path, 1, 1, DiagnosticCodes.ConfigSyntax, "the config file is empty; it must hold a JSON object."));
                return config;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                state.Error(utf8, ref reader, DiagnosticCodes.ConfigSyntax, "the config file must hold a JSON object ({ ... }).");
                return config;
            }

            config = ReadRoot(utf8, ref reader, state);
            config = config with { Path = path, Positions = state.Positions };
            if (reader.Read())
            {
                state.Error(utf8, ref reader, DiagnosticCodes.ConfigSyntax, "unexpected content after the config object.");
            }
        }
        catch (JsonException e)
        {
            // Utf8JsonReader reports 0-based positions; the column is in bytes, which equals characters for the
            // ASCII that JSON punctuation is made of.
            int line = (int)(e.LineNumber ?? 0) + 1;
            int column = (int)(e.BytePositionInLine ?? 0) + 1;
            string message = e.Message;
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            diagnostics.Add(new Diagnostic(path, line, column, DiagnosticCodes.ConfigSyntax,
                "invalid JSON: " + (cut > 0 ? message[..cut].TrimEnd() : message)));
        }

        return config;
    }

    private static ToolConfig ReadRoot(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, State state)
    {
        var config = ToolConfig.Empty;
        state.Properties(utf8, ref reader, section: null, TopLevelKeys, (utf8, ref reader, key) =>
        {
            switch (key)
            {
                case "siteUrl":
                    config = config with { SiteUrl = state.Parsed(utf8, ref reader, key, SettingValues.ParseSiteUrl, config.SiteUrl) };
                    break;
                case "title":
                    config = config with { Title = state.NonEmptyString(utf8, ref reader, key) };
                    break;
                case "description":
                    config = config with { Description = state.String(utf8, ref reader, key) };
                    break;
                case "copyright":
                    config = config with { Copyright = state.String(utf8, ref reader, key) };
                    break;
                case "language":
                    config = config with { Language = state.Parsed(utf8, ref reader, key, ParseLanguage, config.Language) };
                    break;
                case "icon":
                    config = config with { Icon = state.AbsoluteUri(utf8, ref reader, key) };
                    break;
                case "logo":
                    config = config with { Logo = state.AbsoluteUri(utf8, ref reader, key) };
                    break;
                case "author":
                    config = config with { Author = ReadAuthor(utf8, ref reader, state) };
                    break;
                case "pageSize":
                    config = config with { PageSize = state.PositiveInt(utf8, ref reader, key) };
                    break;
                case "permalink":
                    config = config with { Permalink = state.Parsed(utf8, ref reader, key, ParsePermalink, config.Permalink) };
                    break;
                case "fullContent":
                    config = config with { FullContent = state.Bool(utf8, ref reader, key) };
                    break;
                case "archive":
                    config = config with { Archive = state.Bool(utf8, ref reader, key) };
                    break;
                case "formats":
                    config = config with { Formats = ReadFormats(utf8, ref reader, state) };
                    break;
                case "excerpt":
                    config = ReadExcerpt(utf8, ref reader, state, config);
                    break;
                case "hub":
                    if (state.AbsoluteUri(utf8, ref reader, key) is { } hub)
                    {
                        bool web = hub.Scheme == Uri.UriSchemeHttp || hub.Scheme == Uri.UriSchemeHttps;
                        state.Check(utf8, ref reader, key, web ? null : $"'{hub.OriginalString}' is not an http or https URL (a WebSub hub, W3C WebSub section 4).");
                        config = config with { Hub = web ? hub : null };
                    }

                    break;
                case "taxonomies":
                    config = ReadTaxonomies(utf8, ref reader, state, config);
                    break;
                case "htmlTemplate":
                    config = config with { HtmlTemplate = state.NonEmptyString(utf8, ref reader, key) };
                    break;
                case "timeZone":
                    config = config with { TimeZone = state.Parsed(utf8, ref reader, key, ParseTimeZone, config.TimeZone) };
                    break;
                case "conventions":
                    config = config with { Conventions = state.Parsed(utf8, ref reader, key, ParseConventions, config.Conventions) };
                    break;
                case "skipInvalid":
                    config = config with { SkipInvalid = state.Bool(utf8, ref reader, key) };
                    break;
                case "followExternalLinks":
                    config = config with { FollowExternalLinks = state.Bool(utf8, ref reader, key) };
                    break;
                case "$schema":
                    reader.Skip(); // editors add it; it configures nothing
                    break;
                default:
                    return false;
            }

            return true;
        });

        return config;
    }

    private static FeedAuthor? ReadAuthor(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, State state)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            // Shorthand, as in front matter: "author": "Name".
            return state.NonEmptyString(utf8, ref reader, "author") is { } only ? new FeedAuthor(only) : null;
        }

        if (!state.Expect(utf8, ref reader, "author", JsonTokenType.StartObject, "an object {\"name\", \"email\", \"uri\"} or a name"))
        {
            return null;
        }

        var (line, column) = TextPosition.Of(utf8, reader.TokenStartIndex);
        string? name = null, email = null;
        Uri? uri = null;
        state.Properties(utf8, ref reader, "author", AuthorKeys, (utf8, ref reader, key) =>
        {
            switch (key)
            {
                case "name":
                    name = state.NonEmptyString(utf8, ref reader, "author.name");
                    break;
                case "email":
                    email = state.NonEmptyString(utf8, ref reader, "author.email");
                    if (email is not null && !Feed.Internal.ValueRules.IsEmail(email))
                    {
                        state.Error(utf8, ref reader, DiagnosticCodes.ConfigInvalidValue, "'author.email' must be a bare e-mail address such as someone@example.org.");
                        email = null;
                    }

                    break;
                case "uri":
                    uri = state.AbsoluteUri(utf8, ref reader, "author.uri");
                    break;
                default:
                    return false;
            }

            return true;
        });

        if (name is null)
        {
            state.Add(line, column, DiagnosticCodes.ConfigInvalidValue, "'author' needs a non-empty 'name'.");
            return null;
        }

        return new FeedAuthor(name) { Email = email, Uri = uri };
    }

    private static List<FeedFormat>? ReadFormats(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, State state)
    {
        if (!state.Expect(utf8, ref reader, "formats", JsonTokenType.StartArray, "an array such as [\"rss\", \"atom\"]"))
        {
            return null;
        }

        var (line, column) = TextPosition.Of(utf8, reader.TokenStartIndex);
        var formats = new List<FeedFormat>();
        bool ok = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            string? text = reader.TokenType == JsonTokenType.String ? state.Text(utf8, ref reader) : null;
            FeedFormat? format = FormatNamed(text);
            if (format is null)
            {
                state.Error(utf8, ref reader, DiagnosticCodes.ConfigInvalidValue, "'formats' items must be \"rss\", \"atom\", \"json\" or \"html\".");
                reader.Skip();
                ok = false;
            }
            else if (formats.Contains(format.Value))
            {
                state.Error(utf8, ref reader, DiagnosticCodes.ConfigInvalidValue, $"'formats' lists \"{text}\" twice.");
                ok = false;
            }
            else
            {
                formats.Add(format.Value);
            }
        }

        if (ok && formats.Count == 0)
        {
            state.Add(line, column, DiagnosticCodes.ConfigInvalidValue, "'formats' must name at least one of \"rss\", \"atom\", \"json\", \"html\".");
            return null;
        }

        return ok ? formats : null;
    }

    private static ToolConfig ReadTaxonomies(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, State state, ToolConfig config)
    {
        if (!state.Expect(utf8, ref reader, "taxonomies", JsonTokenType.StartObject, "an object such as {\"tags\": true, \"categories\": true}"))
        {
            return config;
        }

        state.Properties(utf8, ref reader, "taxonomies", TaxonomyKeys, (utf8, ref reader, key) =>
        {
            switch (key)
            {
                case "tags":
                    config = config with { TagFeeds = state.Bool(utf8, ref reader, "taxonomies.tags") };
                    break;
                case "categories":
                    config = config with { CategoryFeeds = state.Bool(utf8, ref reader, "taxonomies.categories") };
                    break;
                case "authors":
                    config = config with { AuthorFeeds = state.Bool(utf8, ref reader, "taxonomies.authors") };
                    break;
                default:
                    return false;
            }

            return true;
        });

        return config;
    }

    private static ToolConfig ReadExcerpt(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, State state, ToolConfig config)
    {
        if (!state.Expect(utf8, ref reader, "excerpt", JsonTokenType.StartObject, "an object"))
        {
            return config;
        }

        state.Properties(utf8, ref reader, "excerpt", ExcerptKeys, (utf8, ref reader, key) =>
        {
            switch (key)
            {
                case "length":
                    config = config with { ExcerptLength = state.PositiveInt(utf8, ref reader, "excerpt.length") };
                    break;
                case "ellipsis":
                    config = config with { ExcerptEllipsis = state.String(utf8, ref reader, "excerpt.ellipsis") };
                    break;
                case "mathPlaceholder":
                    config = config with { MathPlaceholder = state.String(utf8, ref reader, "excerpt.mathPlaceholder") };
                    break;
                case "displayMathPlaceholder":
                    config = config with { DisplayMathPlaceholder = state.String(utf8, ref reader, "excerpt.displayMathPlaceholder") };
                    break;
                case "boundary":
                    config = config with { ExcerptBoundary = state.Parsed(utf8, ref reader, "excerpt.boundary", ParseBoundary, config.ExcerptBoundary) };
                    break;
                default:
                    return false;
            }

            return true;
        });

        return config;
    }

    private static string? ParseLanguage(string text, out string? error)
    {
        bool ok = Feed.Internal.ValueRules.IsLanguageTag(text);
        error = ok ? null : $"'{text}' is not a language tag such as 'en' or 'zh-CN'.";
        return ok ? text : null;
    }

    private static string? ParsePermalink(string text, out string? error)
    {
        error = SettingValues.CheckPermalinkTemplate(text);
        return error is null ? text : null;
    }

    private static Conventions.Convention? ParseConventions(string text, out string? error)
    {
        Conventions.Convention? convention = Conventions.Convention.Find(text);
        error = convention is null ? $"'{text}' is not one of \"{string.Join("\", \"", Conventions.Convention.Names)}\"." : null;
        return convention;
    }

    private static TimeZoneInfo? ParseTimeZone(string text, out string? error)
    {
        TimeZoneInfo? zone = FindTimeZone(text);
        error = zone is null ? $"'{text}' is not a known IANA time zone (for example 'Asia/Shanghai')." : null;
        return zone;
    }

    private static ExcerptBoundary? ParseBoundary(string text, out string? error)
    {
        ExcerptBoundary? value = text switch
        {
            "word" => ExcerptBoundary.Word,
            "character" => ExcerptBoundary.Character,
            _ => null,
        };
        error = value is null ? $"'{text}' is not \"word\" or \"character\"." : null;
        return value;
    }

    /// <summary>Finds an IANA time zone, or <see langword="null"/>.</summary>
    /// <param name="id">The IANA id, e.g. <c>Asia/Shanghai</c>.</param>
    /// <returns>The zone, or <see langword="null"/> when the system does not know it.</returns>
    public static TimeZoneInfo? FindTimeZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Reads the value of <paramref name="key"/>, the reader on it (a <see cref="Utf8JsonReader"/> is a ref struct, so no <see cref="Func{T, TResult}"/> can take it).</summary>
    /// <returns><see langword="false"/>, with the value not read, when the object has no such key.</returns>
    private delegate bool PropertyReader(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, string key);

    /// <summary>Makes a setting of <paramref name="text"/>, the way <see cref="SettingValues.ParseSiteUrl"/> does.</summary>
    /// <returns>The setting, or the type's unset value with <paramref name="error"/> saying why.</returns>
    private delegate T ValueParser<T>(string text, out string? error);

    /// <summary>Error collection with the file name, plus typed readers that report a wrong type and skip the value.</summary>
    private sealed class State(string path, List<Diagnostic> diagnostics)
    {
        /// <summary>Where each key was given, by its path (<c>title</c>, <c>author.email</c>, <c>excerpt.length</c>).</summary>
        public Dictionary<string, (int Line, int Column)> Positions { get; } = new(StringComparer.Ordinal);

        public void Add(int line, int column, string code, string message) =>
            diagnostics.Add(new Diagnostic(path, line, column, code, message));

        public void Error(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, string code, string message)
        {
            var (line, column) = TextPosition.Of(utf8, reader.TokenStartIndex);
            Add(line, column, code, message);
        }

        public void Check(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, string key, string? error)
        {
            if (error is not null)
            {
                Error(utf8, ref reader, DiagnosticCodes.ConfigInvalidValue, $"'{key}': {error}");
            }
        }

        public bool Expect(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, string key, JsonTokenType type, string what)
        {
            if (reader.TokenType == type)
            {
                return true;
            }

            if (reader.TokenType != JsonTokenType.Null)
            {
                Error(utf8, ref reader, DiagnosticCodes.ConfigInvalidValue, $"'{key}' must be {what}, not {Describe(reader.TokenType)}.");
            }

            reader.Skip();
            return false;
        }

        /// <summary>
        /// Reads the properties of the object the reader stands on, up to its end: records where each key was given,
        /// hands its value to <paramref name="read"/>, and reports (and skips) a key that <paramref name="read"/> does
        /// not know, listing <paramref name="keys"/>. A key given twice in one object is reported at its second place
        /// (the last one would silently win), at every level.
        /// </summary>
        /// <param name="utf8">The file's bytes, for positions.</param>
        /// <param name="reader">The reader, on the object's <c>{</c>; left on its <c>}</c>.</param>
        /// <param name="section">The key of the object (<c>author</c>), which prefixes its keys' paths; <see langword="null"/> for the top level.</param>
        /// <param name="keys">The keys the object may hold, for the message about an unknown one.</param>
        /// <param name="read">Reads one key's value.</param>
        public void Properties(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, string? section, IReadOnlyList<string> keys, PropertyReader read)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var (line, column) = TextPosition.Of(utf8, reader.TokenStartIndex);
                string? key = Text(utf8, ref reader);
                string? path = key is null || section is null ? key : section + "." + key;
                if (path is not null)
                {
                    Positions.TryAdd(path, (line, column));
                    if (!seen.Add(path))
                    {
                        Add(line, column, DiagnosticCodes.ConfigInvalidValue, $"'{path}' is given more than once.");
                    }
                }

                reader.Read();
                if (key is null)
                {
                    reader.Skip(); // the key's text was reported
                }
                else if (!read(utf8, ref reader, key))
                {
                    string meant = NearMiss.Find(key, keys) is { } near ? $"did you mean '{near}'? The" : "the";
                    Add(line, column, DiagnosticCodes.ConfigUnknownKey, $"unknown key '{path}'; {meant} keys are {string.Join(", ", keys)}.");
                    reader.Skip();
                }
            }
        }

        public string? String(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, string key) =>
            Expect(utf8, ref reader, key, JsonTokenType.String, "a string") ? Text(utf8, ref reader) : null;

        /// <summary>The current string or property name, or <see langword="null"/> (reported) when it escapes a lone surrogate.</summary>
        public string? Text(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader)
        {
            try
            {
                return reader.GetString();
            }
            catch (InvalidOperationException)
            {
                // "\ud800" without its low half: JSON allows writing it (RFC 8259 §8.2), but it is no character.
                Error(utf8, ref reader, DiagnosticCodes.ConfigInvalidValue,
                    "this string escapes half of a surrogate pair (such as \\ud800 alone), which is not a character.");
                return null;
            }
        }

        public string? NonEmptyString(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, string key)
        {
            string? value = String(utf8, ref reader, key);
            if (value is not null && string.IsNullOrWhiteSpace(value))
            {
                Error(utf8, ref reader, DiagnosticCodes.ConfigInvalidValue, $"'{key}' must not be empty.");
                return null;
            }

            return value;
        }

        public Uri? AbsoluteUri(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, string key) =>
            Parsed(utf8, ref reader, key, SettingValues.ParseAbsoluteUri, unchanged: null);

        /// <summary>
        /// Reads a string and makes it a <typeparamref name="T"/> with <paramref name="parse"/>; the reason it gives
        /// when it cannot is reported at the value.
        /// </summary>
        /// <param name="utf8">The file's bytes, for positions.</param>
        /// <param name="reader">The reader, on the value.</param>
        /// <param name="key">The key's path, for messages.</param>
        /// <param name="parse">Makes the value, or gives <see langword="null"/> (or the type's unset value) and the reason.</param>
        /// <param name="unchanged">What the setting holds so far: it keeps it when the value is not a string (reported, unless it is JSON <c>null</c>).</param>
        /// <returns>The value <paramref name="parse"/> made, or <paramref name="unchanged"/>.</returns>
        public T Parsed<T>(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, string key, ValueParser<T> parse, T unchanged)
        {
            if (String(utf8, ref reader, key) is not { } text)
            {
                return unchanged;
            }

            T value = parse(text, out string? error);
            Check(utf8, ref reader, key, error);
            return value;
        }

        public bool? Bool(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, string key)
        {
            if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
            {
                return reader.GetBoolean();
            }

            Expect(utf8, ref reader, key, JsonTokenType.True, "true or false");
            return null;
        }

        public int? PositiveInt(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader, string key)
        {
            if (!Expect(utf8, ref reader, key, JsonTokenType.Number, "a whole number"))
            {
                return null;
            }

            if (reader.TryGetInt32(out int value))
            {
                if (value < 1)
                {
                    Error(utf8, ref reader, DiagnosticCodes.ConfigInvalidValue, $"'{key}' must be a whole number of at least 1.");
                    return null;
                }

                return value;
            }

            // Not an int: a fraction or exponent, or a whole number past int's range (said by its size, not echoed: it
            // may be a megabyte of digits).
            ReadOnlySpan<byte> number = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan;
            string message = number.IndexOfAny(".eE"u8) >= 0
                ? $"'{key}' must be a whole number of at least 1."
                : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"'{key}' is a number too {(number[0] == (byte)'-' ? "small" : "large")} ({number.Length - (number[0] == (byte)'-' ? 1 : 0)} digits); it must be a whole number from 1 to {int.MaxValue}.");
            Error(utf8, ref reader, DiagnosticCodes.ConfigInvalidValue, message);
            return null;
        }

        private static string Describe(JsonTokenType type) => type switch
        {
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            _ => type.ToString(),
        };
    }
}
