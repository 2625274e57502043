// Why: an event's facts (when in the site's zone, where, how to register, its calendar file) are worked out once in
// C#, so the list, the event's page and any theme show the same words.
using OneDigital.Site.Models;

namespace OneDigital.Site.Events;

/// <summary>An event as readers see it; the model of <c>Content-Event.liquid</c> and the entries of <c>Events.liquid</c>.</summary>
public sealed class EventView
{
    public required ItemView Item { get; init; }

    /// <summary>"Tuesday 3 March 2026, 10:00 to 11:30 GMT" (see <see cref="EventTimes.Describe"/>); null without a start.</summary>
    public string? When { get; init; }

    /// <summary>The start for a <c>&lt;time datetime&gt;</c>: 2026-03-03T10:00:00+00:00.</summary>
    public string? StartsIso { get; init; }

    public bool Online { get; init; }

    public string? Venue { get; init; }

    /// <summary>"Online", the venue, or "Online and at {venue}"; null when the editors said neither.</summary>
    public string? Where { get; init; }

    /// <summary>Where people sign up; shown while the event is still to come.</summary>
    public LinkView? Registration { get; init; }

    /// <summary>Whether it started before now.</summary>
    public bool IsPast { get; init; }

    /// <summary>The event's own calendar file: /events/{id}.ics.</summary>
    public required string CalendarUrl { get; init; }

    /// <summary>On the event's page: its schema.org Event as JSON, encoded to be safe inside a script element.</summary>
    public SafeHtml? JsonLd { get; init; }
}

/// <summary>The model of <c>Events.liquid</c>: upcoming events (soonest first) or past ones (newest first), one page.</summary>
public sealed class EventListView
{
    public required bool Past { get; init; }

    public IReadOnlyList<EventView> Events { get; init; } = [];

    /// <summary>On the first page of upcoming events: the latest past ones.</summary>
    public IReadOnlyList<EventView> RecentPast { get; init; } = [];

    public required int PageNumber { get; init; }

    public required int PageCount { get; init; }

    public required int Total { get; init; }

    public string? PreviousPageUrl { get; init; }

    public string? NextPageUrl { get; init; }
}
