using System.Xml.Linq;
using CsCheck;
using Feed.Internal;
using Feed.Paging;
using Feed.Tests.Support;
using Feed.Writers;

namespace Feed.Tests.PropertyBased;

/// <summary>Properties of paging and archiving over random feed sizes, page sizes and posts.</summary>
public sealed class PagingProperties
{
    // Any UTF-16 unit (lone surrogates included), often a C0/C1 control or a character with a meaning in XML or HTML.
    private static readonly Gen<string> AnyText = Gen.String[
        Gen.OneOf<char>(Gen.Char['\u0000', '\uFFFF'], Gen.Char['\u0000', '\u00A0'], Gen.Char["<>&;/]\"'#\r\n"]), 0, 40];

    private static readonly Gen<(int Total, int Size)> Sizes = Gen.Select(Gen.Int[0, 150], Gen.Int[1, 16]);

    // Posts with colliding dates (a small range of hours) and ids in any order, so the tie-break matters.
    private static readonly Gen<FeedPost[]> Posts =
        Gen.Select(Gen.Int[0, 40], Gen.Int[0, 5000]).Array[0, 60].Select(specs => specs
            .Select((spec, i) => TestData.Post(i) with
            {
                Id = $"tag:example.com,2024:{spec.Item2}-{i}",
                Published = TestData.Start.AddHours(spec.Item1),
            })
            .ToArray());

    [Fact]
    public void Pages_partition_the_positions_in_order_and_none_exceeds_the_page_size() =>
        Sizes.Sample((total, size) =>
        {
            var generator = new FeedGenerator(TestData.Options(size));
            IReadOnlyList<FeedPage> pages = generator.GetPages(total);

            pages.Count.ShouldBe(generator.GetPageCount(total));
            pages.SelectMany(p => Enumerable.Range(p.Offset, p.Count)).ShouldBe(Enumerable.Range(0, total));
            pages.ShouldAllBe(p => p.Kind == FeedPageKind.Page && p.Count <= size);
            pages.Select(p => p.Number).ShouldBe(Enumerable.Range(1, pages.Count));
            pages.Where(p => p.Count == 0).Count().ShouldBe(total == 0 ? 1 : 0, "only an empty feed has an empty page");
        });

    [Fact]
    public void Pages_partition_the_entries_newest_first() =>
        Gen.Select(Posts, Gen.Int[1, 9]).Sample((posts, size) =>
        {
            var generator = new FeedGenerator(TestData.Options(size));
            IReadOnlyList<FeedDocument> documents = generator.CreateDocuments(FeedFormat.Atom, posts);

            string[] expected = [.. posts.Order(FeedGenerator.NewestFirst).Select(p => p.EffectiveId)];
            documents.SelectMany(d => d.Entries).Select(e => e.Id).ShouldBe(expected);
            documents.ShouldAllBe(d => d.Entries.Count <= size);
            foreach (FeedDocument document in documents)
            {
                document.Entries.Zip(document.Entries.Skip(1)).ShouldAllBe(pair =>
                    pair.First.Published > pair.Second.Published
                    || (pair.First.Published == pair.Second.Published && string.CompareOrdinal(pair.First.Id, pair.Second.Id) < 0));
            }
        });

    [Fact]
    public void The_same_posts_in_any_order_give_the_same_bytes() =>
        Gen.Select(Posts, Gen.Int[1, 9], Gen.Bool, Gen.Int).Sample((posts, size, archive, seed) =>
        {
            var generator = new FeedGenerator(TestData.Options(size, archive));
            FeedPost[] shuffled = [.. posts];
            new Random(seed).Shuffle(shuffled);
            foreach (FeedFormat format in Enum.GetValues<FeedFormat>())
            {
                generator.CreateDocuments(format, shuffled).Select(generator.WriteToString)
                    .ShouldBe(generator.CreateDocuments(format, posts).Select(generator.WriteToString));
            }
        }, iter: 30);

