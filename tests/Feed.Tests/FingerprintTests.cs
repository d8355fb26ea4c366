using System.Reflection;
using Feed.Excerpts;

namespace Feed.Tests;

/// <summary>
/// <see cref="FeedGenerator.Fingerprint"/> changes with every option that can change a written byte: each public property
/// of <see cref="FeedOptions"/> and <see cref="ExcerptOptions"/> is changed in turn, found by reflection, so an option
/// added later and left out of the fingerprint fails here.
/// </summary>
public sealed class FingerprintTests
{
    private static FeedOptions Base() => new()
    {
        Title = "Blog",
        SiteUrl = new Uri("https://blog.example/"),
    };

    // A valid value other than Base()'s for every property; a property missing here fails the test.
    private static readonly Dictionary<string, Action<FeedOptions>> Changes = new(StringComparer.Ordinal)
    {
        ["Title"] = o => o.Title = "Blog 2",
        ["Description"] = o => o.Description = "About",
        ["SiteUrl"] = o => o.SiteUrl = new Uri("https://blog.example/b/"),
        ["RssUrl"] = o => o.RssUrl = new Uri("https://blog.example/rss.xml"),
        ["AtomUrl"] = o => o.AtomUrl = new Uri("https://blog.example/a.xml"),
        ["JsonUrl"] = o => o.JsonUrl = new Uri("https://blog.example/j.json"),
        ["Id"] = o => o.Id = "urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6",
        ["RssPageUrlTemplate"] = o => o.RssPageUrlTemplate = "r/{page}.xml",
        ["AtomPageUrlTemplate"] = o => o.AtomPageUrlTemplate = "a/{page}.xml",
        ["JsonPageUrlTemplate"] = o => o.JsonPageUrlTemplate = "j/{page}.json",
        ["RssArchiveUrlTemplate"] = o => o.RssArchiveUrlTemplate = "r/archive/{archive}.xml",
        ["AtomArchiveUrlTemplate"] = o => o.AtomArchiveUrlTemplate = "a/archive/{archive}.xml",
        ["JsonArchiveUrlTemplate"] = o => o.JsonArchiveUrlTemplate = "j/archive/{archive}.json",
        ["Hub"] = o => o.Hub = new Uri("https://hub.example/"),
        ["HtmlUrl"] = o => o.HtmlUrl = new Uri("https://blog.example/list/"),
        ["HtmlPageUrlTemplate"] = o => o.HtmlPageUrlTemplate = "p/{page}/",
        ["HtmlArchiveUrlTemplate"] = o => o.HtmlArchiveUrlTemplate = "a/{archive}/",
        ["HtmlFeedFormats"] = o => o.HtmlFeedFormats = [FeedFormat.Json],
        ["HtmlTemplate"] = o => o.HtmlTemplate = new IdentityTemplate("one"),
        ["Language"] = o => o.Language = "en",
        ["Authors"] = o => o.Authors = [new FeedAuthor("Ann")],
        ["Copyright"] = o => o.Copyright = "©",
        ["Generator"] = o => o.Generator = null,
        ["Icon"] = o => o.Icon = new Uri("https://blog.example/i.png"),
        ["Logo"] = o => o.Logo = new Uri("https://blog.example/l.png"),
        ["EmptyFeedUpdated"] = o => o.EmptyFeedUpdated = DateTimeOffset.UnixEpoch,
        ["PageSize"] = o => o.PageSize = 11,
        ["FullContent"] = o => o.FullContent = false,
        ["Archive"] = o => o.Archive = true,
        ["Indent"] = o => o.Indent = false,
        ["Extensions"] = o => o.Extensions.Add(new EmptyExtension()),
        ["Excerpt.Length"] = o => o.Excerpt.Length = 100,
        ["Excerpt.Ellipsis"] = o => o.Excerpt.Ellipsis = "…",
        ["Excerpt.Boundary"] = o => o.Excerpt.Boundary = ExcerptBoundary.Character,
        ["Excerpt.MathPlaceholder"] = o => o.Excerpt.MathPlaceholder = "[m]",
        ["Excerpt.DisplayMathPlaceholder"] = o => o.Excerpt.DisplayMathPlaceholder = "[M]",

        // Within a list or a value: what the fingerprint must see inside them too.
        ["Authors[0].Name"] = o => o.Authors = [new FeedAuthor("Bob")],
        ["Authors[0].Email"] = o => o.Authors = [new FeedAuthor("Ann") { Email = "ann@example.org" }],
        ["Authors[0].Uri"] = o => o.Authors = [new FeedAuthor("Ann") { Uri = new Uri("https://ann.example/") }],
        ["Authors, one more"] = o => o.Authors = [new FeedAuthor("Ann"), new FeedAuthor("Bob")],
        ["Extensions, another type"] = o => o.Extensions.Add(new OtherExtension()),
        ["EmptyFeedUpdated, another offset"] = o => o.EmptyFeedUpdated = DateTimeOffset.UnixEpoch.ToOffset(TimeSpan.FromHours(1)),
        ["SiteUrl, with a fragment"] = o => o.SiteUrl = new Uri("https://blog.example/#x"),
    };

