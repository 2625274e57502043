using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OneDigital.Content;
using OneDigital.Content.Recipes;
using OneDigital.Content.Store;

namespace OneDigital.Benchmarks;

/// <summary>
/// A fresh store for one benchmark run: SQLite in a temporary folder, or a new database on the given PostgreSQL
/// server. It is set up with the One Digital recipe and removed afterwards unless asked to keep it. A store kept by an
/// earlier run can be reused (<c>--reuse</c>), so iterating on a read path does not pay the minutes of seeding again.
/// </summary>
public sealed class BenchmarkStore : IAsyncDisposable
{
    private readonly BenchmarkOptions _options;
    private readonly string _dataDir;
    private readonly string? _postgresAdminConnection;
    private readonly string? _postgresDatabase;

    private BenchmarkStore(BenchmarkOptions options, string dataDir, IReadOnlyDictionary<string, string?> settings, ServiceProvider services, CommandTimer commands, HandlerTimer handlers, string? postgresAdminConnection, string? postgresDatabase)
    {
        Settings = settings;
        Handlers = handlers;
        _options = options;
        _dataDir = dataDir;
        Services = services;
        Commands = commands;
        _postgresAdminConnection = postgresAdminConnection;
        _postgresDatabase = postgresDatabase;
    }

    public ServiceProvider Services { get; }

    /// <summary>The store's configuration (data folder, provider, connection string), for a site started over it.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>Store commands timed by kind; filled only with <c>--profile</c>.</summary>
    public CommandTimer Commands { get; }

    /// <summary>Time spent in each content part handler; filled only with <c>--profile</c>.</summary>
    public HandlerTimer Handlers { get; }

    /// <summary>Where the store lives, for the report and for <c>--keep</c>.</summary>
    /// <summary>Whether this is a store kept by an earlier run: it holds that run's content and is never removed.</summary>
    public bool Reused => _options.Reuse is not null;

    /// <summary>The PostgreSQL server's connection without the benchmark's database, and that database; null on SQLite.</summary>
    public string? PostgresAdminConnection => _postgresAdminConnection;

    public string? PostgresDatabase => _postgresDatabase;

    public string Location => _postgresDatabase is null ? Path.Combine(_dataDir, "onedigital.db") : $"PostgreSQL database {_postgresDatabase}";

    public static async Task<BenchmarkStore> CreateAsync(BenchmarkOptions options)
    {
        var reuseFolder = options.Provider == DatabaseProvider.Sqlite ? options.Reuse : null;
        if (reuseFolder is not null && !File.Exists(Path.Combine(reuseFolder, "onedigital.db")))
        {
            throw new ArgumentException($"--reuse: {reuseFolder} holds no onedigital.db; give the folder a --keep run printed.");
        }
        var dataDir = reuseFolder ?? Path.Combine(Path.GetTempPath(), "onedigital-bench", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss") + "-" + Environment.ProcessId);
        Directory.CreateDirectory(dataDir);
        var settings = new Dictionary<string, string?> { ["OneDigital:DataDir"] = dataDir };
        string? adminConnection = null, database = null;
        if (options.Provider == DatabaseProvider.Postgres)
        {
            var builder = new NpgsqlConnectionStringBuilder(options.Connection);
            adminConnection = builder.ConnectionString;
            database = options.Reuse ?? $"onedigital_bench_{DateTime.UtcNow:yyyyMMddHHmmss}_{Environment.ProcessId}";
            builder.Database = database;
            settings["OneDigital:Database:Provider"] = "Postgres";
            settings["ConnectionStrings:Default"] = builder.ConnectionString;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddOneDigitalContent(ContentServices.ReadStoreOptions(configuration));
        var commands = new CommandTimer();
        var handlers = new HandlerTimer();
        if (options.Profile)
        {
            handlers.Wrap(services);
            if (options.Provider == DatabaseProvider.Postgres)
                services.ConfigureDbContext<PostgresContentDbContext>(o => o.AddInterceptors(commands));
            else
                services.ConfigureDbContext<SqliteContentDbContext>(o => o.AddInterceptors(commands));
        }
        var store = new BenchmarkStore(options, dataDir, settings, services.BuildServiceProvider(), commands, handlers, adminConnection, database);
        await store.CreateSchemaAsync();
        return store;
    }

    private async Task CreateSchemaAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync();
    }

    /// <summary>The user the setup recipe's items belong to; seeded items have no owner, so a reused store tells them apart.</summary>
    public const string RecipeOwner = "benchmark-admin";

    /// <summary>Imports the One Digital setup recipe: the content model, its taxonomies and the seeded pages.</summary>
    public async Task<ImportReport> ImportSetupRecipeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var recipe = RecipeDescriptor.Load(SetupRecipePath());
        return await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe,
            new RecipeParameters { AdminUserId = RecipeOwner, AdminUsername = "admin", SiteName = "One Digital benchmark" });
    }

    /// <summary>The size of the store on disk: the SQLite file and its write-ahead log, or the PostgreSQL database.</summary>
    public async Task<long> SizeOnDiskAsync()
    {
        if (_postgresDatabase is null)
        {
            return new[] { "onedigital.db", "onedigital.db-wal" }
                .Select(f => new FileInfo(Path.Combine(_dataDir, f)))
                .Where(f => f.Exists)
                .Sum(f => f.Length);
        }
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        return await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_options.Keep || Reused)
        {
            return;
        }
        if (_postgresDatabase is not null && _postgresAdminConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdminConnection);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; the run's figures are already printed.
        }
    }

    /// <summary>recipes/onedigital.recipe.json in the repository: found by walking up to the folder holding OneDigital.sln.</summary>
    public static string SetupRecipePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OneDigital.sln")))
            {
                return Path.Combine(dir.FullName, "recipes", "onedigital.recipe.json");
            }
        }
        throw new FileNotFoundException("recipes/onedigital.recipe.json not found: run the benchmark from inside the repository.");
    }
}
