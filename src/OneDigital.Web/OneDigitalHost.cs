using Microsoft.Extensions.Options;
using OneDigital.Admin;
using OneDigital.Admin.GraphiQL;
using OneDigital.Site;
using OneDigital.Content;
using OneDigital.Content.Audit;
using OneDigital.Content.Recipes;
using OneDigital.Content.Scheduling;
using OneDigital.Content.Security;
using OneDigital.GraphQL.Endpoint;
using OneDigital.Search.Queries;
using OneDigital.Search.SiteSearch;
using OneDigital.Web.Api.Lucene;
using OneDigital.Web.Api.Queries;
using OneDigital.Search;
using OneDigital.Web.Api.Content;
using OneDigital.Web.Api.Media;
using OneDigital.Web.Auth;
using OneDigital.Web.Cli;
using OneDigital.Web.Problems;
using OneDigital.Web.Health;
using OneDigital.Web.Media;
using OneDigital.Web.Security;
using OneDigital.Web.Setup;
using OneDigital.Web.Webhooks;

namespace OneDigital.Web;

/// <summary>
/// The host: configuration, services, then either a command-line verb or the web site. Tests start it the same way
/// the program does.
/// </summary>
public static class OneDigitalHost
{
    /// <summary>Runs a verb when the first argument is one, otherwise the site until it stops. Returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, HostConsole console, CancellationToken ct = default)
    {
        if (CliArguments.IsCommandLineVerb(args))
        {
            return await CliRunner.RunAsync(args, console, ct);
        }
        try
        {
            await using var app = BuildWebApp(args, console);
            var setup = app.Services.GetRequiredService<SetupState>();
            try
            {
                await app.StartAsync(ct);
                await app.WaitForShutdownAsync(ct);
            }
            catch (OperationCanceledException) when (setup.Failed)
            {
                // Setup failed at once (a missing store) and stopped the site while it was still starting.
            }
            return setup.Failed ? 1 : 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or RecipeException or OptionsValidationException)
        {
            // Configuration mistakes (a setting's message names its key) and an address already in use: the message says it all.
            await console.Error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            // Several settings sections refused at start: each one's message.
            foreach (var inner in ex.InnerExceptions) await console.Error.WriteLineAsync($"error: {inner.Message}");
            return 1;
        }
    }

    /// <summary>
    /// The web site, not started. Configuration comes from appsettings.json beside the app, environment variables
    /// (<c>OneDigital__DataDir</c>) and the command line (<c>--OneDigital:DataDir=...</c>, <c>--urls</c>).
    /// </summary>
    public static WebApplication BuildWebApp(string[] args, HostConsole console, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json and the shipped recipes sit beside the app, wherever it was started from.
            ContentRootPath = AppContext.BaseDirectory,
        });
        // First: no other part of the site may start on a data folder another process holds.
        builder.Services.AddHostedService<DataFolderLockService>();
        builder.Services.AddOneDigital(builder.Configuration, console);
        builder.Services.AddHostedService<SetupHostedService>();
        builder.Services.AddOpenIdServer(builder.Configuration);
        builder.Services.AddOneDigitalSearchWorker();
        builder.Services.AddGraphQLEndpoint();
        builder.Services.AddBrowserSecurity(builder.Configuration);
        builder.Services.AddStoredDataProtection();
        builder.Services.AddAuditRetention();
        builder.Services.AddOneDigitalHealth();
        builder.Services.AddOneDigitalErrors();
        builder.Services.AddOneDigitalAdmin(builder.Configuration);
        builder.Services.AddOneDigitalSite(builder.Configuration);
        builder.Services.AddMediaServing();
        // The site's policy comes from the security headers like every other path's, so a prefix the host declares
        // under the site wins and the site's never reaches the admin's or the APIs' paths.
        builder.Services.AddFallbackContentSecurityPolicy(SiteServices.IsSitePath, SiteServices.ContentSecurityPolicy);
        configureServices?.Invoke(builder.Services);
        builder.Services.RemoveKeyRingWarmUp();

        var app = builder.Build();
        // Errors first, so every failure below becomes a ProblemDetails; the security headers are added as the
        // response starts, so those answers carry them too.
        app.UseOneDigitalErrors();
        app.UseBrowserSecurity();
        app.UseSetupGate();
        // A repeat of an anonymous GraphQL read is answered here, with the headers above and before routing, so
        // routing is placed explicitly after it (WebApplication would put it first).
        app.UseGraphQLFrontCache();
        app.UseRouting();
        app.UseOpenIdServer();
        app.MapOneDigitalAdmin();
        app.MapHealth();
        app.MapLuceneApi();
        app.MapQueriesApi();
        app.MapContentApi();
        app.MapMediaApi();
        app.MapOneDigitalGraphQL();
        // The admin's GraphiQL runs queries as the signed-in editor through this same handler (Admin has no GraphQL reference).
        app.MapAdminGraphQL(http => http.RequestServices.GetRequiredService<GraphQLEndpointHandler>()
            .HandleAsync(http, http.RequestServices.GetRequiredService<PermissionService>()));
        app.MapMedia();
        // Last: the readers' site answers every path the admin and the APIs leave.
        app.MapOneDigitalSite();
        return app;
    }

    /// <summary>The services the site and the verbs share.</summary>
    internal static IServiceCollection AddOneDigital(this IServiceCollection services, IConfiguration configuration, HostConsole console)
    {
        services.AddSingleton(console);
        services.AddOneDigitalContent(ContentServices.ReadStoreOptions(configuration));
        services.AddSiteSetup();
        services.AddSearchQueries();
        services.AddSiteSearch();
        services.AddOpenIdApplications();
        services.AddOneDigitalSearch();
        services.AddWebhooks();
        services.AddContentScheduling();
        return services;
    }
}
