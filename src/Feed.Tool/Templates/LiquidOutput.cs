namespace Feed.Tool.Templates;

/// <summary>
/// Evaluates the Liquid outputs (<c>{{ … }}</c>) a post can mean without the generator's data: the site's URL and base
/// path, string literals, and Jekyll's URL filters. Anything else is a variable the tool does not have, which Liquid
/// itself renders as nothing when it is unset (https://shopify.github.io/liquid/basics/introduction/), so it is removed.
/// </summary>
internal static class LiquidOutput
{
    /// <summary>The text <paramref name="expression"/> outputs, or null when it names data the tool does not have.</summary>
    /// <param name="expression">The output's expression, without delimiters and whitespace control.</param>
    /// <param name="dialect">Jekyll knows <c>site.url</c>/<c>site.baseurl</c> and its URL filters; Hexo (Nunjucks) only literals.</param>
    /// <param name="site">The site.</param>
    public static string? Evaluate(ReadOnlySpan<char> expression, TemplateDialect dialect, ITemplateSite site)
    {
        ReadOnlySpan<char> rest = expression.Trim();
        if (!TryPrimary(ref rest, dialect, site, out string? value))
        {
            return null;
        }

        while (true)
        {
            rest = rest.TrimStart();
            if (rest.IsEmpty)
            {
                return value;
            }

            if (rest[0] != '|' || dialect != TemplateDialect.Jekyll)
            {
                return null;
            }

            rest = rest[1..].TrimStart();
            int nameLength = 0;
            while (nameLength < rest.Length && (char.IsAsciiLetterOrDigit(rest[nameLength]) || rest[nameLength] == '_'))
            {
                nameLength++;
            }

            ReadOnlySpan<char> filter = rest[..nameLength];
            rest = rest[nameLength..];
            if (filter.SequenceEqual("relative_url"))
            {
                value = RelativeUrl(value, site);
            }
            else if (filter.SequenceEqual("absolute_url"))
            {
                value = AbsoluteUrl(value, site);
            }
            else
            {
                return null; // a filter whose arguments or effect the tool does not know
            }
        }
    }

    /// <summary>Jekyll's <c>site.url</c>: the scheme and host of the site (https://jekyllrb.com/docs/configuration/options/, <c>url</c>); its path is <c>site.baseurl</c>.</summary>
    public static string SiteOrigin(ITemplateSite site) => site.SiteUrl.GetLeftPart(UriPartial.Authority);

    /// <summary>Jekyll's <c>relative_url</c>: the base path put in front of a path (https://jekyllrb.com/docs/liquid/filters/).</summary>
    public static string RelativeUrl(string input, ITemplateSite site)
    {
        if (IsAbsoluteUrl(input))
        {
            return input;
        }

        string path = input.StartsWith('/') ? input : "/" + input;
        return site.BaseUrl + path;
    }

    /// <summary>Jekyll's <c>absolute_url</c>: the site URL and base path put in front of a path.</summary>
    public static string AbsoluteUrl(string input, ITemplateSite site) =>
        IsAbsoluteUrl(input) ? input : SiteOrigin(site) + RelativeUrl(input, site);

    private static bool IsAbsoluteUrl(string input) => ImageTags.HasScheme(input) || input.StartsWith("//", StringComparison.Ordinal);

    private static bool TryPrimary(ref ReadOnlySpan<char> rest, TemplateDialect dialect, ITemplateSite site, out string value)
    {
        value = string.Empty;
        if (rest.IsEmpty)
        {
            return false;
        }

        if (rest[0] is '"' or '\'')
        {
            int close = rest[1..].IndexOf(rest[0]);
            if (close < 0)
            {
                return false;
            }

            value = rest.Slice(1, close).ToString(); // Liquid strings have no escapes
            rest = rest[(close + 2)..];
            return true;
        }

        int length = 0;
        while (length < rest.Length && (char.IsAsciiLetterOrDigit(rest[length]) || rest[length] is '_' or '.' or '-'))
        {
            length++;
        }

        ReadOnlySpan<char> name = rest[..length];
        rest = rest[length..];
        if (dialect != TemplateDialect.Jekyll)
        {
            return false;
        }

        if (name.SequenceEqual("site.url"))
        {
            value = SiteOrigin(site);
            return true;
        }

        if (name.SequenceEqual("site.baseurl"))
        {
            value = site.BaseUrl;
            return true;
        }

        return false;
    }
}
