namespace Feed.Internal;

/// <summary>
/// The checks of single values that both the library's options and the tool's config and front matter apply, kept in
/// one place so that the two never disagree about what is valid.
/// </summary>
internal static class ValueRules
{
    /// <summary>Whether <paramref name="email"/> is a bare e-mail address: one <c>@</c> with text on both sides, no blanks or brackets.</summary>
    /// <remarks>RSS 2.0 writes <c>email (Name)</c> itself, so the address must be bare.</remarks>
    public static bool IsEmail(string email)
    {
        int at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1
            && !email.AsSpan().ContainsAny(" \t\r\n()<>,;\"");
    }

    /// <summary>Whether <paramref name="tag"/> has the common shape of a BCP 47 (RFC 5646) tag such as <c>en</c>, <c>zh-CN</c> or <c>zh-Hans-CN</c>.</summary>
    /// <remarks>A language of 2 to 8 letters, then subtags of 1 to 8 letters or digits.</remarks>
    public static bool IsLanguageTag(string tag)
    {
        string[] parts = tag.Split('-');
        if (parts[0].Length is < 2 or > 8 || !parts[0].All(char.IsAsciiLetter))
        {
            return false;
        }

        return parts.Skip(1).All(part => part.Length is >= 1 and <= 8 && part.All(char.IsAsciiLetterOrDigit));
    }
}
