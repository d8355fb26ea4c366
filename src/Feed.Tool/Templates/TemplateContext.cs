namespace Feed.Tool.Templates;

/// <summary>What the expansion of one post knows: its dialect, its site, itself, and where its warnings go.</summary>
internal sealed record TemplateContext(TemplateDialect Dialect, ITemplateSite Site, string PostSourcePath, Uri PostUrl, NoteList Notes);
