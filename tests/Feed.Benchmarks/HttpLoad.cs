using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using BlogHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.Benchmarks;

/// <summary>
/// A bounded load test over loopback: the sample host (tests/Samples/BlogHost, SQLite, 3,010 posts) runs in a child
/// process, so the allocations counted are the server's alone; this process is the client. For page 1, a deep page and
/// a 304, it compares <c>MapFeed</c> with a hand-written endpoint as a user wrote it before the package (count, rows,
/// render to a string for <c>Results.Text</c>, SHA-256 of the text as the ETag, compared after rendering).
/// <c>dotnet run -c Release -- http [requests] [concurrency]</c>.
/// </summary>
/// <remarks>
/// The same two endpoints also run over rows held in memory (all posts read once at start, a page is an array slice):
/// with no database in the request, what is left is Kestrel's cost plus the feed's own, which is what the package can
/// change. The SQLite rows show what a host sees end to end.
/// </remarks>
internal static class HttpLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        int requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        int concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
        string folder = Directory.CreateTempSubdirectory("feed-http-load-").FullName;
        int port = FreePort();
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(HttpLoad).Assembly.Location);
        }

        // With redis-server installed, the sample's own endpoints (which carry CacheOutput) cache in a Redis of their own,
        // for the row of a page served from Redis; the compared endpoints carry no CacheOutput either way.
        using Process? redis = StartRedis(FreePort(), out string? redisEndpoint);
        foreach (string argument in new[]
        {
            "http-server", $"--urls=http://127.0.0.1:{port}", $"--ConnectionStrings:Blog=Data Source={Path.Combine(folder, "blog.db")}",
            redis is null ? "--Blog:OutputCache=none" : "--Blog:OutputCache=redis", $"--Blog:Redis={redisEndpoint}",
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Error",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using Process server = Process.Start(start)!;
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseCookies = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
        try
        {
            await WaitUntilUpAsync(client);
            Console.WriteLine($"loopback, {requests} requests per row after a warm-up pass over every row, {concurrency} concurrent, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
            Console.WriteLine("| endpoint | request | requests/s | p50 | p99 | allocated per request (server) | bytes |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            (string Name, string Path)[] endpoints =
            [
                ("MapFeed, SQLite, Feed.EntityFrameworkCore source", "/load/atom.xml"),
                ("MapFeed, SQLite, hand-written source (compiled queries, snapshot)", "/handwritten-source/atom.xml"),
                ("MapFeed, SQLite, no snapshot", "/no-snapshot/atom.xml"), ("hand-written endpoint, SQLite", "/handwritten/atom.xml"),
                ("MapFeed, rows in memory", "/memory/atom.xml"), ("hand-written endpoint, rows in memory", "/handwritten-memory/atom.xml"),
                .. redis is null ? Array.Empty<(string, string)>() : [("MapFeed + CacheOutput, hit from Redis", "/atom.xml")],
            ];
            if (redis is null)
            {
                Console.WriteLine("(redis-server is not installed: no row for a page served from Redis)");
            }

            // Every row once, unmeasured, before any is measured: the first requests of a process pay for tiered JIT
            // and EF Core's first executions (about 50 KB a request more, at half the throughput), which would
            // otherwise fall on whichever endpoint is measured first.
            foreach (bool measured in new[] { false, true })
            {
                foreach ((string name, string path) in endpoints)
                {
                    int count = measured ? requests : Math.Max(200, requests / 2);
                    await RowAsync(client, name, "page 1", path, conditional: false, count, concurrency, measured);
                    await RowAsync(client, name, "page 250 of 301", path + "?page=250", conditional: false, count, concurrency, measured);
                    await RowAsync(client, name, "page 1, If-None-Match → 304", path, conditional: true, count, concurrency, measured);
                }
            }

            return 0;
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync();
            if (redis is not null)
            {
                redis.Kill();
                await redis.WaitForExitAsync();
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A throwaway redis-server on a loopback port (no persistence), or none where it is not installed.</summary>
    private static Process? StartRedis(int port, out string? endpoint)
    {
        string? executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);
        endpoint = executable is null ? null : $"127.0.0.1:{port}";
        if (executable is null)
        {
            return null;
        }

        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The sample host with an allocation counter and the hand-written endpoint beside its own.</summary>
    public static async Task ServeAsync(string[] args)
    {
        WebApplicationBuilder builder = BlogApp.CreateBuilder(args);
        // The registered feed under a key of its own, whose page source holds every post in memory.
        builder.Services.AddKeyedSingleton(MemoryKey, static (services, _) => services.GetRequiredService<FeedRenderer<Post>>());
        builder.Services.AddSingleton<MemoryPosts>();
        builder.Services.AddKeyedSingleton(NoSnapshotKey, static (services, _) => services.GetRequiredService<FeedRenderer<Post>>());
        builder.Services.AddKeyedScoped<IFeedPageSource<Post>, NoSnapshotSource>(NoSnapshotKey);
        builder.Services.AddKeyedSingleton(HandWrittenSourceKey, static (services, _) => services.GetRequiredService<FeedRenderer<Post>>());
        builder.Services.AddKeyedScoped<IFeedPageSource<Post>, HandWrittenSource>(HandWrittenSourceKey);
        builder.Services.AddKeyedSingleton<IFeedPageSource<Post>>(MemoryKey, static (services, _) => services.GetRequiredService<MemoryPosts>());
        WebApplication app = BlogApp.Build(builder);
        app.MapGet("/__allocated", () => GC.GetTotalAllocatedBytes(precise: true).ToString(CultureInfo.InvariantCulture));
        app.MapMethods("/handwritten/atom.xml", [HttpMethods.Get, HttpMethods.Head], HandWrittenAsync);
        // The sample's /atom.xml carries CacheOutput, whose middleware buffers every response even with caching off
        // (about 47 KB a page here); the hand-written endpoints carry none, so neither does the MapFeed compared.
        app.MapFeed<Post>("/load/atom.xml", FeedFormat.Atom);
        app.MapFeed<Post>("/no-snapshot/atom.xml", FeedFormat.Atom, endpoint => endpoint.ServiceKey = NoSnapshotKey);
        app.MapFeed<Post>("/handwritten-source/atom.xml", FeedFormat.Atom, endpoint => endpoint.ServiceKey = HandWrittenSourceKey);
        app.MapFeed<Post>("/memory/atom.xml", FeedFormat.Atom, endpoint => endpoint.ServiceKey = MemoryKey);
        app.MapMethods("/handwritten-memory/atom.xml", [HttpMethods.Get, HttpMethods.Head], HandWrittenFromMemoryAsync);
        await app.RunAsync();
    }

    private const string MemoryKey = "memory";
    private const string NoSnapshotKey = "no-snapshot";
    private const string HandWrittenSourceKey = "handwritten-source";

    private static async Task<IResult> HandWrittenFromMemoryAsync(int? page, HttpContext context, FeedRenderer<Post> feed, MemoryPosts posts, CancellationToken ct)
    {
        Post[] all = posts.All;
        if (!feed.Generator.Paging.TryGetPage(page ?? 1, all.Length, out FeedPage? feedPage))
        {
            return Results.NotFound();
        }

        using var buffer = new MemoryStream();
        await feed.WritePageAsync(FeedFormat.Atom, feedPage, new ArraySegment<Post>(all, feedPage.Offset, feedPage.Count), buffer, ct);
        string xml = Encoding.UTF8.GetString(buffer.ToArray());
        string etag = "\"" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(xml))) + "\"";
        context.Response.Headers.ETag = etag;
        return context.Request.Headers.IfNoneMatch == etag ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Text(xml, FeedMediaTypes.GetContentType(FeedFormat.Atom));
    }

    /// <summary>
    /// The sample's page source without its read transaction (count and rows as two independent reads, the way the
    /// hand-written endpoint reads them): what the snapshot costs, kept apart from what MapFeed costs.
    /// </summary>
    private sealed class NoSnapshotSource(BlogDb db) : IFeedPageSource<Post>
    {
        public async ValueTask<FeedRows<Post>?> GetRowsAsync(FeedQuery query, CancellationToken cancellationToken)
        {
            int total = await db.Posts.CountAsync(cancellationToken);
            List<Post> rows = await db.Posts.OrderByDescending(p => p.PublishedTicks).ThenBy(p => p.FeedId).Skip(query.Skip).Take(query.Take).Include(p => p.Tags).AsNoTracking().ToListAsync(cancellationToken);
            return new FeedRows<Post>(total, rows);
        }
    }

    /// <summary>
    /// The page source the sample host had before Feed.EntityFrameworkCore, written by hand: compiled queries, count and
    /// rows in one deferred SQLite read transaction. What the package's generic source costs, next to it.
    /// </summary>
    private sealed class HandWrittenSource(BlogDb db) : IFeedPageSource<Post>
    {
        private static readonly Func<BlogDb, string?, CancellationToken, Task<int>> Count = EF.CompileAsyncQuery(
            (BlogDb db, string? tag, CancellationToken _) => db.Posts.Count(p => tag == null || p.Tags.Any(t => t.Key == tag)));

        private static readonly Func<BlogDb, string?, int, int, IAsyncEnumerable<Post>> NewestFirst = EF.CompileAsyncQuery(
            (BlogDb db, string? tag, int skip, int take) => db.Posts.AsNoTracking().Where(p => tag == null || p.Tags.Any(t => t.Key == tag))
                .OrderByDescending(p => p.PublishedTicks).ThenBy(p => p.FeedId).Skip(skip).Take(take).Include(p => p.Tags));

        private static readonly Func<BlogDb, string?, int, int, IAsyncEnumerable<Post>> OldestFirst = EF.CompileAsyncQuery(
            (BlogDb db, string? tag, int skip, int take) => db.Posts.AsNoTracking().Where(p => tag == null || p.Tags.Any(t => t.Key == tag))
                .OrderBy(p => p.PublishedTicks).ThenByDescending(p => p.FeedId).Skip(skip).Take(take).Include(p => p.Tags));

        public async ValueTask<FeedRows<Post>?> GetRowsAsync(FeedQuery query, CancellationToken cancellationToken)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await using Microsoft.Data.Sqlite.SqliteTransaction snapshot = ((Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
                await db.Database.UseTransactionAsync(snapshot, cancellationToken);
                int total = await Count(db, query.Variant, cancellationToken);
                if (query.Variant is not null && total == 0)
                {
                    return null;
                }

                var page = query.OldestFirst ? OldestFirst : NewestFirst;
                List<Post> rows = await page(db, query.Variant, query.Skip, query.Take).ToListAsync(cancellationToken);
                return new FeedRows<Post>(total, rows);
            }
            finally
            {
                await db.Database.UseTransactionAsync(null, cancellationToken);
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>Every post of the sample database, newest first, read once: a page source with no I/O.</summary>
    private sealed class MemoryPosts(IServiceScopeFactory scopes) : IFeedPageSource<Post>
    {
        private Post[]? _all;

        public Post[] All => _all ??= Load();

        public ValueTask<FeedRows<Post>?> GetRowsAsync(FeedQuery query, CancellationToken cancellationToken)
        {
            Post[] all = All;
            int skip = Math.Min(query.Skip, all.Length);
            int take = Math.Min(query.Take, all.Length - skip);
            IReadOnlyList<Post> rows = new ArraySegment<Post>(all, skip, take);
            if (query.OldestFirst)
            {
                // An archive counts from the oldest post, in oldest-first order.
                var oldest = new Post[take];
                for (int i = 0; i < take; i++)
                {
                    oldest[i] = all[all.Length - 1 - skip - i];
                }

                rows = oldest;
            }

            return ValueTask.FromResult<FeedRows<Post>?>(new FeedRows<Post>(all.Length, rows));
        }

        private Post[] Load()
        {
            using IServiceScope scope = scopes.CreateScope();
            BlogDb db = scope.ServiceProvider.GetRequiredService<BlogDb>();
            return [.. db.Posts.OrderByDescending(p => p.PublishedTicks).ThenBy(p => p.FeedId).Include(p => p.Tags).AsNoTracking()];
        }
    }

    private static async Task<IResult> HandWrittenAsync(int? page, HttpContext context, FeedRenderer<Post> feed, BlogDb db, CancellationToken ct)
    {
        int total = await db.Posts.CountAsync(ct);
        if (!feed.Generator.Paging.TryGetPage(page ?? 1, total, out FeedPage? feedPage))
        {
            return Results.NotFound();
        }

        List<Post> rows = await db.Posts.OrderByDescending(p => p.PublishedTicks).ThenBy(p => p.FeedId)
            .Skip(feedPage.Offset).Take(feedPage.Count).Include(p => p.Tags).AsNoTracking().ToListAsync(ct);
        using var buffer = new MemoryStream();
        await feed.WritePageAsync(FeedFormat.Atom, feedPage, rows, buffer, ct);
        string xml = Encoding.UTF8.GetString(buffer.ToArray());
        string etag = "\"" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(xml))) + "\"";
        context.Response.Headers.ETag = etag;
        return context.Request.Headers.IfNoneMatch == etag ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Text(xml, FeedMediaTypes.GetContentType(FeedFormat.Atom));
    }

    private static async Task RowAsync(HttpClient client, string name, string label, string path, bool conditional, int requests, int concurrency, bool print)
    {
        string? etag = null;
        if (conditional)
        {
            using HttpResponseMessage first = await client.GetAsync(path);
            etag = first.Headers.ETag!.Tag;
        }

        long bytes = 0;
        HttpStatusCode status = 0;
        async Task<long[]> RunAsync(int count)
        {
            var latencies = new long[count];
            int next = -1;
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                for (int i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, path);
                    if (etag is not null)
                    {
                        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                    }

                    long started = Stopwatch.GetTimestamp();
                    using HttpResponseMessage response = await client.SendAsync(request);
                    byte[] body = await response.Content.ReadAsByteArrayAsync();
                    latencies[i] = Stopwatch.GetTimestamp() - started;
                    bytes = body.Length;
                    status = response.StatusCode;
                }
            }));
            return latencies;
        }

        await RunAsync(200);
        long allocatedBefore = await AllocatedAsync(client);
        long wall = Stopwatch.GetTimestamp();
        long[] measured = await RunAsync(requests);
        double seconds = Stopwatch.GetElapsedTime(wall).TotalSeconds;
        long allocatedAfter = await AllocatedAsync(client);
        Array.Sort(measured);
        if (!print)
        {
            return;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {label} | {requests / seconds:F0} | {Ms(measured[measured.Length / 2]):F2} ms | {Ms(measured[(int)(measured.Length * 0.99)]):F2} ms | {(allocatedAfter - allocatedBefore) / (double)requests / 1024:F1} KB | {(int)status} {bytes} |"));
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static async Task<long> AllocatedAsync(HttpClient client) =>
        long.Parse(await client.GetStringAsync("/__allocated"), CultureInfo.InvariantCulture);

    private static async Task WaitUntilUpAsync(HttpClient client)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                await AllocatedAsync(client);
                return;
            }
            catch (HttpRequestException) when (attempt < 3000) // the first start seeds 3,010 posts
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
