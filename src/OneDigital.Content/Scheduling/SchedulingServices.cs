// Why: the schedule service is for every process (the admin and a CLI may schedule), the worker only for hosts that
// run hosted services; one call registers both, with the settings checked at start.
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Configuration;

namespace OneDigital.Content.Scheduling;

public static class SchedulingServices
{
    /// <summary><see cref="ContentSchedule"/>, the runner, and the background worker that runs due changes on this node.</summary>
    public static IServiceCollection AddContentScheduling(this IServiceCollection services)
    {
        const string section = SchedulingOptions.Section;
        services.AddSettings<SchedulingOptions>(section)
            .Validate(o => o.PollInterval > TimeSpan.Zero, $"{section}:{nameof(SchedulingOptions.PollInterval)} must be longer than zero")
            .Validate(o => o.ClaimDuration > TimeSpan.Zero, $"{section}:{nameof(SchedulingOptions.ClaimDuration)} must be longer than zero")
            .Validate(o => o.PastTolerance >= TimeSpan.Zero, $"{section}:{nameof(SchedulingOptions.PastTolerance)} must not be negative")
            .AtLeast(section, nameof(SchedulingOptions.BatchSize), o => o.BatchSize, 1)
            .AtLeast(section, nameof(SchedulingOptions.MaxAttempts), o => o.MaxAttempts, 1);
        services.AddScoped<ContentSchedule>();
        services.AddScoped<ScheduledRunContext>();
        services.AddSingleton<ScheduledChangeRunner>();
        services.AddHostedService<SchedulingWorker>();
        return services;
    }
}
