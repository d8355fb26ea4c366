using Feed.Excerpts;

namespace Feed.Tests.Excerpts;

/// <summary>Where the excerpt stops: length in grapheme clusters, the ellipsis, word and character modes, the fallback.</summary>
public sealed class ExcerptCuttingTests
{
    private static Excerpt Cut(string markdown, int length, ExcerptBoundary boundary = ExcerptBoundary.Word, string ellipsis = "...") =>
        new ExcerptGenerator(new ExcerptOptions { Length = length, Boundary = boundary, Ellipsis = ellipsis }).FromMarkdown(markdown);

    [Fact]
    public void The_default_length_is_350_clusters()
    {
        string text = string.Concat(Enumerable.Repeat("abcd ", 100)).TrimEnd(); // 499 characters
        Excerpt excerpt = new ExcerptGenerator().FromMarkdown(text);

        excerpt.IsTruncated.ShouldBeTrue();
        excerpt.Text.ShouldBe(text[..349] + "..."); // 350 would end after a space: trimmed
    }

    [Fact]
    public void A_text_of_exactly_the_length_is_whole_without_ellipsis()
    {
        Cut("abcde", 5).ShouldBe(new Excerpt("abcde", IsTruncated: false, ExcerptSource.Body));
        Cut("💡💡💡", 3).ShouldBe(new Excerpt("💡💡💡", IsTruncated: false, ExcerptSource.Body));
    }

    [Fact]
    public void One_more_cluster_cuts_and_adds_the_ellipsis() =>
        Cut("abcdef", 5, ExcerptBoundary.Character).ShouldBe(new Excerpt("abcde...", IsTruncated: true, ExcerptSource.Body));

    [Theory]
    [InlineData("𝑥𝑦𝑧", 2, "𝑥𝑦...")]                                                   // mathematical letters: surrogate pairs
    [InlineData("👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧", 2, "👨‍👩‍👧👨‍👩‍👧...")]                         // ZWJ family sequences
    [InlineData("🇯🇵🇨🇳🇰🇷", 2, "🇯🇵🇨🇳...")]                                           // flags: regional indicator pairs
    [InlineData("👋🏻👋🏼👋🏽👋🏾", 3, "👋🏻👋🏼👋🏽...")]                                    // skin tones
    [InlineData("1️⃣2️⃣3️⃣", 1, "1️⃣...")]                                            // keycaps
    [InlineData("👩🏽‍💻👩🏽‍💻", 1, "👩🏽‍💻...")]                                        // skin tone inside a ZWJ sequence
    [InlineData("e\u0301e\u0301e\u0301", 2, "e\u0301e\u0301...")]                    // combining acute
    [InlineData("a\u0308\u0304b\u0308\u0304c", 2, "a\u0308\u0304b\u0308\u0304...")]  // stacked combining marks
    [InlineData("ก้ำก้ำก้ำ", 2, "ก้ำก้ำ...")]                                           // Thai with marks
    [InlineData("안녕하세요", 3, "안녕하...")]                                          // precomposed Hangul
    [InlineData("\u1100\u1161\u11A8\u1100\u1161\u11A8", 1, "\u1100\u1161\u11A8...")] // conjoining jamo
    public void Length_counts_user_perceived_characters_and_never_splits_one(string text, int length, string expected) =>
        Cut(text, length, ExcerptBoundary.Character).Text.ShouldBe(expected);

    [Fact]
    public void The_ellipsis_is_configurable_and_may_be_empty()
    {
        Cut("Hello world", 5, ellipsis: "…").Text.ShouldBe("Hello…");
        Cut("Hello world", 5, ellipsis: " [more]").Text.ShouldBe("Hello [more]");
        Cut("Hello world", 5, ellipsis: "").ShouldBe(new Excerpt("Hello", IsTruncated: true, ExcerptSource.Body));
    }

    [Fact]
    public void Trailing_white_space_goes_before_the_ellipsis_in_both_modes()
    {
        Cut("Hello world", 6, ExcerptBoundary.Character).Text.ShouldBe("Hello...");
        Cut("Hello world", 6).Text.ShouldBe("Hello...");
    }

    [Fact]
    public void Word_mode_backs_off_to_the_start_of_the_split_word() =>
        Cut("The quick brown fox jumps", 13).Text.ShouldBe("The quick...");

    [Fact]
    public void Word_mode_keeps_a_word_that_ends_exactly_at_the_limit() =>
        Cut("The quick brown fox", 9).Text.ShouldBe("The quick...");

    [Fact]
    public void Word_mode_treats_punctuation_attached_to_a_word_as_part_of_it() =>
        Cut("Well, that is odd.", 8).Text.ShouldBe("Well,...");

