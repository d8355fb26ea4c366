using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Feed;

/// <summary>
/// Thrown when <see cref="FeedOptions"/> (by <see cref="FeedGenerator"/>) or <see cref="Excerpts.ExcerptOptions"/> (by
/// <see cref="Excerpts.ExcerptGenerator"/>) break one or more rules; the message lists every one.
/// </summary>
/// <remarks>Immutable; instances may be shared freely between threads.</remarks>
public sealed class FeedOptionsException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="errors"/>, as <see cref="FeedOptions.Validate"/> returns them.</summary>
    /// <param name="errors">Every rule the options break; must not be empty.</param>
    /// <param name="paramName">The name of the parameter that held the options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> is <see langword="null"/>.</exception>
    public FeedOptionsException(IEnumerable<ValidationResult> errors, string? paramName = "options")
        : this([.. errors ?? throw new ArgumentNullException(nameof(errors))], paramName, "feed options")
    {
    }

    /// <summary>Creates the exception for the options named by <paramref name="what"/> (<c>excerpt options</c>).</summary>
    internal FeedOptionsException(IEnumerable<ValidationResult> errors, string? paramName, string what)
        : this([.. errors], paramName, what)
    {
    }

    private FeedOptionsException(ValidationResult[] errors, string? paramName, string what)
        : base(FormatMessage(errors, what), paramName)
    {
        Errors = errors;
    }

    /// <summary>Gets every rule the options break: a sentence naming the property, and the property's path in <see cref="ValidationResult.MemberNames"/>.</summary>
    public IReadOnlyList<ValidationResult> Errors { get; }

    private static string FormatMessage(ValidationResult[] errors, string what) =>
        errors.Length == 1
            ? $"Invalid {what}: " + errors[0].ErrorMessage
            : string.Create(CultureInfo.InvariantCulture, $"Invalid {what} ({errors.Length} problems):\n- ")
              + string.Join("\n- ", errors.Select(error => error.ErrorMessage));
}
