// Why: the web host knows the admin by these two calls only, so the admin's pages, sign-in and assets can change
// without touching the host, and the host's API pipeline cannot be changed by accident from here.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using OneDigital.Admin.Account;
using OneDigital.Admin.Assets;
using OneDigital.Admin.ContentItems;
using OneDigital.Admin.ContentTypes;
using OneDigital.Admin.Audit;
using OneDigital.Admin.Errors;
using OneDigital.Admin.ImportExport;
using OneDigital.Admin.Media;
using OneDigital.Admin.Navigation;
using OneDigital.Admin.Scheduling;
using OneDigital.Admin.SearchIndexes;
using OneDigital.Admin.Security;
using OneDigital.Admin.Users;
using OneDigital.Admin.Settings;
using OneDigital.Admin.Trees;
using OneDigital.Admin.Submissions;
using OneDigital.Admin.Versions;
using OneDigital.Content.Configuration;

namespace OneDigital.Admin;

public static class AdminServices
{
    /// <summary>Every admin URL starts with this; the sign-in cookie is sent for it only.</summary>
    public const string PathPrefix = "/admin";

    /// <summary>The admin's pages, sign-in (Identity's cookie), authorization, menu and assets.</summary>
    public static IServiceCollection AddOneDigitalAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        const string section = AdminOptions.Section;
        services.AddSettings<AdminOptions>(section)
            .AtLeast(section, nameof(AdminOptions.MaxFailedSignIns), o => o.MaxFailedSignIns, 1)
            .MoreThanZero(section, nameof(AdminOptions.LockoutDuration), o => o.LockoutDuration.TotalSeconds)
            .MoreThanZero(section, nameof(AdminOptions.IdleTimeout), o => o.IdleTimeout.TotalSeconds)
            .MoreThanZero(section, nameof(AdminOptions.PasswordResetLifetime), o => o.PasswordResetLifetime.TotalSeconds)
            .AtLeast(section, nameof(AdminOptions.PasswordResetsPerHour), o => o.PasswordResetsPerHour, 1)
            .Validate(o => SiteTime.Find(o.TimeZone) is not null,
                $"{section}:{nameof(AdminOptions.TimeZone)} must be a time zone id such as UTC or Europe/London");

        services.AddAdminSignIn();
        services.AddAdminAuthorization();
        services.AddAdminMenu();
        services.AddSingleton<AdminAssets>();
        services.AddContentList();
        services.AddScoped<Editing.Pickers.PickerSearch>().AddScoped<Editing.Pickers.TagTaxonomies>().AddScoped<Editing.Fields.MediaFieldUploads>();
        services.AddSingleton<SiteTime>();
        services.AddItemPageLinks();
        services.AddAdminUsers();
        services.AddAdminContentTypes();
        services.AddAdminTrees();
        services.AddAdminImportExport();
        services.AddSearchIndexesAdmin();
        services.AddAdminSubmissions();

        services.AddRazorPages(o =>
            {
                // Pages live in feature folders at the project's root; each names its absolute route (@page "/admin/...").
                o.RootDirectory = "/";
                o.Conventions.AuthorizeFolder("/", AdminAuthorization.Policy);
                o.Conventions.AllowAnonymousToPage("/Account/SignIn");
                o.Conventions.AllowAnonymousToPage("/Account/TwoFactorSignIn");
                o.Conventions.AllowAnonymousToPage("/Account/ForgotPassword");
                o.Conventions.AllowAnonymousToPage("/Account/ResetPassword");
                // Anyone signed in may sign out, whatever they may see.
                o.Conventions.AllowAnonymousToPage("/Account/SignOut");
            })
            .AddMvcOptions(o => o.Filters.Add(new NotFoundPage()))
            .ConfigureApplicationPartManager(parts =>
            {
                // The host finds this assembly itself when it is the entry assembly's reference; a test host does not.
                var assembly = typeof(AdminServices).Assembly;
                if (!parts.ApplicationParts.Any(p => p is AssemblyPart a && a.Assembly == assembly))
                {
                    parts.ApplicationParts.Add(new CompiledRazorAssemblyPart(assembly));
                }
            });
        return services;
    }

    /// <summary>
    /// The admin's branch of the pipeline (its Content-Security-Policy, assets, the signed-in user, authorization) and
    /// its pages. Call it after the host's own middleware (errors, security headers, setup gate).
    /// </summary>
    public static WebApplication MapOneDigitalAdmin(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(c => c.Request.Path.StartsWithSegments(PathPrefix), branch =>
        {
            branch.Use((context, next) =>
            {
                context.Response.Headers.ContentSecurityPolicy = AdminContentSecurity.Policy;
                return next(context);
            });
            branch.UseAdminAssets();
            branch.UseStoredSiteSettings();
            branch.UseAdminUser();
            branch.UseAdminActor();
            branch.UseAuthorization();
            branch.UseMediaUploadLimit();
        });
        // WebApplication would otherwise put an authorization middleware in front of every request; the admin's
        // runs in its branch, after the host's error handling and setup gate.
        ((IApplicationBuilder)app).Properties["__AuthorizationMiddlewareSet"] = true;
        app.MapRazorPages();
        return app;
    }
}
