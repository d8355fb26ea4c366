namespace Feed.Content;

/// <summary>One element the sanitiser has opened and not yet closed.</summary>
/// <param name="Policy">Its row of the policy.</param>
/// <param name="Namespace">The namespace a browser puts it in: <see cref="ElementKind.Html"/>, <see cref="ElementKind.Svg"/> or <see cref="ElementKind.MathMl"/>.</param>
/// <param name="Written">False for a link unwrapped to its text: its end tag is matched, and nothing is written for it.</param>
/// <param name="Indent">How far its inline style moves content in from the sides, in em (<see cref="InlineStyle.HorizontalEm"/>).</param>
internal readonly record struct OpenElement(ElementPolicy Policy, ElementKind Namespace, bool Written, double Indent = 0);

/// <summary>The sanitiser's stack of open elements: what keeps its output a balanced fragment.</summary>
/// <remarks>
/// <para>
/// A reader puts an entry's HTML inside its own page, often by joining strings. An element the entry leaves open
/// swallows what the reader writes after it (its "Mark as read" button inside the author's link); a start tag the
/// browser handles otherwise than written (a <c>div</c> that closes a <c>p</c>, a <c>td</c> outside a table) leaves
/// the browser's stack different from the writer's, and what is closed or reopened then (the "active formatting
/// elements" a browser reconstructs) lands in the reader's page. So the sanitiser keeps the stack a browser keeps
/// (HTML Living Standard §13.2.4.2), does itself, with end tags it writes, whatever implicit closing the browser
/// would do before a start tag, writes the table parts a browser would imply, drops the tags a browser would move
/// or ignore, matches each end tag to an open element (or drops it) and, at the end of the entry, closes every
/// element still open. Every end tag it writes closes the element on top of the stack, which a browser does for
/// every element here, so the tree a browser builds is the one written; nothing stays open and no formatting element
/// is left to reconstruct after the entry.
/// </para>
/// <para>
/// A fragment that nests deeper than <see cref="MaxDepth"/> elements loses the tags past it (their text stays): the
/// depth is what a reader's parser and layout pay for.
/// </para>
/// </remarks>
internal sealed partial class HtmlSanitizer
{
    /// <summary>The deepest nesting written; deeper tags go, their content stays.</summary>
    internal const int MaxDepth = 64;

    /// <summary>
    /// How many elements that indent their content by default (<c>blockquote</c>, lists, <c>dd</c>, <c>figure</c>:
    /// 40px each in every browser) may nest; deeper ones lose their tags. Nesting is the one way plain HTML moves text
    /// sideways without bound: sixteen blockquotes put it past a 600px column, onto whatever the reader has beside it.
    /// </summary>
    internal const int MaxIndentingDepth = 8;

    /// <summary>
    /// How far, in em, the inline styles of nested elements may together move content in from the sides (margins,
    /// padding, borders, text indents); a declaration that would go further goes. With <see cref="MaxIndentingDepth"/>
    /// that keeps text at most 8 × 40px + 10em (480px) in from an entry's edges however deep it nests.
    /// </summary>
    internal const double MaxIndentEm = 10;

    private readonly List<OpenElement> _open = [];
    private int _depth;           // written elements on the stack
    private int _indentingDepth;  // blockquote, ul, ol, dd, figure on the stack
    private double _indent;       // the sum of the Indent of the open elements
    private double _pendingIndent; // the Indent of the start tag being written

    // The namespace a start tag is read in: the top element's, except that the children of an integration point
    // (SVG desc; MathML mi, mo, mn, ms, mtext) are HTML (§13.2.6.5, the tree construction dispatcher).
    private ElementKind Context
    {
        get
        {
            if (_open.Count == 0)
            {
                return ElementKind.Html;
            }

            OpenElement top = _open[^1];
            return top.Namespace == ElementKind.Html || top.Policy.Is(ElementKind.IntegrationPoint) ? ElementKind.Html : top.Namespace;
        }
    }

