namespace OneDigital.Content.Writing;

/// <summary>One thing the checks found in a body: which check, how much it matters, what to do in plain English,
/// the text it was found in and, for plain-English words, the suggested word.</summary>
public sealed record WritingFinding(string CheckId, WritingSeverity Severity, string Message, string Excerpt, string? Suggestion = null);
