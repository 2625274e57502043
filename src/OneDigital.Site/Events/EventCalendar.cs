// Why: readers add an event to their own calendar rather than remember it; every calendar client reads iCalendar,
// and an event keeps its UID across downloads so a second import updates it instead of adding a copy.
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace OneDigital.Site.Events;

/// <summary>Events as an iCalendar file (times in UTC).</summary>
public static class EventCalendar
{
    public const string MediaType = "text/calendar";

    /// <summary>
    /// A calendar of <paramref name="events"/>. <paramref name="baseUrl"/> is the site's address: the events' pages
    /// are under it and its host makes their UIDs (<c>{content item id}@{host}</c>).
    /// </summary>
    public static string Write(IEnumerable<EventView> events, string baseUrl, string calendarName)
    {
        var host = new Uri(baseUrl).Host;
        var calendar = new Calendar { ProductId = "-//One Digital//Community of Practice//EN" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        foreach (var view in events)
        {
            if (EventViews.StartsOf(view.Item) is not { } starts)
            {
                continue;
            }
            var stamp = view.Item.ModifiedUtc ?? view.Item.PublishedUtc ?? starts;
            var entry = new CalendarEvent
            {
                Uid = $"{view.Item.Id}@{host}",
                DtStamp = Utc(stamp),
                LastModified = Utc(stamp),
                DtStart = Utc(starts),
                Summary = view.Item.DisplayText,
                Location = view.Where,
                Url = view.Item.Url is { } path ? new Uri(baseUrl + path) : null,
                Description = view.Registration is { } registration ? $"Register: {registration.Url}" : null,
            };
            if (EventViews.EndsOf(view.Item) is { } ends && ends > starts)
            {
                entry.DtEnd = Utc(ends);
            }
            calendar.Events.Add(entry);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Utc(DateTime value) => new(DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc));
}
