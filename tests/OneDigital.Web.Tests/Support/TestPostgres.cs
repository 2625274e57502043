using Npgsql;

namespace OneDigital.Web.Tests.Support;

/// <summary>
/// The PostgreSQL server named by the connection string in <c>ONEDIGITAL_TEST_POSTGRES</c> (as for the store's own
/// tests; .ci/run sets it). Each test store is a database of its own, dropped afterwards.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "ONEDIGITAL_TEST_POSTGRES";

    private static string AdminConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(Variable);
            if (string.IsNullOrWhiteSpace(value))
            {
                Assert.Ignore($"PostgreSQL not configured: set {Variable} (.ci/run does)");
            }
            return value!;
        }
    }

    public static string NewDatabaseName() => "od_web_test_" + Guid.NewGuid().ToString("N");

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    public static async Task DropDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await using var drop = admin.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        await drop.ExecuteNonQueryAsync();
    }
}
