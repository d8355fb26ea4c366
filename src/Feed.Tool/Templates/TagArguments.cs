using System.Text;

namespace Feed.Tool.Templates;

/// <summary>One argument of a tag: positional (<see cref="Name"/> null) or named (<c>name=value</c>).</summary>
internal readonly record struct TagArgument(string? Name, string Value);

/// <summary>
/// Splits a tag's arguments the way its generator does: at white space, with quoted values kept whole.
/// </summary>
/// <remarks>
/// Hugo: <c>"…"</c> with backslash escapes, <c>`…`</c> raw, and <c>name=value</c> named parameters
/// (https://gohugo.io/content-management/shortcodes/#notation). Liquid (Jekyll): <c>"…"</c> or <c>'…'</c> without escapes,
/// and <c>name=value</c> for <c>include</c> (https://jekyllrb.com/docs/includes/#passing-parameters-to-includes).
/// Hexo: <c>"…"</c> or <c>'…'</c>, a quote only opening at the start of a word, and no named parameters
/// (<c>lang:ruby</c> is a positional word; https://hexo.io/api/tag).
/// </remarks>
internal static class TagArguments
{
    /// <summary>The arguments of <paramref name="text"/>, in order.</summary>
    public static List<TagArgument> Parse(ReadOnlySpan<char> text, TemplateDialect dialect)
    {
        var arguments = new List<TagArgument>();
        var value = new StringBuilder();
        int i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                return arguments;
            }

            string? name = null;
            if (dialect != TemplateDialect.Hexo)
            {
                int eq = i;
                while (eq < text.Length && (char.IsAsciiLetterOrDigit(text[eq]) || text[eq] is '_' or '-'))
                {
                    eq++;
                }

                if (eq > i && eq < text.Length && text[eq] == '=')
                {
                    name = text[i..eq].ToString();
                    i = eq + 1;
                }
            }

            value.Clear();
            i = ReadValue(text, i, dialect, value);
            arguments.Add(new TagArgument(name, value.ToString()));
        }
    }

    /// <summary>The named argument <paramref name="name"/>, else the positional one at <paramref name="position"/> (0-based, counting positional ones only), else null.</summary>
    public static string? Get(List<TagArgument> arguments, string? name, int position)
    {
        if (name is not null)
        {
            foreach (TagArgument argument in arguments)
            {
                if (argument.Name == name)
                {
                    return argument.Value;
                }
            }
        }

        int seen = 0;
        foreach (TagArgument argument in arguments)
        {
            if (argument.Name is null && seen++ == position)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static int ReadValue(ReadOnlySpan<char> text, int i, TemplateDialect dialect, StringBuilder value)
    {
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            char c = text[i];
            bool quote = c == '"' || (c == '\'' && dialect != TemplateDialect.Hugo) || (c == '`' && dialect == TemplateDialect.Hugo);
            if (!quote)
            {
                value.Append(c);
                i++;
                continue;
            }

            i++;
            while (i < text.Length && text[i] != c)
            {
                if (c == '"' && dialect == TemplateDialect.Hugo && text[i] == '\\' && i + 1 < text.Length)
                {
                    i++; // Hugo's quoted values take Go's escapes; \" and \\ are the ones that matter
                }

                value.Append(text[i]);
                i++;
            }

            i++; // the closing quote (or the end)
        }

        return i;
    }
}
