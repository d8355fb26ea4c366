using System.Text;
using CsCheck;
using Feed.Internal;
using Feed.Tests.Support;
using Feed.Writers.Fragments;

namespace Feed.Tests.Writers;

/// <summary>
/// Entry fragments: a document put together from the bytes its entries had in other documents of the same feed is,
/// byte for byte, the document written directly — for every format that splices, with indentation on and off, full
/// content on and off, with and without feed authors (which stand in for an entry's missing ones), and after the page
/// boundaries moved (a post added: every entry lands in another document).
/// </summary>
public sealed class FragmentTests
{
    private sealed record Case(FeedPostData[] Posts, bool Indent, bool FullContent, bool FeedAuthors, string Title, int PageSize, int[] Given);

    private sealed record FeedPostData(string Title, string Body, string? Id, string? Summary, int Hours, int Offset, string? Updated, string[] Tags, string[] Authors, string? Language);

    private static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<string> Text = Gen.OneOf(
        Pick("a", "b", " ", "<", "&", ">", "\"", "'", "é", "e\u0301", "字", "😀", "\t", "]]>").Array[0, 8].Select(parts => string.Concat(parts)),
        Pick("R&D", "a < b", "</b>", "&amp;", "中文标题", "emoji 😀 here", "  spaced  "));

    private static readonly Gen<string> Body = Pick(
        "Plain text.", "*Emphasis* and **strong**, a [link](x/) and `code`.", "<b>raw</b> & <script>x</script>",
        "", "![only a picture](p.png)", "中文正文，没有空格。$x^2$ 数学", "Line one\r\nline two\n\n> quote\n\n- a\n- b",
        "Footnote[^1].\n\n[^1]: The note.", "```\ncode <&>\n```", "Ｃ＃ and 😀😀😀 " + new string('x', 400));

    private static readonly Gen<FeedPostData> Post =
        from title in Text.Where(t => t.Trim().Length > 0)
        from body in Body
        from id in Pick<string?>(null, null, "urn:post:", "tag:example.com,2024:")
        from summary in Pick<string?>(null, null, "A summary & more", "")
        from hours in Gen.Int[0, 40]
        from offset in Gen.Int[-3, 3]
        from updated in Pick<string?>(null, null, "2025-01-02T03:04:05+01:00", "2024-03-01T09:30:00Z")
        from tags in Text.Where(t => t.Trim().Length > 0).Array[0, 3]
        from authors in Pick<string[]>([], [], ["Bo"], ["Bo", "Cy & Di"])
        from language in Pick<string?>(null, null, "fr", "zh-Hans")
        select new FeedPostData(title, body, id, summary, hours, offset, updated, tags, authors, language);

    private static readonly Gen<Case> Cases =
        from posts in Post.Array[0, 9]
        from indent in Gen.Bool
        from full in Gen.Bool
        from feedAuthors in Gen.Bool
        from title in Text.Where(t => t.Trim().Length > 0)
        from pageSize in Gen.Int[1, 4]
        from given in Gen.Int[0, 2].Array[9]
        select new Case(posts, indent, full, feedAuthors, title, pageSize, given);

    private static FeedGenerator Generator(Case c) => new(new FeedOptions
    {
        Title = c.Title,
        SiteUrl = TestData.Site,
        PageSize = c.PageSize,
        Indent = c.Indent,
        FullContent = c.FullContent,
        Authors = c.FeedAuthors ? [new FeedAuthor("Ann & Co") { Email = "ann@example.com" }] : [],
    });

    private static FeedPost[] Posts(Case c) =>
    [
        .. c.Posts.Select((p, i) => new FeedPost
        {
            Title = p.Title,
            Body = p.Body,
            Id = p.Id is null ? null : p.Id + i,
            Summary = p.Summary,
            Url = new Uri(TestData.Site, $"posts/{i}/"),
            Published = TestData.Start.AddHours(p.Hours).ToOffset(TimeSpan.FromHours(p.Offset)),
            Updated = p.Updated is null ? null : DateTimeOffset.Parse(p.Updated, System.Globalization.CultureInfo.InvariantCulture),
            Categories = p.Tags,
            Authors = [.. p.Authors.Select(a => new FeedAuthor(a))],
            Language = p.Language,
        }),
    ];

    private static FeedFormat[] SplicedFormats => [.. EntryFragments.Rows.Select(r => r.Format)];

    [Fact]
    public void Every_format_that_splices_has_a_row_and_every_row_splices() =>
        SplicedFormats.Order().ShouldBe(Enum.GetValues<FeedFormat>().Where(f => new FeedGenerator(TestData.Options()).CanSplice(f)).Order());

