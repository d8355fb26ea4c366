using System.ComponentModel.DataAnnotations;

namespace Feed.Excerpts;

/// <summary>How excerpts are made. The one mutable type of the excerpt engine: <see cref="ExcerptGenerator"/> validates and copies it.</summary>
/// <remarks>Not thread-safe while being changed; the generator built from it is immutable.</remarks>
public sealed class ExcerptOptions
{
    /// <summary>The default <see cref="Length"/>: 350, the excerpt length of the blog listing Feed was made for.</summary>
    internal const int DefaultLength = 350;

    /// <summary>The default <see cref="Ellipsis"/> and math placeholders' companion: three full stops.</summary>
    internal const string DefaultEllipsis = "...";

    /// <summary>The default <see cref="MathPlaceholder"/> and <see cref="DisplayMathPlaceholder"/>.</summary>
    internal const string DefaultMathPlaceholder = "[Math]";

    /// <summary>Gets or sets the longest excerpt, in user-perceived characters (grapheme clusters), ellipsis not counted.</summary>
    /// <value>The default value is 350. Must be at least 1.</value>
    public int Length { get; set; } = DefaultLength;

    /// <summary>Gets or sets the text appended to an excerpt that was cut.</summary>
    /// <value>
    /// The default value is <c>...</c>. May be empty; must not be <see langword="null"/> or hold a character XML 1.0
    /// forbids. It is appended as is, right after the last character kept.
    /// </value>
    public string Ellipsis { get; set; } = DefaultEllipsis;

    /// <summary>Gets or sets where a text that is too long may be cut.</summary>
    /// <value>The default value is <see cref="ExcerptBoundary.Word"/>.</value>
    public ExcerptBoundary Boundary { get; set; } = ExcerptBoundary.Word;

    /// <summary>Gets or sets the text that stands for inline math (<c>$…$</c>, MathML <c>&lt;math&gt;</c>).</summary>
    /// <value>
    /// The default value is <c>[Math]</c>. May be empty; must not be <see langword="null"/>. Read by the same text rules
    /// as the body (white space collapsed, forbidden characters dropped).
    /// </value>
    public string MathPlaceholder { get; set; } = DefaultMathPlaceholder;

    /// <summary>Gets or sets the text that stands for display math (<c>$$…$$</c>, a math block, MathML <c>display="block"</c>).</summary>
    /// <value>
    /// The default value is <c>[Math]</c>. May be empty; must not be <see langword="null"/>. Read by the same text rules
    /// as the body; it stands as a block of its own, separated from the words around it.
    /// </value>
    public string DisplayMathPlaceholder { get; set; } = DefaultMathPlaceholder;

    /// <summary>A copy of these options (a test checks that every property is copied).</summary>
    internal ExcerptOptions Clone() => (ExcerptOptions)MemberwiseClone();

    /// <summary>Whether <paramref name="other"/> makes the same excerpts: every property equal.</summary>
    internal bool SameAs(ExcerptOptions other) =>
        Length == other.Length
        && string.Equals(Ellipsis, other.Ellipsis, StringComparison.Ordinal)
        && Boundary == other.Boundary
        && string.Equals(MathPlaceholder, other.MathPlaceholder, StringComparison.Ordinal)
        && string.Equals(DisplayMathPlaceholder, other.DisplayMathPlaceholder, StringComparison.Ordinal);

    /// <summary>Lists every rule these options break.</summary>
    /// <returns>
    /// One result per broken rule: its <see cref="ValidationResult.ErrorMessage"/> is one sentence naming the property
    /// as <c>Excerpt.Name</c> (the path in <see cref="FeedOptions"/>), and its <see cref="ValidationResult.MemberNames"/>
    /// holds the property's name (such as <c>Length</c>). Empty when the options are valid.
    /// </returns>
    public IReadOnlyList<ValidationResult> Validate()
    {
        var errors = new List<ValidationResult>();
        if (Length < 1)
        {
            errors.Add(new ValidationResult($"Excerpt.Length must be at least 1 (was {Length.ToString(System.Globalization.CultureInfo.InvariantCulture)}).", ["Length"]));
        }

        if (Ellipsis is null)
        {
            errors.Add(new ValidationResult("Excerpt.Ellipsis must not be null (use an empty string for no ellipsis).", ["Ellipsis"]));
        }
        else if (!Feed.Internal.XmlChars.IsValid(Ellipsis))
        {
            errors.Add(new ValidationResult("Excerpt.Ellipsis must not contain a character XML 1.0 forbids (a C0 control, a lone surrogate, U+FFFE or U+FFFF).", ["Ellipsis"]));
        }

        if (!Enum.IsDefined(Boundary))
        {
            errors.Add(new ValidationResult($"Excerpt.Boundary must be Word or Character (was {(int)Boundary}).", ["Boundary"]));
        }

        if (MathPlaceholder is null)
        {
            errors.Add(new ValidationResult("Excerpt.MathPlaceholder must not be null (use an empty string to drop math).", ["MathPlaceholder"]));
        }

        if (DisplayMathPlaceholder is null)
        {
            errors.Add(new ValidationResult("Excerpt.DisplayMathPlaceholder must not be null (use an empty string to drop math).", ["DisplayMathPlaceholder"]));
        }

        return errors;
    }
}
