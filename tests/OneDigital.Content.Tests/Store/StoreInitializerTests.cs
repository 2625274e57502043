using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneDigital.Content.Store;
using OneDigital.Testing;

namespace OneDigital.Content.Tests.Store;

/// <summary>The schema is migrated on start, also when several processes start on one database at once.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.All))]
public class StoreInitializerTests(TestDatabase database)
{
    [Test]
    public async Task A_new_store_is_migrated_to_the_last_migration_and_a_second_start_changes_nothing()
    {
        await using var store = await TestStore.CreateAsync(database);

        await store.InitializeAsync();

        await using var scope = store.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        Assert.That(await db.Database.GetAppliedMigrationsAsync(), Is.EqualTo(db.Database.GetMigrations()).And.Not.Empty);
        Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty);
    }

    [Test]
    public async Task Two_processes_starting_at_once_on_one_new_database_both_come_up()
    {
        await using var shared = SharedDatabase.Create(database);
        await using var first = shared.Services();
        await using var second = shared.Services();

        // Task.Run: SQLite's async calls complete synchronously, so without it the first would finish before the second began.
        await Task.WhenAll(
            Task.Run(() => InitializeAsync(first)),
            Task.Run(() => InitializeAsync(second)));

        await using var scope = first.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        Assert.That(await db.Database.GetAppliedMigrationsAsync(), Is.EqualTo(db.Database.GetMigrations()));
        db.Documents.Add(new DocumentRecord { Name = "Probe", Version = 1, Json = "{}" });
        await db.SaveChangesAsync();
    }

    private static async Task InitializeAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync();
    }

    /// <summary>One new, empty database (a SQLite file or a PostgreSQL database) that several service providers open.</summary>
    private sealed class SharedDatabase : IAsyncDisposable
    {
        private readonly Dictionary<string, string?> _settings;
        private readonly string _dir;
        private readonly string? _postgresDatabase;

        private SharedDatabase(Dictionary<string, string?> settings, string dir, string? postgresDatabase)
        {
            _settings = settings;
            _dir = dir;
            _postgresDatabase = postgresDatabase;
        }

        public static SharedDatabase Create(TestDatabase database)
        {
            var dir = Directory.CreateTempSubdirectory("onedigital-shared").FullName;
            var settings = new Dictionary<string, string?> { ["OneDigital:DataDir"] = dir };
            string? postgresDatabase = null;
            if (database == TestDatabase.Postgres)
            {
                postgresDatabase = TestPostgres.NewDatabaseName();
                settings["OneDigital:Database:Provider"] = "Postgres";
                settings["ConnectionStrings:Default"] = TestPostgres.ConnectionString(postgresDatabase);
            }
            return new SharedDatabase(settings, dir, postgresDatabase);
        }

        public ServiceProvider Services()
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(_settings).Build();
            return new ServiceCollection()
                .AddLogging()
                .AddOneDigitalContent(ContentServices.ReadStoreOptions(configuration))
                .BuildServiceProvider();
        }

        public async ValueTask DisposeAsync()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (_postgresDatabase is not null)
            {
                await TestPostgres.DropDatabaseAsync(_postgresDatabase);
            }
            try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        }
    }
}

/// <summary>SQLite only: PostgreSQL's advisory lock ends with the session that held it.</summary>
public class SqliteMigrationLockTests
{
    [Test]
    public async Task A_migration_lock_left_by_a_killed_sqlite_process_does_not_stop_the_next_start()
    {
        await using var store = await TestStore.CreateAsync(TestDatabase.Sqlite);
        await using (var scope = store.Scope())
        {
            // What EF leaves behind when the process is killed in the middle of a migration.
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL PRIMARY KEY, "Timestamp" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2024-01-01 00:00:00');
                """);
        }

        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using (var scope = store.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(hangGuard.Token);
        }

        Assert.That(hangGuard.IsCancellationRequested, Is.False);
    }
}
