// Why: readers come to an event at a local time, so every time is told in the site's zone with the zone's name
// ("10:00 to 11:30 GMT"), while the store, the calendar files and search engines get exact instants.
using System.Globalization;
using Microsoft.Extensions.Options;

namespace OneDigital.Site.Events;

/// <summary>Event times in the site's zone (<c>OneDigital:Site:TimeZone</c>).</summary>
public sealed class EventTimes
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public EventTimes(IOptions<SiteOptions> options)
    {
        var id = options.Value.TimeZone;
        Zone = TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : throw new InvalidOperationException($"{SiteOptions.Section}:{nameof(SiteOptions.TimeZone)} names no time zone this server knows: '{id}'.");
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>"Tuesday 3 March 2026, 10:00 to 11:30 GMT"; both dates when it ends on another day; the start alone without an end.</summary>
    public string Describe(DateTime startsUtc, DateTime? endsUtc)
    {
        var starts = Local(startsUtc);
        var startDay = starts.ToString("dddd d MMMM yyyy", English);
        var startTime = starts.ToString("HH:mm", English);
        if (endsUtc is not { } endUtc || endUtc <= startsUtc)
        {
            return $"{startDay}, {startTime} {ZoneName(startsUtc)}";
        }
        var ends = Local(endUtc);
        var endTime = ends.ToString("HH:mm", English);
        if (ends.Date != starts.Date)
        {
            return $"{startDay}, {startTime} {ZoneName(startsUtc)} to {ends.ToString("dddd d MMMM yyyy", English)}, {endTime} {ZoneName(endUtc)}";
        }
        return ZoneName(startsUtc) == ZoneName(endUtc)
            ? $"{startDay}, {startTime} to {endTime} {ZoneName(endUtc)}"
            : $"{startDay}, {startTime} {ZoneName(startsUtc)} to {endTime} {ZoneName(endUtc)}";
    }

    /// <summary>The instant with the zone's offset at that moment, as schema.org wants it: 2026-03-03T10:00:00+00:00.</summary>
    public string Iso(DateTime utc) => Offset(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// The zone's usual short name at that instant: GMT or BST for the UK, UTC for UTC, otherwise the offset
    /// ("UTC+01:00"), since .NET knows no abbreviations and an offset is never wrong.
    /// </summary>
    public string ZoneName(DateTime utc)
    {
        if (Zone.Id is "Europe/London" or "GMT Standard Time")
        {
            return Zone.IsDaylightSavingTime(Utc(utc)) ? "BST" : "GMT";
        }
        var offset = Zone.GetUtcOffset(Utc(utc));
        if (offset == TimeSpan.Zero && (Zone.Id is "UTC" or "Etc/UTC" or "Etc/GMT"))
        {
            return "UTC";
        }
        return "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }

    private DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(Utc(utc), Zone);

    private DateTimeOffset Offset(DateTime utc) => TimeZoneInfo.ConvertTime(new DateTimeOffset(Utc(utc)), Zone);

    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
