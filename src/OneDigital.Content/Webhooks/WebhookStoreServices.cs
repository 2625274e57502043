using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Items;
using OneDigital.Content.Recipes;
using OneDigital.Content.Recipes.Export;
using OneDigital.Content.Store;

namespace OneDigital.Content.Webhooks;

public static class WebhookStoreServices
{
    /// <summary>
    /// The endpoints, the outbox that turns content events into deliveries, the recipe step and the export source:
    /// everything but the dispatcher, so the CLI registers endpoints and records deliveries the site will send.
    /// </summary>
    public static IServiceCollection AddWebhookStore(this IServiceCollection services)
    {
        services.AddSingleton<WebhookCommitSignal>();
        // The provider's context is one of the two subclasses; configuring both lets the signal hear its commits.
        services.ConfigureDbContext<SqliteContentDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<WebhookCommitSignal>()));
        services.ConfigureDbContext<PostgresContentDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<WebhookCommitSignal>()));
        services.AddScoped<WebhookEndpoints>();
        services.AddScoped<IScopedCache>(sp => sp.GetRequiredService<WebhookEndpoints>());
        services.AddScoped<IContentEventHandler, WebhookOutbox>();
        services.AddScoped<IRecipeStep, WebhooksStep>();
        services.AddScoped<IRecipeExportSource, WebhooksExportSource>();
        return services;
    }
}
