using System.Text;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Feed.Http;

/// <summary>
/// The route pattern a feed is mapped at, as the path of its documents: literal text, and at most one parameter — the
/// variant's (a tag, category or author). Page 1 is the path itself; page N is <c>?page=N</c> and archive N
/// <c>?archive=N</c> after it, so no other parameter has a meaning.
/// </summary>
internal sealed class FeedRoute
{
    private readonly RoutePatternPart[][] _segments;

    private FeedRoute(string pattern, string? variantParameter, RoutePatternPart[][] segments)
    {
        Pattern = pattern;
        VariantParameter = variantParameter;
        _segments = segments;
    }

    /// <summary>Gets the pattern as given to <c>MapFeed</c>.</summary>
    public string Pattern { get; }

    /// <summary>Gets the name of the parameter that selects a variant, as the pattern spells it; <see langword="null"/> for one feed.</summary>
    public string? VariantParameter { get; }

    /// <summary>Parses <paramref name="pattern"/>, checking that its only parameter, if any, is <paramref name="variantParameter"/>.</summary>
    /// <exception cref="ArgumentException">The pattern has a parameter that is not the variant's, or the variant's is optional, a catch-all or has a default.</exception>
    public static FeedRoute Parse(string pattern, string? variantParameter) => Parse(RoutePatternFactory.Parse(pattern), variantParameter, pattern);

    /// <summary>Checks an endpoint's final pattern (a group's prefix and the pattern given) as <see cref="Parse(string, string?)"/> does.</summary>
    public static FeedRoute Parse(RoutePattern route, string? variantParameter) => Parse(route, variantParameter, route.RawText ?? string.Empty);

    private static FeedRoute Parse(RoutePattern route, string? variantParameter, string pattern)
    {
        if (variantParameter is null)
        {
            if (route.Parameters.Count > 0)
            {
                throw new ArgumentException(
                    $"The feed route \"{pattern}\" has the parameter {{{route.Parameters[0].Name}}}, which MapFeed gives no meaning: a feed's page N is ?page=N and its archive N ?archive=N after its route, and one parameter may select a variant (FeedEndpointOptions.VariantRouteParameter).",
                    nameof(pattern));
            }
        }
        else
        {
            if (route.Parameters.Count != 1 || !string.Equals(route.Parameters[0].Name, variantParameter, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException(
                    $"FeedEndpointOptions.VariantRouteParameter \"{variantParameter}\" must be the only parameter of the route pattern \"{pattern}\" (the feed URL of each variant is the pattern with the value in its place).",
                    nameof(pattern));
            }

            RoutePatternParameterPart parameter = route.Parameters[0];
            if (parameter.IsOptional || parameter.IsCatchAll || parameter.Default is not null)
            {
                throw new ArgumentException(
                    $"The variant parameter of the route pattern \"{pattern}\" must be a plain {{{parameter.Name}}}: not optional, not a catch-all, without a default (every variant has its own URL, one segment long).",
                    nameof(pattern));
            }

            variantParameter = parameter.Name;
        }

        return new FeedRoute(pattern, variantParameter, [.. route.PathSegments.Select(segment => segment.Parts.ToArray())]);
    }

    /// <summary>
    /// The path of page 1 (of the variant <paramref name="variant"/>, for a per-variant route), URL-escaped, starting
    /// with <c>/</c>: what follows the PathBase.
    /// </summary>
    public string Path(string? variant)
    {
        var text = new StringBuilder();
        foreach (RoutePatternPart[] segment in _segments)
        {
            text.Append('/');
            foreach (RoutePatternPart part in segment)
            {
                text.Append(part switch
                {
                    RoutePatternLiteralPart literal => Uri.EscapeDataString(literal.Content),
                    RoutePatternSeparatorPart separator => Uri.EscapeDataString(separator.Content),
                    _ => Uri.EscapeDataString(variant ?? throw new InvalidOperationException("A per-variant route needs the variant.")),
                });
            }
        }

        return text.Length == 0 ? "/" : text.ToString();
    }
}
