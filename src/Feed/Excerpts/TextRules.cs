namespace Feed.Excerpts;

/// <summary>The configurable parts of the text rules, fixed per generator.</summary>
/// <param name="MathPlaceholder">Stands for inline math.</param>
/// <param name="DisplayMathPlaceholder">Stands for display math.</param>
internal sealed record TextRules(string MathPlaceholder, string DisplayMathPlaceholder);
