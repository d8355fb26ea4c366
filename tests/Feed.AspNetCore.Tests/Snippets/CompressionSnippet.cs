// begin-snippet: compression-usings
using Microsoft.AspNetCore.ResponseCompression; // AddFeedMediaTypes lives beside ResponseCompressionOptions
// end-snippet
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Feed.AspNetCore.Tests.Snippets;

/// <summary>The package README's compression lines, compiled with the one using they need.</summary>
public static class CompressionSnippet
{
    public static WebApplicationBuilder Configure(WebApplicationBuilder builder)
    {
        // begin-snippet: compression
        builder.Services.AddResponseCompression(options => options.AddFeedMediaTypes());
        // end-snippet
        return builder;
    }
}
