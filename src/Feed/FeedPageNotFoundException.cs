using System.Globalization;

namespace Feed;

/// <summary>
/// Thrown when a page or archive number is outside the feed: a host answers 404, never an empty document.
/// </summary>
/// <remarks>Immutable; instances may be shared freely between threads.</remarks>
public sealed class FeedPageNotFoundException : ArgumentOutOfRangeException
{
    /// <summary>Creates the exception for document <paramref name="number"/> of kind <paramref name="kind"/>.</summary>
    /// <param name="kind">A page or an archive.</param>
    /// <param name="number">The number asked for.</param>
    /// <param name="count">How many such documents the feed has.</param>
    /// <param name="paramName">The name of the parameter that held <paramref name="number"/>.</param>
    public FeedPageNotFoundException(FeedPageKind kind, int number, int count, string? paramName = "number")
        : base(paramName, number, FormatMessage(kind, number, count))
    {
        Kind = kind;
        Number = number;
        Count = count;
    }

    /// <summary>Gets whether a page or an archive was asked for.</summary>
    public FeedPageKind Kind { get; }

    /// <summary>Gets the number asked for.</summary>
    public int Number { get; }

    /// <summary>Gets how many documents of <see cref="Kind"/> the feed has (numbered from 1).</summary>
    public int Count { get; }

    private static string FormatMessage(FeedPageKind kind, int number, int count)
    {
        string what = kind == FeedPageKind.Archive ? "archive" : "page";
        return count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"The feed has no {what} documents, so there is no {what} {number}.")
            : string.Create(CultureInfo.InvariantCulture, $"The feed has {what}s 1 to {count}; there is no {what} {number}.");
    }
}
