namespace Feed.Internal;

/// <summary>Checks a <see cref="FeedFormat"/> argument once, at the public edge.</summary>
internal static class Formats
{
    public static void Check(FeedFormat format, string paramName = "format")
    {
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(paramName, format, "Unknown feed format.");
        }
    }
}
