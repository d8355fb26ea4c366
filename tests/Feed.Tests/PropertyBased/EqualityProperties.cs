using System.Collections.ObjectModel;
using CsCheck;
using Feed.Tests.Support;

namespace Feed.Tests.PropertyBased;

/// <summary>
/// The records' equality means what it says: built from equal data — in other list and dictionary types, other
/// dictionary orders — two posts, authors or entries are equal with equal hash codes; any one property changed, they
/// are not.
/// </summary>
public sealed class EqualityProperties
{
    private sealed record PostData(
        string Title, string Body, string? Id, string? Summary, long Ticks, int OffsetMinutes, string[] Categories,
        (string Name, string? Email, string? Uri)[] Authors, (string Key, string Value)[] Properties);

    private static readonly Gen<string> Text = Gen.String[Gen.Char["ab Zé\u0301字"], 0, 6];

    private static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<PostData> Data =
        from title in Text
        from body in Text
        from id in Pick<string?>(null, "urn:a", "urn:A")
        from summary in Pick<string?>(null, "", "s")
        from ticks in Gen.Long[0, 10_000]
        from offset in Gen.Int[-2, 2]
        from categories in Text.Array[0, 3]
        from authors in Gen.Select(Text, Pick<string?>(null, "a@example.org"), Pick<string?>(null, "https://a.example/", "https://a.example/#me")).Array[0, 3]
        from properties in Gen.Select(Gen.String[Gen.Char["kK"], 1, 3], Text).Array[0, 4]
        select new PostData(title, body, id, summary, ticks, offset, categories, authors, [.. properties.DistinctBy(p => p.Item1, StringComparer.Ordinal)]);

    private static FeedPost Build(PostData d, bool otherCollections) => new()
    {
        Title = d.Title,
        Body = d.Body,
        Id = d.Id,
        Summary = d.Summary,
        Url = new Uri("https://blog.example/posts/" + d.Ticks + "/"),
        Published = new DateTimeOffset(TestData.Start.UtcTicks + d.Ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(d.OffsetMinutes)),
        Categories = otherCollections ? new List<string>(d.Categories.Select(c => new string(c.AsSpan()))) : d.Categories,
        Authors = otherCollections
            ? new ReadOnlyCollection<FeedAuthor>([.. d.Authors.Select(Author)])
            : [.. d.Authors.Select(Author)],
        Properties = otherCollections
            ? new SortedDictionary<string, string>(d.Properties.Reverse().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal)
            : d.Properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
    };

    private static FeedAuthor Author((string Name, string? Email, string? Uri) a) =>
        new(a.Name) { Email = a.Email, Uri = a.Uri is null ? null : new Uri(a.Uri) };

    [Fact]
    public void Posts_built_from_equal_data_are_equal_with_equal_hash_codes() =>
        Data.Sample(d =>
        {
            FeedPost a = Build(d, otherCollections: false);
            FeedPost b = Build(d, otherCollections: true);
            return a.Equals(b) && b.Equals(a) && a == b && a.GetHashCode() == b.GetHashCode() && Equals(a, (object)b);
        });

    [Fact]
    public void Posts_from_different_data_are_not_equal() =>
        Gen.Select(Data, Data).Where(pair => pair.Item1 != pair.Item2 && !Same(pair.Item1, pair.Item2)).Sample(pair =>
            !Build(pair.Item1, false).Equals(Build(pair.Item2, true)));

    [Fact]
    public void Authors_and_entries_made_from_equal_posts_are_equal_with_equal_hash_codes()
    {
        var generator = new FeedGenerator(TestData.Options());
        Data.Where(d => d.Title.Trim().Length > 0 && d.Authors.All(a => a.Name.Trim().Length > 0)).Sample(d =>
        {
            FeedPost a = Build(d, otherCollections: false);
            FeedPost b = Build(d, otherCollections: true);
            FeedEntry x = generator.CreateEntry(a);
            FeedEntry y = generator.CreateEntry(b);
            bool authors = a.Authors.Zip(b.Authors).All(p => p.First == p.Second && p.First.GetHashCode() == p.Second.GetHashCode());
            return authors && !ReferenceEquals(x, y) && x == y && x.GetHashCode() == y.GetHashCode();
        }, iter: 300);
    }

    [Fact]
    public void Each_property_takes_part()
    {
        FeedPost a = Build(new PostData("T", "B", null, null, 5, 0, ["c"], [("N", "n@example.org", "https://n.example/#me")], [("k", "v")]), false);
        FeedPost[] changed =
        [
            a with { Id = "urn:x" }, a with { Title = "t" }, a with { Url = new Uri(a.Url + "#top") },
            a with { Published = a.Published.ToOffset(TimeSpan.FromHours(1)) }, a with { Updated = a.Published },
            a with { Authors = [new FeedAuthor("N") { Email = "n@example.org", Uri = new Uri("https://n.example/#you") }] },
            a with { Authors = [] }, a with { Categories = ["C"] }, a with { Body = "b" }, a with { BodyFormat = PostBodyFormat.Html },
            a with { Summary = "s" }, a with { Language = "en" },
            a with { Properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["K"] = "v" } },
        ];

        foreach (FeedPost b in changed)
        {
            a.Equals(b).ShouldBeFalse(b.ToString());
        }

        // A case-insensitive dictionary with the same keys is still equal: only keys and values count.
        a.Equals(a with { Properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["k"] = "v" } }).ShouldBeTrue();
        new FeedAuthor("N").Equals(null).ShouldBeFalse();
    }

    private static bool Same(PostData a, PostData b) =>
        a.Title == b.Title && a.Body == b.Body && a.Id == b.Id && a.Summary == b.Summary && a.Ticks == b.Ticks && a.OffsetMinutes == b.OffsetMinutes
        && a.Categories.SequenceEqual(b.Categories) && a.Authors.SequenceEqual(b.Authors)
        && a.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(b.Properties.OrderBy(p => p.Key, StringComparer.Ordinal));
}
