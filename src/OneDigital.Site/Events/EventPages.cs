// Why: readers look for what is coming up first and for past workshops' write-ups second, so events are listed by
// their own start (not by when they were published): upcoming soonest first, past newest first, paged with real
// links; each event and the upcoming list are also calendar files.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Querying;
using OneDigital.Site.Caching;
using OneDigital.Site.Models;
using OneDigital.Site.Pages;

namespace OneDigital.Site.Events;

/// <summary><c>/events</c>, <c>/events/past</c>, <c>/events.ics</c>, <c>/events/{id}.ics</c> and the Event page's model.</summary>
public static class EventPages
{
    public const int PageSize = 10;

    /// <summary>How many past events the first page of upcoming ones shows.</summary>
    public const int RecentPastShown = 3;

    /// <summary>The most upcoming events the calendar feed holds.</summary>
    public const int FeedLength = 200;

    public static IServiceCollection AddEventPages(this IServiceCollection services)
    {
        services.AddSingleton<EventTimes>();
        services.AddScoped<EventViews>();
        services.AddScoped<IItemPageModel, EventPage>();
        services.AddSiteViewModel<EventView>();
        services.AddSiteViewModel<EventListView>();
        return services;
    }

    public static IEndpointRouteBuilder MapEventPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events", (HttpContext http, ContentQuery query, ItemViews items, EventViews events, string? page) =>
            ListAsync(http, query, items, events, past: false, page)).CacheOutput(SiteServices.CachePolicy);
        app.MapGet("/events/past", (HttpContext http, ContentQuery query, ItemViews items, EventViews events, string? page) =>
            ListAsync(http, query, items, events, past: true, page)).CacheOutput(SiteServices.CachePolicy);
        app.MapGet("/events.ics", FeedAsync).CacheOutput(SiteServices.CachePolicy);
        app.MapGet("/events/{id}.ics", CalendarFileAsync).CacheOutput(SiteServices.CachePolicy);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, ContentQuery query, ItemViews items, EventViews events, bool past, string? page)
    {
        var ct = http.RequestAborted;
        if (!TryPageNumber(page, out var number))
        {
            return SitePage.NotFound();
        }
        var now = events.Now;
        var request = Request(past, now);
        var total = await query.CountAsync(request, ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (number > pageCount)
        {
            return SitePage.NotFound();
        }
        var listed = await query.ListAsync(request with { Skip = (number - 1) * PageSize, Take = PageSize }, ct);
        // Both lists change when the soonest upcoming event starts.
        await NoteNextStartAsync(http, query, !past && number == 1 ? listed : null, now, ct);
        IReadOnlyList<EventView> recentPast = [];
        if (!past && number == 1)
        {
            recentPast = await ViewsAsync(await query.ListAsync(Request(past: true, now) with { Take = RecentPastShown }, ct), items, events, ct);
        }
        var path = past ? "/events/past" : "/events";
        var model = new EventListView
        {
            Past = past,
            Events = await ViewsAsync(listed, items, events, ct),
            RecentPast = recentPast,
            PageNumber = number,
            PageCount = pageCount,
            Total = total,
            PreviousPageUrl = number > 1 ? PageUrl(path, number - 1) : null,
            NextPageUrl = number < pageCount ? PageUrl(path, number + 1) : null,
        };
        var title = past ? "Past events and workshops" : "Events and workshops";
        return SitePage.Render("Events", model, new PageView
        {
            Title = number > 1 ? $"{title} (page {number} of {pageCount})" : title,
            Path = PageUrl(path, number),
            Description = past
                ? "Events and workshops the One Digital Community of Practice has held."
                : "Events and workshops of the One Digital Community of Practice: when, where and how to register.",
        });
    }

    private static async Task<IResult> FeedAsync(HttpContext http, ContentQuery query, ItemViews items, EventViews events)
    {
        var ct = http.RequestAborted;
        var upcoming = await query.ListAsync(Request(past: false, events.Now) with { Take = FeedLength }, ct);
        await NoteNextStartAsync(http, query, upcoming, events.Now, ct);
        var body = EventCalendar.Write(await ViewsAsync(upcoming, items, events, ct), events.BaseUrl(http), "One Digital events and workshops");
        return Results.Text(body, $"{EventCalendar.MediaType}; charset=utf-8");
    }

    private static async Task<IResult> CalendarFileAsync(HttpContext http, ContentQuery query, ItemViews items, EventViews events, string id)
    {
        var ct = http.RequestAborted;
        if (await query.GetPublishedAsync(id, ct) is not { ContentType: "Event" } item)
        {
            return SitePage.NotFound();
        }
        var view = events.Build((await items.SummariesAsync([item], ct))[0]);
        var body = EventCalendar.Write([view], events.BaseUrl(http), view.Item.DisplayText);
        var name = view.Item.Url is { } url ? url[(url.LastIndexOf('/') + 1)..] : "event";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{(name.Length == 0 ? "event" : name)}.ics\"";
        return Results.Text(body, $"{EventCalendar.MediaType}; charset=utf-8");
    }

    /// <summary>
    /// Tells the cache this page goes stale when the soonest upcoming event starts; <paramref name="upcoming"/> is
    /// the upcoming list soonest first when the page has it already.
    /// </summary>
    internal static async Task NoteNextStartAsync(HttpContext http, ContentQuery query, IReadOnlyList<ContentItem>? upcoming, DateTime now, CancellationToken ct)
    {
        upcoming ??= await query.ListAsync(Request(past: false, now) with { Take = 1 }, ct);
        if (upcoming.Count > 0 && StartOf(upcoming[0]) is { } starts)
        {
            http.RequestServices.GetRequiredService<CacheHorizon>().ChangesAt(starts);
        }
    }

    private static DateTime? StartOf(ContentItem item) => JsonValues.UtcDateTime(item.Part("Event")?["StartsAt"]?["Value"]);

    /// <summary>Published events by their start: upcoming (from now) soonest first, past newest first.</summary>
    private static ContentListRequest Request(bool past, DateTime now) => new("Event")
    {
        Filter = new ContentFilter.Field("Event", "StartsAt", FieldValueKind.Date, past ? FilterOperator.LessThan : FilterOperator.GreaterThanOrEqual, now),
        Sort = [new ContentSort.ByField("Event", "StartsAt", FieldValueKind.Date, Descending: past)],
    };

    private static async Task<IReadOnlyList<EventView>> ViewsAsync(IEnumerable<ContentItem> listed, ItemViews items, EventViews events, CancellationToken ct) =>
        [.. (await items.SummariesAsync(listed, ct)).Select(i => events.Build(i))];

    private static string PageUrl(string path, int number) => number == 1 ? path : $"{path}?page={number}";

    // Absent is the first page; anything but a whole number from 1 is no page at all.
    private static bool TryPageNumber(string? page, out int number)
    {
        number = 1;
        return page is null || (int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number) && number >= 1);
    }
}

/// <summary>The Event page's model: the event with its JSON-LD.</summary>
internal sealed class EventPage(EventViews events) : IItemPageModel
{
    public string ContentType => "Event";

    public Task<object> BuildAsync(HttpContext http, ContentItem item, ItemView view)
    {
        var plain = events.Build(view);
        // Its page says "upcoming" until it starts.
        if (EventViews.StartsOf(view) is { } starts && starts > events.Now)
        {
            http.RequestServices.GetRequiredService<CacheHorizon>().ChangesAt(starts);
        }
        var pageUrl = events.BaseUrl(http) + (view.Url ?? "");
        return Task.FromResult<object>(events.Build(view, EventJsonLd.Write(plain, events.Times, pageUrl)));
    }
}
