namespace Feed.Tool.Templates;

/// <summary>
/// Expands the template tags of a post's body (Jekyll's Liquid, Hugo's shortcodes, Hexo's tag plugins) into the
/// Markdown its generator would have rendered, so that no template syntax reaches an excerpt or a feed's content.
/// </summary>
/// <remarks>
/// <para>
/// Tags are read outside code only (code spans and fenced or indented code blocks, found by the Markdown parser the
/// library reads the body with; see <see cref="CodeRegions"/>): code keeps its text exactly, but for the escapes its
/// generator removes there too (<see cref="ExpansionWriter.CopyCode"/>). The rules, with an example of each, are in
/// <c>tests/Feed.Tool.Tests/Templates/Specs/TemplateSpecs.md</c>.
/// </para>
/// <para>
/// Any string is safe: the time is linear in the body's length, memory is a small multiple of it, and a malformed tag
/// is a warning (<see cref="TemplateExpansion.Notes"/>), never an exception.
/// </para>
/// </remarks>
/// <threadsafety>Stateless; safe to call from many threads at once.</threadsafety>
internal static class TemplateExpander
{
    /// <summary>Expands the tags of one post's body.</summary>
    /// <param name="body">The post's body text (after the front matter).</param>
    /// <param name="firstLine">The 1-based line of the body's first line in the file, so notes point into the file.</param>
    /// <param name="dialect">The generator the post was written for.</param>
    /// <param name="site">The site's URLs and the posts references may name.</param>
    /// <param name="postSourcePath">The post's path as the site's catalog knows it ('/'-separated), for references relative to it.</param>
    /// <param name="postUrl">The post's absolute URL, for references to its own anchors and for relative image sources.</param>
    /// <returns>The expanded body, the warnings, and how many tags were removed.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static TemplateExpansion Expand(string body, int firstLine, TemplateDialect dialect, ITemplateSite site, string postSourcePath, Uri postUrl)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(postSourcePath);
        ArgumentNullException.ThrowIfNull(postUrl);
        if (!MayHoldTags(body, dialect))
        {
            return new TemplateExpansion(body, [], 0);
        }

        List<CodeRegion> code = CodeRegions.Find(body);
        List<TemplateTag> tags = TemplateLexer.Lex(body, code, dialect);

        // The generator never reads the inside of a code tag or a comment as Markdown, but the parser that found the
        // code did: a fence or backtick in a highlight block could open code that runs past its end tag and hides the
        // tags after it. Then the body is read again with those insides blanked out (same length, same lines).
        for (int pass = 0; pass < 2 && MaskHidden(body, code, tags) is { } masked; pass++)
        {
            code = CodeRegions.Find(masked);
            tags = TemplateLexer.Lex(body, code, dialect);
        }

        bool guard = DelimiterGuard.CanGuard(body);
        (string expanded, ExpansionWriter writer, NoteList notes) = Write(body, code, tags, dialect, site, postSourcePath, postUrl, guard, htmlCode: null);

        // A fence is a code block only where CommonMark reads one (at a line's start, not as a paragraph's indented
        // continuation, not inside an HTML block); a code tag whose fence the parser does not read as the block it
        // was written to open is written again as HTML, and on a second try every code tag is.
        for (int pass = 0; pass < 2 && writer.Fences.Count > 0; pass++)
        {
            HashSet<int> broken = BrokenFences(expanded, writer.Fences);
            if (broken.Count == 0)
            {
                break;
            }

            if (writer.HtmlCode is { } before)
            {
                broken.UnionWith(before);
                broken.UnionWith(writer.Fences.Select(f => f.TagIndex));
            }

            (expanded, writer, notes) = Write(body, code, tags, dialect, site, postSourcePath, postUrl, guard, broken);
        }

        if (expanded.Contains(ReferenceTags.Unresolved, StringComparison.Ordinal))
        {
            expanded = LinkUnwrapper.Unwrap(expanded);
        }

        int removed = writer.Removed;
        if (guard)
        {
            expanded = DelimiterGuard.Apply(expanded, dialect, ref removed);
        }

        return new TemplateExpansion(expanded, notes.ToNotes(body, firstLine), removed);
    }

    private static (string Expanded, ExpansionWriter Writer, NoteList Notes) Write(
        string body, List<CodeRegion> code, List<TemplateTag> tags, TemplateDialect dialect, ITemplateSite site,
        string postSourcePath, Uri postUrl, bool guard, IReadOnlySet<int>? htmlCode)
    {
        var notes = new NoteList();
        foreach (TemplateTag tag in tags)
        {
            tag.Match = -1;
        }

        TagPairing.Pair(tags, dialect, notes);
        var context = new TemplateContext(dialect, site, postSourcePath, postUrl, notes, guard);
        var writer = new ExpansionWriter(body, code, tags, context, htmlCode);
        return (writer.Write(), writer, notes);
    }

    /// <summary>The code tags whose fence the parser does not read as the code block it was written to open and close.</summary>
    private static HashSet<int> BrokenFences(string expanded, List<WrittenFence> fences)
    {
        List<CodeRegion> blocks = [.. CodeRegions.Find(expanded).Where(r => r.IsBlock)];
        var broken = new HashSet<int>();
        int b = 0;
        foreach (WrittenFence fence in fences)
        {
            while (b < blocks.Count && blocks[b].End <= fence.Open)
            {
                b++;
            }

            if (!(b < blocks.Count && blocks[b].Start == fence.Open && blocks[b].End >= fence.Close + fence.Length))
            {
                broken.Add(fence.TagIndex);
            }
        }

        return broken;
    }

    /// <summary>
    /// The body with the insides of its code and comment tags blanked (every character but white space made <c>x</c>),
    /// when code found by the parser starts inside one and reaches past it; else null.
    /// </summary>
    private static string? MaskHidden(string body, List<CodeRegion> code, List<TemplateTag> tags)
    {
        bool hides = false;
        int region = 0;
        foreach (TemplateTag tag in tags)
        {
            if (!IsNeverMarkdown(tag))
            {
                continue;
            }

            while (region < code.Count && code[region].Start < tag.ContentStart)
            {
                region++;
            }

            for (; region < code.Count && code[region].Start < tag.ContentEnd; region++)
            {
                hides |= code[region].End > tag.ContentEnd;
            }
        }

        if (!hides)
        {
            return null;
        }

        char[] masked = body.ToCharArray();
        foreach (TemplateTag tag in tags)
        {
            if (IsNeverMarkdown(tag))
            {
                for (int i = tag.ContentStart; i < tag.ContentEnd; i++)
                {
                    if (!char.IsWhiteSpace(masked[i]))
                    {
                        masked[i] = 'x';
                    }
                }
            }
        }

        return new string(masked);

        // Raw text is Markdown to the generator too; every other verbatim block is code or dropped.
        static bool IsNeverMarkdown(TemplateTag tag) => tag.IsVerbatim && tag.Name != "raw";
    }

    /// <summary>Whether <paramref name="body"/> holds an opening delimiter of <paramref name="dialect"/> at all: most posts do not, and cost one search.</summary>
    private static bool MayHoldTags(string body, TemplateDialect dialect) => dialect switch
    {
        TemplateDialect.Hugo => body.Contains("{{<", StringComparison.Ordinal) || body.Contains("{{%", StringComparison.Ordinal),
        TemplateDialect.Hexo => body.Contains("{%", StringComparison.Ordinal) || body.Contains("{{", StringComparison.Ordinal) || body.Contains("{#", StringComparison.Ordinal),
        _ => body.Contains("{%", StringComparison.Ordinal) || body.Contains("{{", StringComparison.Ordinal),
    };
}
