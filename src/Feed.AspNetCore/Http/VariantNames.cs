using System.Text;

namespace Feed.Http;

/// <summary>The one spelling of a variant value (a tag, category or author), which the page source and the caches see.</summary>
internal static class VariantNames
{
    /// <summary>The value's normalized spelling, or <see langword="null"/> when it is empty or not valid Unicode (a 404).</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            string normalized = value.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
            return normalized.Length == 0 ? null : normalized;
        }
        catch (ArgumentException)
        {
            return null; // a lone surrogate: no term has it
        }
    }
}