    [Fact]
    public void Every_option_has_a_change_in_this_test()
    {
        IEnumerable<string> properties = typeof(FeedOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != nameof(FeedOptions.Excerpt)).Select(p => p.Name)
            .Concat(typeof(ExcerptOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => "Excerpt." + p.Name));

        properties.Where(name => !Changes.ContainsKey(name)).ShouldBeEmpty("options this test (and so the fingerprint check) does not change");
    }

    [Fact]
    public void Every_option_changes_the_fingerprint()
    {
        string before = new FeedGenerator(Base()).Fingerprint;
        var seen = new Dictionary<string, string>(StringComparer.Ordinal) { [before] = "the base options" };
        foreach ((string name, Action<FeedOptions> change) in Changes)
        {
            FeedOptions options = Base();
            if (name.StartsWith("Authors[0].", StringComparison.Ordinal))
            {
                options.Authors = [new FeedAuthor("Ann")];
                seen.TryAdd(new FeedGenerator(options).Fingerprint, "Authors = [Ann]");
            }

            change(options);
            string after = new FeedGenerator(options).Fingerprint;
            seen.TryGetValue(after, out string? same);
            same.ShouldBeNull($"{name} gives the fingerprint of {same}");
            seen[after] = name;
        }
    }

    [Fact]
    public void A_page_template_counts_by_its_identity()
    {
        FeedOptions one = Base(), same = Base(), other = Base();
        one.HtmlTemplate = new IdentityTemplate("a");
        same.HtmlTemplate = new IdentityTemplate("a");
        other.HtmlTemplate = new IdentityTemplate("b");
        new FeedGenerator(same).Fingerprint.ShouldBe(new FeedGenerator(one).Fingerprint);
        new FeedGenerator(other).Fingerprint.ShouldNotBe(new FeedGenerator(one).Fingerprint);
    }

    [Fact]
    public void The_fingerprint_is_64_hex_digits_and_the_same_for_the_same_options()
    {
        string one = new FeedGenerator(Base()).Fingerprint;
        one.ShouldMatch("^[0-9a-f]{64}$");
        new FeedGenerator(Base()).Fingerprint.ShouldBe(one);

        FeedOptions options = Base();
        var generator = new FeedGenerator(options);
        string first = generator.Fingerprint;
        options.Title = "Changed after the generator was made";
        generator.Fingerprint.ShouldBe(first); // the generator's snapshot, not the live options
    }

    private sealed class IdentityTemplate(string identity) : FeedHtmlTemplate
    {
        public override string Identity => identity;

        public override void Render(IReadOnlyDictionary<string, object?> model, TextWriter output, CancellationToken cancellationToken)
        {
        }
    }

    private sealed class EmptyExtension : FeedExtension
    {
    }

    private sealed class OtherExtension : FeedExtension
    {
    }
}
