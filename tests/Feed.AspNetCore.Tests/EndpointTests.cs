using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Feed.AspNetCore.Tests;

/// <summary>
/// MapFeed on a minimal app of its own: an archived keyed feed (RFC 5005 §4) whose page source can be told to return a
/// count that disagrees with its rows, as a host without a snapshot read would.
/// </summary>
public sealed class EndpointTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly NoteSource _source = new([.. Enumerable.Range(1, 10).Select(n => new Note(n))]);
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddKeyedFeed<Note>("notes", note => new FeedPost
        {
            Title = $"Note {note.Number}",
            Url = new Uri($"https://notes.example.net/{note.Number}/"),
            Published = Start.AddDays(note.Number),
            Body = $"Note *{note.Number}*.",
        }).Configure(options =>
        {
            options.Title = "Notes";
            options.SiteUrl = new Uri("https://notes.example.net/");
            options.AtomUrl = new Uri("https://notes.example.net/notes.atom");
            options.PageSize = 3;
            options.Archive = true;
        });
        builder.Services.AddKeyedSingleton<IFeedPageSource<Note>>("notes", _source);
        _app = builder.Build();
        _app.MapFeed<Note>("/notes.atom", FeedFormat.Atom, endpoint => endpoint.ServiceKey = "notes");
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single()) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [FeedparserFact]
    public async Task Archives_are_immutable_and_the_subscription_document_is_not()
    {
        using HttpResponseMessage current = await _client.GetAsync("/notes.atom");
        using HttpResponseMessage archive = await _client.GetAsync("/notes.atom?archive=2");
        using HttpResponseMessage missing = await _client.GetAsync("/notes.atom?archive=4");
        using HttpResponseMessage page2 = await _client.GetAsync("/notes.atom?page=2");

        current.Headers.CacheControl!.ToString().ShouldBe("public, max-age=300");
        archive.StatusCode.ShouldBe(HttpStatusCode.OK);
        archive.Headers.CacheControl!.ToString().ShouldBe("public, max-age=31536000, immutable");
        ParsedFeed parsed = Feedparser.Parse(await archive.Content.ReadAsByteArrayAsync());
        parsed.Bozo.ShouldBeFalse(parsed.Error);
        parsed.Entries.Select(e => e.Title).ShouldBe(["Note 6", "Note 5", "Note 4"]); // the second group of three from the oldest
        parsed.Link("current").ShouldBe("https://notes.example.net/notes.atom");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound); // 10 posts: three full archives
        page2.StatusCode.ShouldBe(HttpStatusCode.NotFound); // an archived feed has one page
        _source.Queries.ShouldContain(q => q.Kind == FeedPageKind.Archive && q.OldestFirst && q.Skip == 3 && q.Take == 3);
    }

    [FeedparserTheory]
    [InlineData(25, 3)] // the count says more than the rows hold: the rows are written, the links follow the count
    [InlineData(10, 1)] // fewer rows than a page
    [InlineData(2, 3)]  // the count says fewer: at most the page the count gives
    [InlineData(0, 3)]
    public async Task When_the_count_and_the_rows_disagree_what_was_read_is_written_never_a_500(int count, int rows)
    {
        _source.Lie = (count, rows);

        using HttpResponseMessage response = await _client.GetAsync("/notes.atom");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ParsedFeed parsed = Feedparser.Parse(await response.Content.ReadAsByteArrayAsync());
        parsed.Bozo.ShouldBeFalse(parsed.Error);
        parsed.Entries.Length.ShouldBe(Math.Min(rows, Math.Min(count, 3)));
        parsed.Link("prev-archive").ShouldBe(count >= 3 ? $"https://notes.example.net/notes.atom?archive={count / 3}" : null);
    }

    [Fact]
    public void AddFeedMediaTypes_keeps_the_defaults_and_adds_the_bare_feed_types()
    {
        var options = new ResponseCompressionOptions();

        options.AddFeedMediaTypes().AddFeedMediaTypes();

        options.MimeTypes.ShouldBe([.. ResponseCompressionDefaults.MimeTypes, "application/rss+xml", "application/atom+xml", "application/feed+json"]);
        FeedMediaTypes.All.ShouldBe(["application/rss+xml", "application/atom+xml", "application/feed+json", "text/html"]); // text/html is a default already
        FeedMediaTypes.All.ShouldBe(Enum.GetValues<FeedFormat>().Select(FeedMediaTypes.Get)); // one per format
        FeedMediaTypes.All.ShouldAllBe(type => !type.Contains(';'));
    }

    [Fact]
    public void A_route_key_that_is_not_the_patterns_only_parameter_is_refused_at_mapping()
    {
        Should.Throw<ArgumentException>(() => _app.MapFeed<Note>("/x/{tag}/{other}.xml", FeedFormat.Rss, e => e.VariantRouteParameter = "tag"))
            .Message.ShouldContain("only parameter");
        Should.Throw<ArgumentException>(() => _app.MapFeed<Note>("/y.xml", FeedFormat.Rss, e => e.VariantRouteParameter = "tag"));
    }

    public sealed record Note(int Number);

    private sealed class NoteSource(Note[] notes) : IFeedPageSource<Note>
    {
        public (int Count, int Rows)? Lie { get; set; }

        public System.Collections.Concurrent.ConcurrentQueue<FeedQuery> Queries { get; } = new();

        public ValueTask<FeedRows<Note>?> GetRowsAsync(FeedQuery query, CancellationToken cancellationToken)
        {
            Queries.Enqueue(query);
            IEnumerable<Note> ordered = query.OldestFirst ? notes : notes.Reverse();
            if (Lie is (int count, int rows))
            {
                return ValueTask.FromResult<FeedRows<Note>?>(new FeedRows<Note>(count, [.. ordered.Skip(query.Skip).Take(rows)]));
            }

            return ValueTask.FromResult<FeedRows<Note>?>(new FeedRows<Note>(notes.Length, [.. ordered.Skip(query.Skip).Take(query.Take)]));
        }
    }
}
