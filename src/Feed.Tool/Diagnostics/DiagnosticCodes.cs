namespace Feed.Tool.Diagnostics;

/// <summary>
/// The stable error codes of <c>feed build</c>. A code never changes meaning once released, so scripts and docs can
/// rely on it. <c>FEED00xx</c> are input errors (exit code 1); <c>FEED01xx</c> are usage errors: the command line or
/// the config file (exit code 2).
/// </summary>
internal static class DiagnosticCodes
{
    /// <summary>A post (or the posts folder) cannot be read: missing, a broken link, no permission, an I/O error.</summary>
    public const string UnreadableFile = "FEED0001";

    /// <summary>A post is not valid UTF-8.</summary>
    public const string InvalidEncoding = "FEED0002";

    /// <summary>A post has no front matter: it must start with a <c>---</c> line and close it with another.</summary>
    public const string MissingFrontMatter = "FEED0003";

    /// <summary>The front matter is not valid YAML, is not a mapping, or repeats a key.</summary>
    public const string InvalidYaml = "FEED0004";

    /// <summary>A required front-matter field (<c>title</c>, <c>date</c>) is missing or empty.</summary>
    public const string MissingField = "FEED0005";

    /// <summary>A front-matter field has the wrong type or an invalid value.</summary>
    public const string InvalidField = "FEED0006";

    /// <summary>
    /// A <c>date</c> or <c>updated</c> value is not a valid date, is outside the range of dates in UTC, or is
    /// 0001-01-01T00:00:00Z (the value of an unset date, which would let the clock into the output).
    /// </summary>
    public const string InvalidDate = "FEED0007";

    /// <summary>Two posts resolve to the same URL (usually the same slug).</summary>
    public const string DuplicateUrl = "FEED0008";

    /// <summary>Two posts have the same id (Atom <c>id</c>, RSS <c>guid</c>).</summary>
    public const string DuplicateId = "FEED0009";

    /// <summary>A slug is empty, or holds a path separator or a dot segment, and so would escape its folder.</summary>
    public const string EscapingSlug = "FEED0010";

    /// <summary>A permalink is malformed or resolves to a URL outside the site URL.</summary>
    public const string EscapingPermalink = "FEED0011";

    /// <summary>A file in the output folder that this tool did not write would be overwritten.</summary>
    public const string OutputConflict = "FEED0012";

    /// <summary>Writing the output failed (I/O error); nothing was committed.</summary>
    public const string OutputFailed = "FEED0013";

    /// <summary>A post is larger than <c>--max-post-size</c>.</summary>
    public const string PostTooLarge = "FEED0014";

    /// <summary>A post's Markdown nests lists, quotes or brackets deeper than the tool renders.</summary>
    public const string NestedTooDeep = "FEED0015";

    /// <summary>Warning: an entry in the posts folder is not a regular file (a FIFO, a device, a socket) and is skipped.</summary>
    public const string NotARegularFile = "FEED0016";

    /// <summary>Warning: a folder link in the posts folder leads back to a folder already read; it is not followed again.</summary>
    public const string LinkLoop = "FEED0017";

    /// <summary>Warning: archive documents an earlier build wrote have changed.</summary>
    public const string ArchiveChanged = "FEED0018";

    /// <summary>Another build holds the output folder for longer than <c>--lock-timeout</c>.</summary>
    public const string OutputLocked = "FEED0019";

    /// <summary>Warning: a build that was interrupted was completed or rolled back, or a path the manifest lists was skipped.</summary>
    public const string OutputRecovered = "FEED0020";

    /// <summary>A tag, category or author name makes no usable folder name (names that share a slug get distinct ones instead).</summary>
    public const string TaxonomySlugCollision = "FEED0030";

    /// <summary>Warning: a front-matter key looks like a misspelling of one the site generator reads (<c>Title</c>, <c>titel</c>), and is not read.</summary>
    public const string NearMissKey = "FEED0040";

    /// <summary>Warning: a template tag in a post could not be expanded (a reference to a post that is not in the folder, ...).</summary>
    public const string TemplateNote = "FEED0041";

    /// <summary>Warning (<c>--skip-invalid</c>): a post with errors is left out of the feeds.</summary>
    public const string InvalidPostSkipped = "FEED0042";

    /// <summary>The HTML page template cannot be read or is not valid Liquid.</summary>
    public const string TemplateInvalid = "FEED0070";

    /// <summary>The HTML page template failed while writing a page (an unknown filter, a loop past its limit, …).</summary>
    public const string TemplateFailed = "FEED0071";

