// Why: the operator's copy of the whole list (for a mailing tool, or to answer an auditor) as CSV, streamed from the
// store page by page so a long list never sits in memory.
using Microsoft.AspNetCore.Mvc;
using OneDigital.Admin.Security;
using OneDigital.Content.Bulletin;
using OneDigital.Content.Security;

namespace OneDigital.Admin.Subscribers;

public sealed class ExportModel(BulletinSubscribers subscribers) : AdminPage
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (await DemandAsync(Permissions.ManageBulletinSubscribers) is { } refused) return refused;
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"bulletin-subscribers.csv\"";
        Response.Headers.CacheControl = "no-store";
        await subscribers.ExportCsvAsync(Response.Body, HttpContext.RequestAborted);
        return new EmptyResult();
    }
}
