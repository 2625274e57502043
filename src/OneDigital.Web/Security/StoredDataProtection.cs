// Why: every node of a farm must protect and unprotect with the same keys under the same application name; a
// per-folder default would make each node's cookies unreadable to the others.
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using OneDigital.Content.Store;

namespace OneDigital.Web.Security;

public static class StoredDataProtection
{
    /// <summary>The application name every node shares; changing it makes every cookie and token unreadable.</summary>
    public const string ApplicationName = "OneDigital";

    public static IServiceCollection AddStoredDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new StoreXmlRepository(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<StoreCondition>(), sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<StoredKeyRing>();
        return services;
    }

    /// <summary>
    /// Data protection warms its key ring from a hosted service as the host starts, before setup has opened (or found
    /// missing) the store: the read fails and logs an error, and on SQLite it would create an empty database file. The
    /// ring is read on first use instead, which the setup gate keeps until the store is open. Called once every
    /// service is added, because each later AddDataProtection (antiforgery's, Identity's) adds the warm-up back.
    /// </summary>
    public static IServiceCollection RemoveKeyRingWarmUp(this IServiceCollection services)
    {
        foreach (var warmUp in services.Where(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList())
        {
            services.Remove(warmUp);
        }
        return services;
    }
}