    /// <summary>
    /// Where feed keeps a file of its own (<c>.feed-lock</c> in <c>--out</c>, a file of the build cache) there is a
    /// symbolic link, a folder, a FIFO, a socket or a device: feed never opens its own files through a link or as
    /// anything but a regular file.
    /// </summary>
    public const string NotRegularOwnFile = "FEED0060";

    /// <summary>A post changed while the build was running (its bytes differ between the build's two reads of it).</summary>
    public const string PostChanged = "FEED0061";

    /// <summary>Warning: the build cache could not be read or written (a full disk, no permission, an I/O error); the build ran without it, with the same output.</summary>
    public const string CacheFailed = "FEED0062";

    /// <summary>Warning: a symbolic link in the posts folder leads outside it, so it is not followed (unless <c>--follow-external-links</c>).</summary>
    public const string ExternalLink = "FEED0063";

    /// <summary>The config file is missing or cannot be read.</summary>
    public const string ConfigUnreadable = "FEED0100";

    /// <summary>The config file is not valid JSON.</summary>
    public const string ConfigSyntax = "FEED0101";

    /// <summary>The config file has a key this tool does not know.</summary>
    public const string ConfigUnknownKey = "FEED0102";

    /// <summary>A config key has the wrong type or an invalid value.</summary>
    public const string ConfigInvalidValue = "FEED0103";

    /// <summary>The merged settings (flags over config) are incomplete or invalid, e.g. no site URL or title.</summary>
    public const string InvalidSettings = "FEED0104";

    /// <summary>The command line cannot be parsed: an unknown option, a missing or malformed value.</summary>
    public const string CommandLine = "FEED0105";

    /// <summary>Every code with a one-line description, for <c>--help</c>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> All { get; } =
    [
        new(UnreadableFile, "a post or the posts folder cannot be read"),
        new(InvalidEncoding, "a post is not valid UTF-8"),
        new(MissingFrontMatter, "no front matter (the file must start with a '---' line and close it)"),
        new(InvalidYaml, "broken YAML, front matter that is not a mapping, or a repeated key"),
        new(MissingField, "title or date missing or empty"),
        new(InvalidField, "a front-matter field with the wrong type or an invalid value"),
        new(InvalidDate, "date or updated is not a valid date, or is 0001-01-01T00:00:00Z"),
        new(DuplicateUrl, "two posts have the same URL (duplicate slug)"),
        new(DuplicateId, "two posts have the same id"),
        new(EscapingSlug, "a slug that is empty or holds '/', '\\', '.' or '..'"),
        new(EscapingPermalink, "a permalink that is malformed or leaves the site URL"),
        new(OutputConflict, "a file in --out that feed did not write would be overwritten"),
        new(OutputFailed, "writing the output failed; nothing was changed"),
        new(PostTooLarge, "a post is larger than --max-post-size"),
        new(NestedTooDeep, "Markdown nested deeper than the tool renders (lists, quotes, brackets)"),
        new(NotARegularFile, "warning: a FIFO, device or socket in the posts folder is skipped"),
        new(LinkLoop, "warning: a folder link leads back to a folder already read; not followed again"),
        new(ArchiveChanged, "warning: archive documents an earlier build wrote have changed"),
        new(OutputLocked, "another build is writing the same --out"),
        new(OutputRecovered, "warning: an interrupted build was completed or rolled back, or an unsafe manifest line skipped"),
        new(TaxonomySlugCollision, "a tag, category or author name makes no usable folder name for its feed"),
        new(NearMissKey, "warning: a front-matter key looks like a misspelling of one the generator reads (did you mean ...?)"),
        new(TemplateNote, "warning: a template tag could not be expanded (e.g. a link to a post not in the folder)"),
        new(InvalidPostSkipped, "warning (--skip-invalid): a post with errors is left out; its errors are printed as warnings"),
        new(TemplateInvalid, "the HTML page template cannot be read or is not valid Liquid"),
        new(TemplateFailed, "the HTML page template failed while writing a page; nothing was changed"),
        new(NotRegularOwnFile, "a link, folder, FIFO or socket where feed keeps its own file (.feed-lock, the build cache)"),
        new(PostChanged, "a post changed while the build was running; run it again"),
        new(CacheFailed, "warning: the build cache cannot be read or written; the build ran without it (same output)"),
        new(ExternalLink, "warning: a link in the posts folder leads outside it; not followed (--follow-external-links)"),
        new(ConfigUnreadable, "the config file cannot be read"),
        new(ConfigSyntax, "the config file is not valid JSON"),
        new(ConfigUnknownKey, "an unknown key in the config file"),
        new(ConfigInvalidValue, "a config value with the wrong type or an invalid value"),
        new(InvalidSettings, "missing or invalid settings after merging flags over the config"),
        new(CommandLine, "the command line cannot be parsed"),
    ];
}
