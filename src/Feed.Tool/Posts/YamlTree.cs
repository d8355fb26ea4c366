using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Feed.Tool.Posts;

/// <summary>
/// A YAML document as a small tree, built from YamlDotNet's parser events with limits that hostile front matter
/// cannot get past: nesting depth, and the number of nodes the document stands for once every alias is expanded.
/// </summary>
/// <remarks>
/// Why not YamlDotNet's <c>YamlStream</c>: its nodes hash and compare deeply, so an alias used as a mapping key is
/// expanded (a "billion laughs" of 17 lines never finishes), a node that holds an alias to itself recurses until the
/// stack overflows, and every level of nesting is a level of recursion. Here an alias is the shared node itself (never
/// copied), an alias to a node still open is an error (YAML 1.2 §3.2.2.2 says an alias names a node already
/// anchored; one inside its own anchor would make the document infinite), and each alias is charged the size of the
/// node it brings in, keys included. Event-driven and reflection-free, so it works under Native AOT.
/// </remarks>
internal static class YamlTree
{
    /// <summary>The deepest nesting of lists and mappings front matter may use (real front matter uses 2 or 3).</summary>
    public const int MaxDepth = 64;

    /// <summary>The most nodes a front matter may stand for, each alias counted as every node it brings in.</summary>
    public const int MaxNodes = 100_000;

    /// <summary>Well-formed YAML past one of the limits (<see cref="MaxDepth"/>, <see cref="MaxNodes"/>): not invalid, too big.</summary>
    internal sealed class LimitException(Mark start, Mark end, string message) : YamlException(start, end, message);

    /// <summary>A node, with where it starts (0-based line and column as YamlDotNet reports them, 1-based once shown).</summary>
    internal abstract class Node(Mark start)
    {
        /// <summary>Gets where the node starts.</summary>
        public Mark Start { get; } = start;

        /// <summary>Gets the number of nodes this one stands for, itself and everything in it (aliases expanded).</summary>
        public long Size { get; set; } = 1;
    }

    /// <summary>A scalar: its text and how it was written.</summary>
    internal sealed class Scalar(Mark start, string value, ScalarStyle style) : Node(start)
    {
        /// <summary>Gets the text.</summary>
        public string Value { get; } = value;

        /// <summary>Gets the style (plain, quoted, literal, folded).</summary>
        public ScalarStyle Style { get; } = style;
    }

    /// <summary>A list.</summary>
    internal sealed class Sequence(Mark start) : Node(start)
    {
        /// <summary>Gets the items.</summary>
        public List<Node> Children { get; } = [];
    }

    /// <summary>A mapping, in the order written.</summary>
    internal sealed class Mapping(Mark start) : Node(start)
    {
        /// <summary>Gets the entries.</summary>
        public List<KeyValuePair<Node, Node>> Children { get; } = [];

        /// <summary>The scalar keys seen so far, with where each was first written.</summary>
        internal Dictionary<string, Mark> Keys { get; } = new(StringComparer.Ordinal);

        /// <summary>The key waiting for its value.</summary>
        internal Node? PendingKey { get; set; }
    }

    /// <summary>Reads the first document of <paramref name="parser"/>'s stream.</summary>
    /// <param name="parser">The parser.</param>
    /// <param name="firstLine">The file line that the YAML's first line is on, for messages that name another line.</param>
    /// <returns>The root node, or <see langword="null"/> for an empty stream.</returns>
    /// <exception cref="YamlException">The YAML is malformed or goes past a limit; the exception says where.</exception>
    public static Node? Load(IParser parser, int firstLine = 2)
    {
        var open = new Stack<(Node Node, string? Anchor)>();
        var anchors = new Dictionary<string, Node>(StringComparer.Ordinal);
        var openAnchors = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        bool aliased = false; // whether any alias has been charged: then "too many values" is an alias bomb
        Node? root = null;
        while (parser.MoveNext())
        {
            ParsingEvent e = parser.Current!;
            Node node;
            switch (e)
            {
                case DocumentEnd or StreamEnd:
                    return root;
                case YamlDotNet.Core.Events.Scalar s:
                    node = new Scalar(s.Start, s.Value, s.Style);
                    Count(ref total, 1, aliased, e);
                    if (!s.Anchor.IsEmpty)
                    {
                        anchors[s.Anchor.Value] = node;
                    }

                    break;
                case SequenceStart or MappingStart:
                    if (open.Count >= MaxDepth)
                    {
                        throw new LimitException(e.Start, e.End,
                            $"lists and mappings are nested more than {MaxDepth} deep here; front matter needs two or three levels.");
                    }

                    AnchorName name = ((NodeEvent)e).Anchor;
                    if (!name.IsEmpty)
                    {
                        openAnchors.Add(name.Value);
                        anchors.Remove(name.Value); // a redefined anchor names the new node from here on
                    }

                    Count(ref total, 1, aliased, e);
                    open.Push((e is SequenceStart ? new Sequence(e.Start) : new Mapping(e.Start), name.IsEmpty ? null : name.Value));
                    continue;
                case SequenceEnd or MappingEnd:
                    (node, string? anchor) = open.Pop();
                    if (node is Mapping { PendingKey: not null })
                    {
                        throw new YamlException(e.Start, e.End, "a mapping key has no value.");
                    }

                    if (anchor is not null)
                    {
                        openAnchors.Remove(anchor);
                        anchors[anchor] = node;
                    }

                    break;
                case AnchorAlias alias:
                    string aliasName = alias.Value.Value;
                    if (!anchors.TryGetValue(aliasName, out Node? target))
                    {
                        throw new YamlException(e.Start, e.End, openAnchors.Contains(aliasName)
                            ? $"the alias *{aliasName} is inside the node it names, which would make the front matter infinite."
                            : $"the alias *{aliasName} names no anchor (&{aliasName}) before it.");
                    }

                    aliased = true;
                    Count(ref total, target.Size, aliased, e);
                    node = target;
                    break;
                default:
                    continue; // stream and document starts, comments
            }

            if (open.Count == 0)
            {
                root ??= node;
            }
            else
            {
                AddTo(open.Peek().Node, node, e, firstLine);
            }
        }

        return root;
    }

    private static void Count(ref long total, long size, bool aliased, ParsingEvent e)
    {
        total += Math.Min(size, MaxNodes + 1L);
        if (total > MaxNodes)
        {
            // Said as what was hit: aliases that expand too far, or simply too many keys and values written out.
            throw new LimitException(e.Start, e.End, aliased
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the front matter stands for more than {MaxNodes:N0} values once its aliases are expanded (a 'billion laughs'?); use fewer aliases.")
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the front matter has more than {MaxNodes:N0} keys and values; front matter needs a few dozen."));
        }
    }

    private static void AddTo(Node parent, Node node, ParsingEvent e, int firstLine)
    {
        parent.Size = Math.Min(parent.Size + node.Size, MaxNodes + 1L);
        if (parent is Sequence sequence)
        {
            sequence.Children.Add(node);
        }
        else if (parent is Mapping mapping)
        {
            if (mapping.PendingKey is null)
            {
                if (node is Scalar { Value: var key } && !mapping.Keys.TryAdd(key, node.Start))
                {
                    throw new YamlException(e.Start, e.End,
                        $"duplicate key '{key}': it is also on line {mapping.Keys[key].Line + firstLine - 1}.");
                }

                mapping.PendingKey = node;
            }
            else
            {
                mapping.Children.Add(new(mapping.PendingKey, node));
                mapping.PendingKey = null;
            }
        }
    }
}
