using Feed.Build.Tests.Support;

namespace Feed.Build.Tests;

/// <summary>FeedClean removes what the manifest lists and nothing else; FeedOutputs lists the same files with their URL paths.</summary>
public sealed class FeedCleanTests
{
    [Fact]
    public void Clean_removes_the_generated_files_and_only_them()
    {
        using var project = new SampleProject();
        project.Task(new RecordingBuildEngine()).Execute().ShouldBeTrue();
        File.WriteAllText(project.Output("App.dll"), "not ours");
        File.WriteAllText(project.Output("feed/notes.txt"), "not ours either");

        var clean = new FeedClean { BuildEngine = new RecordingBuildEngine(), OutputDir = project.Out };
        clean.Execute().ShouldBeTrue();

        project.Snapshot().Keys.ShouldBe(["App.dll", "feed/notes.txt"]);
        Directory.Exists(project.Output("atom")).ShouldBeFalse(); // left empty, so removed
        clean.Deleted.Length.ShouldBe(10); // 6 feed documents, 3 HTML pages and the manifest
    }

    [Fact]
    public void Clean_never_follows_a_manifest_line_out_of_the_folder()
    {
        using var project = new SampleProject();
        Directory.CreateDirectory(project.Out);
        string outside = Path.Combine(project.Root, "keep.txt");
        File.WriteAllText(outside, "keep");
        File.WriteAllText(project.Output(".feed-manifest"), $"../keep.txt\n{outside}\n");

        new FeedClean { BuildEngine = new RecordingBuildEngine(), OutputDir = project.Out }.Execute().ShouldBeTrue();

        File.Exists(outside).ShouldBeTrue();
        File.Exists(project.Output(".feed-manifest")).ShouldBeFalse();
    }

    [Fact]
    public void Clean_never_deletes_through_a_linked_folder()
    {
        using var project = new SampleProject();
        project.Task(new RecordingBuildEngine()).Execute().ShouldBeTrue();

        // Someone replaced the generated feed/ folder by a link to a folder outside, holding a file of the same name
        // as a listed page, and a listed page by a link to a file outside.
        string elsewhere = Path.Combine(project.Root, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, "2.xml"), "keep");
        File.WriteAllText(Path.Combine(project.Root, "keep.xml"), "keep too");
        Directory.Delete(project.Output("feed"), recursive: true);
        Directory.CreateSymbolicLink(project.Output("feed"), elsewhere);
        File.Delete(project.Output("atom/2.xml"));
        File.CreateSymbolicLink(project.Output("atom/2.xml"), Path.Combine(project.Root, "keep.xml"));

        var engine = new RecordingBuildEngine();
        new FeedClean { BuildEngine = engine, OutputDir = project.Out }.Execute().ShouldBeTrue();

