namespace Feed.Tool.Templates;

/// <summary>
/// Pairs opening tags with their closing tags (Liquid <c>{% x %}…{% endx %}</c>, Hugo <c>{{&lt; x &gt;}}…{{&lt; /x &gt;}}</c>).
/// </summary>
/// <remarks>
/// A tag the generator knows to take no closing tag never opens a pair. Any other tag is paired when a closing tag of
/// its name follows at its level, which is how an unknown tag is told to be a block: Liquid and Hugo know it from the
/// tag's code, which the tool does not have. A closing tag closes the nearest open tag of its name; the open tags above
/// it were single. The stack is bounded (<see cref="MaxDepth"/>), so a closing tag costs at most that many steps and
/// the whole pass stays linear.
/// </remarks>
internal static class TagPairing
{
    /// <summary>The deepest nesting of paired tags honoured; deeper tags are read as single tags, with a warning.</summary>
    public const int MaxDepth = 100;

    /// <summary>Sets <see cref="TemplateTag.Match"/> of every paired tag.</summary>
    public static void Pair(List<TemplateTag> tags, TemplateDialect dialect, NoteList notes)
    {
        // Only a name some closing tag names can open a pair: a post with hundreds of single tags the tool does not
        // know ({{< gh 1215 >}} on every line of a release note) must not fill the stack and look nested.
        var closedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (TemplateTag tag in tags)
        {
            if (!tag.IsVerbatim && ClosedName(tag) is { } name)
            {
                closedNames.Add(name);
            }
        }

        var open = new List<int>();
        bool tooDeep = false;
        for (int i = 0; i < tags.Count; i++)
        {
            TemplateTag tag = tags[i];
            if (tag.IsVerbatim || tag.Syntax is not (TagSyntax.LiquidTag or TagSyntax.Shortcode or TagSyntax.MarkdownShortcode))
            {
                continue;
            }

            string? closes = ClosedName(tag);
            if (closes is not null)
            {
                for (int k = open.Count - 1; k >= 0; k--)
                {
                    if (tags[open[k]].Name == closes)
                    {
                        tag.Match = open[k];
                        tags[open[k]].Match = i;
                        open.RemoveRange(k, open.Count - k);
                        break;
                    }
                }
            }
            else if (closedNames.Contains(tag.Name) && CanOpen(tag, dialect))
            {
                if (open.Count < MaxDepth)
                {
                    open.Add(i);
                }
                else if (!tooDeep)
                {
                    tooDeep = true;
                    notes.Add(tag.Start, $"tags nested more than {MaxDepth} deep: this one and those inside it are read as single tags.");
                }
            }
        }
    }

    /// <summary>The name of the tag <paramref name="tag"/> closes, or null when it closes none.</summary>
    public static string? ClosedName(TemplateTag tag) => tag.Syntax == TagSyntax.LiquidTag
        ? tag.Name.Length > 3 && tag.Name.StartsWith("end", StringComparison.Ordinal) ? tag.Name[3..] : null
        : tag.Closing ? tag.Name : null;

    /// <summary>Whether <paramref name="tag"/> may open a pair: not a closing tag, and not one its generator knows to be single.</summary>
    public static bool CanOpen(TemplateTag tag, TemplateDialect dialect) => tag.Syntax == TagSyntax.LiquidTag
        ? tag.Name.Length > 0 && !TemplateTags.IsSingle(dialect, tag.Name)
        : !tag.Closing && !tag.SelfClosing && !TemplateTags.IsSingle(dialect, tag.Name);
}
