namespace Feed.Tool.Templates;

/// <summary>A post's body with its template tags expanded.</summary>
/// <param name="Body">The Markdown a reader's generator would have rendered: no template syntax left outside code.</param>
/// <param name="Notes">Warnings, in the order of the body, each at its line and column in the file.</param>
/// <param name="RemovedCount">How many tags were removed with no output of their own (an unknown tag, an <c>{% include %}</c>, a control-flow tag …).</param>
internal sealed record TemplateExpansion(string Body, IReadOnlyList<TemplateNote> Notes, int RemovedCount);
