// Why: the e-bulletin's settings are checked at start like every section; its services need the host's data
// protection (keys in the store), which the web host registers, so this does not register it.
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Configuration;

namespace OneDigital.Content.Bulletin;

public static class BulletinServices
{
    public static IServiceCollection AddBulletin(this IServiceCollection services)
    {
        const string section = BulletinOptions.Section;
        services.AddSettings<BulletinOptions>(section)
            .Validate(o => o.ConfirmationLifetime > TimeSpan.Zero, $"{section}:ConfirmationLifetime must be more than zero")
            .AtLeast(section, nameof(BulletinOptions.ConfirmationsPerHour), o => o.ConfirmationsPerHour, 1);
        services.AddSettings<PublicSiteOptions>(PublicSiteOptions.Section)
            .Validate(o => o.PublicUrl is null || (o.PublicUrl.IsAbsoluteUri && o.PublicUrl.Scheme is "https" or "http"),
                $"{PublicSiteOptions.Section}:PublicUrl must be an absolute http or https address");
        // A factory, so a process without data protection (the CLI, which validates its container on build) still
        // starts; only signing up or following a link there would fail.
        services.AddSingleton(sp => new BulletinTokens(sp.GetRequiredService<IDataProtectionProvider>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<BulletinSubscriptions>();
        services.AddScoped<BulletinSubscribers>();
        return services;
    }
}
