using CsCheck;
using Feed.Tool.Templates;
using Feed.Tool.Tests.Templates.Specs;

namespace Feed.Tool.Tests.Templates;

/// <summary>
/// The expander's two promises over random posts, judged on its output as the library's Markdown pipeline reads it
/// (the reading the feed's excerpts and content are made from): code spans and code blocks come out with their text
/// unchanged, and no opening delimiter of the dialect is left outside code.
/// </summary>
public sealed class TemplatePropertyTests
{
    private const int Iterations = 2_000;

    // Template syntax that code shows: every dialect's, but not the escapes the generators remove from code too
    // (Jekyll's and Hexo's raw markers, Hugo's shortcode comments), which the spec file covers.
    private static readonly string[] CodeSyntax =
    [
        "{% include note.html %}", "{{ site.url }}", "{% if page.x %}", "{% endif %}", "{% highlight ruby %}", "{% link a.md %}",
        "{{< figure src=\"a.png\" >}}", "{{% notice %}}", "{{< /notice >}}", "{{< ref \"x.md\" >}}", "{% post_link a %}",
        "{% codeblock %}", "{# note #}", "{%", "%}", "{{", "}}", "{{<", ">}}", "x = {a: 1}", "中文",
    ];

    // Tags between the code, one per paragraph word: removals, references (resolved or not), site variables,
    // images and embeds, paired tags. No code tags (they make code) and no raw or string literals (literal text).
    private static readonly Dictionary<TemplateDialect, string[]> Tags = new()
    {
        [TemplateDialect.Jekyll] =
        [
            "{% include gh.html id=1 %}", "{% assign x = 1 %}", "{{ page.title }}", "{{ site.url }}{{ site.baseurl }}/a",
            "{% link _posts/2024-01-02-hello.md %}", "{% post_url missing %}", "[t]({% post_url 2024-01-02-hello %})",
            "[gone]({% link nope.md %})", "{% if a %}", "{% endif %}", "{% note %}", "{% endnote %}", "{%- seo -%}", "{% gist a/b %}",
        ],
        [TemplateDialect.Hugo] =
        [
            "{{< gh 2847 >}}", "{{% span %}}", "{{% /span %}}", "{{< note >}}", "{{< /note >}}", "{{< figure src=\"a.png\" caption=\"C\" >}}",
            "[r]({{< ref \"/posts/hello.md\" >}})", "[gone]({{< relref \"nope.md\" >}})", "{{< youtube abc >}}", "{{< param x />}}",
        ],
        [TemplateDialect.Hexo] =
        [
            "{% post_link hello-world %}", "{% post_link gone 'Gone' %}", "{% asset_img a.png A %}", "{% img /a.png %}",
            "{{ title }}", "{# c #}", "{% note %}", "{% endnote %}", "{% youtube abc %}", "{% link T https://x.org %}",
        ],
    };

    private static readonly Gen<string> Word = Gen.OneOf("alpha", "beta", "中文", "テスト", "a.b", "*em*", "x");

    private static readonly Gen<string> CodeText = Gen.OneOf(CodeSyntax).Array[1, 4].Select(parts => string.Join(' ', parts));

    [Fact]
    public void Code_spans_and_code_blocks_keep_their_text() =>
        Gen.Select(Gen.Enum<TemplateDialect>(), Gen.Int[0, int.MaxValue]).SelectMany((dialect, seed) =>
                Block(dialect).Array[1, 8].Select(blocks => (dialect, body: string.Join("\n\n", blocks))))
            .Sample(
                (dialect, body) =>
                {
                    TemplateExpansion expansion = Expand(body, dialect);
                    CodeOf(expansion.Body).ShouldBe(CodeOf(body), $"{dialect}:\n{body}\n---\n{expansion.Body}");
                },
                iter: Iterations);

    [Fact]
    public void No_delimiter_is_left_outside_code_in_tag_soup() =>
        Gen.Select(Gen.Enum<TemplateDialect>(), Gen.OneOf(Soup).Array[0, 60].Select(string.Concat))
            .Sample(
                (dialect, body) =>
                {
                    TemplateExpansion expansion = Expand(body, dialect);
                    TemplateLeaks.OutsideCode(expansion.Body, dialect).ShouldBeEmpty($"{dialect}:\n{body}\n---\n{expansion.Body}");
                },
                iter: Iterations);

    // Fragments of tags and of the Markdown around them, put together at random.
    private static readonly string[] Soup =
    [
        "{%", "%}", "{%-", "-%}", "{{", "}}", "{{-", "-}}", "{{<", ">}}", "{{%", "%}}", "/>}}", "{#", "#}", "{", "}", "%", "<", ">",
        " if ", " endif ", " for ", " endfor ", " x ", " endx ", " /x ", " note ", " /note ", " highlight ", " endhighlight ",
        " codeblock ", " endcodeblock ", " comment ", " endcomment ", " link ", " post_url ", " ref ", " figure ", " post_link ",
        " include ", " details ", " /details ", "`", "```", "~~~", "\n", "\n\n", "    ", " ", "a", "中文", "[", "](", ")", "-", "/",
        " src=a.png ", "=", "#", "> ", "- ", "1. ", "*", "\\",
    ];

    private static Gen<string> Block(TemplateDialect dialect)
    {
        Gen<string> tag = Gen.OneOf(Tags[dialect]);
        Gen<string> span = Gen.Select(CodeText, Gen.OneOf("`", "``")).Select((code, ticks) =>
            ticks + (code.StartsWith('`') || code.EndsWith('`') ? " " + code + " " : code) + ticks);
        Gen<string> paragraph = Gen.Frequency((4, Word), (3, tag), (2, span)).Array[1, 10].Select(words => string.Join(' ', words));
        Gen<string> fenced = Gen.Select(Gen.OneOf("```", "~~~", "````"), Gen.OneOf(string.Empty, "liquid", "go-html-template"), CodeText.Array[1, 3])
            .Select((fence, info, lines) => fence + info + "\n" + string.Join('\n', lines) + "\n" + fence);
        Gen<string> indented = CodeText.Array[1, 3].Select(lines => string.Join('\n', lines.Select(l => "    " + l)));
        Gen<string> inList = fenced.Select(code => "- item\n\n" + string.Join('\n', code.Split('\n').Select(l => "  " + l)));
        Gen<string> inQuote = fenced.Select(code => string.Join('\n', code.Split('\n').Select(l => "> " + l)));
        Gen<string> leaf = Gen.Frequency((4, paragraph), (2, fenced), (1, indented), (1, inList), (1, inQuote));
        string[] pairs = dialect == TemplateDialect.Hugo ? ["{{% note %}}", "{{% /note %}}"] : ["{% if a %}", "{% endif %}"];
        return Gen.Frequency((5, leaf), (1, leaf.Select(inner => pairs[0] + "\n\n" + inner + "\n\n" + pairs[1])));
    }

    private static TemplateExpansion Expand(string body, TemplateDialect dialect) =>
        TemplateExpander.Expand(body, 1, dialect, SpecSite.Instance, SpecSite.PostSourcePath, SpecSite.PostUrl);

    /// <summary>
    /// The text of every code span and code block, fences and container markers included, in document order; the blank
    /// lines a block's span ends with are not its text (CommonMark §4.4).
    /// </summary>
    private static List<string> CodeOf(string markdown) => [.. CodeRegions.Find(markdown).Select(r => markdown[r.Start..r.End].TrimEnd())];
}
