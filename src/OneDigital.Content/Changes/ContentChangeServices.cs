using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneDigital.Content.Items;

namespace OneDigital.Content.Changes;

public static class ContentChangeServices
{
    /// <summary>
    /// The content change stamp and the handler that moves it on this node's commits, for whatever caches what readers
    /// see. Each cache's registration calls this; it registers once however many do (a single handler, so one
    /// transaction still bumps the stamp once). Tests may register their own <see cref="IContentChangeStamp"/> first.
    /// </summary>
    public static IServiceCollection AddContentChangeStamp(this IServiceCollection services)
    {
        services.TryAddSingleton<IContentChangeStamp, StoreContentChangeStamp>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IContentEventHandler, ContentChangeStampHandler>());
        return services;
    }
}
