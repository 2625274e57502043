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

    public string SqliteConnectionString =>
        ConnectionString ?? $"Data Source={Path.Combine(DataDir, "onedigital.db")};Default Timeout=30;Pooling=True";
}
