using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Feed.DependencyInjection;

/// <summary>
/// Validates every named <see cref="FeedOptions"/> with the same rules as <see cref="FeedOptions.Validate"/> and
/// <c>new FeedGenerator(options)</c>, reporting each broken rule as one failure.
/// </summary>
internal sealed class FeedOptionsValidator : IValidateOptions<FeedOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<ValidationResult> errors = options.Validate();
        if (errors.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        string feed = string.IsNullOrEmpty(name) ? "Feed" : $"Feed \"{name}\"";
        return ValidateOptionsResult.Fail(errors.Select(error => $"{feed}: {error.ErrorMessage}"));
    }
}
