// Why: a rejection says why, for the team and for the reply to the person; the submission and its personal data are
// kept (see LearningSubmissionReviews), and the reason is required.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Admin.Shared.Forms;
using OneDigital.Content.Security;
using OneDigital.Content.Submissions;

namespace OneDigital.Admin.Submissions;

public sealed class RejectModel(LearningSubmissionReviews reviews) : AdminPage
{
    public const int MaxReason = 2000;

    public LearningSubmissionView Submission { get; private set; } = null!;

    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await DemandAsync(Permissions.ManageSubmissions) is { } refused) return refused;
        if (await reviews.FindAsync(id, HttpContext.RequestAborted) is not { } found) return NotFound();
        if (found.Review is not null) return Redirect(SubmissionsModel.DetailsPath(id));
        Submission = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await DemandAsync(Permissions.ManageSubmissions) is { } refused) return refused;
        if (await reviews.FindAsync(id, HttpContext.RequestAborted) is not { } found) return NotFound();
        Submission = found;
        var reason = Reason?.Trim() ?? "";
        if (reason.Length == 0) ModelState.AddModelError(nameof(Reason), "Enter why the submission is rejected");
        else if (reason.Length > MaxReason) ModelState.AddModelError(nameof(Reason), $"The reason must be {MaxReason} characters or fewer");
        if (!ModelState.IsValid) return Page();
        try
        {
            await reviews.RejectAsync(id, reason, User.Identity?.Name, HttpContext.RequestAborted);
        }
        catch (SubmissionAlreadyReviewedException)
        {
            // Another editor decided first: the page shows what they decided.
        }
        return Redirect(SubmissionsModel.DetailsPath(id) + "?done=rejected");
    }

    public TextareaField ReasonField() => new(nameof(Reason), "Why is it rejected?")
    {
        Value = Reason,
        Hint = "For the team, and to tell the person. For example: it repeats a case study we have already published.",
        Rows = 4,
    };
}
