using CsCheck;
using Feed.Excerpts;

namespace Feed.Tests.Excerpts;

/// <summary>
/// Removed inline content (images, footnote references, comments, script and the like) leaves no space before closing
/// punctuation, and never glues the words on either side of it together: for any words, punctuation and removed
/// content (the examples are in <c>Specs/ExcerptSpecs.md</c>).
/// </summary>
public sealed class RemovedContentSpacingTests
{
    private static readonly ExcerptGenerator Generator = new();

    [Fact]
    public void Removed_content_before_closing_punctuation_never_leaves_a_space_and_never_glues_words()
    {
        Gen<string> word = Gen.OneOf(Gen.Char["abcxyz"].Array[1, 5].Select(cs => new string(cs)), Gen.OneOf("中文", "日本", "שלום", "💡"));
        Gen<string> removed = Gen.OneOf("![x](y.png)", "[^1]", "<!-- c -->", "<script>s()</script>", "<img src=\"i.png\">", "<iframe/>");
        Gen<string> punctuation = Gen.OneOf(".", ",", ";", ":", "!", "?", ")", "]", "」", "』", "。", "，", "、", "！", "？", "）");
        Gen<string> space = Gen.OneOf(" ", "  ", "\t"); // a line break before <script> or <!-- would start an HTML block

        Gen.Select(word, space, removed.Array[1, 3], punctuation, word).Sample((before, gap, removals, mark, after) =>
        {
            string joined = string.Join(string.Empty, removals);
            string body = $"{before}{gap}{joined}{mark} {after}\n\n[^1]: note";

            Generator.ToPlainText(body).ShouldBe($"{before}{mark} {after}", $"body: {body}");
        });

        Gen.Select(word, space, removed, space, word).Sample((before, gap1, removal, gap2, after) =>
        {
            string body = $"{before}{gap1}{removal}{gap2}{after}\n\n[^1]: note";

            Generator.ToPlainText(body).ShouldBe($"{before} {after}", $"body: {body}");
        });
    }
}