        File.ReadAllText(Path.Combine(elsewhere, "2.xml")).ShouldBe("keep");
        File.ReadAllText(Path.Combine(project.Root, "keep.xml")).ShouldBe("keep too");
        engine.Warnings.ShouldContain(w => w.File.EndsWith("feed" + Path.DirectorySeparatorChar + "2.xml", StringComparison.Ordinal));
        engine.Warnings.ShouldAllBe(w => w.Code == "FEED0020"); // the tool's code for a manifest line left alone
        engine.Errors.ShouldBeEmpty();
        File.Exists(project.Output("atom.xml")).ShouldBeFalse(); // the rest is cleaned as usual
    }

    [Fact]
    public void Clean_without_a_manifest_does_nothing()
    {
        using var project = new SampleProject();
        Directory.CreateDirectory(project.Out);
        File.WriteAllText(project.Output("feed.xml"), "someone else's");

        new FeedClean { BuildEngine = new RecordingBuildEngine(), OutputDir = project.Out }.Execute().ShouldBeTrue();

        File.ReadAllText(project.Output("feed.xml")).ShouldBe("someone else's");
    }

    [Fact]
    public void Outputs_lists_each_generated_file_with_its_path_under_the_site_url()
    {
        using var project = new SampleProject();
        project.Task(new RecordingBuildEngine()).Execute().ShouldBeTrue();

        var outputs = new FeedOutputs { BuildEngine = new RecordingBuildEngine(), OutputDir = project.Out };
        outputs.Execute().ShouldBeTrue();

        outputs.Files.Select(f => f.GetMetadata("RelativePath")).ShouldBe(["atom.xml", "atom/2.xml", "atom/3.xml", "feed.xml", "feed/2.xml", "feed/3.xml", "index.html", "page/2/index.html", "page/3/index.html"]);
        outputs.Files.ShouldAllBe(f => File.Exists(f.ItemSpec));
        outputs.Files.Select(f => f.GetMetadata("ContentType")).ShouldBe(
            [.. Enumerable.Repeat("application/atom+xml", 3), .. Enumerable.Repeat("application/rss+xml", 3), .. Enumerable.Repeat("", 3)]); // HTML pages: the SDK types them by extension
    }

    [Theory]
    [InlineData("feed.xml", "application/rss+xml")]
    [InlineData("feed/12.xml", "application/rss+xml")]
    [InlineData("feed/archive/3.xml", "application/rss+xml")]
    [InlineData("atom.xml", "application/atom+xml")]
    [InlineData("atom/2.xml", "application/atom+xml")]
    [InlineData("atom/archive/1.xml", "application/atom+xml")]
    [InlineData("feed.json", "application/feed+json")]
    [InlineData("feed/2.json", "application/feed+json")]
    [InlineData("feed/archive/2.json", "application/feed+json")]
    [InlineData("tags/c-sharp/atom/2.xml", "application/atom+xml")]
    [InlineData("authors/ada/feed.json", "application/feed+json")]
    [InlineData("index.html", null)]
    [InlineData("page/2/index.html", null)]
    [InlineData("feed/notes.txt", null)]
    [InlineData("atom/feed.json", "application/feed+json")] // a tag named "atom": its JSON feed
    public void Each_document_has_the_media_type_of_its_format_by_its_place_in_the_layout(string relativePath, string? contentType)
    {
        FeedOutputs.ContentType(relativePath).ShouldBe(contentType);
    }

    [Theory]
    [InlineData("https://blog.example.org/notes/", "notes/")]
    [InlineData("https://blog.example.org/my%20notes", "my notes/")]
    public void Under_a_site_url_with_a_path_the_url_paths_start_with_it(string siteUrl, string prefix)
    {
        using var project = new SampleProject();
        FeedGenerate build = project.Task(new RecordingBuildEngine());
        build.SiteUrl = siteUrl;
        build.Execute().ShouldBeTrue();

        var outputs = new FeedOutputs { BuildEngine = new RecordingBuildEngine(), OutputDir = project.Out, ConfigFile = project.Config, SiteUrl = siteUrl };
        outputs.Execute().ShouldBeTrue();

        outputs.Files.Select(f => f.GetMetadata("RelativePath")).ShouldBe(new[] { "atom.xml", "atom/2.xml", "atom/3.xml", "feed.xml", "feed/2.xml", "feed/3.xml", "index.html", "page/2/index.html", "page/3/index.html" }.Select(p => prefix + p));
    }

    [Fact]
    public void Without_an_override_the_url_path_comes_from_the_config_file()
    {
        using var project = new SampleProject();
        File.WriteAllText(project.Config, "{ \"siteUrl\": \"https://example.org/blog/\", \"title\": \"T\" }");
        project.Task(new RecordingBuildEngine()).Execute().ShouldBeTrue();

        var outputs = new FeedOutputs { BuildEngine = new RecordingBuildEngine(), OutputDir = project.Out, ConfigFile = project.Config };
        outputs.Execute().ShouldBeTrue();

        outputs.Files.Select(f => f.GetMetadata("RelativePath")).ShouldBe(["blog/atom.xml", "blog/feed.xml"]);
    }
}
