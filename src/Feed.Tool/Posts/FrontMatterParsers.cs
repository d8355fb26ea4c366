using System.Globalization;
using System.Text;
using System.Text.Json;
using Tomlyn;
using Tomlyn.Parsing;
using YamlDotNet.Core;

namespace Feed.Tool.Posts;

/// <summary>A front matter that cannot be read: where and why (line and column relative to the front matter's text, 1-based).</summary>
internal sealed class FrontMatterSyntaxException(int line, int column, string message) : Exception(message)
{
    /// <summary>Gets the 1-based line in the front matter's text.</summary>
    public int Line { get; } = line;

    /// <summary>Gets the 1-based column.</summary>
    public int Column { get; } = column;
}

/// <summary>
/// Reads TOML (Hugo's <c>+++</c>) and JSON front matter into the same small tree as YAML (<see cref="YamlTree"/>),
/// so every key is mapped, checked and located by one reader whatever the language. Each node keeps its line and
/// column in the front matter's text (1-based, as YamlDotNet's marks are).
/// </summary>
/// <remarks>
/// TOML goes through Tomlyn's event parser (<see cref="TomlParser"/>): no reflection, so it works under Native AOT,
/// and it reports each error with its position. Values become text as they are written (dates in their RFC 3339
/// form, a TOML local date-time without an offset), to be typed by the same rules as YAML's scalars.
/// </remarks>
internal static class FrontMatterParsers
{
    /// <summary>The deepest nesting of tables and arrays accepted (the same bound as YAML's).</summary>
    private const int MaxDepth = YamlTree.MaxDepth;

    /// <summary>Reads TOML text.</summary>
    /// <param name="text">The TOML between the <c>+++</c> lines.</param>
    /// <returns>The root mapping.</returns>
    /// <exception cref="FrontMatterSyntaxException">The TOML is malformed.</exception>
    public static YamlTree.Mapping ReadToml(string text)
    {
        TomlParser parser = TomlParser.Create(text, (TomlSerializerOptions?)null!);
        var open = new Stack<YamlTree.Node>();
        YamlTree.Mapping? root = null;
        string? pendingKey = null;
        Mark pendingMark = Mark.Empty;
        int count = 0;
        try
        {
            while (parser.MoveNext())
            {
                TomlParseEvent e = parser.Current;
                var mark = new Mark(0, Math.Max(e.Line, 1), Math.Max(e.Column, 1));
                YamlTree.Node? node = null;
                switch (e.Kind)
                {
                    case TomlParseEventKind.PropertyName:
                        pendingKey = parser.GetPropertyName();
                        pendingMark = mark;
                        continue;
                    case TomlParseEventKind.StartTable:
                        var table = new YamlTree.Mapping(pendingKey is null ? mark : pendingMark);
                        if (open.Count == 0)
                        {
                            root ??= table;
                            open.Push(table);
                            continue;
                        }

                        node = table;
                        break;
                    case TomlParseEventKind.StartArray:
                        node = new YamlTree.Sequence(pendingKey is null ? mark : pendingMark);
                        break;
                    case TomlParseEventKind.EndTable or TomlParseEventKind.EndArray:
                        open.Pop();
                        continue;
                    case TomlParseEventKind.String:
                        node = new YamlTree.Scalar(mark, parser.GetString(), YamlDotNet.Core.ScalarStyle.DoubleQuoted);
                        break;
                    case TomlParseEventKind.Integer:
                        node = new YamlTree.Scalar(mark, e.GetInt64().ToString(CultureInfo.InvariantCulture), YamlDotNet.Core.ScalarStyle.Plain);
                        break;
                    case TomlParseEventKind.Float:
                        node = new YamlTree.Scalar(mark, e.GetDouble().ToString("R", CultureInfo.InvariantCulture), YamlDotNet.Core.ScalarStyle.Plain);
                        break;
                    case TomlParseEventKind.Boolean:
                        node = new YamlTree.Scalar(mark, e.GetBoolean() ? "true" : "false", YamlDotNet.Core.ScalarStyle.Plain);
                        break;
                    case TomlParseEventKind.DateTime:
                        node = new YamlTree.Scalar(mark, DateText(e.GetTomlDateTime()), YamlDotNet.Core.ScalarStyle.Plain);
                        break;
                    default:
                        continue; // document start and end
                }

                if (++count > YamlTree.MaxNodes)
                {
                    throw new FrontMatterSyntaxException(e.Line, e.Column, $"the front matter holds more than {YamlTree.MaxNodes:N0} values.");
                }

                Add(open, node, pendingKey, pendingMark);
                pendingKey = null;
                if (node is YamlTree.Mapping or YamlTree.Sequence)
                {
                    if (open.Count >= MaxDepth)
                    {
                        throw new FrontMatterSyntaxException(e.Line, e.Column, $"tables and arrays are nested more than {MaxDepth} deep here.");
                    }

                    open.Push(node);
                }
            }
        }
        catch (TomlException e)
        {
            // Tomlyn lists every error; the first one, with its position, is the one to fix first.
            var first = e.Diagnostics.FirstOrDefault();
            if (first is not null)
            {
                var span = first.Span;
                throw new FrontMatterSyntaxException(span.Start.Line + 1, span.Start.Column + 1, $"invalid TOML: {first.Message}");
            }

            throw new FrontMatterSyntaxException(1, 1, "invalid TOML: " + e.Message);
        }

        return root ?? new YamlTree.Mapping(Mark.Empty);
    }

