// Why: one submission as the reader sent it, with its file, and the two decisions an editor makes about it. Turning
// it into a case study also needs the right to edit case studies, since it writes one.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Security;
using OneDigital.Content.Submissions;

namespace OneDigital.Admin.Submissions;

public sealed class SubmissionModel(LearningSubmissionReviews reviews, PermissionService permissions) : AdminPage
{
    public LearningSubmissionView Submission { get; private set; } = null!;

    /// <summary>Set by the redirect after a decision, to say so.</summary>
    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }

    public bool CanMakeCaseStudy { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await DemandAsync(Permissions.ManageSubmissions) is { } refused) return refused;
        if (await reviews.FindAsync(id, HttpContext.RequestAborted) is not { } found) return NotFound();
        Submission = found;
        CanMakeCaseStudy = await permissions.IsGrantedForTypeAsync(User, Permissions.EditContent, LearningSubmissionReviews.CaseStudyType, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostCaseStudyAsync(string id)
    {
        if (await DemandAsync(Permissions.ManageSubmissions) is { } refused) return refused;
        if (!await permissions.IsGrantedForTypeAsync(User, Permissions.EditContent, LearningSubmissionReviews.CaseStudyType, HttpContext.RequestAborted))
        {
            return new ForbiddenResult();
        }
        try
        {
            var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
            if (await reviews.TurnIntoCaseStudyAsync(id, userId, User.Identity?.Name, HttpContext.RequestAborted) is null) return NotFound();
        }
        catch (SubmissionAlreadyReviewedException)
        {
            // Another editor decided first: the page shows what they decided.
        }
        return Redirect(SubmissionsModel.DetailsPath(id) + "?done=casestudy");
    }
}
