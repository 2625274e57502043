// Why: editors schedule a publish or an unpublish in the site's local time; the store keeps UTC and the background
// runner carries it out. The page lists the item's schedules, pending and finished with their outcome, and cancels
// pending ones. A bad date or time shows the form again with its messages and schedules nothing.
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Admin.Versions;
using OneDigital.Content.Querying;
using OneDigital.Content.Scheduling;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Scheduling;

public sealed class ScheduleModel(ContentQuery query, ContentSchedule schedule, SiteTime time, TimeProvider clock) : ItemPage(query)
{
    public const string ActionField = "action";
    public const string DateField = "date";
    public const string TimeField = "time";

    public IReadOnlyList<ScheduledChange> Changes { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Done { get; set; }

    public string? Action { get; private set; }
    public string? Day { get; private set; }
    public string? Month { get; private set; }
    public string? Year { get; private set; }
    public string? Time { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await LoadAsync(id, Permissions.PublishContent) is { } refused) return refused;
        await ListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await LoadAsync(id, Permissions.PublishContent) is { } refused) return refused;
        var form = Request.Form;
        Action = form[ActionField];
        Day = form[$"{DateField}.Day"];
        Month = form[$"{DateField}.Month"];
        Year = form[$"{DateField}.Year"];
        Time = form[TimeField];

        ScheduledAction? action = Action switch { "publish" => ScheduledAction.Publish, "unpublish" => ScheduledAction.Unpublish, _ => null };
        if (action is null) ModelState.AddModelError(ActionField, "Choose whether to publish or unpublish");
        var date = ParseDate();
        var timeOfDay = ParseTime();
        DateTime? dueUtc = null;
        if (date is { } d && timeOfDay is { } t)
        {
            dueUtc = time.ToUtc(d, t);
            if (dueUtc is null) ModelState.AddModelError(TimeField, $"This time does not exist in {time.ZoneName} (the clocks go forward); choose another");
        }
        if (ModelState.IsValid && action is { } a && dueUtc is { } due)
        {
            try
            {
                await schedule.ScheduleAsync(id, a, due, Actor(), HttpContext.RequestAborted);
                return Redirect($"{PathOf(id, "schedule")}?done={(a == ScheduledAction.Publish ? "publish" : "unpublish")}");
            }
            catch (ScheduleException ex)
            {
                ModelState.AddModelError(DateField, ex.Message);
            }
        }
        await ListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(string id, [FromForm] long scheduleId)
    {
        if (await LoadAsync(id, Permissions.PublishContent) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        // Only this item's schedules are cancelled from its page.
        if (!(await schedule.ForItemAsync(id, ct)).Any(s => s.Id == scheduleId))
        {
            return NotFound();
        }
        try
        {
            await schedule.CancelAsync(scheduleId, Actor(), ct);
            return Redirect($"{PathOf(id, "schedule")}?done=cancel");
        }
        catch (ScheduleException ex)
        {
            ModelState.AddModelError("", ex.Message);
            await ListAsync();
            return Page();
        }
    }

    private ScheduleActor Actor() => new(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, User.Identity?.Name ?? "unknown");

    private DateOnly? ParseDate()
    {
        if (string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year))
        {
            ModelState.AddModelError(DateField, "Enter the date");
            return null;
        }
        if (int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year is >= 1000 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }
        ModelState.AddModelError(DateField, "The date must be a real date, for example 27 3 2027");
        return null;
    }

    private TimeOnly? ParseTime()
    {
        if (string.IsNullOrWhiteSpace(Time))
        {
            ModelState.AddModelError(TimeField, "Enter the time");
            return null;
        }
        if (TimeOnly.TryParseExact(Time.Trim(), ["H:mm", "HH:mm", "H.mm", "HH.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return parsed;
        }
        ModelState.AddModelError(TimeField, "The time must be hours and minutes on the 24-hour clock, for example 14:30");
        return null;
    }

    private async Task ListAsync() => Changes = (await schedule.ForItemAsync(Item.ContentItemId, HttpContext.RequestAborted)).Reverse().ToList();

    public RadiosField ActionRadios() => new(ActionField, "What should happen?",
    [
        new Choice("publish", "Publish the latest version") { Selected = Action == "publish" },
        new Choice("unpublish", "Unpublish (take it off the site)") { Selected = Action == "unpublish" },
    ]);

    public DateInputField DateInput()
    {
        var today = DateOnly.FromDateTime(time.ToLocal(clock.GetUtcNow().UtcDateTime));
        return new DateInputField(DateField, "Date") { Day = Day, Month = Month, Year = Year, Hint = $"For example, {today.Day} {today.Month} {today.Year}" };
    }

    public TextInputField TimeInput() => new(TimeField, "Time")
    {
        Value = Time,
        Hint = $"24-hour clock in the site's time zone, {time.ZoneName}; for example, 14:30",
        WidthClass = "govuk-input--width-5",
        Spellcheck = false,
        Autocomplete = "off",
    };

    public static string Verb(ScheduledAction action) => action == ScheduledAction.Publish ? "Publish" : "Unpublish";

    public static string Outcome(ScheduleState state) => state switch
    {
        ScheduleState.Pending => "Pending",
        ScheduleState.Completed => "Done",
        ScheduleState.Skipped => "Skipped",
        ScheduleState.Failed => "Failed",
        ScheduleState.Cancelled => "Cancelled",
        _ => "Replaced",
    };
}
