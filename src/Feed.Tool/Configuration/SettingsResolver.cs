using System.Text;
using Feed.Excerpts;
using Feed.Tool.Diagnostics;
using Feed.Tool.Posts;

namespace Feed.Tool.Configuration;

/// <summary>The values given on the command line; <see langword="null"/> (or <see langword="false"/>) when a flag was not given.</summary>
/// <remarks>Immutable.</remarks>
internal sealed record CommandLineValues
{
    /// <summary>Gets the posts folder argument.</summary>
    public required string PostsDir { get; init; }

    /// <summary>Gets <c>--out</c>.</summary>
    public required string OutDir { get; init; }

    /// <summary>Gets <c>--config</c>.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Gets <c>--site-url</c>.</summary>
    public string? SiteUrl { get; init; }

    /// <summary>Gets <c>--title</c>.</summary>
    public string? Title { get; init; }

    /// <summary>Gets <c>--description</c>.</summary>
    public string? Description { get; init; }

    /// <summary>Gets <c>--page-size</c>, when given explicitly.</summary>
    public int? PageSize { get; init; }

    /// <summary>Gets <c>--excerpt-length</c>, when given explicitly.</summary>
    public int? ExcerptLength { get; init; }

    /// <summary>Gets <c>--drafts</c>.</summary>
    public bool Drafts { get; init; }

    /// <summary>Gets <c>--future</c>.</summary>
    public bool Future { get; init; }

    /// <summary>Gets <c>--now</c>.</summary>
    public string? Now { get; init; }

    /// <summary>Gets <c>--quiet</c>.</summary>
    public bool Quiet { get; init; }

    /// <summary>Gets <c>--max-post-size</c> in megabytes, when given.</summary>
    public int? MaxPostSize { get; init; }

    /// <summary>Gets <c>--lock-timeout</c> in seconds, when given.</summary>
    public int? LockTimeout { get; init; }

    /// <summary>Gets <c>--changed-list</c>, when given.</summary>
    public string? ChangedList { get; init; }

    /// <summary>Gets <c>--formats</c>: a comma-separated list such as <c>rss,atom,html</c>.</summary>
    public string? Formats { get; init; }

    /// <summary>Gets <c>--template</c>: the Liquid page template of the HTML pages.</summary>
    public string? Template { get; init; }

    /// <summary>Gets <c>--skip-invalid</c>.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Gets <c>--follow-external-links</c>.</summary>
    public bool FollowExternalLinks { get; init; }
}

