using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Text;
using Feed.Excerpts;
using Feed.Tool.Building;
using Feed.Tool.Caching;
using Feed.Tool.Configuration;
using Feed.Tool.Diagnostics;

namespace Feed.Tool.Cli;

/// <summary>The command line of the <c>feed</c> tool (System.CommandLine), and its help.</summary>
internal static class FeedCommand
{
    /// <summary>Parses <paramref name="args"/> and runs the command.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">Receives help and the summary line.</param>
    /// <param name="stderr">Receives errors (and progress, when <paramref name="interactive"/>).</param>
    /// <param name="time">The clock.</param>
    /// <param name="interactive">Whether stderr is a terminal a person watches (progress is drawn only then).</param>
    /// <param name="cancellationToken">Ctrl-C.</param>
    /// <returns>The exit code: 0 success, 1 input errors, 2 usage errors, 130 cancelled.</returns>
    public static async Task<int> RunAsync(
        string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time, bool interactive, CancellationToken cancellationToken)
    {
        RootCommand root = Create(stdout, stderr, time, interactive);
        ParseResult result = root.Parse(args);
        if (result.Action is ParseErrorAction)
        {
            foreach (string message in UsageErrors(result, root, args))
            {
                stderr.WriteLine(new Diagnostic(null, 0, 0, DiagnosticCodes.CommandLine, message));
            }

            stderr.WriteLine("Run 'feed build --help' for the options.");
            return FeedBuild.UsageErrors;
        }

        var configuration = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            EnableDefaultExceptionHandler = false, // exceptions are bugs: let them surface with a stack trace
            ProcessTerminationTimeout = null,      // Program owns Ctrl-C; tests run in-process and must not hook it
        };
        try
        {
            return await result.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stderr.WriteLine("feed: cancelled; nothing in the output folder was changed.");
            return FeedBuild.Cancelled;
        }
    }

    // The parser's errors, with the tokens it did not recognise said as what they were meant to be: an unknown command
    // or option with "did you mean" when one is a slip away (the value typed after a mistyped option is then that
    // option's value, not another error), and nothing more about a command line whose command is unknown.
    private static List<string> UsageErrors(ParseResult result, RootCommand root, string[] args)
    {
        Command command = result.CommandResult.Command;
        IReadOnlyList<string> unmatched = result.UnmatchedTokens;
        bool unknownCommand = command == root && unmatched.Count > 0 && !IsOption(unmatched[0]);
        var said = new Dictionary<string, string?>(StringComparer.Ordinal); // token -> its message (null: say nothing)
        for (int i = 0; i < unmatched.Count; i++)
        {
            string token = unmatched[i];
            if (said.ContainsKey(token))
            {
                continue;
            }

            if (unknownCommand)
            {
                said[token] = i > 0 ? null
                    : $"unknown command '{token}'{NearMiss.Suggest(token, root.Subcommands.Select(c => c.Name))}{(NearMiss.Find(token, root.Subcommands.Select(c => c.Name)) is null ? "; the command is 'build'." : "")}";
            }
            else if (IsOption(token))
            {
                Option[] options = [.. command.Options, .. root.Options.Where(o => o.Recursive)];
                string? near = NearMiss.Find(token, options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.Length > 2));
                said[token] = near is null ? $"unknown option '{token}'." : $"unknown option '{token}'; did you mean '{near}'?";
                Option? meant = near is null ? null : options.FirstOrDefault(o => o.Name == near || o.Aliases.Contains(near));
                int at = Array.IndexOf(args, token);
                if (meant is { Arity.MaximumNumberOfValues: > 0 } && i + 1 < unmatched.Count && at >= 0 && at + 1 < args.Length
                    && args[at + 1] == unmatched[i + 1] && !IsOption(unmatched[i + 1]))
                {
                    said.TryAdd(unmatched[i + 1], null); // the value of the option they meant
                }
            }
            else
            {
                said[token] = $"unexpected argument '{token}'; '{command.Name}' takes {(command.Arguments.Count == 1 ? "one" : command.Arguments.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} argument{(command.Arguments.Count == 1 ? "" : "s")}.";
            }
        }

        var messages = new List<string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (ParseError error in result.Errors)
        {
            string? token = said.Keys.FirstOrDefault(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal));
            if (token is not null)
            {
                if (done.Add(token) && said[token] is { } message)
                {
                    messages.Add(message);
                }
            }
            else if (!(unknownCommand && error.SymbolResult is CommandResult { Command: var c } && c == root))
            {
                messages.Add(error.Message); // "Required command was not provided." is moot once the command is named wrong
            }
        }

        messages.AddRange(said.Where(p => p.Value is not null && !done.Contains(p.Key)).Select(p => p.Value!));
        return messages;
    }

    private static bool IsOption(string token) => token.Length > 1 && token[0] == '-' && !char.IsAsciiDigit(token[1]);

    // An int option whose bad values are said in words ("'x' is too large; it must be a whole number from 1 to ...")
    // rather than by System.CommandLine's "expected type 'System.Int32'".
    private static T ParseWholeNumber<T>(ArgumentResult result, string name, int minimum, Func<int, T> value, T none)
    {
        if (result.Tokens.Count == 0)
        {
            return none;
        }

        string text = result.Tokens[^1].Value;
        if (int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int number))
        {
            return value(number);
        }

        ReadOnlySpan<char> digits = text.AsSpan(text.StartsWith('-') || text.StartsWith('+') ? 1 : 0);
        string shown = text.Length > 40 ? text[..40] + "..." : text;
        result.AddError(!digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9')
            ? $"{name}: '{shown}' is too {(text.StartsWith('-') ? "small" : "large")}; it must be a whole number from {minimum} to {int.MaxValue}."
            : $"{name}: '{shown}' is not a whole number.");
        return none;
    }

    /// <summary>Builds the command tree; the build action writes to <paramref name="stdout"/> and <paramref name="stderr"/>.</summary>
    /// <param name="stdout">Receives the summary line.</param>
    /// <param name="stderr">Receives errors.</param>
    /// <param name="time">The clock.</param>
    /// <param name="interactive">Whether to draw progress on stderr.</param>
    /// <returns>The root command.</returns>
    public static RootCommand Create(TextWriter stdout, TextWriter stderr, TimeProvider time, bool interactive)
    {
        var postsDir = new Argument<string>("posts-dir")
        {
            Description = "The folder of posts: every *.md under it, recursively (hidden folders skipped), in ordinal path order; with config \"conventions\", the files that site generator reads as posts (see Conventions below).",
        };
        var outDir = new Option<string>("--out", "-o")
        {
            Description = "The output folder (created if missing). Gets feed.xml, atom.xml, feed/N.xml, atom/N.xml and .feed-manifest; see Output below.",
            Required = true,
            HelpName = "dir",
        };
        var config = new Option<string?>("--config", "-c")
        {
            Description = "A JSON config file (keys below). Flags win over it.",
            HelpName = "file.json",
        };
        var siteUrl = new Option<string?>("--site-url")
        {
            Description = "The site's absolute URL, e.g. https://example.org/ or https://example.org/blog/ (config: siteUrl). Required here or in the config. Post URLs and feed URLs are resolved under it.",
            HelpName = "url",
        };
        var title = new Option<string?>("--title")
        {
            Description = "The feed title (config: title). Required here or in the config.",
            HelpName = "text",
        };
        var description = new Option<string?>("--description")
        {
            Description = "The feed description: RSS description, Atom subtitle (config: description). Default: the title.",
            HelpName = "text",
        };
        var pageSize = new Option<int>("--page-size")
        {
            Description = "Entries per feed document (config: pageSize).",
            DefaultValueFactory = _ => 10,
            CustomParser = result => ParseWholeNumber(result, "--page-size", 1, n => n, 0),
            HelpName = "n",
        };
        var excerptLength = new Option<int>("--excerpt-length")
        {
            Description = "The longest excerpt, in user-perceived characters, ellipsis not counted (config: excerpt.length).",
            DefaultValueFactory = _ => ExcerptOptions.DefaultLength,
            CustomParser = result => ParseWholeNumber(result, "--excerpt-length", 1, n => n, 0),
            HelpName = "n",
        };
        var drafts = new Option<bool>("--drafts") { Description = "Include posts with 'draft: true' (left out by default)." };
        var future = new Option<bool>("--future") { Description = "Include posts dated after now (left out by default)." };
        var now = new Option<string?>("--now")
        {
            Description = "Pin \"now\" (RFC 3339, e.g. 2025-03-02T00:00:00Z) for a reproducible build. Default: the system clock, read once per run.",
            HelpName = "time",
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only errors: no summary line, no progress." };
        var maxPostSize = new Option<int?>("--max-post-size")
        {
            Description = $"The largest post file, in megabytes; a larger one is an error (FEED0014). Default: {BuildSettings.DefaultMaxPostSizeMegabytes}.",
            CustomParser = result => ParseWholeNumber<int?>(result, "--max-post-size", 1, n => n, null),
            HelpName = "MB",
        };
        var lockTimeout = new Option<int?>("--lock-timeout")
        {
            Description = $"How long to wait, in seconds, while another build writes the same --out before giving up (FEED0019). Default: {BuildSettings.DefaultLockTimeoutSeconds}.",
            CustomParser = result => ParseWholeNumber<int?>(result, "--lock-timeout", 0, n => n, null),
            HelpName = "seconds",
        };

        var changedList = new Option<string?>("--changed-list")
        {
            Description = "After a successful build, write the absolute URL of every feed document (not HTML page) whose bytes changed (or that is new), one a line, sorted, to this file ('-' for stdout): the topics to notify a WebSub hub of. Empty when nothing changed.",
            HelpName = "file",
        };

        var formats = new Option<string?>("--formats")
        {
            Description = "What to write, comma-separated: rss, atom, json, html (config: formats). Default: rss,atom. html writes the HTML listing of the same pages (index.html, page/N/index.html).",
            HelpName = "list",
        };
        var template = new Option<string?>("--template")
        {
            Description = "A Liquid template for the HTML pages instead of the default page (config: htmlTemplate). Errors: FEED0070, FEED0071.",
            HelpName = "file.liquid",
        };

        var cacheDir = new Option<string?>("--cache-dir")
        {
            Description = "The build cache folder, outside --out (see Build cache below). Default: feed in the user's cache folder ($XDG_CACHE_HOME or ~/.cache, ~/Library/Caches, %LOCALAPPDATA%).",
            HelpName = "dir",
        };
        var noCache = new Option<bool>("--no-cache") { Description = "Build without the cache: read and render every post (the output is the same)." };
        var skipInvalid = new Option<bool>("--skip-invalid")
        {
            Description = "Build the feeds from the valid posts: each post with errors is left out and its errors printed as warnings (FEED0042), exit code 0 (config: skipInvalid). Default: any error fails the build and nothing is written.",
        };

        var followExternalLinks = new Option<bool>("--follow-external-links")
        {
            Description = "Also follow symbolic links in the posts folder that lead outside it, to a post or a folder (config: followExternalLinks). Default: such a link is skipped with a warning (FEED0063) and never read; links to what is inside the posts folder are always followed.",
        };

        var build = new Command("build", "Turn a folder of Markdown posts with YAML front matter into every page of an RSS 2.0, an Atom 1.0 and (on request) a JSON Feed 1.1 feed.")
        {
            postsDir, outDir, config, siteUrl, title, description, pageSize, excerptLength, drafts, future, now, quiet,
            maxPostSize, lockTimeout, changedList, formats, template, cacheDir, noCache, skipInvalid, followExternalLinks,
        };
        build.SetAction((parse, ct) =>
        {
            var values = new CommandLineValues
            {
                PostsDir = parse.GetRequiredValue(postsDir),
                OutDir = parse.GetRequiredValue(outDir),
                ConfigFile = parse.GetValue(config),
                SiteUrl = parse.GetValue(siteUrl),
                Title = parse.GetValue(title),
                Description = parse.GetValue(description),
                PageSize = parse.GetResult(pageSize) is { Implicit: false } ? parse.GetValue(pageSize) : null,
                ExcerptLength = parse.GetResult(excerptLength) is { Implicit: false } ? parse.GetValue(excerptLength) : null,
                Drafts = parse.GetValue(drafts),
                Future = parse.GetValue(future),
                Now = parse.GetValue(now),
                Quiet = parse.GetValue(quiet),
                MaxPostSize = parse.GetValue(maxPostSize),
                LockTimeout = parse.GetValue(lockTimeout),
                ChangedList = parse.GetValue(changedList),
                Formats = parse.GetValue(formats),
                Template = parse.GetValue(template),
                SkipInvalid = parse.GetValue(skipInvalid),
                FollowExternalLinks = parse.GetValue(followExternalLinks),
            };
            string? cache = parse.GetValue(noCache) ? null : parse.GetValue(cacheDir) ?? BuildCache.DefaultDirectory();
            return RunBuildAsync(values, cache, stdout, stderr, time, interactive ? stderr : null, ct);
        });

        var root = new RootCommand("feed: blog posts to RSS 2.0, Atom 1.0 and JSON Feed 1.1 feeds with RFC 5005 paging, identical bytes on every run.")
        {
            build,
        };

        // System.CommandLine 3.0 keeps its help layout API internal; wrap its help action instead, and add the
        // details that don't fit an option's line (output layout, config keys, exit and error codes) after it.
        foreach (Option option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction help } helpOption)
            {
                helpOption.Action = new BuildHelpAction(help, build);
            }
        }

        return root;
    }

    private static async Task<int> RunBuildAsync(
        CommandLineValues values, string? cacheDir, TextWriter stdout, TextWriter stderr, TimeProvider time, TextWriter? terminal, CancellationToken ct)
    {
        var diagnostics = new List<Diagnostic>();
        BuildSettings? settings = SettingsResolver.Resolve(values, diagnostics);
        if (settings is not null && cacheDir is not null)
        {
            string? problem = cacheDir.Length == 0 ? "--cache-dir is empty; give a folder, or pass --no-cache." : BuildCache.Check(cacheDir, settings.OutDir);
            if (problem is null)
            {
                settings = settings with { CacheDir = cacheDir };
            }
            else
            {
                diagnostics.Add(new Diagnostic(null, 0, 0, DiagnosticCodes.InvalidSettings, problem));
                settings = null;
            }
        }

        if (settings is null)
        {
            // Kept in the order found: the posts folder, --out, the config file top to bottom, then the merged settings.
            foreach (Diagnostic d in diagnostics)
            {
                stderr.WriteLine(d.ToString());
            }

            stderr.WriteLine("Run 'feed build --help' for the options and config keys.");
            return FeedBuild.UsageErrors;
        }

        return await FeedBuild.RunAsync(settings, stdout, stderr, time, terminal, ct).ConfigureAwait(false);
    }

    /// <summary>The part of <c>feed build --help</c> after the options: output layout, config keys, exit codes, error codes.</summary>
    internal static string BuildDetails { get; } = CreateBuildDetails();

    private static string CreateBuildDetails()
    {
        var text = new StringBuilder();
        text.Append("""
            Output (under --out; each document's URL is the site URL + its path here, and every paging link points at one of these files):
              feed.xml                     RSS 2.0, page 1 (the subscription document: newest posts)
              feed/2.xml ... feed/N.xml    RSS pages 2..N (RFC 5005 section 3 paging: first/last/previous/next links)
              feed/archive/1.xml ...       RSS archive documents, 1 = oldest (RFC 5005 section 4; config "archive": true)
              atom.xml, atom/N.xml, atom/archive/N.xml    the same for Atom 1.0
              feed.json, feed/N.json, feed/archive/N.json the same for JSON Feed 1.1 (config "formats": [..., "json"])
              index.html, page/N/index.html, archive/N/index.html
                                           the HTML listing of the same pages (config "formats": [..., "html"]): per
                                           post its title, date, authors, tags and excerpt, page links, links to the
                                           feeds; light and dark, no script, no request. config "htmlTemplate" lays
                                           it out with a Liquid template instead.
              tags/{slug}/feed.xml, tags/{slug}/atom.xml, tags/{slug}/feed.json, tags/{slug}/index.html, ...
                                           a feed per tag (config "taxonomies"); categories/{slug}/... and
                                           authors/{slug}/... likewise. The slug is the name in lower case, spaces
                                           as '-', other characters kept (URL-escaped in links). Names that differ
                                           only in case are one feed (the newest post's spelling); names that make
                                           one slug (C#, C) get distinct ones (c, c-1a2b3c4d); a slug over 100
                                           bytes is cut and given such a hash.
              .feed-manifest               the files feed wrote; pages a later build no longer makes are deleted.
                                           Files feed did not write are never touched (an existing one in the way is an error).
              .feed-lock, .feed-journal    only while a build runs (or after one was killed): one build at a time per
                                           --out; a journal lets the next build complete a commit that was cut short.
            Files are replaced atomically (temporary file + rename) and only when their bytes change; on any error,
            Ctrl-C, SIGTERM or SIGHUP nothing in --out is changed, and after a kill the next build completes or rolls
            back what was left (warning FEED0020). Nothing is written or deleted through a symbolic link or outside --out.
            The same posts, config and --now give byte-identical files.

            Build cache (--cache-dir; never inside --out): a document whose posts (their bytes), settings and tool
            version are unchanged, and whose file in --out is untouched since the last build, is kept without reading
            or rendering its posts; one changed post makes again only the documents it is on. The output is the same
            with or without it. Safe to delete at any time; a damaged or stale cache is ignored (a cold build).

            Posts (config "conventions": "plain", the default): every *.md, YAML front matter between '---' lines.
            Required: title, date. Optional: updated, summary, tags, categories, author or authors (a name, {name,
            email, uri}, or a list; other fields are ignored), draft, slug, permalink, id (an absolute URI), lang.
            Dates: 2025-03-02, 2025-03-02 13:15, 2025-03-02T13:15:00+08:00; without an offset a date is UTC, or in the
            config's timeZone. The slug is the file name without a leading YYYY-MM-DD- (for my-post/index.md: the
            folder name). A summary replaces the excerpt; <!--more--> ends it where you put it. Unknown keys are
            ignored; a missing title or date next to a key that looks like it (Title, titel) says "did you mean".
            Symbolic links in the posts folder are followed only when they lead to a file or folder inside it (its real
            path); one that leads outside (to ~/.ssh/..., /etc/passwd, another project) is a warning (FEED0063) naming
            the link and its target, and is never read, unless --follow-external-links (config followExternalLinks).
            A FIFO, socket or device is never opened (FEED0016); a folder reached again through a link is read once.

            Conventions (config "conventions"): read a Jekyll, Hugo or Hexo folder as that generator does.
              jekyll   posts: _posts/YYYY-MM-DD-name.{markdown,mkdown,mkdn,mkd,md} (its markdown_ext), _drafts are
                       drafts; front matter optional (title from the file name, date from front matter or file
                       name); category/categories and tag/tags (a string is split at spaces, folders above _posts
                       are categories); published: false is a draft; description, else excerpt, is the summary;
                       last_modified_at is the update time. Dates as Ruby's Time.parse reads them, shown in
                       timeZone (Jekyll's timezone). permalink: date (default), pretty, ordinal, weekdate, none, or
                       :year :short_year :month :i_month :short_month :long_month :day :i_day :y_day :week :w_year
                       :w_day :short_day :long_day :hour :minute :second :title :slug :name :categories
                       :slugified_categories :output_ext. Templates: Liquid.
              hugo     posts: *.md, *.markdown, *.mdown; a leaf bundle's index.md is a post (its folder names it, its
                       other files are resources); _index.md is a list page, not a post. Front matter YAML ('---'),
                       TOML ('+++') or JSON ('{'), after blank lines or a BOM; keys in any case. date, else
                       publishDate/pubDate/published/lastmod/modified; lastmod is the update time; expiryDate
                       leaves a post out after it; draft; slug; url (the post's own path); summary, else
                       description. permalink: default the post's path under the posts folder
                       (/:sections/:slugorcontentbasename/, lower-cased), or :year :month :monthname :day :weekday
                       :weekdayname :yearday :section :sections (and :sections[1:] ...) :title :slug :filename
                       :slugorfilename :contentbasename :slugorcontentbasename and Go layouts (:2006 :01 :02).
                       Templates: shortcodes.
              hexo     posts: _posts/**.{md,markdown,mkd,mkdn,mdwn,mdtxt,mdtext} (names starting with '_' or '.'
                       are not read), _drafts are drafts; front matter with or without the opening '---', or JSON
                       closed by ';;;'. updated; categories (a nested list is a hierarchy) or category; tags or
                       tag; published: false is a draft; description, else excerpt, is the summary; permalink (the
                       post's own path). permalink: default :year/:month/:day/:title/, or :year :month :day
                       :i_month :i_day :hour :minute :second :timestamp :title :name :post_title :category, dates
                       in timeZone. Templates: tag plugins.
              Under a convention, files it does not read (images, pages, other formats) are counted in the
              summary line, never skipped without a word; a draft is checked only when --drafts publishes it.
            Template tags ({% ... %}, {{< ... >}}, {{% ... %}}) are expanded before excerpts and content are made;
            the summary line counts the tags removed, and a tag that cannot be expanded is a warning (FEED0041).
            --skip-invalid (config skipInvalid): each post with errors is left out with its errors as warnings.

            Config file (JSON, camelCase; comments allowed; an unknown key or a wrong type is an error):
              siteUrl                      required here or by --site-url
              title                        required here or by --title
              description                  default: the title
              language                     BCP 47 tag, e.g. "en", "zh-CN"; default: none
              author                       {"name", "email", "uri"} or "name": the feed's author; default: none
              copyright, icon, logo        default: none (icon and logo are absolute URLs)
              pageSize                     default: 10
              permalink                    default: "/posts/{slug}/"; placeholders {year} {month} {day} {slug},
                                           resolved under siteUrl (a post's own 'permalink' overrides it); under
                                           conventions, the generator's own form and default (see Conventions)
              conventions                  "plain" (default), "jekyll", "hugo" or "hexo" (see Conventions)
              skipInvalid                  default: false; true leaves out each post with errors (as --skip-invalid)
              followExternalLinks          default: false; true follows links that lead outside the posts folder
                                           (as --follow-external-links)
              fullContent                  default: true (full HTML in content:encoded / atom:content)
              formats                      default: ["rss", "atom"]; "json" adds JSON Feed 1.1, "html" the HTML pages
              htmlTemplate                 a Liquid file (relative to the config file) that lays out the HTML pages;
                                           output is HTML-escaped unless a key ends in _html or | raw is used.
                                           Default: none (the default page)
              taxonomies                   {"tags": true, "categories": true, "authors": false}: a feed per tag,
                                           category, author (a post without authors counts as the config's author);
                                           default: none
              hub                          a WebSub hub URL announced by every document (rel="hub", JSON "hubs");
                                           default: none. --changed-list lists the documents to notify it of
              archive                      default: false (RFC 5005 section 4 archives instead of section 3 pages)
              excerpt                      {"length": 350, "ellipsis": "...", "boundary": "word" | "character",
                                            "mathPlaceholder": "[Math]", "displayMathPlaceholder": "[Math]"}
              timeZone                     IANA id for dates without an offset, e.g. "Asia/Shanghai", and (jekyll,
                                           hexo) the zone of the dates in URLs; default: UTC

            Exit codes: 0 success; 1 errors in the posts or the output folder (nothing changed); 2 usage errors (the
            command line or the config file); 130, 143, 129 stopped by SIGINT (Ctrl-C), SIGTERM, SIGHUP (nothing changed).

            Errors print as 'path(line,col): error FEEDnnnn: message' (warnings: 'warning FEEDnnnn'), every one of them,
            not just the first, one line each: in a path, control characters, '%', ':', '(', ')' and bytes that are not
            UTF-8 are percent-encoded, so a file name cannot break or forge a line:

            """);
        foreach (var (code, meaning) in DiagnosticCodes.All)
        {
            text.Append("  ").Append(code).Append("  ").Append(meaning).Append('\n');
        }

        text.Append('\n');
        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The standard help, then <see cref="BuildDetails"/> when the help is for <c>build</c>.</summary>
    private sealed class BuildHelpAction(HelpAction inner, Command build) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            int exitCode = inner.Invoke(parseResult);
            if (parseResult.CommandResult.Command == build)
            {
                parseResult.InvocationConfiguration.Output.Write(BuildDetails);
            }

            return exitCode;
        }
    }
}
