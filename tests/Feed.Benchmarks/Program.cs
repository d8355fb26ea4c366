using BenchmarkDotNet.Running;

namespace Feed.Benchmarks;

/// <summary>
/// Runs the benchmarks named on the command line (BenchmarkDotNet switcher), or the HTTP load test
/// (<c>http [requests] [concurrency]</c>; <c>http-server</c> is its server process), or <c>sanitize [passes]</c>: the
/// sanitiser over the corpus HTML that many times, for an instruction counter (<c>valgrind --tool=callgrind</c>: the
/// difference between 0 and N passes, divided by N, is one pass, whatever else the machine is doing).
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
        else if (args is ["sanitize", .. string[] passes])
        {
            var benchmark = new SanitizerBenchmarks();
            benchmark.Setup();
            int count = passes is [string n] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 1;
            long total = 0;
            for (int i = 0; i < count; i++)
            {
                total += benchmark.Sanitize_1000_posts();
            }

            Console.WriteLine($"{count} passes, {total} characters written");
        }
        else
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
