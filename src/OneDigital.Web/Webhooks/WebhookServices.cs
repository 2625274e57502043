using OneDigital.Content.Webhooks;

namespace OneDigital.Web.Webhooks;

public static class WebhookServices
{
    /// <summary>
    /// Endpoints, outbox, recipe step and export for every process; the dispatcher is a hosted service, so only the
    /// web app (which runs hosted services) sends. Deliveries the CLI records are sent by the site.
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWebhookStore();
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        services.AddHttpClient(WebhookSender.HttpClientName, (sp, client) =>
            client.Timeout = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebhookOptions>>().Value.Timeout)
            // A redirect is an answer other than 2xx: following it would turn the POST into a GET elsewhere.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookDeliveryQueue>();
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }
}