    /// <summary>Reads a JSON object (Hugo's <c>{ … }</c>), or JSON members without their braces (Hexo's <c>;;;</c>).</summary>
    /// <param name="text">The JSON.</param>
    /// <param name="membersOnly">Whether the text is the members of an object without its braces (Hexo).</param>
    /// <returns>The root mapping.</returns>
    /// <exception cref="FrontMatterSyntaxException">The JSON is malformed or is not an object.</exception>
    public static YamlTree.Mapping ReadJson(string text, bool membersOnly)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(membersOnly ? "{" + text + "\n}" : text);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = MaxDepth,
        });
        var open = new Stack<YamlTree.Node>();
        YamlTree.Mapping? root = null;
        string? pendingKey = null;
        Mark pendingMark = Mark.Empty;
        int count = 0;
        try
        {
            while (reader.Read())
            {
                var (line, column) = Diagnostics.TextPosition.Of(utf8, reader.TokenStartIndex);
                if (membersOnly && line == 1)
                {
                    column = Math.Max(1, column - 1); // the '{' this reader added
                }

                var mark = new Mark(0, line, column);
                YamlTree.Node node;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingKey = reader.GetString();
                        pendingMark = mark;
                        continue;
                    case JsonTokenType.StartObject:
                        node = new YamlTree.Mapping(pendingKey is null ? mark : pendingMark);
                        if (open.Count == 0)
                        {
                            root = (YamlTree.Mapping)node;
                            open.Push(node);
                            continue;
                        }

                        break;
                    case JsonTokenType.StartArray:
                        if (open.Count == 0)
                        {
                            throw new FrontMatterSyntaxException(line, column, "the JSON front matter must be an object { ... }, not an array.");
                        }

                        node = new YamlTree.Sequence(pendingKey is null ? mark : pendingMark);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        open.Pop();
                        continue;
                    case JsonTokenType.String:
                        node = new YamlTree.Scalar(mark, reader.GetString()!, YamlDotNet.Core.ScalarStyle.DoubleQuoted);
                        break;
                    case JsonTokenType.Null:
                        node = new YamlTree.Scalar(mark, "null", YamlDotNet.Core.ScalarStyle.Plain);
                        break;
                    default: // numbers and booleans, as written
                        node = new YamlTree.Scalar(mark, Encoding.UTF8.GetString(reader.ValueSpan), YamlDotNet.Core.ScalarStyle.Plain);
                        break;
                }

                if (open.Count == 0)
                {
                    throw new FrontMatterSyntaxException(line, column, "the JSON front matter must be an object { ... }.");
                }

                if (++count > YamlTree.MaxNodes)
                {
                    throw new FrontMatterSyntaxException(line, column, $"the front matter holds more than {YamlTree.MaxNodes:N0} values.");
                }

                Add(open, node, pendingKey, pendingMark);
                pendingKey = null;
                if (node is YamlTree.Mapping or YamlTree.Sequence)
                {
                    open.Push(node);
                }
            }
        }
        catch (JsonException e)
        {
            int line = (int)(e.LineNumber ?? 0) + 1;
            int column = (int)(e.BytePositionInLine ?? 0) + 1;
            string message = e.Message;
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw new FrontMatterSyntaxException(line, column, "invalid JSON: " + (cut > 0 ? message[..cut].TrimEnd() : message));
        }
        catch (InvalidOperationException)
        {
            throw new FrontMatterSyntaxException(1, 1, "invalid JSON: a string escapes half of a surrogate pair.");
        }

        return root ?? new YamlTree.Mapping(Mark.Empty);
    }

    private static void Add(Stack<YamlTree.Node> open, YamlTree.Node node, string? key, Mark keyMark)
    {
        if (open.Count == 0)
        {
            return;
        }

        switch (open.Peek())
        {
            case YamlTree.Sequence sequence:
                sequence.Children.Add(node);
                break;
            case YamlTree.Mapping mapping:
                var keyNode = new YamlTree.Scalar(keyMark, key ?? string.Empty, YamlDotNet.Core.ScalarStyle.Plain);
                if (key is not null && !mapping.Keys.TryAdd(key, node.Start))
                {
                    throw new FrontMatterSyntaxException((int)node.Start.Line, (int)node.Start.Column, $"duplicate key '{key}'.");
                }

                mapping.Children.Add(new(keyNode, node));
                break;
        }
    }

    // The TOML value as RFC 3339 text: a local date or date-time keeps having no offset, so the site's zone applies.
    private static string DateText(TomlDateTime value)
    {
        DateTimeOffset d = value.DateTime;
        return value.Kind switch
        {
            TomlDateTimeKind.LocalDate => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TomlDateTimeKind.LocalDateTime => d.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            TomlDateTimeKind.LocalTime => d.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            _ => d.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        };
    }
}