    [Fact]
    public void Writing_with_fragments_writes_the_same_bytes_and_each_fragment_is_its_entry() =>
        Cases.Sample(c =>
        {
            FeedGenerator generator = Generator(c);
            FeedEntry[] entries = [.. Posts(c).Select(generator.CreateEntry)];
            foreach (FeedFormat format in SplicedFormats)
            {
                foreach (FeedPage page in generator.Paging.GetPages(entries.Length))
                {
                    FeedDocument document = generator.CreateDocument(format, page, entries.Skip(page.Offset).Take(page.Count).ToArray());
                    (byte[] bytes, FragmentRange[] ranges) = Write(generator, document);
                    bytes.ShouldBe(Encoding.UTF8.GetBytes(generator.WriteToString(document)), $"{format}: capturing changed the bytes");
                    ranges.Length.ShouldBe(document.Entries.Count);
                    for (int i = 0; i < ranges.Length; i++)
                    {
                        // Each fragment alone is the entry: written in a document of that entry alone, it is the same bytes.
                        FeedDocument alone = generator.CreateDocument(format, page, [document.Entries[i]]);
                        (byte[] aloneBytes, FragmentRange[] aloneRange) = Write(generator, alone);
                        Slice(bytes, ranges[i]).ShouldBe(Slice(aloneBytes, aloneRange[0]), $"{format}, entry {i}");
                    }
                }
            }
        }, iter: 150);

    [Fact]
    public void A_document_from_fragments_equals_the_document_written_directly() =>
        Cases.Sample(c =>
        {
            FeedGenerator generator = Generator(c);
            FeedPost[] posts = [.. Posts(c).Order(FeedGenerator.NewestFirst)];
            FeedEntry[] entries = [.. posts.Select(generator.CreateEntry)];
            foreach (FeedFormat format in SplicedFormats)
            {
                foreach (FeedPage page in generator.Paging.GetPages(entries.Length))
                {
                    FeedEntry[] ofPage = [.. entries.Skip(page.Offset).Take(page.Count)];
                    (byte[] direct, FragmentRange[] ranges) = Write(generator, generator.CreateDocument(format, page, ofPage));

                    // Given in reverse order, each entry by its fragment, or (c.Given) to be formatted on the way.
                    var spliced = new List<SplicedEntry>();
                    for (int i = ofPage.Length - 1; i >= 0; i--)
                    {
                        FeedPost post = posts[page.Offset + i];
                        spliced.Add(c.Given[i] == 0
                            ? SplicedEntry.FromEntry(ofPage[i])
                            : SplicedEntry.FromFragment(post.Id ?? post.Url.AbsoluteUri, post.Published, post.Updated, FeedText.HasContent(ofPage[i].ContentHtml), Slice(direct, ranges[i])));
                    }

                    (byte[] assembled, FragmentRange[] again) = Write(generator, generator.CreateSplicedDocument(format, page, spliced));
                    Encoding.UTF8.GetString(assembled).ShouldBe(Encoding.UTF8.GetString(direct), $"{format}, {page}, indent {c.Indent}");
                    again.ShouldBe(ranges, "the fragments are where they were");
                }
            }
        }, iter: 150);

    [Fact]
    public void After_a_post_is_added_every_document_is_put_together_from_the_fragments_of_the_old_ones() =>
        Cases.Where(c => c.Posts.Length > 0).Sample(c =>
        {
            // The old feed: every post but the newest; the new feed adds it, so every post moves one place and most
            // land on another page. Each new document is made from the old documents' fragments, and equals the direct one.
            FeedGenerator generator = Generator(c);
            FeedPost[] all = [.. Posts(c).Order(FeedGenerator.NewestFirst)];
            FeedPost added = all[0];
            FeedPost[] old = all[1..];
            foreach (FeedFormat format in SplicedFormats)
            {
                var fragments = new Dictionary<string, (byte[] Bytes, bool HasContent)>(StringComparer.Ordinal);
                FeedEntry[] oldEntries = [.. old.Select(generator.CreateEntry)];
                foreach (FeedPage page in generator.Paging.GetPages(old.Length))
                {
                    FeedDocument document = generator.CreateDocument(format, page, oldEntries[page.Offset..(page.Offset + page.Count)]);
                    (byte[] bytes, FragmentRange[] ranges) = Write(generator, document);
                    for (int i = 0; i < ranges.Length; i++)
                    {
                        fragments[document.Entries[i].Id] = (Slice(bytes, ranges[i]), FeedText.HasContent(document.Entries[i].ContentHtml));
                    }
                }

                FeedEntry[] newEntries = [.. all.Select(generator.CreateEntry)];
                foreach (FeedPage page in generator.Paging.GetPages(all.Length))
                {
                    (byte[] direct, _) = Write(generator, generator.CreateDocument(format, page, newEntries[page.Offset..(page.Offset + page.Count)]));
                    SplicedEntry[] spliced =
                    [
                        .. all[page.Offset..(page.Offset + page.Count)].Select(post => ReferenceEquals(post, added)
                            ? SplicedEntry.FromEntry(generator.CreateEntry(post))
                            : SplicedEntry.FromFragment(post.Id ?? post.Url.AbsoluteUri, post.Published, post.Updated,
                                fragments[FeedText.Clean(post.Id ?? post.Url.AbsoluteUri)].HasContent, fragments[FeedText.Clean(post.Id ?? post.Url.AbsoluteUri)].Bytes)),
                    ];
                    (byte[] assembled, _) = Write(generator, generator.CreateSplicedDocument(format, page, spliced));
                    Encoding.UTF8.GetString(assembled).ShouldBe(Encoding.UTF8.GetString(direct), $"{format}, {page}");
                }
            }
        }, iter: 100);

