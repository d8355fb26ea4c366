using System.Globalization;

namespace Feed.Content;

/// <summary>The grammar of the values a CSS property of <see cref="HtmlPolicy"/>'s style table keeps.</summary>
internal enum CssValue
{
    /// <summary>A colour: a name, <c>#rgb</c>, <c>#rgba</c>, <c>#rrggbb</c>, <c>#rrggbbaa</c> or a colour function of numbers.</summary>
    Colour,

    /// <summary>One to <see cref="CssProperty.MaxValues"/> keywords of the row.</summary>
    Keywords,

    /// <summary>One length (0 to the bound), a percentage (0 to its bound) or a keyword of the row.</summary>
    Length,

    /// <summary>One to <see cref="CssProperty.MaxValues"/> lengths or keywords (the box shorthands: <c>margin: 0 auto</c>).</summary>
    BoxLengths,

    /// <summary>A border shorthand: a width (as <see cref="BoxLengths"/>), a style keyword and a colour, in any order.</summary>
    Border,

    /// <summary>The <c>text-decoration</c> shorthand: line and style keywords and a colour.</summary>
    TextDecoration,

    /// <summary>Font names: quoted strings or words, separated by commas.</summary>
    FontFamily,

    /// <summary>A weight keyword or a number from 1 to 1000.</summary>
    FontWeight,

    /// <summary>A size keyword, an absolute length up to the bound, or a relative one up to 1em (100%).</summary>
    FontSize,

    /// <summary><c>normal</c> or a number from 1 to the bound (em and % are written as that number).</summary>
    LineHeight,

    /// <summary>One identifier (a counter style's name).</summary>
    Identifier,
}

/// <summary>One property of the style table: its value grammar and bounds.</summary>
internal sealed record CssProperty(string Name, CssValue Value, string[] Keywords, double MaxEm, double MaxPercent, int MaxValues);

/// <summary>Judges and writes the declarations of an inline <c>style</c> (CSS Syntax Level 3, CSS Values Level 4).</summary>
/// <remarks>
/// A value is split into component values (whitespace outside parentheses; a colour function is one); each must be
/// what its property's grammar names, inside its bounds, or the declaration goes. What is kept is written back as
/// it was, except a line height in em or percent, written as the number it stands for, so judging the output again
/// keeps it unchanged.
/// </remarks>
internal static class InlineStyle
{
    private const double PixelsPerEm = 16;

    private static readonly string[] CssWideKeywords = ["inherit", "initial", "unset", "revert", "revert-layer"];

    private static readonly string[] ColourFunctions = ["rgb", "rgba", "hsl", "hsla", "hwb"];

    /// <summary>
    /// Appends <c>property: value;</c> for a declaration the table keeps (the value escaped for a double-quoted
    /// attribute) and returns true; returns false, appending nothing, otherwise.
    /// </summary>
    public static bool TryAppend(CssProperty property, ReadOnlySpan<char> value, ref CharBuffer output)
    {
        // No !important, no second declaration or block, no at-rule; quotes only around font names.
        if (value.IsEmpty || value.ContainsAny("!;{}<>@\\") || (property.Value != CssValue.FontFamily && value.ContainsAny("\"'")))
        {
            return false;
        }

        Span<Range> parts = stackalloc Range[8];
        int count = Split(value, parts);
        if (count == 0 || count > property.MaxValues && property.Value is not CssValue.FontFamily)
        {
            return false;
        }

        foreach (Range part in parts[..count])
        {
            if (IsCssWideKeyword(value[part]))
            {
                return false;
            }
        }

        string? rewritten = null;
        bool valid = property.Value switch
        {
            CssValue.Colour => count == 1 && IsColour(value[parts[0]]),
            CssValue.Keywords => All(value, parts[..count], token => IsKeyword(property, token)),
            CssValue.Length or CssValue.BoxLengths => All(value, parts[..count], token => IsKeyword(property, token) || IsLength(token, property.MaxEm, property.MaxPercent)),
            CssValue.Border => All(value, parts[..count], token => IsKeyword(property, token) || IsColour(token) || IsLength(token, property.MaxEm, 0)),
            CssValue.TextDecoration => All(value, parts[..count], token => IsKeyword(property, token) || IsColour(token)),
            CssValue.FontFamily => IsFontFamily(value),
            CssValue.FontWeight => count == 1 && (IsKeyword(property, value[parts[0]]) || IsNumber(value[parts[0]], 1, 1000)),
            CssValue.FontSize => count == 1 && (IsKeyword(property, value[parts[0]]) || IsFontSize(value[parts[0]], property.MaxEm)),
            CssValue.LineHeight => count == 1 && (IsKeyword(property, value[parts[0]]) || IsLineHeight(value[parts[0]], property.MaxEm, out rewritten)),
            CssValue.Identifier => count == 1 && IsIdentifier(value[parts[0]]),
            _ => false,
        };

        if (!valid)
        {
            return false;
        }

        output.Append(property.Name);
        output.Append(": ");
        output.AppendAttributeText(rewritten ?? value, escapeAmpersand: true);
        output.Append(';');
        return true;
    }

