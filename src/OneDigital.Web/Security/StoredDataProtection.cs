// Why: every node of a farm must protect and unprotect with the same keys under the same application name; a
// per-folder default would make each node's cookies unreadable to the others.
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace OneDigital.Web.Security;

public static class StoredDataProtection
{
    /// <summary>The application name every node shares; changing it makes every cookie and token unreadable.</summary>
    public const string ApplicationName = "OneDigital";

    public static IServiceCollection AddStoredDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new StoreXmlRepository(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<StoredKeyRing>();
        return services;
    }
}
