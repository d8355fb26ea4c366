using AotHost;
using Feed;
using Microsoft.AspNetCore.ResponseCompression;

// A feed of notes held in memory, served by MapFeed from a Native AOT executable: options bound from configuration
// (the binding generator, no reflection), RSS, Atom and JSON Feed, per-tag variants, compression and output caching.
WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddFeed<Note>(builder.Configuration.GetSection("Feed"), Note.ToFeedPost).Configure(options =>
{
    options.Title ??= "Notes from a Native AOT host";
    options.SiteUrl ??= new Uri("https://notes.example.net/");
    options.PageSize = 5;
});
builder.Services.AddSingleton<IFeedPageSource<Note>, NoteSource>();
builder.Services.AddResponseCompression(options => options.AddFeedMediaTypes());
builder.Services.AddOutputCache();

WebApplication app = builder.Build();
app.UseResponseCompression();
app.UseOutputCache();
app.MapFeed<Note>("/feed.xml", FeedFormat.Rss).CacheOutput();
app.MapFeed<Note>("/atom.xml", FeedFormat.Atom).CacheOutput();
app.MapFeed<Note>("/feed.json", FeedFormat.Json).CacheOutput();
app.MapFeed<Note>("/tags/{tag}/atom.xml", FeedFormat.Atom, endpoint => endpoint.VariantRouteParameter = "tag").CacheOutput();
app.Run();
