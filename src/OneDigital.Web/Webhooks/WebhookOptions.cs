namespace OneDigital.Web.Webhooks;

/// <summary><c>OneDigital:Webhooks</c>: how the dispatcher polls, sends and retries.</summary>
public sealed class WebhookOptions
{
    public const string Section = "OneDigital:Webhooks";

    /// <summary>How often to look for due deliveries besides being woken by a local commit (other nodes' rows, retries).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a receiver has to answer one POST.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts before a delivery is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; each later one waits four times longer (30 s, 2 min, 8 min, 32 min...).</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan RetryMax { get; set; } = TimeSpan.FromHours(6);

    /// <summary>POSTs in flight at once on this node.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>POSTs in flight at once to one endpoint on this node, so a slow receiver cannot take every slot.</summary>
    public int MaxPerEndpoint { get; set; } = 2;

    /// <summary>The wait before attempt <paramref name="failedAttempts"/> + 1.</summary>
    public TimeSpan RetryDelay(int failedAttempts)
    {
        var factor = Math.Pow(4, Math.Max(0, failedAttempts - 1));
        var delay = RetryBase.TotalMilliseconds * factor;
        return delay >= RetryMax.TotalMilliseconds ? RetryMax : TimeSpan.FromMilliseconds(delay);
    }

    /// <summary>How long a claim holds: longer than any send, so only a node that died mid-send loses its claim.</summary>
    public TimeSpan ClaimDuration => Timeout + TimeSpan.FromMinutes(1);
}