    /// <summary>
    /// Makes room for a start tag of <paramref name="policy"/>: closes what a browser would close before it, writes
    /// the table parts it would imply, and says in which namespace the element goes, or <see cref="ElementKind.None"/>
    /// when the tag goes (a browser would ignore it, move it out of a table, or make an unknown element of it).
    /// </summary>
    private ElementKind PrepareStart(ElementPolicy policy)
    {
        ElementKind context = Context;
        if (context != ElementKind.Html)
        {
            if (!policy.Is(ElementKind.Breakout))
            {
                return policy.Is(context) ? context : ElementKind.None;
            }

            // An HTML block inside SVG or MathML: a browser closes the drawing or formula first (§13.2.6.5).
            while (Context != ElementKind.Html)
            {
                Pop();
            }
        }

        if (!policy.Is(ElementKind.Html))
        {
            return ElementKind.None; // an SVG or MathML element outside svg and math
        }

        if (policy.IsAny(ElementKind.TablePart) && !PrepareTablePart(policy))
        {
            return ElementKind.None;
        }

        if (_open.Count > 0 && _open[^1].Policy.IsAny(ElementKind.TableStructure) && !policy.IsAny(ElementKind.TablePart))
        {
            return ElementKind.None; // a browser would move it out of the table (foster parenting, §13.2.6.1)
        }

        switch (policy.Name)
        {
            case "li":
                CloseListItem(static p => p.Name is "li");
                break;
            case "dd" or "dt":
                CloseListItem(static p => p.Name is "dd" or "dt");
                break;
            case "a":
                // A link in a link: a browser ends the first (the adoption agency, §13.2.6.4.7), not past a cell.
                int anchor = FindOpen(static e => e.Policy.Name is "a" && e.Namespace == ElementKind.Html, static e => e.Policy.IsAny(ElementKind.TableCell | ElementKind.Caption));
                if (anchor >= 0)
                {
                    PopThrough(anchor);
                }

                break;
            case "rt" or "rp":
                if (FindOpen(static e => e.Policy.Name is "ruby", static e => e.Policy.Is(ElementKind.ScopeBoundary)) >= 0)
                {
                    while (_open[^1].Policy.Name is "p" or "li" or "dd" or "dt" or "rt" or "rp")
                    {
                        Pop();
                    }
                }

                break;
        }

        if (policy.Is(ElementKind.ClosesParagraph))
        {
            int paragraph = FindOpen(static e => e.Policy.Name is "p" && e.Namespace == ElementKind.Html, static e => e.Policy.Is(ElementKind.ScopeBoundary));
            if (paragraph >= 0)
            {
                PopThrough(paragraph);
            }
        }

        if (policy.Is(ElementKind.Heading))
        {
            // A heading in a heading: a browser closes the open one when it is the current node; here always, so
            // that headings never nest (each would double the text size of the one around it).
            int heading = FindOpen(static e => e.Policy.Is(ElementKind.Heading), static e => e.Policy.Is(ElementKind.ScopeBoundary));
            if (heading >= 0)
            {
                PopThrough(heading);
            }
        }

        // svg and math start their own namespace (§13.2.6.4.7: "insert a foreign element").
        return policy.Name switch
        {
            "svg" => ElementKind.Svg,
            "math" => ElementKind.MathMl,
            _ => ElementKind.Html,
        };
    }

    // A table part: in a cell or caption, the cell or caption closes first; directly in the table structure, the
    // parts a browser implies are written (tbody before tr, tr before td, colgroup before col) and a part that does
    // not belong where it is closes the part it is in (§13.2.6.4.9–15). Outside any table the tag goes.
    private bool PrepareTablePart(ElementPolicy policy)
    {
        int table = FindOpen(static e => e.Namespace == ElementKind.Html && e.Policy.IsAny(ElementKind.TableStructure | ElementKind.TableCell | ElementKind.Caption), static _ => false);
        if (table < 0)
        {
            return false;
        }

        if (_open[table].Policy.IsAny(ElementKind.TableCell | ElementKind.Caption))
        {
            PopThrough(table);
            if (_open.Count == 0 || !_open[^1].Policy.IsAny(ElementKind.TableStructure))
            {
                return false;
            }
        }
        else
        {
            // Whatever is above the table's own structure (nothing, when every tag went through here) goes first.
            while (_open.Count - 1 > table)
            {
                Pop();
            }
        }

        while (true)
        {
            ElementPolicy top = _open[^1].Policy;
            if (top.Is(ElementKind.Table))
            {
                if (policy.IsAny(ElementKind.Caption | ElementKind.ColumnGroup | ElementKind.TableSection))
                {
                    return true;
                }

                if (!PushImplied(policy.Is(ElementKind.Column) ? "colgroup" : "tbody"))
                {
                    return false;
                }

                continue;
            }

            if (top.Is(ElementKind.TableSection))
            {
                if (policy.Is(ElementKind.TableRow))
                {
                    return true;
                }

                if (policy.Is(ElementKind.TableCell))
                {
                    if (!PushImplied("tr"))
                    {
                        return false;
                    }

                    continue;
                }

                Pop();
                continue;
            }

            if (top.Is(ElementKind.TableRow))
            {
                if (policy.Is(ElementKind.TableCell))
                {
                    return true;
                }

                Pop();
                continue;
            }

            if (top.Is(ElementKind.ColumnGroup))
            {
                if (policy.Is(ElementKind.Column))
                {
                    return true;
                }

                Pop();
                continue;
            }

            return false;
        }
    }

