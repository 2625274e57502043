using Microsoft.Extensions.Options;
using OneDigital.Content.Configuration;

namespace OneDigital.Web.Setup;

public static class SetupServices
{
    public static IServiceCollection AddSiteSetup(this IServiceCollection services)
    {
        services.AddSettings<SetupOptions>(SetupOptions.Section).PostConfigure(o => o.Normalize());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SetupOptions>>().Value);
        services.AddSingleton<SetupState>();
        services.AddScoped<SiteSetup>();
        return services;
    }
}
