using PuppeteerSharp;

#pragma warning disable IDE0130 // One file compiled into every test project that renders pages (see its .csproj).
namespace Feed.Testing;
#pragma warning restore IDE0130

/// <summary>
/// A real browser for tests: Debian's headless Chromium (<c>/usr/bin/chromium</c>), driven over the DevTools
/// protocol by PuppeteerSharp. What a reader's page really shows, loads and does is judged here, not by a parser.
/// </summary>
/// <remarks>
/// <para>
/// One policy for every test project, the same as the feedparser bridge's: <c>.ci/run</c> installs chromium; under
/// <c>CI=true</c> a test that needs it fails when it is missing (a CI run must not pass by skipping); elsewhere such a
/// test is skipped with <see cref="MissingReason"/> (<see cref="ChromiumFactAttribute"/>).
/// </para>
/// <para>
/// The browser starts with the flags a closed network needs (no background networking, component updates, sync or
/// QUIC: without them Chromium keeps trying to reach Google's hosts) and a fresh profile in a temporary folder that
/// <see cref="ChromiumSession.DisposeAsync"/> removes. PuppeteerSharp never downloads a browser here.
/// </para>
/// </remarks>
internal static class Chromium
{
    /// <summary>Where Debian's chromium package puts the browser; <c>FEED_CHROMIUM</c> overrides it.</summary>
    public static readonly string ExecutablePath = Environment.GetEnvironmentVariable("FEED_CHROMIUM") is { Length: > 0 } path
        ? path
        : "/usr/bin/chromium";

    public const string MissingReason =
        "chromium is not installed (apt-get install chromium; .ci/run installs it), so the real-browser checks cannot run.";

    /// <summary>The flags of every launch: headless, no sandbox (tests run as root), and nothing that phones home.</summary>
    public static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
        "--mute-audio", "--hide-scrollbars", "--font-render-hinting=none",
    ];

    /// <summary>Gets whether the browser can be started here.</summary>
    public static bool IsAvailable => File.Exists(ExecutablePath);

    /// <summary>Gets whether a missing browser skips a test (here) rather than failing it (under <c>CI=true</c>).</summary>
    public static bool SkipWhenMissing =>
        !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Starts a browser with a fresh profile.</summary>
    /// <param name="width">The width of every page's viewport, in CSS pixels.</param>
    /// <param name="height">The height of every page's viewport, in CSS pixels.</param>
    /// <exception cref="InvalidOperationException">The browser is missing.</exception>
    public static async Task<ChromiumSession> LaunchAsync(int width = 1280, int height = 800)
    {
        if (!IsAvailable)
        {
            throw new InvalidOperationException(MissingReason);
        }

        string profile = Directory.CreateTempSubdirectory("feed-chromium-").FullName;
        try
        {
            IBrowser browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                UserDataDir = profile,
                Args = Flags,
                DefaultViewport = new ViewPortOptions { Width = width, Height = height },
                Timeout = 60_000,
            });
            return new ChromiumSession(browser, profile);
        }
        catch
        {
            Directory.Delete(profile, recursive: true);
            throw;
        }
    }
}

/// <summary>One running browser: pages are opened with <see cref="NewPageAsync"/>; disposing closes it and removes its profile.</summary>
internal sealed class ChromiumSession(IBrowser browser, string profile) : IAsyncDisposable
{
    /// <summary>Gets the browser, for what this class does not wrap.</summary>
    public IBrowser Browser { get; } = browser;

    /// <summary>Opens a blank page (a new tab).</summary>
    public Task<IPage> NewPageAsync() => Browser.NewPageAsync();

    /// <summary>Closes the browser and removes its profile folder.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Browser.CloseAsync();
        }
        finally
        {
            await Browser.DisposeAsync();
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A renderer still flushing its profile; the folder is in the temporary directory.
            }
        }
    }
}

/// <summary>A fact that needs Chromium: skipped where it is missing, except under <c>CI=true</c>, where it fails.</summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.IsAvailable && Chromium.SkipWhenMissing)
        {
            Skip = Chromium.MissingReason;
        }
    }
}

/// <summary>A theory that needs Chromium: skipped where it is missing, except under <c>CI=true</c>, where it fails.</summary>
internal sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (!Chromium.IsAvailable && Chromium.SkipWhenMissing)
        {
            Skip = Chromium.MissingReason;
        }
    }
}
