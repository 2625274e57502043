// Why: the trail and its recorder belong to every process that changes content (site, CLI); the purge only to the
// long-running site, so it has its own call.
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Configuration;
using OneDigital.Content.Items;
using OneDigital.Content.Scheduling;

namespace OneDigital.Content.Audit;

public static class AuditServices
{
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.AddScoped<ContentActor>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<IContentEventHandler, AuditRecorder>();
        services.AddScoped<IScheduleEventHandler, ScheduleAuditRecorder>();
        const string section = AuditOptions.Section;
        services.AddSettings<AuditOptions>(section)
            .NotNegative(section, nameof(AuditOptions.RetentionDays), o => o.RetentionDays)
            .MoreThanZero(section, nameof(AuditOptions.PurgeIntervalMinutes), o => o.PurgeIntervalMinutes);
        return services;
    }

    /// <summary>The background purge of events older than <c>OneDigital:Audit:RetentionDays</c>.</summary>
    public static IServiceCollection AddAuditRetention(this IServiceCollection services)
    {
        services.AddSingleton<AuditPurge>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditPurge>());
        return services;
    }
}