    // Writes and opens a table part a browser would imply (tbody, tr, colgroup), then goes on with the tag.
    private bool PushImplied(string name)
    {
        if (_depth >= MaxDepth)
        {
            return false;
        }

        ElementPolicy implied = HtmlPolicy.Element(name)!;
        _output.Append('<');
        _output.Append(name);
        _output.Append('>');
        Push(implied, ElementKind.Html, written: true);
        return true;
    }

    // li (or dd, dt) closes the open one unless a special element other than address, div or p comes first.
    private void CloseListItem(Func<ElementPolicy, bool> isItem)
    {
        for (int i = _open.Count - 1; i >= 0; i--)
        {
            ElementPolicy p = _open[i].Policy;
            if (isItem(p) && _open[i].Namespace == ElementKind.Html)
            {
                PopThrough(i);
                return;
            }

            if ((p.Is(ElementKind.Special) || _open[i].Namespace != ElementKind.Html) && p.Name is not ("address" or "div" or "p"))
            {
                return;
            }
        }
    }

    // The index of the topmost open element that matches, looking down no further than one that stops the search.
    private int FindOpen(Func<OpenElement, bool> matches, Func<OpenElement, bool> stops)
    {
        for (int i = _open.Count - 1; i >= 0; i--)
        {
            OpenElement element = _open[i];
            if (matches(element))
            {
                return i;
            }

            if (element.Written && stops(element))
            {
                return -1;
            }
        }

        return -1;
    }

    private void Push(ElementPolicy policy, ElementKind ns, bool written, double indent = 0)
    {
        _open.Add(new OpenElement(policy, ns, written, indent));
        _indent += indent;
        if (written)
        {
            _depth++;
            _indentingDepth += IsIndenting(policy) ? 1 : 0;
        }
    }

    private static bool IsIndenting(ElementPolicy policy) => policy.Name is "blockquote" or "ul" or "ol" or "dd" or "figure";

    // Closes the element on top: its end tag, when its start tag was written.
    private void Pop()
    {
        OpenElement top = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        _indent -= top.Indent;
        if (top.Written)
        {
            _depth--;
            _indentingDepth -= IsIndenting(top.Policy) ? 1 : 0;
            _output.Append("</");
            _output.Append(top.Policy.Name);
            _output.Append('>');
        }
    }

    private void PopThrough(int index)
    {
        while (_open.Count > index)
        {
            Pop();
        }
    }

    /// <summary>
    /// An end tag: closes the open element it names and everything opened inside it, or goes when none is open
    /// within reach (an end tag never closes past a table, cell, caption or integration point that it does not name,
    /// as a browser's "in scope" test, §13.2.4.2). One heading's end tag closes any heading.
    /// </summary>
    private void EndTag(ReadOnlySpan<char> name)
    {
        ElementPolicy? policy = HtmlPolicy.Element(name);
        if (policy is null || policy.Rule != ElementRule.Keep || policy.Is(ElementKind.Void))
        {
            return;
        }

        bool tablePart = policy.IsAny(ElementKind.TablePart | ElementKind.Table);
        for (int i = _open.Count - 1; i >= 0; i--)
        {
            ElementPolicy open = _open[i].Policy;
            if (open == policy || (policy.Is(ElementKind.Heading) && open.Is(ElementKind.Heading)))
            {
                PopThrough(i);
                return;
            }

            if (_open[i].Written && (tablePart ? open.Is(ElementKind.Table) : open.Is(ElementKind.ScopeBoundary)))
            {
                return;
            }
        }
    }

    /// <summary>Closes every element still open: the end of the entry ends them all.</summary>
    private void CloseAll()
    {
        while (_open.Count > 0)
        {
            Pop();
        }
    }

    /// <summary>Text in a column group closes it, as a browser does before it moves the text out of the table.</summary>
    private void BeforeText(ReadOnlySpan<char> text)
    {
        if (_open.Count > 0 && _open[^1].Policy.Is(ElementKind.ColumnGroup) && text.ContainsAnyExcept(" \t\n\f\r"))
        {
            Pop();
        }
    }
}
