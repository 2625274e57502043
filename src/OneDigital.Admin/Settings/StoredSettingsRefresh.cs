// Why: the admin's time zone and upload limits are read synchronously (SiteTime, UploadCheck) from the stored site
// settings last read; each admin request first makes sure they are current (a cached version check, a document read
// only after a change on any node), so a change shows on the next request everywhere.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Settings;

namespace OneDigital.Admin.Settings;

internal static class StoredSettingsRefresh
{
    public static IApplicationBuilder UseStoredSiteSettings(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await context.RequestServices.GetRequiredService<StoredSiteSettings>().GetAsync(context.RequestAborted);
            await next(context);
        });
}
