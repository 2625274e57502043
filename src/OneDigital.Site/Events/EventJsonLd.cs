// Why: search engines show events from schema.org's Event; the JSON is written with an encoder that escapes <, > and
// &, so an editor's title can never close the script element it sits in.
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneDigital.Site.Events;

/// <summary>An event's schema.org <c>Event</c> as JSON-LD.</summary>
public static class EventJsonLd
{
    private static readonly JsonSerializerOptions Safe = new() { Encoder = JavaScriptEncoder.Default };

    public static string Write(EventView view, EventTimes times, string pageUrl)
    {
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Event",
            ["name"] = view.Item.DisplayText,
            ["url"] = pageUrl,
            ["eventStatus"] = "https://schema.org/EventScheduled",
            ["eventAttendanceMode"] = (view.Online, view.Venue) switch
            {
                (true, null) => "https://schema.org/OnlineEventAttendanceMode",
                (true, _) => "https://schema.org/MixedEventAttendanceMode",
                _ => "https://schema.org/OfflineEventAttendanceMode",
            },
        };
        if (EventViews.StartsOf(view.Item) is { } starts)
        {
            json["startDate"] = times.Iso(starts);
        }
        if (EventViews.EndsOf(view.Item) is { } ends)
        {
            json["endDate"] = times.Iso(ends);
        }
        var locations = new JsonArray();
        if (view.Online)
        {
            locations.Add(new JsonObject { ["@type"] = "VirtualLocation", ["url"] = view.Registration?.Url ?? pageUrl });
        }
        if (view.Venue is { } venue)
        {
            locations.Add(new JsonObject { ["@type"] = "Place", ["name"] = venue, ["address"] = venue });
        }
        if (locations.Count == 1)
        {
            json["location"] = locations[0]!.DeepClone();
        }
        else if (locations.Count > 1)
        {
            json["location"] = locations;
        }
        if (view.Registration is { } registration)
        {
            json["offers"] = new JsonObject { ["@type"] = "Offer", ["url"] = registration.Url };
        }
        return json.ToJsonString(Safe);
    }
}