    /// <summary>
    /// How far a kept declaration moves content in from the left and right edges of its box, in em (the largest
    /// length of the value, counted on both sides for a shorthand): what nesting adds up, and the sanitiser bounds.
    /// </summary>
    public static double HorizontalEm(CssProperty property, ReadOnlySpan<char> value)
    {
        string name = property.Name;
        int sides = name is "margin" or "padding" or "border" or "border-width" ? 2
            : name is "margin-left" or "margin-right" or "padding-left" or "padding-right" or "border-left" or "border-right"
                or "border-left-width" or "border-right-width" or "text-indent" ? 1
            : 0;
        if (sides == 0)
        {
            return 0;
        }

        double largest = 0;
        foreach (Range range in value.SplitAny(" \t\n\f\r"))
        {
            ReadOnlySpan<char> token = value[range];
            double em = token.Equals("thick", StringComparison.OrdinalIgnoreCase) || token.Equals("medium", StringComparison.OrdinalIgnoreCase)
                || token.Equals("thin", StringComparison.OrdinalIgnoreCase) ? 5 / PixelsPerEm
                : TryNumber(token, out double number, out ReadOnlySpan<char> unit) && !unit.IsEmpty && TryEm(number, unit, out double e, out _) ? e
                : 0;
            largest = Math.Max(largest, em);
        }

        return largest * sides;
    }

    private delegate bool TokenTest(ReadOnlySpan<char> token);

    private static bool All(ReadOnlySpan<char> value, ReadOnlySpan<Range> parts, TokenTest test)
    {
        foreach (Range part in parts)
        {
            if (!test(value[part]))
            {
                return false;
            }
        }

        return true;
    }