/// <summary>Merges the command line over the config file over the defaults, and checks the result.</summary>
internal static class SettingsResolver
{
    /// <summary>Resolves the settings of one run.</summary>
    /// <param name="values">The command line.</param>
    /// <param name="diagnostics">Receives every usage problem (all are exit code 2).</param>
    /// <returns>The settings, or <see langword="null"/> when there are problems.</returns>
    public static BuildSettings? Resolve(CommandLineValues values, List<Diagnostic> diagnostics)
    {
        int before = diagnostics.Count;
        void Usage(string message) => diagnostics.Add(new Diagnostic(null, 0, 0, DiagnosticCodes.InvalidSettings, message));

        if (!Directory.Exists(values.PostsDir))
        {
            Usage(File.Exists(values.PostsDir)
                ? $"the posts folder '{values.PostsDir}' is a file; give the folder that holds the *.md posts."
                : $"the posts folder '{values.PostsDir}' does not exist.");
        }

        if (string.IsNullOrWhiteSpace(values.OutDir) || values.OutDir.Contains('\0', StringComparison.Ordinal))
        {
            Usage("--out must name a folder (it is created if missing).");
        }
        else if (File.Exists(values.OutDir))
        {
            Usage($"--out '{values.OutDir}' is a file; give a folder (it is created if missing).");
        }

        ToolConfig config = values.ConfigFile is null ? ToolConfig.Empty : ConfigReader.Read(values.ConfigFile, diagnostics);

        Uri? siteUrl = config.SiteUrl;
        if (values.SiteUrl is not null)
        {
            siteUrl = SettingValues.ParseSiteUrl(values.SiteUrl, out string? error);
            if (error is not null)
            {
                Usage($"--site-url: {error}");
            }
        }
        else if (siteUrl is null && !HasConfigError(diagnostics, before))
        {
            Usage("the site URL is required: pass --site-url https://example.org/ or set \"siteUrl\" in the config file.");
        }

        string? title = values.Title ?? config.Title;
        if (values.Title is not null && string.IsNullOrWhiteSpace(values.Title))
        {
            Usage("--title must not be empty.");
        }
        else if (title is null && !HasConfigError(diagnostics, before))
        {
            Usage("the feed title is required: pass --title \"My blog\" or set \"title\" in the config file.");
        }

        if (values.PageSize is < 1)
        {
            Usage($"--page-size must be at least 1 (was {values.PageSize}).");
        }

        if (values.MaxPostSize is < 1)
        {
            Usage($"--max-post-size must be at least 1 (megabytes; was {values.MaxPostSize}).");
        }

        if (values.LockTimeout is < 0)
        {
            Usage($"--lock-timeout must be 0 or more seconds (was {values.LockTimeout}).");
        }

        if (values.ExcerptLength is < 1)
        {
            Usage($"--excerpt-length must be at least 1 (was {values.ExcerptLength}).");
        }

        DateTimeOffset? now = null;
        if (values.Now is not null)
        {
            if (PostDates.TryParseRfc3339(values.Now, out DateTimeOffset parsed, out string? error))
            {
                now = parsed;
            }
            else
            {
                Usage($"--now: {error}.");
            }
        }

        if (diagnostics.Count > before || siteUrl is null || title is null)
        {
            return null;
        }

        var options = new FeedOptions
        {
            Title = title,
            Description = values.Description ?? config.Description,
            Language = config.Language,
            Copyright = config.Copyright,
            Icon = config.Icon,
            Logo = config.Logo,
            PageSize = values.PageSize ?? config.PageSize ?? 10,
            FullContent = config.FullContent ?? true,
            Archive = config.Archive ?? false,
            Hub = config.Hub,
            Excerpt = new ExcerptOptions
            {
                Length = values.ExcerptLength ?? config.ExcerptLength ?? ExcerptOptions.DefaultLength,
                Ellipsis = config.ExcerptEllipsis ?? ExcerptOptions.DefaultEllipsis,
                Boundary = config.ExcerptBoundary ?? ExcerptBoundary.Word,
                MathPlaceholder = config.MathPlaceholder ?? ExcerptOptions.DefaultMathPlaceholder,
                DisplayMathPlaceholder = config.DisplayMathPlaceholder ?? ExcerptOptions.DefaultMathPlaceholder,
            },
        };
        if (config.Author is not null)
        {
            options.Authors.Add(config.Author);
        }

        Output.OutputLayout.Apply(options, siteUrl);

        // The HTML pages link the feeds this build writes, and are laid out by the page template when one is given.
        IReadOnlyList<FeedFormat>? flagFormats = values.Formats is null ? null : ParseFormats(values.Formats, Usage);
        options.HtmlFeedFormats = [.. (flagFormats ?? config.Formats ?? [FeedFormat.Rss, FeedFormat.Atom]).Where(f => f != FeedFormat.Html).Order()];
        options.HtmlTemplate = ReadTemplate(values, config, diagnostics);

        // The library's own rules, last: whatever it refuses is a settings problem, reported like the rest, at the
        // line and column of the config key that set the property when the file set it.
        foreach (System.ComponentModel.DataAnnotations.ValidationResult problem in options.Validate())
        {
            string? member = problem.MemberNames.FirstOrDefault();
            if (member is not null && config.Path is not null && config.Positions.TryGetValue(ToolConfig.KeyOf(member), out var at))
            {
                diagnostics.Add(new Diagnostic(config.Path, at.Line, at.Column, DiagnosticCodes.InvalidSettings, problem.ErrorMessage!));
            }
            else
            {
                Usage(problem.ErrorMessage!);
            }
        }

        if (diagnostics.Count > before)
        {
            return null;
        }

        IReadOnlyList<FeedFormat> formats = (flagFormats ?? config.Formats ?? [FeedFormat.Rss, FeedFormat.Atom]).Order().ToArray();
        Conventions.Convention convention = config.Conventions ?? Conventions.Convention.Plain;
        string permalink = config.Permalink ?? convention.DefaultPermalink;
        if (config.Permalink is not null && convention.CheckPermalink(config.Permalink) is { } permalinkProblem)
        {
            // Checked here, once the conventions are known (the file may give them after the permalink).
            var at = config.Path is not null && config.Positions.TryGetValue("permalink", out var p) ? p : (0, 0);
            diagnostics.Add(new Diagnostic(config.Path, at.Item1, at.Item2, DiagnosticCodes.ConfigInvalidValue, $"'permalink': {permalinkProblem}"));
            return null;
        }

        var rules = new PostRules(siteUrl, permalink, config.TimeZone ?? TimeZoneInfo.Utc)
        {
            MaxPostBytes = (values.MaxPostSize ?? BuildSettings.DefaultMaxPostSizeMegabytes) * 1024L * 1024L,
            Convention = convention,
            IncludeDrafts = values.Drafts,
            FollowExternalLinks = values.FollowExternalLinks || (config.FollowExternalLinks ?? false),
        };
        return new BuildSettings(values.PostsDir, values.OutDir, options, formats, rules, values.Drafts, values.Future, now, values.Quiet)
        {
            LockTimeout = TimeSpan.FromSeconds(values.LockTimeout ?? BuildSettings.DefaultLockTimeoutSeconds),
            Taxonomies = new Taxonomies(config.TagFeeds ?? false, config.CategoryFeeds ?? false, config.AuthorFeeds ?? false),
            ChangedList = values.ChangedList,
            SkipInvalid = values.SkipInvalid || (config.SkipInvalid ?? false),
        };
    }

