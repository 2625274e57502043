// Why: how long the trail is kept is the site's policy (law, contract), so it is a setting, checked at start.
namespace OneDigital.Content.Audit;

public sealed class AuditOptions
{
    public const string Section = "OneDigital:Audit";

    /// <summary>Rows older than this many days are purged; 0 keeps them forever.</summary>
    public int RetentionDays { get; set; } = 365;

    /// <summary>How often a node looks for rows to purge.</summary>
    public double PurgeIntervalMinutes { get; set; } = 60;
}
