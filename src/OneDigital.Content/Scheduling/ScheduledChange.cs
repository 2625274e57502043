// Why: a scheduled publish or unpublish is a row in the store rather than a timer in one process, so every node sees
// it, a node that was down finds it overdue, and claiming it is a conditional update that only one node can win.
namespace OneDigital.Content.Scheduling;

/// <summary>
/// One scheduled publish or unpublish of an item: who asked for it and when it is due, then which node claimed it and
/// until when, and finally how it ended. Rows are kept after they finish, as the item's schedule history.
/// </summary>
public sealed class ScheduledChange
{
    public long Id { get; set; }

    public string ContentItemId { get; set; } = "";

    public ScheduledAction Action { get; set; }

    /// <summary>When the change is due, in UTC.</summary>
    public DateTime DueUtc { get; set; }

    /// <summary>The user who scheduled it; null for a change scheduled by the site itself (a recipe, a script).</summary>
    public string? ScheduledByUserId { get; set; }

    public string ScheduledByUserName { get; set; } = "";

    public DateTime ScheduledUtc { get; set; }

    public ScheduleState State { get; set; }

    /// <summary>Set by the node that claimed the row; a node whose claim lapsed cannot complete it over the next claimer.</summary>
    public string? ClaimToken { get; set; }

    /// <summary>Which node holds (or last held) the claim, for people reading the row.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Until when the claim holds; after it (the node died mid-way) any node may claim the row again.</summary>
    public DateTime? ClaimedUntilUtc { get; set; }

    /// <summary>How many times a node has claimed the row; bounds the retries after unexpected failures.</summary>
    public int Attempts { get; set; }

    /// <summary>When the row stopped being pending: run, skipped, failed, cancelled or replaced.</summary>
    public DateTime? CompletedUtc { get; set; }

    /// <summary>Why it was skipped, why it failed, or who cancelled or replaced it; null when it simply ran.</summary>
    public string? Message { get; set; }

    /// <summary>Still to run (claimed or not).</summary>
    public bool IsPending => State == ScheduleState.Pending;

    /// <summary>The name a change made by this schedule is attributed to.</summary>
    public string Actor => $"system (scheduled by {ScheduledByUserName})";
}

public enum ScheduledAction
{
    /// <summary>Publish the item's latest version.</summary>
    Publish = 0,

    /// <summary>Take the item's published version off line.</summary>
    Unpublish = 1,
}

public enum ScheduleState
{
    Pending = 0,

    /// <summary>The change was made.</summary>
    Completed = 1,

    /// <summary>Nothing to do when it came due (an unpublish of an item that was not published); <see cref="ScheduledChange.Message"/> says why.</summary>
    Skipped = 2,

    /// <summary>The change was refused (e.g. the latest version is not valid); not tried again.</summary>
    Failed = 3,

    Cancelled = 4,

    /// <summary>A later schedule of the same action for the same item took its place.</summary>
    Replaced = 5,
}
