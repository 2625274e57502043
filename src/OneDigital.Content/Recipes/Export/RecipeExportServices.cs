using Microsoft.Extensions.DependencyInjection;

namespace OneDigital.Content.Recipes.Export;

public static class RecipeExportServices
{
    /// <summary>The exporter with its first two sources; features add their own <see cref="IRecipeExportSource"/> after these.</summary>
    public static IServiceCollection AddRecipeExport(this IServiceCollection services)
    {
        services.AddScoped<RecipeExporter>();
        services.AddScoped<IRecipeExportSource, ContentDefinitionExportSource>();
        services.AddScoped<IRecipeExportSource, ContentItemsExportSource>();
        return services;
    }
}
