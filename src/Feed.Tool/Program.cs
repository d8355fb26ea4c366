namespace Feed.Tool;

/// <summary>The <c>feed</c> command's entry point.</summary>
internal static class Program
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>0 on success, 1 on input errors, 2 on usage errors.</returns>
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("feed: the build command lands with issue 5.");
        return args.Length == 0 ? 2 : 2;
    }
}
