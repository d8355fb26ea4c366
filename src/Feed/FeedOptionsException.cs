namespace Feed;

/// <summary>Thrown when <see cref="FeedOptions"/> break one or more rules; the message lists every one.</summary>
/// <remarks>Immutable; instances may be shared freely between threads.</remarks>
public sealed class FeedOptionsException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="errors"/>, one sentence each.</summary>
    /// <param name="errors">Every rule the options break; must not be empty.</param>
    /// <param name="paramName">The name of the parameter that held the options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> is <see langword="null"/>.</exception>
    public FeedOptionsException(IReadOnlyList<string> errors, string? paramName = "options")
        : base(FormatMessage(errors), paramName)
    {
        Errors = [.. errors];
    }

    /// <summary>Gets every rule the options break, one sentence each, each naming the property.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string FormatMessage(IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 1
            ? "Invalid feed options: " + errors[0]
            : $"Invalid feed options ({errors.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} problems):\n- " + string.Join("\n- ", errors);
    }
}
