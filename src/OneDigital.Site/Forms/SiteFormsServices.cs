// Why: the forms' settings, checks, rate limit and view models are registered together, so the site's services name
// one call for them.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Configuration;
using OneDigital.Site.ShareLearning;

namespace OneDigital.Site.Forms;

internal static class SiteFormsServices
{
    public static IServiceCollection AddSiteForms(this IServiceCollection services)
    {
        const string section = SiteFormsOptions.Section;
        services.AddSettings<SiteFormsOptions>(section)
            .NotNegative(section, nameof(SiteFormsOptions.MinimumFillTime), o => o.MinimumFillTime.TotalSeconds)
            .MoreThanZero(section, nameof(SiteFormsOptions.MaximumFormAge), o => o.MaximumFormAge.TotalSeconds)
            .AtLeast(section, nameof(SiteFormsOptions.PostsPerWindow), o => o.PostsPerWindow, 1)
            .MoreThanZero(section, nameof(SiteFormsOptions.Window), o => o.Window.TotalSeconds)
            .AtLeast(section, nameof(SiteFormsOptions.MaxTextPostBytes), o => o.MaxTextPostBytes, 1000);
        services.AddSingleton<FormGuard>();
        services.AddScoped<LearningSubmissions>();
        services.AddRateLimiter(o => o.AddPolicy<string, FormRateLimit>(FormRateLimit.Policy));
        services.AddSiteViewModel<FormView>();
        services.AddSiteViewModel<FormErrorView>();
        services.AddSiteViewModel<MessageView>();
        services.AddSiteViewModel<FormLinkView>();
        services.AddSiteViewModel<ActionView>();
        return services;
    }
}
