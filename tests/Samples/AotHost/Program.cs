// The Feed.AspNetCore quick start (its README shows this file, compared by a test), and the Native AOT sample: CI
// publishes it with PublishAot, with no trim or AOT warning, runs it and asks it for its feeds (.ci/aot-smoke.sh).
// begin-snippet: aspnetcore-quick-start
using AotHost;
using Feed;
using Microsoft.AspNetCore.ResponseCompression;

WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
builder.Services
    .AddFeed<Note>(builder.Configuration.GetSection("Feed"), note => new FeedPost // Title, SiteUrl, … from appsettings.json
    {
        Title = note.Title,
        Url = new Uri($"https://notes.example.net/notes/{note.Slug}/"),
        Published = note.Published,
        Body = note.Markdown,
        Categories = note.Tags,
    });
builder.Services.AddSingleton<IFeedPageSource<Note>, NoteSource>(); // the count and one page's rows, read together
builder.Services.AddResponseCompression(options => options.AddFeedMediaTypes());
builder.Services.AddOutputCache();

WebApplication app = builder.Build();
app.UseResponseCompression(); // before the output cache, which then keeps one body and compression codes it per request
app.UseOutputCache();
app.MapFeed<Note>("/feed.xml", FeedFormat.Rss).CacheOutput(); // and /feed.xml?page=2, …
app.MapFeed<Note>("/atom.xml", FeedFormat.Atom).CacheOutput();
app.MapFeed<Note>("/feed.json", FeedFormat.Json).CacheOutput();
app.MapFeed<Note>("/tags/{tag}/atom.xml", FeedFormat.Atom, feed => feed.VariantRouteParameter = "tag").CacheOutput();
app.Run();
// end-snippet
