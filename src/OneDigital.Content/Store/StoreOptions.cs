using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OneDigital.Content.Store;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the store lives: <c>OneDigital:DataDir</c>, <c>OneDigital:Database:Provider</c>, <c>ConnectionStrings:Default</c>.</summary>
public sealed class StoreOptions
{
    public string DataDir { get; set; } = "App_Data";
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string? ConnectionString { get; set; }

    /// <summary>How long a write waits for another writer before it is answered "busy" (<c>OneDigital:Database:BusyTimeoutSeconds</c>).</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Microsoft.Data.Sqlite retries a busy statement until its command timeout, on top of SQLite's own busy timeout,
    /// so both are the configured wait. A file database is opened <c>Mode=ReadWrite</c>: only setup creates it
    /// (<see cref="StoreInitializer"/>), so a connection opened after the file was deleted under a running site fails
    /// instead of quietly creating an empty store in its place.
    /// </summary>
    public string SqliteConnectionString
    {
        get
        {
            var builder = new SqliteConnectionStringBuilder(ConnectionString
                ?? $"Data Source={Path.Combine(DataDir, "onedigital.db")};Default Timeout={BusyTimeoutWholeSeconds};Pooling=True");
            if (builder.Mode == SqliteOpenMode.ReadWriteCreate && !IsInMemory(builder))
            {
                builder.Mode = SqliteOpenMode.ReadWrite;
            }
            return builder.ToString();
        }
    }

    /// <summary>
    /// The PostgreSQL connection string with the settings the store's pooled connections run best with, each only where
    /// the configured string does not set it: statements used often are prepared on each connection (<c>Max Auto
    /// Prepare</c>; planning cost more server time than running a partner's page or an import's statements), and a
    /// connection going back to the pool is not reset (<c>No Reset On Close</c>; a <c>DISCARD ALL</c> round trip per
    /// request, and the store keeps no session state: its settings and advisory locks are transaction-scoped, and the
    /// session locks of setup and migrations are taken on unpooled connections). Behind a transaction-mode pooler
    /// such as PgBouncer, set <c>Max Auto Prepare=0</c> in the connection string.
    /// </summary>
    public string PostgresConnectionString
    {
        get
        {
            var configured = new DbConnectionStringBuilder { ConnectionString = ConnectionString }.Keys.Cast<string>()
                .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            if (!configured.Contains("maxautoprepare")) builder.MaxAutoPrepare = 100;
            if (!configured.Contains("noresetonclose")) builder.NoResetOnClose = true;
            return builder.ConnectionString;
        }
    }

    internal int BusyTimeoutWholeSeconds => Math.Max(1, (int)Math.Ceiling(BusyTimeout.TotalSeconds));

    /// <summary>The full path of the SQLite database file, or null for PostgreSQL and in-memory databases.</summary>
    public string? SqliteFilePath
    {
        get
        {
            if (Provider != DatabaseProvider.Sqlite)
            {
                return null;
            }
            var builder = new SqliteConnectionStringBuilder(SqliteConnectionString);
            return IsInMemory(builder) ? null : Path.GetFullPath(builder.DataSource);
        }
    }

    internal static bool IsInMemory(SqliteConnectionStringBuilder builder) =>
        string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory;
}
