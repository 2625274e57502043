// Why: the cookie handler's access-denied path; a visit there answers what any refusal answers.
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneDigital.Admin.Security;

public sealed class ForbiddenPageModel : PageModel
{
    public IActionResult OnGet() => new ForbiddenResult();
}
