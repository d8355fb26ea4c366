using Feed.Tool.Conventions;

namespace Feed.Tool.Tests.Conventions;

/// <summary>
/// Every placeholder of each generator, on examples written from its documentation: Jekyll's
/// (https://jekyllrb.com/docs/permalinks/, docs/_data/permalinks.yml), Hugo's (https://gohugo.io/configuration/permalinks/,
/// /content-management/urls/) and Hexo's (https://hexo.io/docs/permalinks).
/// </summary>
public sealed class PermalinkSpecTests
{
    // Thursday 2009-02-05 07:08:09 (day 36 of the year, ISO week 6).
    private static readonly DateTimeOffset Date = new(2009, 2, 5, 7, 8, 9, TimeSpan.Zero);

    private static PermalinkValues Post(Convention convention, string path, string title, string[] categories, string? slug = null)
    {
        PathFacts facts = convention.Facts(path, PostsFolderFacts.Empty);
        return new PermalinkValues(Date, slug ?? facts.Slug, slug is not null, title, categories, facts);
    }

    [Theory]
    // Built-in styles (docs/_data/permalinks.yml builtin_formats).
    [InlineData("date", "/jekyll/update/2009/02/05/Hello-World.html")]
    [InlineData("pretty", "/jekyll/update/2009/02/05/Hello-World/")]
    [InlineData("ordinal", "/jekyll/update/2009/036/Hello-World.html")]
    [InlineData("weekdate", "/jekyll/update/2009/W06/Thu/Hello-World.html")]
    [InlineData("none", "/jekyll/update/Hello-World.html")]
    // Placeholders (docs/_data/permalinks.yml placeholders).
    [InlineData("/:year/:short_year/:month/:i_month/:short_month/:long_month/", "/2009/09/02/2/Feb/February/")]
    [InlineData("/:day/:i_day/:y_day/:w_year/:week/:w_day/:short_day/:long_day/", "/05/5/036/2009/06/4/Thu/Thursday/")]
    [InlineData("/:hour/:minute/:second/", "/07/08/09/")]
    [InlineData("/:title/:slug/:name:output_ext", "/Hello-World/hello-world/2009-02-05-hello-world.html")]
    [InlineData("/:categories/:slugified_categories/x/", "/jekyll/update/jekyll/update/x/")]
    [InlineData("/news/:year/:month/:day/:title/", "/news/2009/02/05/Hello-World/")]
    // url.rb: '/:month_:day' is :month then '_' then :day; repeated slashes squeezed.
    [InlineData("/:month_:day//:title", "/02_05/Hello-World")]
    public void Jekyll_placeholders(string template, string expected) =>
        Convention.Jekyll.Expand(template, Post(Convention.Jekyll, "2009-02-05-Hello-World.md", "Hello World", ["Jekyll", "Update"]), false)
            .ShouldBe(expected);

    [Fact]
    public void Jekyll_title_keeps_case_and_pretty_characters_slug_does_not() =>
        Convention.Jekyll.Expand("/:title/:slug/", Post(Convention.Jekyll, "2009-02-05-x.md", "x", [], slug: "C'est la vie (v2.0)!"), false)
            .ShouldBe("/C'est-la-vie-(v2.0)!/c-est-la-vie-v2-0/");

    [Fact]
    public void Jekyll_without_categories_drops_the_empty_segment_and_escapes_the_rest() =>
        Convention.Jekyll.Expand("date", Post(Convention.Jekyll, "2009-02-05-你好 世界.md", "t", []), false)
            .ShouldBe("/2009/02/05/%E4%BD%A0%E5%A5%BD-%E4%B8%96%E7%95%8C.html");

    [Fact]
    public void Jekyll_front_matter_permalinks_take_placeholders_but_not_styles() =>
        Convention.Jekyll.Expand("pretty", Post(Convention.Jekyll, "2009-02-05-x.md", "x", []), fromFrontMatter: true).ShouldBe("/pretty");

    [Theory]
    [InlineData("/:year/:month/:monthname/:day/:weekday/:weekdayname/:yearday/", "/2009/02/February/05/4/Thursday/36/")]
    [InlineData("/:section/:sections/:sections[1:]/:sections[last]/", "/news/news/2021/2021/2021/")]
    [InlineData("/:title/", "/hugo-0.91.2-released/")]
    [InlineData("/:slug/", "/hugo-0.91.2-released/")]
    [InlineData("/:filename/:contentbasename/:slugorfilename/:slugorcontentbasename/", "/0.91.2-relnotes/0.91.2-relnotes/0.91.2-relnotes/0.91.2-relnotes/")]
    [InlineData("/:06/:1/:2/:title/", "/09/2/5/hugo-0.91.2-released/")]
    [InlineData("/:sections/:slugorcontentbasename/", "/news/2021/0.91.2-relnotes/")]
    public void Hugo_tokens(string template, string expected) =>
        Convention.Hugo.Expand(template, Post(Convention.Hugo, "news/2021/0.91.2-relnotes/index.md", "Hugo 0.91.2 Released", []), false)
            .ShouldBe(expected);

    [Fact]
    public void Hugo_slug_overrides_the_last_segment_and_urls_without_an_extension_are_folders()
    {
        PermalinkValues post = Post(Convention.Hugo, "posts/Post-1.md", "My First Post", [], slug: "my-first-post");
        Convention.Hugo.Expand(Convention.Hugo.DefaultPermalink, post, false).ShouldBe("/posts/my-first-post/");
        Convention.Hugo.Expand("articles/my-first-article", post, fromFrontMatter: true).ShouldBe("/articles/my-first-article/");
        Convention.Hugo.Expand("articles/my-first-article.html", post, fromFrontMatter: true).ShouldBe("/articles/my-first-article.html");
        Convention.Hugo.Expand(Convention.Hugo.DefaultPermalink, Post(Convention.Hugo, "posts/Post-1.md", "t", []), false).ShouldBe("/posts/post-1/");
    }

    [Theory]
    [InlineData(":year/:month/:day/:title/", "/2009/02/05/hello-world/")]
    [InlineData(":year/:i_month/:i_day/:hour/:minute/:second/:timestamp/", "/2009/2/5/07/08/09/1233817689/")]
    [InlineData(":title.html", "/hello-world.html")]
    [InlineData(":name/:post_title/", "/hello-world/hello-world/")]
    [InlineData(":category/:title/", "/Sports/hello-world/")]
    public void Hexo_placeholders(string template, string expected) =>
        Convention.Hexo.Expand(template, Post(Convention.Hexo, "hello-world.md", "Hello World", ["Diary", "Sports"]), false).ShouldBe(expected);

    [Fact]
    public void Hexo_title_is_the_path_under_posts_and_name_its_last_part()
    {
        PermalinkValues post = Post(Convention.Hexo, "2013/hello-world.md", "Hello World", []);
        Convention.Hexo.Expand(":title/", post, false).ShouldBe("/2013/hello-world/");
        Convention.Hexo.Expand(":name/", post, false).ShouldBe("/hello-world/");
        Convention.Hexo.Expand(":category/:name/", post, false).ShouldBe("/uncategorized/hello-world/");
        Convention.Hexo.Expand("custom/path/", post, fromFrontMatter: true).ShouldBe("/custom/path/");
    }

    [Theory]
    [InlineData("jekyll", "/:year/:bogus/")]
    [InlineData("hugo", "/:bogus/")]
    [InlineData("hexo", ":year/:bogus/")]
    public void Unknown_placeholders_are_refused_by_name(string convention, string template) =>
        Convention.Find(convention)!.CheckPermalink(template).ShouldNotBeNull().ShouldContain(":bogus");
}
