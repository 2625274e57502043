// Why: a few pages change with time alone, not with content: an event leaves the upcoming list (and the home page's
// next events, the calendar feed, its own page's "upcoming") when it starts. The change stamp does not move then, so
// the pages that list upcoming events note when they will change, and the cache key moves on once that instant passes.
namespace OneDigital.Site.Caching;

/// <summary>The soonest instant at which a cached page goes stale by time alone; singleton, on the site's clock.</summary>
public sealed class CacheHorizon(TimeProvider clock)
{
    private long _nextTicks = long.MaxValue;
    private long _epoch;

    /// <summary>Notes that a page being rendered changes at <paramref name="utc"/> (an event's start).</summary>
    public void ChangesAt(DateTime utc)
    {
        var ticks = DateTime.SpecifyKind(utc, DateTimeKind.Utc).Ticks;
        var seen = Volatile.Read(ref _nextTicks);
        while (ticks < seen)
        {
            var was = Interlocked.CompareExchange(ref _nextTicks, ticks, seen);
            if (was == seen) return;
            seen = was;
        }
    }

    /// <summary>A number the cache key holds: it moves (once) each time the soonest noted instant has passed.</summary>
    internal long Epoch()
    {
        var next = Volatile.Read(ref _nextTicks);
        if (clock.GetUtcNow().UtcTicks >= next && Interlocked.CompareExchange(ref _nextTicks, long.MaxValue, next) == next)
        {
            // Pages rendered from now on note the next instant again.
            Interlocked.Increment(ref _epoch);
        }
        return Volatile.Read(ref _epoch);
    }
}
