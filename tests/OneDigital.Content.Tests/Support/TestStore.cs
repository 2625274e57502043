using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Store;

namespace OneDigital.Content.Tests.Support;

/// <summary>A fresh store in its own temporary folder, with the content services around it.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly string _dir;

    private TestStore(string dir, ServiceProvider services)
    {
        _dir = dir;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public static async Task<TestStore> CreateAsync(IDictionary<string, string?>? settings = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "onedigital-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["OneDigital:DataDir"] = dir })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddOneDigitalContent(ContentServices.ReadStoreOptions(configuration))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var store = new TestStore(dir, services);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Database.EnsureCreatedAsync();
        }
        return store;
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
