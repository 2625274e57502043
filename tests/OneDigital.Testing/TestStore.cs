using OneDigital.Content;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Store;

namespace OneDigital.Testing;

/// <summary>
/// A fresh, migrated store with the content services around it: a SQLite file in its own temporary folder, or a
/// PostgreSQL database of its own on the server <see cref="TestPostgres"/> names. Dispose deletes it (or empties
/// the PostgreSQL database for the next store).
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly string _dir;
    private readonly string? _postgresDatabase;

    private TestStore(TestDatabase database, string dir, string? postgresDatabase, ServiceProvider services)
    {
        Database = database;
        _dir = dir;
        _postgresDatabase = postgresDatabase;
        Services = services;
    }

    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    public static Task<TestStore> CreateAsync(IDictionary<string, string?>? settings = null) =>
        CreateAsync(TestDatabase.Sqlite, settings);

    /// <summary>A store on the given database; PostgreSQL tests are ignored when no server is configured.</summary>
    public static async Task<TestStore> CreateAsync(
        TestDatabase database,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "onedigital-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var storeSettings = new Dictionary<string, string?> { ["OneDigital:DataDir"] = dir };
        string? postgresDatabase = null;
        if (database == TestDatabase.Postgres)
        {
            postgresDatabase = TestPostgres.RentDatabase();
            storeSettings["OneDigital:Database:Provider"] = "Postgres";
            storeSettings["ConnectionStrings:Default"] = TestPostgres.ConnectionString(postgresDatabase);
        }
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(storeSettings)
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddOneDigitalContent(ContentServices.ReadStoreOptions(configuration));
        configureServices?.Invoke(services);
        var store = new TestStore(database, dir, postgresDatabase, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
        try
        {
            await store.InitializeAsync();
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
        return store;
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    /// <summary>Runs the store initializer (migrations) as the host does on start; a new PostgreSQL database is created by it.</summary>
    public async Task InitializeAsync()
    {
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null)
        {
            await TestPostgres.ReturnDatabaseAsync(_postgresDatabase);
        }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
