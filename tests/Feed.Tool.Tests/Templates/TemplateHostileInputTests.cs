using Feed.Tool.Templates;
using Feed.Tool.Tests.Templates.Specs;

namespace Feed.Tool.Tests.Templates;

/// <summary>
/// Bodies built to make a tag scanner slow, deep or crash: each one is expanded completely (a quadratic scan would
/// take minutes on them, not milliseconds), leaves no template syntax behind, and gets a bounded number of warnings.
/// </summary>
public sealed class TemplateHostileInputTests
{
    private const int Many = 100_000;

    public static TheoryData<string, string> Bodies => new()
    {
        { Repeat("{% ", Many), "Jekyll" },
        { Repeat("{{ ", Many), "Jekyll" },
        { Repeat("{% raw %}", Many / 4), "Jekyll" },
        { Repeat("{% highlight x %}", Many / 4), "Jekyll" },
        { Repeat("{% if %}", Many / 4) + Repeat("{% endif %}", Many / 4), "Jekyll" },
        { Repeat("{% endif %}", Many / 4), "Jekyll" },
        { Repeat("{{< ", Many) + ">}}", "Hugo" },
        { Repeat("{{% x %}}", Many / 4), "Hugo" },
        { Repeat("{{< highlight go >}}", Many / 4), "Hugo" },
        { Repeat("{{</* ", Many), "Hugo" },
        { Repeat("{# ", Many), "Hexo" },
        { Repeat("{% codeblock %}x", Many / 4), "Hexo" },
        { Repeat("`a` {% x ", Many / 4) + "\n```\n%}\n```\n", "Jekyll" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void A_hostile_body_is_expanded_with_no_syntax_left_and_bounded_warnings(string body, string dialectName)
    {
        TemplateDialect dialect = Enum.Parse<TemplateDialect>(dialectName);
        TemplateExpansion expansion = TemplateExpander.Expand(body, 1, dialect, SpecSite.Instance, SpecSite.PostSourcePath, SpecSite.PostUrl);

        expansion.Notes.Count.ShouldBeLessThanOrEqualTo(NoteList.MaxNotes + 1);
        TemplateLeaks.OutsideCode(expansion.Body, dialect).ShouldBeEmpty();
    }

    [Fact]
    public void A_shortcode_comment_is_literal_text_whatever_it_holds()
    {
        string body = Repeat("{{</* ", Many) + "*/>}}";

        TemplateExpansion expansion = TemplateExpander.Expand(body, 1, TemplateDialect.Hugo, SpecSite.Instance, SpecSite.PostSourcePath, SpecSite.PostUrl);

        expansion.Body.ShouldBe("{{< " + Repeat("{{</* ", Many - 1) + ">}}");
        expansion.Notes.ShouldBeEmpty();
    }

    [Fact]
    public void Many_single_unknown_shortcodes_are_not_nesting_and_a_pair_after_them_still_pairs()
    {
        // A release note with a {{< gh N >}} on every line: none of them is ever closed, so none opens a pair.
        string body = string.Concat(Enumerable.Range(1, 300).Select(i => $"* Fix {i} {{{{< gh {i} >}}}}\n"))
            + "{{% note %}}kept *text*{{% /note %}}\n";

        TemplateExpansion expansion = TemplateExpander.Expand(body, 1, TemplateDialect.Hugo, SpecSite.Instance, SpecSite.PostSourcePath, SpecSite.PostUrl);

        expansion.Notes.ShouldBeEmpty();
        expansion.Body.ShouldEndWith("kept *text*\n");
        expansion.Body.ShouldNotContain("{{");
    }

    [Fact]
    public void Warnings_past_the_limit_are_counted_in_one_note()
    {
        TemplateExpansion expansion = TemplateExpander.Expand(Repeat("{% x\n", 60), 10, TemplateDialect.Jekyll, SpecSite.Instance, SpecSite.PostSourcePath, SpecSite.PostUrl);

        expansion.Notes.Count.ShouldBe(NoteList.MaxNotes + 1);
        expansion.Notes[0].ShouldBe(new TemplateNote(10, 1, "'{%' opens a tag that is never closed; it was removed."));
        expansion.Notes[^1].Message.ShouldBe("10 more template warnings in this post are not shown.");
        expansion.Notes[^1].Line.ShouldBe(10 + NoteList.MaxNotes);
        expansion.RemovedCount.ShouldBe(60);
    }

    [Fact]
    public void A_column_counts_characters_not_utf16_units()
    {
        TemplateExpansion expansion = TemplateExpander.Expand("𝑥中 {% endif %}", 3, TemplateDialect.Jekyll, SpecSite.Instance, SpecSite.PostSourcePath, SpecSite.PostUrl);

        expansion.Notes.ShouldHaveSingleItem().ShouldBe(new TemplateNote(3, 4, "'{% endif %}' closes no open 'if' tag; it was removed."));
    }

    [Fact]
    public void A_body_without_delimiters_is_returned_as_it_is()
    {
        const string body = "No tags here: { % } {{ but not a Hugo shortcode.";

        TemplateExpansion expansion = TemplateExpander.Expand(body, 1, TemplateDialect.Hugo, SpecSite.Instance, SpecSite.PostSourcePath, SpecSite.PostUrl);

        expansion.Body.ShouldBeSameAs(body);
        expansion.Notes.ShouldBeEmpty();
        expansion.RemovedCount.ShouldBe(0);
    }

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));
}
