using Microsoft.Extensions.Options;
using OneDigital.Content.Configuration;
using OneDigital.Content.Webhooks;

namespace OneDigital.Web.Webhooks;

public static class WebhookServices
{
    /// <summary>
    /// Endpoints, outbox, recipe step and export for every process; the dispatcher is a hosted service, so only the
    /// web app (which runs hosted services) sends. Deliveries the CLI records are sent by the site.
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddWebhookStore();
        const string section = WebhookOptions.Section;
        services.AddSettings<WebhookOptions>(section)
            .Validate(o => o.PollInterval > TimeSpan.Zero, $"{section}:{nameof(WebhookOptions.PollInterval)} must be longer than zero")
            .Validate(o => o.Timeout > TimeSpan.Zero, $"{section}:{nameof(WebhookOptions.Timeout)} must be longer than zero")
            .AtLeast(section, nameof(WebhookOptions.MaxAttempts), o => o.MaxAttempts, 1)
            .Validate(o => o.RetryBase >= TimeSpan.Zero, $"{section}:{nameof(WebhookOptions.RetryBase)} must not be negative")
            .Validate(o => o.RetryMax >= o.RetryBase, $"{section}:{nameof(WebhookOptions.RetryMax)} must be at least {section}:{nameof(WebhookOptions.RetryBase)}")
            .AtLeast(section, nameof(WebhookOptions.MaxConcurrency), o => o.MaxConcurrency, 1)
            .AtLeast(section, nameof(WebhookOptions.MaxPerEndpoint), o => o.MaxPerEndpoint, 1);
        services.AddHttpClient(WebhookSender.HttpClientName, (sp, client) =>
            client.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout)
            // A redirect is an answer other than 2xx: following it would turn the POST into a GET elsewhere.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookDeliveryQueue>();
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }
}
