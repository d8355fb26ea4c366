using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Feed.AspNetCore.Tests.Support;

/// <summary>A note: the post type of the minimal apps. Odd and even notes are tagged <c>odd</c> and <c>even</c>.</summary>
public sealed record Note(int Number)
{
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public string Tag => Number % 2 == 1 ? "odd" : "even";

    public static FeedPost Map(Note note) => new()
    {
        Id = $"tag:notes.example.net,2025:{note.Number}",
        Title = $"Note {note.Number}",
        Url = new Uri($"https://notes.example.net/notes/{note.Number}/"),
        Published = Start.AddDays(note.Number),
        Body = $"Note *{note.Number}*.",
        Categories = [note.Tag],
    };
}

/// <summary>
/// The page source of the minimal apps: notes 1..N in memory, newest first; a variant is a tag (<c>odd</c>, <c>even</c>),
/// anything else is unknown (404). Records every query.
/// </summary>
public sealed class NoteSource(int count) : IFeedPageSource<Note>
{
    public ConcurrentQueue<FeedQuery> Queries { get; } = new();

    public ValueTask<FeedRows<Note>?> GetRowsAsync(FeedQuery query, CancellationToken cancellationToken)
    {
        Queries.Enqueue(query);
        IEnumerable<Note> all = Enumerable.Range(1, count).Select(n => new Note(n));
        string? variant = query.Variant;
        if (variant is not null)
        {
            if (variant is not ("odd" or "even"))
            {
                return ValueTask.FromResult<FeedRows<Note>?>(null);
            }

            all = all.Where(n => n.Tag == variant);
        }

        Note[] selected = [.. all];
        IEnumerable<Note> ordered = query.OldestFirst ? selected : selected.Reverse();
        return ValueTask.FromResult<FeedRows<Note>?>(new FeedRows<Note>(selected.Length, [.. ordered.Skip(query.Skip).Take(query.Take)]));
    }
}

/// <summary>
/// A minimal app on real Kestrel (127.0.0.1, port 0) serving notes through <c>MapFeed</c>: the feed's options, the
/// endpoints and the middleware are the test's.
/// </summary>
public sealed class NotesApp : IAsyncDisposable
{
    public const string Site = "https://notes.example.net/";

    private readonly WebApplication _app;

    private NotesApp(WebApplication app, NoteSource source)
    {
        _app = app;
        Source = source;
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = System.Net.DecompressionMethods.None })
        {
            BaseAddress = new Uri(address),
        };
    }

    public HttpClient Client { get; }

    public NoteSource Source { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Builds the app (the feed of <paramref name="count"/> notes), lets the test map it, and starts it.</summary>
    public static async Task<NotesApp> StartAsync(
        int count,
        Action<FeedOptions>? configure,
        Action<WebApplication> map,
        Action<IServiceCollection>? services = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddFeed<Note>(Note.Map).Configure(options =>
        {
            options.Title = "Notes";
            options.SiteUrl = new Uri(Site);
            options.PageSize = 3;
            configure?.Invoke(options);
        });
        var source = new NoteSource(count);
        builder.Services.AddSingleton<IFeedPageSource<Note>>(source);
        services?.Invoke(builder.Services);
        WebApplication app = builder.Build();
        try
        {
            map(app);
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new NotesApp(app, source);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
