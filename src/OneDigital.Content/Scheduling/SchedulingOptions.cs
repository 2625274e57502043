// Why: how often nodes look for due changes and how long a claim holds are a site's choice (a farm may poll less
// often; a test polls fast), read once with the one settings style.
namespace OneDigital.Content.Scheduling;

/// <summary><c>OneDigital:Scheduling</c>: how the runner polls, claims and retries, and how late a new schedule may be.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "OneDigital:Scheduling";

    /// <summary>How often each node looks for due changes.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claim holds: longer than any change takes, so only a node that died mid-way loses its claim.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Due changes one node claims at once.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Claims of one change before an unexpected failure (the store unreachable) is recorded as failed for good.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>How far in the past a new schedule's time may be (a form submitted a moment after the minute it names); it then runs at once.</summary>
    public TimeSpan PastTolerance { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>This node's name on the rows it claims; the machine name and process id when unset.</summary>
    public string? NodeName { get; set; }
}
