using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneDigital.Content.Recipes;
using OneDigital.Content.Security;
using OneDigital.Web.Setup;

namespace OneDigital.Web.Cli;

/// <summary>
/// Runs one verb against the configured store, without starting the web server: set the store up if it never was,
/// then import or export. Exit code 0, or 1 with the error on standard error.
/// </summary>
internal static class CliRunner
{
    public static async Task<int> RunAsync(string[] args, HostConsole console, CancellationToken ct)
    {
        CliArguments command;
        try
        {
            command = CliArguments.Parse(args);
        }
        catch (CliUsageException ex)
        {
            await console.Error.WriteLineAsync($"error: {ex.Message}");
            await console.Error.WriteLineAsync(CliArguments.Usage);
            return 1;
        }
        if (command.Verb == "help")
        {
            await console.Out.WriteLineAsync(CliArguments.Usage);
            return 0;
        }

        var stage = "setup";
        try
        {
            var configuration = BuildConfiguration(command.Configuration);
            await using var services = BuildServices(configuration, console);
            SetupRecord setup;
            await using (var scope = services.CreateAsyncScope())
            {
                // Setup's messages go to standard error: standard output may be carrying an export.
                setup = await scope.ServiceProvider.GetRequiredService<SiteSetup>().EnsureSetUpAsync(console.Error, ct);
            }
            stage = command.Verb;
            await using (var scope = services.CreateAsyncScope())
            {
                if (command.Verb == "import")
                {
                    await ImportVerb.RunAsync(scope.ServiceProvider, command.RecipePath!, setup, console, ct);
                }
                else if (command.Apps is not null)
                {
                    await AppsVerb.RunAsync(scope.ServiceProvider, command.Apps, console, ct);
                }
                else if (command.Webhooks is not null)
                {
                    await WebhooksVerb.RunAsync(scope.ServiceProvider, command.Webhooks, console, ct);
                }
                else if (command.Index is { } index)
                {
                    await IndexVerb.RunAsync(scope.ServiceProvider, index, console, ct);
                }
                else
                {
                    await ExportVerb.RunAsync(scope.ServiceProvider, command.OutPath, console, ct);
                }
            }
            return 0;
        }
        catch (Exception ex) when (ex is RecipeException or SetupException or IdentityFailureException or InvalidOperationException or IOException
            or UnauthorizedAccessException or DbUpdateException or OptionsValidationException)
        {
            await console.Error.WriteLineAsync($"{stage} failed: {ex.Message}");
            return 1;
        }
    }

    /// <summary>The same sources, in the same order, as the web host's: appsettings, environment, command line.</summary>
    internal static IConfiguration BuildConfiguration(string[] args)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environments.Production;
        return new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
    }

    private static ServiceProvider BuildServices(IConfiguration configuration, HostConsole console) =>
        new ServiceCollection()
            .AddSingleton(configuration)
            // Warnings and errors only, and on standard error, so an export on standard output stays valid JSON.
            .AddLogging(logging => logging
                .SetMinimumLevel(LogLevel.Warning)
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace))
            .AddOneDigital(configuration, console)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
}
