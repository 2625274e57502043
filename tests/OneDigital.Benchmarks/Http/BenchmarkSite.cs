using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Web;
using OneDigital.Web.Setup;

namespace OneDigital.Benchmarks.Http;

/// <summary>The real One Digital site on loopback over the benchmark's store, started as the program starts it.</summary>
public sealed class BenchmarkSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchmarkSite(WebApplication app)
    {
        _app = app;
        Address = new Uri(app.Urls.First());
    }

    public Uri Address { get; }

    /// <summary>The site's own services, for scenarios that register what a partner needs before loading it.</summary>
    public IServiceProvider Services => _app.Services;

    public static async Task<BenchmarkSite> StartAsync(BenchmarkStore store, params string[] settings)
    {
        var console = new HostConsole(TextWriter.Null, Console.Error, Console.OpenStandardOutput);
        var app = OneDigitalHost.BuildWebApp(
        [
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            "--OneDigital:Setup:AdminPassword=Benchmark-admin-1",
            .. store.Settings.Select(s => $"--{s.Key}={s.Value}"),
            .. settings,
        ], console);
        await app.StartAsync();
        await app.Services.GetRequiredService<SetupState>().Completion;
        return new BenchmarkSite(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
