using System.Text.Json;
using Npgsql;

namespace OneDigital.Content.Store;

/// <summary>
/// <c>onedigital.store.json</c> in the data folder, outside the database: which store this folder has held. Setup
/// runs only where there is none, so a store that vanished (the database file deleted, a PostgreSQL database
/// dropped or swapped) is reported instead of being replaced by a freshly set-up site. The running site writes it
/// again when it finds its store gone, so even deleting the whole data folder does not lead to a silent new setup.
/// </summary>
public sealed class StoreMarker
{
    public const string FileName = "onedigital.store.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public string StoreId { get; set; } = "";
    public DatabaseProvider Provider { get; set; }

    /// <summary>The database, for people: the SQLite file, or PostgreSQL's host and database (never a password).</summary>
    public string Database { get; set; } = "";

    public DateTime SetUpUtc { get; set; }

    /// <summary>Set when the site found the store gone; kept for whoever restarts it.</summary>
    public DateTime? LostUtc { get; set; }

    public string? LostReason { get; set; }

    public static string PathIn(StoreOptions store) => System.IO.Path.GetFullPath(System.IO.Path.Combine(store.DataDir, FileName));

    public static StoreMarker? Read(StoreOptions store)
    {
        var path = PathIn(store);
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<StoreMarker>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException("it is empty");
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            throw new InvalidOperationException(
                $"{path} is not a store marker ({ex.Message}). It records which store this data folder held; restore it, or remove it only if this folder should be set up as a new site.", ex);
        }
    }

    public static StoreMarker For(StoreOptions store, string storeId, DateTime setUpUtc) => new()
    {
        StoreId = storeId,
        Provider = store.Provider,
        Database = Describe(store),
        SetUpUtc = setUpUtc,
    };

    /// <summary>Written to a temporary file and moved into place, so a crash never leaves half a marker.</summary>
    public void Write(StoreOptions store)
    {
        var path = PathIn(store);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }

    public static string Describe(StoreOptions store)
    {
        if (store.Provider == DatabaseProvider.Postgres)
        {
            var builder = new NpgsqlConnectionStringBuilder(store.ConnectionString);
            return $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
        }
        return store.SqliteFilePath is { } file ? $"SQLite file {file}" : "in-memory SQLite";
    }
}
