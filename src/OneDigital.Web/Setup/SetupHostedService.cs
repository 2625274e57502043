using OneDigital.Content.Store;
using OneDigital.Web.Security;

namespace OneDigital.Web.Setup;

/// <summary>
/// Runs setup when the site starts, while the server already answers (503 until it is done). If setup fails the
/// error is printed and the site stops, so the process exits with code 1.
/// </summary>
internal sealed class SetupHostedService(
    IServiceScopeFactory scopes,
    SetupState state,
    StoreCondition store,
    StoreOptions storeOptions,
    HostConsole console,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var record = await scope.ServiceProvider.GetRequiredService<SiteSetup>().EnsureSetUpAsync(console.Out, stoppingToken);
            store.MarkOpened(StoreMarker.For(storeOptions, record.StoreId, record.SetUpUtc));
            // Before the first request: the data-protection key every node shares (made once, under a lock).
            await scope.ServiceProvider.GetRequiredService<StoredKeyRing>().EnsureKeyAsync(stoppingToken);
            state.Ready();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            state.Cancel();
        }
        catch (Exception ex)
        {
            await console.Error.WriteLineAsync($"Setup failed: {ex.Message}");
            state.Fail(ex);
            lifetime.StopApplication();
        }
    }
}
