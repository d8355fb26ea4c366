namespace Feed.Tool.Templates;

/// <summary>What the expansion of one post knows: its dialect, its site, itself, and where its warnings go.</summary>
/// <param name="Dialect">The generator the post was written for.</param>
/// <param name="Site">The site.</param>
/// <param name="PostSourcePath">The post's path, as the site's catalog knows it.</param>
/// <param name="PostUrl">The post's absolute URL.</param>
/// <param name="Notes">Where warnings go.</param>
/// <param name="GuardBraces">Whether literal text is written with placeholders for its braces (<see cref="DelimiterGuard"/>; false only when the body itself holds those characters).</param>
internal sealed record TemplateContext(TemplateDialect Dialect, ITemplateSite Site, string PostSourcePath, Uri PostUrl, NoteList Notes, bool GuardBraces);
