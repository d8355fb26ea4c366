namespace Feed.Tool.Tests.Support;

internal static class LinkAssertions
{
    private static readonly string[] DocumentRels = ["self", "first", "last", "next", "previous", "current", "prev-archive", "next-archive"];

    /// <summary>Every document link (self, paging, archive) of every feed file under <paramref name="outDir"/> is a file there.</summary>
    public static void EveryLinkPointsAtAWrittenFile(string outDir, string siteUrl)
    {
        int checkedLinks = 0;
        foreach (string file in Directory.EnumerateFiles(outDir, "*.xml", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(outDir, file).Replace('\\', '/');
            FeedXml feed = FeedXml.Load(file);
            // Links are URL-escaped (a tag's folder may be 静态网站); files have the names unescaped.
            Uri.UnescapeDataString(feed.Link("self")!).ShouldBe(siteUrl + relative, $"self link of {relative}");
            foreach (var (rel, href) in feed.Links.Where(l => DocumentRels.Contains(l.Rel)))
            {
                href.ShouldStartWith(siteUrl, customMessage: $"{rel} link of {relative}");
                File.Exists(Path.Combine(outDir, Uri.UnescapeDataString(href[siteUrl.Length..]))).ShouldBeTrue($"{rel} link of {relative} points at {href}, which was not written");
                checkedLinks++;
            }
        }

        checkedLinks.ShouldBeGreaterThan(0);
    }
}
