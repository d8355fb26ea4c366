using Feed.Tool.Configuration;
using Feed.Tool.Diagnostics;
using Feed.Tool.Output;
using Microsoft.Build.Framework;

namespace Feed.Build;

/// <summary>
/// Lists the files of the last feed build (from the output folder's <c>.feed-manifest</c>) as items whose
/// <c>RelativePath</c> is the path of their URL: the path inside the folder under the site URL's own path
/// (<c>feed/2.xml</c> for <c>https://example.org/</c>, <c>blog/feed/2.xml</c> for <c>https://example.org/blog/</c>).
/// The targets of a Web SDK project make them static web assets from this list, also when the build itself was
/// skipped as up to date, each with the media type of its format (<c>ContentType</c> metadata, from
/// <see cref="FeedLayout"/>: <c>feed.xml</c>, <c>feed/2.xml</c> are RSS, <c>atom/2.xml</c> Atom, <c>feed/2.json</c>
/// JSON Feed, under any folder of a tag's feed too).
/// </summary>
public sealed class FeedOutputs : Microsoft.Build.Utilities.Task
{
    /// <summary>Gets or sets the output folder (full path).</summary>
    [Required]
    public string OutputDir { get; set; } = "";

    /// <summary>Gets or sets the JSON config file whose <c>siteUrl</c> applies when <see cref="SiteUrl"/> is empty.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>Gets or sets the site URL override (the <c>FeedSiteUrl</c> property); empty to take the config file's.</summary>
    public string? SiteUrl { get; set; }

    /// <summary>Gets the generated files, each with <c>RelativePath</c> metadata.</summary>
    [Output]
    public ITaskItem[] Files { get; private set; } = [];

    /// <inheritdoc />
    public override bool Execute()
    {
        string outDir = Path.GetFullPath(OutputDir);
        string prefix = SitePath();
        var files = new List<ITaskItem>();
        foreach (string relative in ManifestFile.Read(outDir))
        {
            string full = Path.Join(outDir, relative.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(full))
            {
                var item = new Microsoft.Build.Utilities.TaskItem(full);
                item.SetMetadata("RelativePath", prefix + relative);
                item.SetMetadata("ContentType", ContentType(relative) ?? string.Empty);
                item.SetMetadata("ContentTypePattern", "*" + Path.GetExtension(relative));
                files.Add(item);
            }
        }

        Files = [.. files];
        return true;
    }

    /// <summary>
    /// The media type of a written document, by its place in <see cref="FeedLayout"/>: the format's feed file
    /// (<c>feed.xml</c>), or a file with its extension in the folder of its pages (<c>feed/2.xml</c>,
    /// <c>feed/archive/1.xml</c>), in any folder (a tag's feed is the same layout under <c>tags/{slug}/</c>);
    /// <see langword="null"/> for a file of no feed format (the SDK then types it by its extension).
    /// </summary>
    internal static string? ContentType(string relativePath)
    {
        string[] segments = relativePath.Split('/');
        string file = segments[^1];
        foreach (FeedLayoutFiles layout in FeedLayout.Formats)
        {
            string pagesFolder = layout.PageUrlTemplate[..layout.PageUrlTemplate.IndexOf('/', StringComparison.Ordinal)];
            bool named = string.Equals(file, layout.FeedFile, StringComparison.Ordinal);
            bool paged = string.Equals(Path.GetExtension(file), Path.GetExtension(layout.FeedFile), StringComparison.Ordinal)
                && (IsIn(segments, pagesFolder, depth: 2) || (IsIn(segments, pagesFolder, depth: 3) && segments[^2] == "archive"));
            if (named || paged)
            {
                return FeedMediaTypes.Get(layout.Format);
            }
        }

        return null;

        // Whether the file is `depth` segments below a folder of that name: feed/2.xml (2), feed/archive/1.xml (3).
        static bool IsIn(string[] segments, string folder, int depth) =>
            segments.Length >= depth && string.Equals(segments[^depth], folder, StringComparison.Ordinal);
    }

    // The site URL's path without its leading '/', e.g. "blog/" ("" for a site at the root), resolved the way the
    // tool resolves it (the override, else the config file's siteUrl). The build that wrote the files has already
    // reported any problem with either, so a problem here just means no prefix.
    private string SitePath()
    {
        Uri? site = null;
        if (!string.IsNullOrWhiteSpace(SiteUrl))
        {
            site = SettingValues.ParseSiteUrl(SiteUrl.Trim(), out _);
        }
        else if (!string.IsNullOrWhiteSpace(ConfigFile) && File.Exists(ConfigFile))
        {
            site = ConfigReader.Read(ConfigFile, new List<Diagnostic>()).SiteUrl;
        }

        return site is null ? "" : Uri.UnescapeDataString(site.AbsolutePath).TrimStart('/');
    }
}