    // Component values: runs separated by whitespace outside parentheses. Returns 0 for unbalanced parentheses and
    // more than the span holds when there are too many (the caller refuses both).
    private static int Split(ReadOnlySpan<char> value, Span<Range> parts)
    {
        int count = 0, depth = 0, start = -1;
        for (int i = 0; i <= value.Length; i++)
        {
            char c = i < value.Length ? value[i] : ' ';
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth < 0)
            {
                return 0;
            }

            bool space = c is ' ' or '\t' or '\n' or '\r' or '\f';
            if (space && depth == 0)
            {
                if (start >= 0)
                {
                    if (count == parts.Length)
                    {
                        return parts.Length + 1;
                    }

                    parts[count++] = new Range(start, i);
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        return depth == 0 ? count : 0;
    }

    private static bool IsCssWideKeyword(ReadOnlySpan<char> token)
    {
        foreach (string keyword in CssWideKeywords)
        {
            if (token.Equals(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsKeyword(CssProperty property, ReadOnlySpan<char> token)
    {
        foreach (string keyword in property.Keywords)
        {
            if (token.Equals(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A colour (CSS Color Level 4): a named colour (letters: an unknown one is ignored by the browser), a hex colour,
    // or rgb()/rgba()/hsl()/hsla()/hwb() of numbers, percentages, angles, "none", commas and a slash: nothing inside
    // can be a function, so nothing can load or reference.
    internal static bool IsColour(ReadOnlySpan<char> token)
    {
        if (token.Length > 1 && token[0] == '#')
        {
            ReadOnlySpan<char> hex = token[1..];
            return hex.Length is 3 or 4 or 6 or 8 && !hex.ContainsAnyExcept("0123456789abcdefABCDEF");
        }

        int open = token.IndexOf('(');
        if (open < 0)
        {
            return IsLetters(token);
        }

        ReadOnlySpan<char> name = token[..open];
        bool known = false;
        foreach (string function in ColourFunctions)
        {
            known |= name.Equals(function, StringComparison.OrdinalIgnoreCase);
        }

        ReadOnlySpan<char> arguments = token[(open + 1)..];
        return known && arguments.Length > 1 && arguments[^1] == ')'
            && !arguments[..^1].ContainsAnyExcept("0123456789.,%/ degradturnoe+-\t");
    }

    private static bool IsLetters(ReadOnlySpan<char> token)
    {
        foreach (char c in token)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return token.Length is > 0 and <= 32;
    }

    private static bool IsIdentifier(ReadOnlySpan<char> token) =>
        token.Length is > 0 and <= 64 && char.IsAsciiLetter(token[0])
        && !token.ContainsAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

    private static bool IsFontFamily(ReadOnlySpan<char> value)
    {
        foreach (Range range in value.Split(','))
        {
            ReadOnlySpan<char> family = value[range].Trim(" \t\n\r\f");
            if (family.Length >= 2 && family[0] is '"' or '\'' && family[^1] == family[0])
            {
                family = family[1..^1];
                if (family.ContainsAny("\"'"))
                {
                    return false;
                }
            }
            else if (family.IsEmpty || family.ContainsAny("\"'"))
            {
                return false;
            }

            if (family.ContainsAny("()"))
            {
                return false;
            }
        }

        return true;
    }

    // A number: digits with at most one point, no sign or exponent (a negative value is refused by every row).
    private static bool TryNumber(ReadOnlySpan<char> token, out double number, out ReadOnlySpan<char> unit)
    {
        int i = 0;
        while (i < token.Length && (char.IsAsciiDigit(token[i]) || token[i] == '.'))
        {
            i++;
        }

        unit = token[i..];
        ReadOnlySpan<char> digits = token[..i];
        return double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number)
            && digits.IndexOf('.') == digits.LastIndexOf('.') && digits[^1] != '.';
    }

    private static bool IsNumber(ReadOnlySpan<char> token, double min, double max) =>
        TryNumber(token, out double number, out ReadOnlySpan<char> unit) && unit.IsEmpty && number >= min && number <= max;

    // The length in em: absolute units at 16px to the em (CSS Values §6.2: 1in = 96px), font-relative ones as they
    // are (ex and ch counted as a full em, which they never exceed), rem as an em of the reader's font. Viewport,
    // container and line-height units measure something the entry does not control: refused.
    private static bool TryEm(double number, ReadOnlySpan<char> unit, out double em, out bool relative)
    {
        relative = false;
        double pixels = unit.ToString().ToLowerInvariant() switch
        {
            "px" => number,
            "pt" => number * 96 / 72,
            "pc" => number * 16,
            "in" => number * 96,
            "cm" => number * 96 / 2.54,
            "mm" => number * 96 / 25.4,
            "q" => number * 96 / 101.6,
            "rem" => number * PixelsPerEm,
            _ => double.NaN,
        };
        if (!double.IsNaN(pixels))
        {
            em = pixels / PixelsPerEm;
            return true;
        }

        relative = true;
        em = number;
        return unit.Equals("em", StringComparison.OrdinalIgnoreCase) || unit.Equals("ex", StringComparison.OrdinalIgnoreCase)
            || unit.Equals("ch", StringComparison.OrdinalIgnoreCase);
    }

    internal static bool IsLength(ReadOnlySpan<char> token, double maxEm, double maxPercent)
    {
        if (!TryNumber(token, out double number, out ReadOnlySpan<char> unit))
        {
            return false;
        }

        if (unit.IsEmpty)
        {
            return number == 0;
        }

        if (unit is "%")
        {
            return maxPercent > 0 && number <= maxPercent;
        }

        return TryEm(number, unit, out double em, out _) && em <= maxEm;
    }

    internal static bool IsFontSize(ReadOnlySpan<char> token, double maxEm)
    {
        if (!TryNumber(token, out double number, out ReadOnlySpan<char> unit))
        {
            return false;
        }

        if (unit is "%")
        {
            return number <= 100;
        }

        return !unit.IsEmpty && TryEm(number, unit, out double em, out bool relative) && em <= (relative ? 1 : maxEm);
    }

    private static bool IsLineHeight(ReadOnlySpan<char> token, double max, out string? rewritten)
    {
        rewritten = null;
        if (!TryNumber(token, out double number, out ReadOnlySpan<char> unit))
        {
            return false;
        }

        if (unit is "%")
        {
            number /= 100;
        }
        else if (unit.Equals("em", StringComparison.OrdinalIgnoreCase))
        {
            // As a number it means the same for this element and scales with a child's font, as a length does not.
        }
        else if (!unit.IsEmpty)
        {
            return false;
        }

        if (number < 1 || number > max)
        {
            return false;
        }

        if (!unit.IsEmpty)
        {
            rewritten = number.ToString("0.####", CultureInfo.InvariantCulture);
        }

        return true;
    }
}
