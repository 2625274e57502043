// Why: the host registers the admin's features through AdminServices, one call each.
using Microsoft.Extensions.DependencyInjection;

namespace OneDigital.Admin.ImportExport;

internal static class ImportExportServices
{
    public static IServiceCollection AddAdminImportExport(this IServiceCollection services) => services.AddSingleton<RecipeImports>();
}