    [Fact]
    public void Links_mirror_and_first_and_last_are_the_same_on_every_page() =>
        Gen.Select(Gen.Int[0, 80], Gen.Int[1, 10], Gen.Bool).Sample((total, size, atom) =>
        {
            FeedFormat format = atom ? FeedFormat.Atom : FeedFormat.Rss;
            var generator = new FeedGenerator(TestData.Options(size));
            FeedDocument[] pages = [.. generator.CreateDocuments(format, TestData.Posts(total))];

            for (int i = 0; i < pages.Length; i++)
            {
                FeedLinks links = pages[i].Links;
                links.Self.ShouldBe(generator.GetUrl(format, pages[i].Page));
                links.Next.ShouldBe(i + 1 < pages.Length ? pages[i + 1].Links.Self : null);
                links.Previous.ShouldBe(i > 0 ? pages[i - 1].Links.Self : null);
                links.First.ShouldBe(pages.Length > 1 ? pages[0].Links.Self : null);
                links.Last.ShouldBe(pages.Length > 1 ? pages[^1].Links.Self : null);
                pages[i].IsComplete.ShouldBe(pages.Length == 1);
            }

            pages.Select(p => p.Links.Self).Distinct().Count().ShouldBe(pages.Length, "every page has its own URL");
        });

    [Fact]
    public void Archives_are_full_groups_from_the_oldest_that_never_change() =>
        Gen.Select(Gen.Int[0, 60], Gen.Int[0, 30], Gen.Int[1, 8]).Sample((total, added, size) =>
        {
            var generator = new FeedGenerator(TestData.Options(size, archive: true));
            FeedPost[] posts = TestData.Posts(total + added); // higher number = newer
            FeedDocument[] before = [.. generator.CreateDocuments(FeedFormat.Rss, posts.Take(total))];
            FeedDocument[] after = [.. generator.CreateDocuments(FeedFormat.Rss, posts)];

            FeedDocument subscription = before[0];
            FeedDocument[] archives = before[1..];
            subscription.Page.Kind.ShouldBe(FeedPageKind.Page);
            subscription.Entries.Count.ShouldBe(Math.Min(size, total));
            archives.Length.ShouldBe(total / size);
            archives.ShouldAllBe(a => a.Entries.Count == size && a.IsArchive && a.Links.Current == subscription.Links.Self);
            subscription.Links.PreviousArchive.ShouldBe(archives.Length > 0 ? archives[^1].Links.Self : null);

            // Together they hold every post; the oldest full groups are archives, numbered from the oldest.
            before.SelectMany(d => d.Entries).Select(e => e.Id).Distinct().Count().ShouldBe(total);
            for (int k = 0; k < archives.Length; k++)
            {
                archives[k].Entries.Select(e => e.Title).Order(StringComparer.Ordinal)
                    .ShouldBe(Enumerable.Range((k * size) + 1, size).Select(n => $"Post {n}").Order(StringComparer.Ordinal));
                archives[k].Links.PreviousArchive.ShouldBe(k > 0 ? archives[k - 1].Links.Self : null);
                archives[k].Links.NextArchive.ShouldBe(k + 1 < archives.Length ? archives[k + 1].Links.Self : null);

                // RFC 5005 §4: a full archive's entries do not change when newer posts arrive.
                FeedDocument later = after[1 + k];
                later.Links.Self.ShouldBe(archives[k].Links.Self);
                later.Entries.Select(e => e.Id).ShouldBe(archives[k].Entries.Select(e => e.Id));
                later.Updated.ShouldBe(archives[k].Updated);
            }
        });

    [Fact]
    public void Any_text_makes_a_well_formed_document_that_keeps_every_xml_character() =>
        Gen.Select(AnyText, AnyText, Gen.Bool).Sample((title, category, atom) =>
        {
            FeedFormat format = atom ? FeedFormat.Atom : FeedFormat.Rss;
            if (string.IsNullOrWhiteSpace(FeedText.CleanText(title)))
            {
                return; // an empty title is rejected (see FeedEntryTests)
            }

            FeedPost post = TestData.Post(1) with { Title = title, Categories = [category], Body = title + "\n\n" + category };
            var generator = new FeedGenerator(TestData.Options());
            FeedDocument document = generator.CreatePage(format, [post], 1);

            XDocument xml = XDocument.Parse(generator.WriteToString(document), LoadOptions.PreserveWhitespace);
            XElement item = xml.Descendants().First(e => e.Name.LocalName is "item" or "entry");
            string written = item.Elements().First(e => e.Name.LocalName == "title").Value;
            string expected = FeedText.CleanText(title); // a title is plain text: bidi controls go too
            (item.Elements().First(e => e.Name.LocalName == "title").Attribute("type")?.Value == "html"
                ? System.Net.WebUtility.HtmlDecode(written) : written).ShouldBe(expected.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));
        });
}
