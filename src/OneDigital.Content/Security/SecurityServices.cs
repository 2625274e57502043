using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Configuration;
using OneDigital.Content.Recipes.Steps;
using OneDigital.Content.Recipes;
using OneDigital.Content.Store;

namespace OneDigital.Content.Security;

public static class SecurityServices
{
    /// <summary>Roles, permissions, the permission check and the Roles recipe step. Identity's stores are registered by AddOneDigitalContent.</summary>
    public static IServiceCollection AddOneDigitalSecurity(this IServiceCollection services)
    {
        services.AddSettings<SecurityOptions>(SecurityOptions.Section);
        services.AddScoped<PermissionCatalogue>();
        services.AddScoped<RoleService>();
        services.AddSingleton<RolePermissionCache>();
        services.AddSingleton<SecurableTypeCache>();
        services.AddSingleton(RoleService.Stamp);
        services.AddScoped<IScopedCache>(sp => sp.GetRequiredService<RoleService>());
        services.AddScoped<PermissionService>();
        services.AddScoped<AdminAccount>();
        services.AddScoped<IRecipeStep, RolesStep>();
        return services;
    }
}
