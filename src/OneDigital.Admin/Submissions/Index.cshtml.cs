// Why: what readers shared through "share your learning", newest first, with what became of each.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Security;
using OneDigital.Content.Submissions;
using OneDigital.Admin.Shared.Paging;

namespace OneDigital.Admin.Submissions;

public sealed class SubmissionsModel(LearningSubmissionReviews reviews) : AdminPage
{
    public const string Path = AdminServices.PathPrefix + "/submissions";
    public const int PageSize = 50;

    // Not "page": Razor Pages routes by that name.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public LearningSubmissionPage Results { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.ManageSubmissions) is { } refused) return refused;
        Results = await reviews.ListAsync(PageNumber, PageSize, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>The link to another page of the list.</summary>
    public string PageLink(int page) => PageLinks.With(Request, Path, ("p", page.ToString()));

    public static string DetailsPath(string id) => $"{Path}/{Uri.EscapeDataString(id)}";

    public static string OutcomeText(SubmissionReview? review) => review?.Outcome switch
    {
        null => "Not reviewed",
        SubmissionOutcome.CaseStudy => "Turned into a case study draft",
        _ => "Rejected",
    };
}
