using BenchmarkDotNet.Running;

namespace Feed.Benchmarks;

/// <summary>
/// Runs the benchmarks named on the command line (BenchmarkDotNet switcher), or the HTTP load test
/// (<c>http [requests] [concurrency]</c>; <c>http-server</c> is its server process).
/// </summary>
internal static class Program
{
    private static async Task Main(string[] args)
    {
        if (args is ["http", .. string[] rest])
        {
            Environment.ExitCode = await HttpLoad.RunAsync(rest);
        }
        else if (args is ["http-server", .. string[] serverArgs])
        {
            await HttpLoad.ServeAsync(serverArgs);
        }
        else
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
