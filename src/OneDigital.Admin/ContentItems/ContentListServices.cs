// Why: the content list's services, registered by the admin in one call so AdminServices stays a list of features.
using Microsoft.Extensions.DependencyInjection;

namespace OneDigital.Admin.ContentItems;

internal static class ContentListServices
{
    public static IServiceCollection AddContentList(this IServiceCollection services) =>
        services.AddScoped<ContentScope>().AddScoped<ContentActions>();
}