    /// <summary>Reads <c>--formats</c>: names separated by commas.</summary>
    private static List<FeedFormat>? ParseFormats(string text, Action<string> usage)
    {
        var formats = new List<FeedFormat>();
        foreach (string name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            FeedFormat? format = ConfigReader.FormatNamed(name);
            if (format is null)
            {
                usage($"--formats: '{name}' is not one of rss, atom, json, html.");
                return null;
            }

            if (!formats.Contains(format.Value))
            {
                formats.Add(format.Value);
            }
        }

        if (formats.Count == 0)
        {
            usage("--formats must name at least one of rss, atom, json, html.");
            return null;
        }

        return formats;
    }

    /// <summary>
    /// Reads and parses the page template: <c>--template</c> (relative to the working folder), else the config's
    /// <c>htmlTemplate</c> (relative to the config file's folder). A problem is FEED0070 at the template's line and column.
    /// </summary>
    /// <summary>
    /// The HTML page template a build reads: <c>--template</c>, else the config's <c>htmlTemplate</c> relative to the
    /// config file; <see langword="null"/> for neither. Feed.Build lists it among its target's inputs.
    /// </summary>
    /// <param name="commandLine">The <c>--template</c> value, if any.</param>
    /// <param name="config">The config file as read.</param>
    /// <returns>The template's path, or <see langword="null"/>.</returns>
    internal static string? TemplatePath(string? commandLine, ToolConfig config)
    {
        if (commandLine is not null || config.HtmlTemplate is not { } fromConfig)
        {
            return commandLine;
        }

        string folder = Path.GetDirectoryName(config.Path) ?? string.Empty;
        return Path.IsPathRooted(fromConfig) ? fromConfig : Path.Join(folder, fromConfig);
    }

    private static FeedHtmlTemplate? ReadTemplate(CommandLineValues values, ToolConfig config, List<Diagnostic> diagnostics)
    {
        string? path = TemplatePath(values.Template, config);
        if (path is null)
        {
            return null;
        }

        string source;
        try
        {
            if (Files.FileKinds.Of(path, followLinks: true) != Files.FileKind.Regular)
            {
                diagnostics.Add(new Diagnostic(path, 0, 0, DiagnosticCodes.TemplateInvalid, "the HTML page template is not a file."));
                return null;
            }

            if (new FileInfo(path).Length > Liquid.LiquidHtmlTemplate.MaxSourceLength * 4L)
            {
                diagnostics.Add(new Diagnostic(path, 0, 0, DiagnosticCodes.TemplateInvalid, "the HTML page template is larger than 4 MB."));
                return null;
            }

            byte[] bytes = File.ReadAllBytes(path);
            source = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            if (source.StartsWith('\uFEFF'))
            {
                source = source[1..];
            }
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Add(new Diagnostic(path, 0, 0, DiagnosticCodes.TemplateInvalid, "the HTML page template is not valid UTF-8; save it as UTF-8."));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            diagnostics.Add(new Diagnostic(path, 0, 0, DiagnosticCodes.TemplateInvalid, $"cannot read the HTML page template: {e.Message}"));
            return null;
        }

        try
        {
            return Liquid.LiquidHtmlTemplate.Parse(source, path);
        }
        catch (FeedTemplateException e)
        {
            diagnostics.Add(new Diagnostic(path, e.Line, e.Column, DiagnosticCodes.TemplateInvalid, e.Reason));
            return null;
        }
    }

    // A key that the config file gives but gets wrong was reported already; don't add "is required" on top.
    private static bool HasConfigError(List<Diagnostic> diagnostics, int before) =>
        diagnostics.Skip(before).Any(d => d.Code.StartsWith("FEED010", StringComparison.Ordinal) && d.Code != DiagnosticCodes.InvalidSettings);
}
