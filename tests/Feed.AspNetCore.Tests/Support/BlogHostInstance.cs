using BlogHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.AspNetCore.Tests.Support;

/// <summary>
/// The sample host (tests/Samples/BlogHost) on a loopback port of real Kestrel, over a real SQLite file in a temporary
/// folder, seeded as on a first start, with a <see cref="RenderCounter"/> in every feed.
/// </summary>
public sealed class BlogHostInstance : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _ownedFolder;

    private BlogHostInstance(WebApplication app, RenderCounter renders, string database, string? ownedFolder)
    {
        _ownedFolder = ownedFolder;
        _app = app;
        Renders = renders;
        Database = database;
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = System.Net.DecompressionMethods.None }) { BaseAddress = new Uri(address) };
    }

    public RenderCounter Renders { get; }

    public HttpClient Client { get; }

    public string Database { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts an instance; <paramref name="database"/> is shared when given (several instances, one database).</summary>
    public static async Task<BlogHostInstance> StartAsync(int generatedPosts, string outputCache = "none", string? database = null, string? redis = null)
    {
        string? owned = database is null ? Directory.CreateTempSubdirectory("feed-bloghost-").FullName : null;
        database ??= Path.Combine(owned!, "blog.db");
        WebApplicationBuilder builder = BlogApp.CreateBuilder(
        [
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:Blog=Data Source={database};Pooling=False",
            $"--Blog:GeneratedPosts={generatedPosts}",
            $"--Blog:OutputCache={outputCache}",
            $"--Blog:Redis={redis}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Error",
        ]);
        var renders = new RenderCounter();
        builder.Services.PostConfigureAll<FeedOptions>(options => options.Extensions.Add(renders));
        WebApplication app = BlogApp.Build(builder);
        await app.StartAsync();
        return new BlogHostInstance(app, renders, database, owned);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownedFolder is not null)
        {
            Directory.Delete(_ownedFolder, recursive: true);
        }
    }
}
