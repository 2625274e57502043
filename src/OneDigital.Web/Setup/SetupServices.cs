namespace OneDigital.Web.Setup;

public static class SetupServices
{
    public static IServiceCollection AddSiteSetup(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(SetupOptions.Read(configuration));
        services.AddSingleton<SetupState>();
        services.AddScoped<SiteSetup>();
        return services;
    }
}
