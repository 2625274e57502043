namespace OneDigital.Content.Store;

/// <summary>
/// The store cannot take writes (vanished, read-only, corrupt, unreachable). Endpoints answer 503 with this
/// message; <see cref="RetryAfter"/> is set where waiting may help.
/// </summary>
public class StoreUnavailableException(string message, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary><see cref="RetryAfter"/> as the whole seconds of an HTTP <c>Retry-After</c> header, or null.</summary>
    public string? RetryAfterHeader => RetryAfter is { } wait
        ? ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : null;

    /// <summary>The title of the 503 answer: what is unavailable, the same for every failure of the kind.</summary>
    public virtual string Title => "The store is unavailable.";
}

/// <summary>Another writer held the store past the bounded wait (<c>OneDigital:Database:BusyTimeoutSeconds</c>); retrying soon helps.</summary>
public sealed class StoreBusyException(string message, TimeSpan retryAfter, Exception? inner = null)
    : StoreUnavailableException(message, retryAfter, inner)
{
    public override string Title => "The store is busy.";
}
