using BlogHost;

// dotnet run --project tests/Samples/BlogHost -c Release -- --urls http://127.0.0.1:5080
// Configuration: ConnectionStrings:Blog (default: blog.db beside the program), Blog:GeneratedPosts (default 3000),
// Blog:OutputCache (none, memory or redis; default memory), Blog:Redis (host:port for redis), Blog:PathBase (the
// folder a proxy serves the app under, such as /blog).
await BlogApp.Build(BlogApp.CreateBuilder(args)).RunAsync();
