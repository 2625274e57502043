using System.Collections.Concurrent;
using Npgsql;

namespace OneDigital.Testing;

/// <summary>
/// The PostgreSQL server store tests run on, named by the connection string in <c>ONEDIGITAL_TEST_POSTGRES</c>
/// (scripts/postgres.sh starts one; scripts/test.sh sets the variable). Every test store gets a database of its
/// own. Creating a database costs most of a second, so a disposed store's database is emptied (every table
/// truncated, identities restarted) and handed to the next store, which then finds it exactly as a new one; the
/// run ends by dropping them all (<see cref="TestRun"/>).
/// </summary>
public static class TestPostgres
{
    public const string Variable = "ONEDIGITAL_TEST_POSTGRES";

    /// <summary>Why a PostgreSQL test is skipped when no server is named.</summary>
    public const string NotConfigured = $"PostgreSQL not configured: set {Variable} (.ci/run does)";

    private static readonly ConcurrentBag<string> Emptied = [];

    public static string AdminConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrWhiteSpace(value))
            {
                Assert.Ignore(NotConfigured);
            }
            return value!;
        }
    }

    public static bool IsConfigured => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable));

    /// <summary>A name for a database that does not exist yet; the store initializer creates it.</summary>
    public static string NewDatabaseName() => "od_test_" + Guid.NewGuid().ToString("N");

    /// <summary>An empty, migrated database left by an earlier store, or a new name.</summary>
    public static string RentDatabase()
    {
        _ = AdminConnectionString;
        return Emptied.TryTake(out var name) ? name : NewDatabaseName();
    }

    /// <summary>Empties a store's database for the next one; drops it if that fails.</summary>
    public static async Task ReturnDatabaseAsync(string database)
    {
        ClearPool(database);
        try
        {
            await using var connection = new NpgsqlConnection(Unpooled(ConnectionString(database)));
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '\\_\\_EF%'";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }
            if (tables.Count > 0)
            {
                await using var truncate = connection.CreateCommand();
                truncate.CommandText = $"TRUNCATE TABLE {string.Join(", ", tables.Select(t => $"\"{t}\""))} RESTART IDENTITY CASCADE";
                await truncate.ExecuteNonQueryAsync();
            }
            Emptied.Add(database);
        }
        catch (NpgsqlException)
        {
            await DropDatabaseAsync(database);
        }
    }

    public static async Task DropDatabaseAsync(string database)
    {
        ClearPool(database);
        await using var admin = new NpgsqlConnection(Unpooled(AdminConnectionString));
        await admin.OpenAsync();
        await using var drop = admin.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        await drop.ExecuteNonQueryAsync();
    }

    public static async Task DropEmptiedDatabasesAsync()
    {
        while (Emptied.TryTake(out var database))
        {
            await DropDatabaseAsync(database);
        }
    }

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    private static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    private static void ClearPool(string database)
    {
        using var connection = new NpgsqlConnection(ConnectionString(database));
        NpgsqlConnection.ClearPool(connection);
    }
}
