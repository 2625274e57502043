// Why: the one place an Event item becomes an EventView, so the list, the page, the calendar files and the JSON-LD
// read an event's fields the same way.
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OneDigital.Content.Bulletin;
using OneDigital.Site.Models;

namespace OneDigital.Site.Events;

/// <summary>Builds <see cref="EventView"/>s and the site's absolute addresses for them.</summary>
public sealed class EventViews(EventTimes times, IOptions<PublicSiteOptions> site, TimeProvider clock)
{
    public EventTimes Times => times;

    /// <summary>Now, from the site's clock, in UTC.</summary>
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public EventView Build(ItemView item, string? jsonLd = null)
    {
        var starts = StartsOf(item);
        var ends = Date(item, "EndsAt");
        var online = item.Fields.TryGetValue("Online", out var o) && o is true;
        var venue = item.Fields.TryGetValue("Venue", out var v) ? v as string : null;
        return new EventView
        {
            Item = item,
            When = starts is { } s ? times.Describe(s, ends) : null,
            StartsIso = starts is { } i ? times.Iso(i) : null,
            Online = online,
            Venue = venue,
            Where = WhereOf(online, venue),
            Registration = item.Fields.TryGetValue("Registration", out var r) ? r as LinkView : null,
            IsPast = starts is { } p && p < Now,
            CalendarUrl = CalendarPath(item.Id),
            JsonLd = jsonLd is null ? null : new SafeHtml(jsonLd),
        };
    }

    public static DateTime? StartsOf(ItemView item) => Date(item, "StartsAt");

    public static DateTime? EndsOf(ItemView item) => Date(item, "EndsAt");

    public static string CalendarPath(string contentItemId) => $"/events/{Uri.EscapeDataString(contentItemId)}.ics";

    /// <summary>"Online", the venue, both, or null.</summary>
    public static string? WhereOf(bool online, string? venue) => (online, venue) switch
    {
        (true, null) => "Online",
        (true, _) => $"Online and at {venue}",
        (false, null) => null,
        _ => venue,
    };

    /// <summary>
    /// The site's address: <c>OneDigital:Site:PublicUrl</c> when set (links that leave the site, as in calendar
    /// files and search engines, must not depend on how this request arrived), otherwise the request's own.
    /// </summary>
    public string BaseUrl(HttpContext http) =>
        site.Value.PublicUrl is { } publicUrl ? publicUrl.GetLeftPart(UriPartial.Authority) : $"{http.Request.Scheme}://{http.Request.Host}";

    private static DateTime? Date(ItemView item, string field) =>
        item.Fields.TryGetValue(field, out var value) && value is DateTime d ? DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind).ToUniversalTime() : null;
}
