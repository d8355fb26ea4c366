using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BlogHost;
using Feed.AspNetCore.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.AspNetCore.Tests;

/// <summary>
/// Two instances of the sample host behind one (simulated) load balancer share their rendered pages through Redis
/// (ASP.NET Core output caching, Microsoft.AspNetCore.OutputCaching.StackExchangeRedis): a page rendered by one is
/// served by both, and a changed post evicts it from both.
/// </summary>
public sealed class RedisOutputCacheTests
{
    [RedisFact]
    public async Task A_page_rendered_once_is_served_by_both_instances_and_evicted_from_both_when_a_post_changes()
    {
        await using RedisServer redis = await RedisServer.StartAsync();
        string folder = Directory.CreateTempSubdirectory("feed-redis-").FullName;
        try
        {
            string database = Path.Combine(folder, "blog.db");
            await using BlogHostInstance a = await BlogHostInstance.StartAsync(45, "redis", database, redis.Endpoint);
            await using BlogHostInstance b = await BlogHostInstance.StartAsync(45, "redis", database, redis.Endpoint);

            byte[] first = await GetAsync(a, "/atom.xml?page=2");
            await StoredAsync();
            byte[] second = await GetAsync(b, "/atom.xml?page=2");

            second.ShouldBe(first);
            (a.Renders.Count, b.Renders.Count).ShouldBe((1, 0), "rendered by A, served to B from Redis");

            string slug;
            await using (AsyncServiceScope scope = a.Services.CreateAsyncScope())
            {
                BlogDb db = scope.ServiceProvider.GetRequiredService<BlogDb>();
                slug = await db.Posts.OrderByDescending(p => p.PublishedTicks).ThenBy(p => p.FeedId).Skip(12).Select(p => p.Slug).FirstAsync();
                await scope.ServiceProvider.GetRequiredService<BlogStore>()
                    .RetitleAsync(slug, "Renamed on instance A", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
            }

            byte[] fromB = await GetAsync(b, "/atom.xml?page=2");
            await StoredAsync();
            byte[] fromA = await GetAsync(a, "/atom.xml?page=2");

            System.Text.Encoding.UTF8.GetString(fromB).ShouldContain("Renamed on instance A");
            fromA.ShouldBe(fromB);
            (a.Renders.Count, b.Renders.Count).ShouldBe((1, 1), "evicted from both; rendered again once, by B, and served to A");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [RedisFact]
    public async Task Instances_that_see_different_Host_headers_share_one_entry_per_page()
    {
        // Behind a proxy that passes its own Host (or none), each instance sees another host: the page is the same.
        await using RedisServer redis = await RedisServer.StartAsync();
        string folder = Directory.CreateTempSubdirectory("feed-redis-").FullName;
        try
        {
            string database = Path.Combine(folder, "blog.db");
            await using BlogHostInstance a = await BlogHostInstance.StartAsync(45, "redis", database, redis.Endpoint);
            await using BlogHostInstance b = await BlogHostInstance.StartAsync(45, "redis", database, redis.Endpoint);

            byte[] first = await GetAsync(a, "/tags/feeds/atom.xml", "a.internal:8080");
            await StoredAsync();
            byte[] second = await GetAsync(b, "/tags/feeds/atom.xml", "b.internal:8081");
            byte[] third = await GetAsync(a, "/tags/feeds/atom.xml", "blog.example.org");

            second.ShouldBe(first);
            third.ShouldBe(first);
            (a.Renders.Count, b.Renders.Count).ShouldBe((1, 0), "one render, served to every Host from Redis");
            System.Text.Encoding.UTF8.GetString(first).ShouldNotContain("internal");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The output-cache middleware stores a response after its last byte is sent (it is complete before the store is
    /// written), so the next instance is asked a moment later, as a second reader would.
    /// </summary>
    private static Task StoredAsync() => Task.Delay(500);

    /// <summary>GETs a page as the load balancer would forward it: the public Host header, whichever instance answers.</summary>
    private static async Task<byte[]> GetAsync(BlogHostInstance instance, string pathAndQuery, string host = "blog.example.org")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Host = host;
        using HttpResponseMessage response = await instance.Client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsByteArrayAsync();
    }
}

/// <summary>A fact that needs Debian's redis-server: skipped where it is missing, except under <c>CI=true</c> (where .ci/run installs it), where it fails.</summary>
internal sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Executable is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "redis-server is not installed (apt-get install redis-server; .ci/run installs it), so the two-instance output-cache test cannot run.";
        }
    }
}

/// <summary>A throwaway redis-server on a free loopback port: no persistence, killed when disposed.</summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Endpoint = $"127.0.0.1:{port}";
    }

    public static string? Executable { get; } = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);

    public string Endpoint { get; }

    public static async Task<RedisServer> StartAsync()
    {
        string executable = Executable ?? throw new InvalidOperationException("redis-server is not installed (apt-get install redis-server).");
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, port);
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (attempt < 100 && !process.HasExited)
            {
                await Task.Delay(50);
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
