using Feed.Tool.Tests.Support;

namespace Feed.Tool.Tests.Faults;

/// <summary>
/// Symbolic links in the posts folder, through the real process. The rule: a link is followed only when what it leads
/// to is inside the posts folder; one that leads outside (to a post or a folder) is a warning naming the link and its
/// target and is never read, unless <c>--follow-external-links</c> says otherwise.
/// </summary>
public sealed class PostLinkTests : IDisposable
{
    private readonly TestSite _site = new();

    public PostLinkTests() => _site.Post("2024-01-01-fine.md", "Fine", "2024-01-01");

    public void Dispose() => _site.Dispose();

    private string Outside(string name, string title, string folder = "elsewhere")
    {
        string elsewhere = Path.Combine(_site.Root, folder);
        Directory.CreateDirectory(elsewhere);
        string path = Path.Combine(elsewhere, name);
        File.WriteAllText(path, $"---\ntitle: {title}\ndate: 2024-02-01\n---\nThe text of {title}.\n");
        return path;
    }

    private string AllOutput() => string.Concat(TestSite.SnapshotOf(_site.Out).Values.Select(v => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(v))));

    [Fact]
    public async Task A_post_that_links_outside_the_posts_folder_is_a_warning_naming_link_and_target_and_is_not_published()
    {
        string secret = Outside("secret.md", "SECRET");
        string link = Path.Combine(_site.Posts, "2024-02-01-secret.md");
        File.CreateSymbolicLink(link, secret);

        ToolRun run = await ToolProcess.RunAsync(_site.Args());

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stderr.ShouldContain(
            $"{link}: warning FEED0063: this is a symbolic link to {secret}, outside the posts folder; feed does not follow it (it reads only the posts folder), so it is not published. Pass --follow-external-links to follow such links.",
            Case.Sensitive, run.ToString());
        run.Stdout.ShouldContain("feed: 1 posts read");
        AllOutput().ShouldNotContain("SECRET");
    }

    [Fact]
    public async Task A_link_to_a_system_file_is_never_read()
    {
        string link = Path.Combine(_site.Posts, "passwd.md");
        File.CreateSymbolicLink(link, "/etc/passwd");

        ToolRun run = await ToolProcess.RunAsync(_site.Args());

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stderr.ShouldContain($"{link}: warning FEED0063: this is a symbolic link to /etc/passwd, outside the posts folder;");
        run.Stderr.ShouldNotContain("FEED0003"); // it was not opened, so not found to lack front matter
        AllOutput().ShouldNotContain("root:");
    }

    [Fact]
    public async Task A_folder_that_links_outside_the_posts_folder_is_not_followed()
    {
        Outside("2024-02-01-note.md", "NOTE");
        string link = Path.Combine(_site.Posts, "notes");
        Directory.CreateSymbolicLink(link, Path.Combine(_site.Root, "elsewhere"));

        ToolRun run = await ToolProcess.RunAsync(_site.Args());

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stderr.ShouldContain($"{link}: warning FEED0063: this is a symbolic link to {Path.Combine(_site.Root, "elsewhere")}, outside the posts folder;");
        run.Stdout.ShouldContain("feed: 1 posts read");
        AllOutput().ShouldNotContain("NOTE");
    }

    [Fact]
    public async Task With_follow_external_links_what_the_links_lead_to_is_published()
    {
        File.CreateSymbolicLink(Path.Combine(_site.Posts, "2024-02-01-secret.md"), Outside("secret.md", "OUTSIDE POST"));
        Outside("2024-02-02-note.md", "OUTSIDE NOTE", "notes");
        Directory.CreateSymbolicLink(Path.Combine(_site.Posts, "notes"), Path.Combine(_site.Root, "notes"));

        ToolRun run = await ToolProcess.RunAsync(_site.Args("--follow-external-links"));

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stderr.ShouldNotContain("FEED0063");
        AllOutput().ShouldContain("OUTSIDE POST");
        AllOutput().ShouldContain("OUTSIDE NOTE");
    }

    [Fact]
    public async Task Links_inside_the_posts_folder_are_followed()
    {
        string archive = Path.Combine(_site.Posts, "archive");
        Directory.CreateDirectory(archive);
        string real = Path.Combine(archive, "2023-05-05-real.md");
        File.WriteAllText(real, "---\ntitle: INSIDE\ndate: 2023-05-05\n---\nText.\n");
        File.CreateSymbolicLink(Path.Combine(_site.Posts, "2023-05-06-alias.md"), "archive/2023-05-05-real.md");
        Directory.CreateSymbolicLink(Path.Combine(_site.Posts, "old"), "archive");

        ToolRun run = await ToolProcess.RunAsync(_site.Args());

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stderr.ShouldNotContain("FEED0063");
        run.Stdout.ShouldContain("feed: 3 posts read"); // fine, archive/real, and alias (the folder 'old' is 'archive' again)
        AllOutput().ShouldContain("INSIDE");
    }

    [Fact]
    public async Task The_rule_is_in_the_help()
    {
        ToolRun run = await ToolProcess.RunAsync("build", "--help");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stdout.ShouldContain("--follow-external-links");
        run.Stdout.ShouldContain("Symbolic links in the posts folder are followed only when they lead to a file or folder inside it");
    }
}
