using Feed.Hosting.Tests.Snippets;
using Feed.Hosting.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Feed.Hosting.Tests.AspNetCore;

/// <summary>
/// A real minimal ASP.NET Core app on a loopback port: the README snippet's blog feed (/feed.xml, /atom.xml), plus a
/// keyed second feed of another post type written straight to the response body (/releases.xml, /releases.atom).
/// </summary>
public sealed class LoopbackApp : IAsyncLifetime
{
    public const int ArticleCount = 23;
    public const int ReleaseCount = 5;

    private WebApplication? _app;

    public ArticleStore Store { get; } = new(Sample.Articles(ArticleCount));

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(Store);
        builder.Services.AddKeyedFeed<Release>("releases", Sample.ToFeedPost).Configure(Sample.ConfigureReleases);

        _app = QuickStartSnippet.Build(builder);
        _app.MapGet("/releases.xml", (int? page, [FromKeyedServices("releases")] FeedRenderer<Release> feed, HttpResponse response, CancellationToken ct) =>
            WriteReleasesAsync(FeedFormat.Rss, page ?? 1, feed, response, ct));
        _app.MapGet("/releases.atom", (int? page, [FromKeyedServices("releases")] FeedRenderer<Release> feed, HttpResponse response, CancellationToken ct) =>
            WriteReleasesAsync(FeedFormat.Atom, page ?? 1, feed, response, ct));

        _app.Urls.Add("http://127.0.0.1:0");
        await _app.StartAsync();

        string address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    // The page's rows as an async stream, written as bytes straight to the response body.
    private static async Task WriteReleasesAsync(FeedFormat format, int number, FeedRenderer<Release> feed, HttpResponse response, CancellationToken ct)
    {
        if (!feed.Generator.Paging.TryGetPage(number, ReleaseCount, out FeedPage? page))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        response.ContentType = FeedMediaTypes.GetContentType(format);
        await feed.WritePageAsync(format, page, ReleasesOfPageAsync(page, ct), response.Body, ct);
    }

    private static async IAsyncEnumerable<Release> ReleasesOfPageAsync(FeedPage page, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (Release release in Sample.Releases(ReleaseCount).Reverse().Skip(page.Offset).Take(page.Count))
        {
            await Task.Yield();
            ct.ThrowIfCancellationRequested();
            yield return release;
        }
    }
}
