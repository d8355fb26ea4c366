namespace Feed.Tool.Templates;

/// <summary>A warning about a template tag.</summary>
/// <param name="Line">The 1-based line in the post's file.</param>
/// <param name="Column">The 1-based column, in Unicode scalar values (as editors count).</param>
/// <param name="Message">One sentence: what was found and what was done with it.</param>
internal sealed record TemplateNote(int Line, int Column, string Message);
