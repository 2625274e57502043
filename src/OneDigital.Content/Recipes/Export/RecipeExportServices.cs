using Microsoft.Extensions.DependencyInjection;

namespace OneDigital.Content.Recipes.Export;

public static class RecipeExportServices
{
    /// <summary>
    /// The exporter and its sources, in the order an import needs them: features bring types, roles before content,
    /// definitions before items. Features add their own <see cref="IRecipeExportSource"/> after these.
    /// </summary>
    public static IServiceCollection AddRecipeExport(this IServiceCollection services)
    {
        services.AddScoped<RecipeExporter>();
        services.AddScoped<IRecipeExportSource, FeaturesExportSource>();
        services.AddScoped<IRecipeExportSource, ThemesExportSource>();
        services.AddScoped<IRecipeExportSource, RolesExportSource>();
        services.AddScoped<IRecipeExportSource, ContentDefinitionExportSource>();
        services.AddScoped<IRecipeExportSource, ContentItemsExportSource>();
        services.AddScoped<IRecipeExportSource, SiteSettingsExportSource>();
        services.AddScoped<IRecipeExportSource, QueriesExportSource>();
        services.AddScoped<IRecipeExportSource, IndexProfilesExportSource>();
        return services;
    }
}
