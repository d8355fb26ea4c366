using System.Globalization;
using Feed.Tool;
using Microsoft.Build.Framework;

namespace Feed.Build;

/// <summary>
/// The MSBuild task behind the <c>FeedGenerate</c> target: runs <c>feed build</c> in-process, with the tool's own
/// engine and command line, and reports each of its diagnostics as an MSBuild error with file, line, column and code.
/// </summary>
/// <remarks>
/// In-process rather than a child process (<c>Exec</c>): an <c>Exec</c> of the tool does turn its
/// <c>path(line,col): error FEEDnnnn: message</c> lines into MSBuild errors, but a failing command then adds an
/// MSB3073 error that names the command line, and ignoring the exit code instead makes a build with errors succeed;
/// logging through <see cref="Microsoft.Build.Utilities.TaskLoggingHelper"/> gives exactly the tool's diagnostics and
/// nothing else. It also saves starting a second runtime on every changed build, and makes Ctrl-C in MSBuild cancel
/// the run the way it cancels the tool (nothing in the output folder changed).
/// </remarks>
public sealed class FeedGenerate : Microsoft.Build.Utilities.Task, ICancelableTask, IDisposable
{
    private readonly CancellationTokenSource _cancel = new();

    /// <summary>Gets or sets the folder of Markdown posts (full path).</summary>
    [Required]
    public string PostsDir { get; set; } = "";

    /// <summary>Gets or sets the folder the feeds are written to (full path; created if missing).</summary>
    [Required]
    public string OutputDir { get; set; } = "";

    /// <summary>Gets or sets the JSON config file (the tool's <c>--config</c>); empty for none.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>Gets or sets the site URL, overriding the config file's <c>siteUrl</c>; empty to keep it.</summary>
    public string? SiteUrl { get; set; }

    /// <summary>Gets or sets the feed title, overriding the config file's <c>title</c>; empty to keep it.</summary>
    public string? Title { get; set; }

    /// <summary>Gets or sets the entries per page, overriding the config file's <c>pageSize</c>; empty to keep it.</summary>
    public string? PageSize { get; set; }

    /// <summary>Gets or sets what to write, overriding the config file's <c>formats</c> (the tool's <c>--formats</c>: <c>rss,atom,html</c>); empty to keep it.</summary>
    public string? Formats { get; set; }

    /// <summary>Gets or sets the Liquid template of the HTML pages (full path; the tool's <c>--template</c>); empty for the config's <c>htmlTemplate</c> or the default page.</summary>
    public string? Template { get; set; }

    /// <summary>Gets or sets "now" (RFC 3339) for leaving out future posts; empty for the system clock.</summary>
    public string? Now { get; set; }

    /// <summary>Gets or sets a value indicating whether drafts are included.</summary>
    public bool Drafts { get; set; }

    /// <summary>Gets or sets a value indicating whether posts dated after now are included.</summary>
    public bool Future { get; set; }

    /// <summary>Gets the command line the task ran, as the tool's arguments (for the log and the tests).</summary>
    [Output]
    public string[] Arguments { get; private set; } = [];

    /// <summary>
    /// Gets the files the build read besides the posts, the config file and <see cref="Template"/>: the HTML page
    /// template the config file names (<c>htmlTemplate</c>), as a full path. The targets keep them among the inputs of
    /// the next build, so editing that template rebuilds the pages. Empty when the build failed.
    /// </summary>
    [Output]
    public string[] Dependencies { get; private set; } = [];

    /// <inheritdoc />
    public override bool Execute()
    {
        var args = new List<string> { "build", TrimSeparator(PostsDir), "--out", TrimSeparator(OutputDir) };
        AddOption(args, "--config", ConfigFile);
        AddOption(args, "--site-url", SiteUrl);
        AddOption(args, "--title", Title);
        AddOption(args, "--page-size", PageSize);
        AddOption(args, "--now", Now);
        AddOption(args, "--formats", Formats?.Replace(';', ','));
        AddOption(args, "--template", Template);
        if (Drafts)
        {
            args.Add("--drafts");
        }

        if (Future)
        {
            args.Add("--future");
        }

        Arguments = [.. args];
        Log.LogMessage(MessageImportance.Low, "feed {0}", string.Join(' ', args.Select(Quote)));

        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        int exitCode;
        try
        {
            exitCode = Program.RunAsync(Arguments, stdout, stderr, time: null, _cancel.Token).GetAwaiter().GetResult();
        }
        finally
        {
            // Whatever the tool printed before a failure is still worth seeing.
            foreach (string line in Lines(stdout.ToString()))
            {
                Log.LogMessage(MessageImportance.High, line);
            }

            foreach (string line in Lines(stderr.ToString()))
            {
                ToolLine.Log(Log, line);
            }
        }

        if (exitCode != 0 && !Log.HasLoggedErrors)
        {
            // Cancelled, or a failure that printed no diagnostic: still a failed build, never a silent one.
            Log.LogError("feed build exited with code {0} without reporting an error; the output folder was not changed.", exitCode);
        }

        bool succeeded = exitCode == 0 && !Log.HasLoggedErrors;
        if (succeeded && string.IsNullOrEmpty(Template) && !string.IsNullOrEmpty(ConfigFile))
        {
            // The config was read by the run just now without a problem, so reading it again here cannot fail but
            // for a race with an edit, which the next build sees anyway (the config is an input too).
            var problems = new List<Feed.Tool.Diagnostics.Diagnostic>();
            Feed.Tool.Configuration.ToolConfig config = Feed.Tool.Configuration.ConfigReader.Read(ConfigFile, problems);
            if (problems.Count == 0 && Feed.Tool.Configuration.SettingsResolver.TemplatePath(null, config) is { } template)
            {
                Dependencies = [Path.GetFullPath(template)];
            }
        }

        return succeeded;
    }

    /// <inheritdoc />
    public void Cancel() => _cancel.Cancel();

    /// <inheritdoc />
    public void Dispose() => _cancel.Dispose();

    private static void AddOption(List<string> args, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            args.Add(name);
            args.Add(value.Trim());
        }
    }

    // The tool joins the posts folder and a post's path inside it into the path it prints; without a trailing
    // separator that is one clean absolute path an IDE can open.
    private static string TrimSeparator(string path) => Path.TrimEndingDirectorySeparator(path);

    private static string Quote(string arg) => arg.Contains(' ', StringComparison.Ordinal) ? $"\"{arg}\"" : arg;

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0);
}
