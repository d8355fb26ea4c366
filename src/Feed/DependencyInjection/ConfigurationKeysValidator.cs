using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Feed.DependencyInjection;

/// <summary>
/// Rejects, when the host starts, a key in a feed's configuration section that names no option (<c>PageSise</c>):
/// the binder would ignore it silently, and the feed would run with the default. The message names the key, its
/// section and the nearest option.
/// </summary>
/// <remarks>
/// The key lists are written out (the binder is generated at compile time, and this must be trimmable too); a test
/// compares them with the properties <see cref="FeedOptions"/>, <see cref="Excerpts.ExcerptOptions"/> and
/// <see cref="FeedAuthor"/> really have. Keys compare case-insensitively, as the binder reads them.
/// </remarks>
internal sealed class ConfigurationKeysValidator(string name, IConfiguration configuration)
{
    /// <summary>
    /// The keys of a feed's section: <see cref="FeedOptions"/>' bindable properties (not <c>Extensions</c> nor
    /// <c>HtmlTemplate</c>: code, which configuration cannot name).
    /// </summary>
    internal static readonly string[] FeedKeys =
    [
        "Title", "Description", "SiteUrl", "RssUrl", "AtomUrl", "JsonUrl", "Id", "RssPageUrlTemplate", "AtomPageUrlTemplate",
        "JsonPageUrlTemplate", "RssArchiveUrlTemplate", "AtomArchiveUrlTemplate", "JsonArchiveUrlTemplate", "HtmlUrl", "HtmlPageUrlTemplate",
        "HtmlArchiveUrlTemplate", "HtmlFeedFormats", "Hub", "Language",
        "Authors", "Copyright", "Generator", "Icon", "Logo", "EmptyFeedUpdated", "PageSize", "FullContent", "Archive", "Indent",
        "Excerpt",
    ];

    /// <summary>The keys of the <c>Excerpt</c> section.</summary>
    internal static readonly string[] ExcerptKeys = ["Length", "Ellipsis", "Boundary", "MathPlaceholder", "DisplayMathPlaceholder"];

    /// <summary>The keys of each <c>Authors:N</c> section.</summary>
    internal static readonly string[] AuthorKeys = ["Name", "Email", "Uri"];

    /// <summary>
    /// Throws when the section holds a key that names no option. Runs as the first configure step of the feed's options,
    /// before the binder, which would otherwise ignore the key, or fail on it with a message naming no section (a
    /// misspelt key under <c>Authors:0</c> leaves the author without its required name).
    /// </summary>
    /// <exception cref="OptionsValidationException">The section holds unknown keys; one failure per key.</exception>
    public void Check()
    {
        var errors = new List<string>();
        Check(configuration, FeedKeys, errors);
        foreach (IConfigurationSection child in configuration.GetChildren())
        {
            if (child.Key.Equals("Excerpt", StringComparison.OrdinalIgnoreCase))
            {
                Check(child, ExcerptKeys, errors);
            }
            else if (child.Key.Equals("Authors", StringComparison.OrdinalIgnoreCase))
            {
                foreach (IConfigurationSection author in child.GetChildren())
                {
                    if (!int.TryParse(author.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    {
                        errors.Add(Message(author, "an index (Authors:0:Name)"));
                        continue;
                    }

                    Check(author, AuthorKeys, errors);
                }
            }
        }

        if (errors.Count > 0)
        {
            string feed = string.IsNullOrEmpty(name) ? "Feed" : $"Feed \"{name}\"";
            throw new OptionsValidationException(name, typeof(FeedOptions), [.. errors.Select(error => $"{feed}: {error}")]);
        }
    }

    private void Check(IConfiguration section, string[] known, List<string> errors)
    {
        foreach (IConfigurationSection child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                string? near = Nearest(child.Key, known);
                errors.Add(Message(child, near is null ? null : $"\"{near}\""));
            }
        }
    }

    private string Message(IConfigurationSection key, string? didYouMean)
    {
        string path = key.Path;
        int colon = path.LastIndexOf(':');
        string section = colon < 0 ? "(the root)" : path[..colon];
        if (configuration is not IConfigurationSection && colon < 0)
        {
            section = "(the root of the configuration given)";
        }

        return $"unknown configuration key \"{key.Key}\" in section \"{section}\""
            + (didYouMean is null ? string.Empty : $" (did you mean {didYouMean}?)")
            + "; no option has that name, so its value would be ignored.";
    }

    /// <summary>The known key nearest to <paramref name="key"/> (edit distance at most 2, or a third of its length), ignoring case.</summary>
    internal static string? Nearest(string key, IEnumerable<string> known)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in known)
        {
            int distance = Distance(key.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= Math.Max(2, key.Length / 3) ? best : null;
    }

    // Levenshtein distance, two rows.
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