    [Fact]
    public async Task Spliced_documents_are_written_by_every_writing_method_alike()
    {
        FeedGenerator generator = new(TestData.Options());
        FeedPost[] posts = TestData.Posts(3);
        FeedPage page = generator.Paging.GetPages(3)[0];
        foreach (FeedFormat format in SplicedFormats)
        {
            FeedDocument direct = generator.CreateDocument(format, page, [.. posts.Select(generator.CreateEntry)]);
            FeedDocument spliced = generator.CreateSplicedDocument(format, page, [.. posts.Select(p => SplicedEntry.FromEntry(generator.CreateEntry(p)))]);
            generator.WriteToString(spliced).ShouldBe(generator.WriteToString(direct));
            using var stream = new MemoryStream();
            await generator.WriteAsync(spliced, stream);
            Encoding.UTF8.GetString(stream.ToArray()).ShouldBe(generator.WriteToString(direct));
        }
    }

    [Fact]
    public void A_feed_with_extensions_is_never_spliced()
    {
        FeedOptions options = TestData.Options();
#pragma warning disable FEEDEXP001 // the extension point is experimental
        options.Extensions.Add(new NothingExtension());
#pragma warning restore FEEDEXP001
        var generator = new FeedGenerator(options);
        FeedPage page = generator.Paging.GetPages(1)[0];
        foreach (FeedFormat format in SplicedFormats)
        {
            generator.CanSplice(format).ShouldBeFalse();
            FeedDocument spliced = generator.CreateSplicedDocument(format, page, [SplicedEntry.FromEntry(generator.CreateEntry(TestData.Post(1)))]);
            Should.Throw<InvalidOperationException>(() => generator.WriteToString(spliced));
            using var buffer = new PooledBufferStream();
            Should.Throw<InvalidOperationException>(() => generator.WriteWithFragments(generator.CreateDocument(format, page, []), buffer, []));
        }
    }

    [Fact]
    public void The_context_of_a_fragment_changes_with_the_format_and_every_option()
    {
        var site = new FeedGenerator(TestData.Options());
        FeedOptions unindented = TestData.Options();
        unindented.Indent = !unindented.Indent;
        var other = new FeedGenerator(unindented);
        site.GetFragmentContext(FeedFormat.Rss).ShouldNotBe(site.GetFragmentContext(FeedFormat.Atom));
        site.GetFragmentContext(FeedFormat.Rss).ShouldBe(new FeedGenerator(TestData.Options()).GetFragmentContext(FeedFormat.Rss));
        site.GetFragmentContext(FeedFormat.Rss).ShouldNotBe(other.GetFragmentContext(FeedFormat.Rss));
        site.GetFragmentContext(FeedFormat.Rss).ShouldNotBe(site.CreateVariant(v => v.Title = "A tag").GetFragmentContext(FeedFormat.Rss));
    }

    private static (byte[] Bytes, FragmentRange[] Ranges) Write(FeedGenerator generator, FeedDocument document)
    {
        using var buffer = new PooledBufferStream();
        var ranges = new List<FragmentRange>();
        generator.WriteWithFragments(document, buffer, ranges);
        return (buffer.WrittenSpan.ToArray(), [.. ranges]);
    }

    private static byte[] Slice(byte[] bytes, FragmentRange range) => bytes.AsSpan(range.Offset, range.Length).ToArray();

#pragma warning disable FEEDEXP001
    private sealed class NothingExtension : FeedExtension
    {
    }
#pragma warning restore FEEDEXP001
}
