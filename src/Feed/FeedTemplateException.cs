namespace Feed;

/// <summary>
/// A page template (<see cref="FeedOptions.HtmlTemplate"/>) could not be read or failed while rendering: the message
/// says what, and <see cref="Path"/>, <see cref="Line"/> and <see cref="Column"/> say where in the template.
/// </summary>
/// <remarks>Nothing of the page is written when it is thrown.</remarks>
public sealed class FeedTemplateException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="FeedTemplateException"/> class with no location.</summary>
    public FeedTemplateException()
        : this("The page template failed.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="FeedTemplateException"/> class with no location.</summary>
    /// <param name="message">What went wrong.</param>
    public FeedTemplateException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="FeedTemplateException"/> class with no location.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The engine's own exception, or <see langword="null"/>.</param>
    public FeedTemplateException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>Initializes a new instance of the <see cref="FeedTemplateException"/> class at a place in a template.</summary>
    /// <param name="reason">What went wrong, without the place: one sentence.</param>
    /// <param name="path">The template's file name, or <see langword="null"/> when it has none.</param>
    /// <param name="line">The 1-based line, or 0 when unknown.</param>
    /// <param name="column">The 1-based column, or 0 when unknown.</param>
    /// <param name="innerException">The engine's own exception, or <see langword="null"/>.</param>
    public FeedTemplateException(string reason, string? path, int line, int column, Exception? innerException = null)
        : base(Locate(reason, path, line, column), innerException)
    {
        Reason = reason;
        Path = path;
        Line = Math.Max(0, line);
        Column = Math.Max(0, column);
    }

    /// <summary>Gets what went wrong, without the place.</summary>
    public string Reason { get; }

    /// <summary>Gets the template's file name as it was given, or <see langword="null"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Path { get; }

    /// <summary>Gets the 1-based line in the template, or 0 when unknown.</summary>
    /// <value>The default value is 0.</value>
    public int Line { get; }

    /// <summary>Gets the 1-based column in the template, or 0 when unknown.</summary>
    /// <value>The default value is 0.</value>
    public int Column { get; }

    private static string Locate(string reason, string? path, int line, int column)
    {
        string where = path ?? "template";
        return line > 0
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{where}({line},{Math.Max(1, column)}): {reason}")
            : $"{where}: {reason}";
    }
}
