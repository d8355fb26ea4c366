// begin-snippet: liquid-usings
using Feed;
using Feed.Liquid;
// end-snippet

namespace Feed.Tool.Tests.Html.Snippets;

/// <summary>Feed.Liquid's README quick start, compiled and run by <c>LiquidQuickStartTests</c>.</summary>
internal static class LiquidQuickStart
{
    public static async Task<IReadOnlyList<string>> WriteAsync(IEnumerable<FeedPost> posts, string templatePath, string siteFolder, CancellationToken ct)
    {
        // begin-snippet: liquid-quick-start
        #pragma warning disable FEEDEXP010 // the keys of a template's page model may still change
        var options = new FeedOptions
        {
            Title = "Example blog",
            SiteUrl = new Uri("https://blog.example.org/"),
            HtmlTemplate = LiquidHtmlTemplate.Parse(File.ReadAllText(templatePath), templatePath),
        };
        #pragma warning restore FEEDEXP010
        var siteUrl = new Uri("https://blog.example.org/");
        FeedLayout.Apply(options, siteUrl); // index.html, page/2/index.html, … beside feed.xml, atom.xml, feed.json

        // Every page of the listing laid out by the template (and the feeds it links to): a FeedTemplateException with
        // the template's file, line and column if the template has an error, before anything is written.
        var generator = new FeedGenerator(options);
        IReadOnlyList<string> files = await generator.WriteFolderAsync(
            posts, siteFolder, siteUrl, [FeedFormat.Html, FeedFormat.Rss, FeedFormat.Atom], ct);
        // end-snippet
        return files;
    }
}
