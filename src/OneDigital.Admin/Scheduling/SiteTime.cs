// Why: editors read and type times in the site's time zone while the store keeps UTC; one place converts both ways,
// names the zone on every page that shows a time, and refuses a local time the zone skips (a clock change).
using System.Globalization;
using Microsoft.Extensions.Options;
using OneDigital.Content.Settings;

namespace OneDigital.Admin.Scheduling;

/// <summary>
/// The site's time zone (the administrator's stored <c>TimeZoneId</c>, else <c>OneDigital:Admin:TimeZone</c>; each
/// admin request refreshes the stored one) and the admin's way of writing times.
/// </summary>
public sealed class SiteTime(IOptions<AdminOptions> options, StoredSiteSettings stored)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private readonly TimeZoneInfo _configured = Find(options.Value.TimeZone) ?? TimeZoneInfo.Utc;

    public TimeZoneInfo Zone => Find(stored.Current.TimeZoneId) ?? _configured;

    /// <summary>The zone as editors are told it, e.g. "Europe/London".</summary>
    public string ZoneName => Zone.Id;

    /// <summary>A time zone by its IANA (or Windows) id; null when the system knows none by that id.</summary>
    public static TimeZoneInfo? Find(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null : TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The UTC time of a local date and time; null when the zone skips it (the hour clocks go forward).</summary>
    public DateTime? ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return Zone.IsInvalidTime(local) ? null : TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    /// <summary>"2 December 2026, 14:30" in the site's zone; empty for no time.</summary>
    public string Format(DateTime? utc) => utc is { } u ? ToLocal(u).ToString("d MMMM yyyy, HH:mm", English) : "";

    /// <summary>The machine-readable value of a &lt;time&gt; element.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
