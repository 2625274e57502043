namespace OneDigital.Content.Writing;

/// <summary>The checks' answer for one body: the prose statistics with the reading age, and every finding in the
/// order of the checks (most serious first).</summary>
public sealed record WritingReport(ProseStatistics Statistics, IReadOnlyList<WritingFinding> Findings)
{
    public static readonly WritingReport Empty = new(ProseStatistics.Empty, []);

    public int Count(WritingSeverity severity) => Findings.Count(f => f.Severity == severity);
}