    [Fact]
    public void Word_mode_drops_opening_brackets_and_quotes_left_at_the_end()
    {
        Cut("abcd ( b", 6).Text.ShouldBe("abcd...");
        Cut("中文「引用」", 3).Text.ShouldBe("中文...");
        Cut("他说“你好”", 3).Text.ShouldBe("他说...");
        Cut("值（括号）", 2).Text.ShouldBe("值...");
    }

    [Fact]
    public void Straight_quotes_are_dropped_only_when_they_open()
    {
        Cut("他说\"你好\"呢呢", 3).Text.ShouldBe("他说...");       // the third character opens a quote
        Cut("他说\"你好\"呢呢", 6).Text.ShouldBe("他说\"你好\"..."); // the sixth closes it
        Cut("abcd ' y", 6).Text.ShouldBe("abcd...");   // after a space a straight apostrophe opens
        Cut("中文'引用'", 3).Text.ShouldBe("中文'...");  // inside text it may close: kept
    }

    [Fact]
    public void Closing_brackets_stay() => Cut("中文（注）之后", 5).Text.ShouldBe("中文（注）...");

    [Fact]
    public void Between_cjk_characters_any_boundary_is_a_word_boundary()
    {
        Cut("不得不说,flow模型是一个在设计上非常精巧的模型。", 10).Text.ShouldBe("不得不说,flow模...");
        Cut("日本語の文章を書きます", 5).Text.ShouldBe("日本語の文...");
        Cut("カタカナとひらがな", 4).Text.ShouldBe("カタカナ...");
    }

    [Fact]
    public void A_cjk_character_next_to_a_latin_one_is_a_word_boundary_too()
    {
        Cut("使用flow模型", 2).Text.ShouldBe("使用...");
        Cut("flow模型abc", 5).Text.ShouldBe("flow模...");
    }

    [Fact]
    public void Right_to_left_text_is_cut_in_logical_order_on_word_boundaries()
    {
        Cut("שלום עולם טוב מאוד", 12).Text.ShouldBe("שלום עולם...");
        Cut("مرحبا بالعالم الجميل", 15).Text.ShouldBe("مرحبا بالعالم...");
        Cut("السَّلَامُ عَلَيْكُمْ", 8).Text.ShouldBe("السَّلَامُ..."); // harakat are combining marks: 7 + 1 clusters
    }

    [Fact]
    public void Moving_back_may_lose_exactly_half_but_not_more()
    {
        Cut("abcde fghijkl", 10).Text.ShouldBe("abcde...");        // keeps 5 of 10: word cut
        Cut("abcd efghijkl", 10).Text.ShouldBe("abcd efghi...");   // would keep 4 of 10: cut at the limit
    }

    [Fact]
    public void One_giant_token_is_cut_at_the_character_limit() =>
        Cut("https://example.org/a/very/long/path/that/never/ends", 20).Text.ShouldBe("https://example.org/...");

    [Fact]
    public void A_space_free_script_outside_cjk_is_one_token_and_falls_back_to_the_limit() =>
        Cut("ภาษาไทยเขียนติดกัน", 5).Text.ShouldBe("ภาษาไ...");

    [Fact]
    public void Zero_width_space_separates_words() => Cut("ภาษา\u200Bไทย\u200Bเขียน", 9).Text.ShouldBe("ภาษา\u200Bไทย...");

    [Fact]
    public void A_text_starting_with_zero_width_spaces_keeps_one_cluster() =>
        Cut("\u200B\u200B\u200Bword", 2).Text.ShouldBe("\u200B...");

    [Fact]
    public void Character_mode_cuts_exactly_at_the_length() =>
        Cut("The quick brown fox", 12, ExcerptBoundary.Character).Text.ShouldBe("The quick br...");

    [Fact]
    public void Length_one_always_keeps_one_character()
    {
        Cut("Hello", 1).Text.ShouldBe("H...");
        Cut("中文", 1).Text.ShouldBe("中...");
        Cut("💡 Flow", 1).Text.ShouldBe("💡...");
    }

    [Fact]
    public void A_huge_length_does_not_overflow() =>
        new ExcerptGenerator(new ExcerptOptions { Length = int.MaxValue }).FromMarkdown("short").Text.ShouldBe("short");

    [Fact]
    public void The_cut_falls_inside_text_from_any_markdown_construct()
    {
        Cut("# Title\n\nBody **bold words** here", 15).Text.ShouldBe("Title Body bold...");
        Cut("# Title\n\nBody **bold words** here", 13).Text.ShouldBe("Title Body...");
        Cut("| a | b |\n|---|---|\n| cell one | cell two |", 11).Text.ShouldBe("a b cell...");
        Cut("- one\n- two\n- three", 7).Text.ShouldBe("one two...");
    }
}
