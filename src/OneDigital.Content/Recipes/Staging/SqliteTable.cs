using Microsoft.Data.Sqlite;

namespace OneDigital.Content.Recipes.Staging;

/// <summary>
/// One table of the SQLite store as a staged import needs it: its columns and key read from the database itself, so
/// a table a later migration adds is staged without anyone remembering to list it here.
/// </summary>
internal sealed class SqliteTable
{
    public required string Name { get; init; }
    public required IReadOnlyList<string> Columns { get; init; }
    public required IReadOnlyList<string> Key { get; init; }

    /// <summary>A single INTEGER key is SQLite's rowid: the store numbers these rows itself.</summary>
    public bool HasRowIdKey { get; init; }

    /// <summary>Another table's foreign key points at this one, so its numbers must survive the copy unchanged.</summary>
    public bool IsReferenced { get; set; }

    public string Quoted => Quote(Name);

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary><c>"a", "b"</c> with an optional alias prefix.</summary>
    public string List(IEnumerable<string> columns, string? alias = null) =>
        string.Join(", ", columns.Select(c => alias is null ? Quote(c) : $"{alias}.{Quote(c)}"));

    /// <summary><c>a.k1 = b.k1 AND a.k2 = b.k2</c></summary>
    public string KeyEquals(string left, string right) =>
        string.Join(" AND ", Key.Select(k => $"{left}.{Quote(k)} = {right}.{Quote(k)}"));

    /// <summary>Every table of the store that holds data, with the tables other tables point at marked.</summary>
    public static async Task<List<SqliteTable>> ReadAllAsync(SqliteConnection connection, string schema = "main", CancellationToken ct = default)
    {
        var names = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            // Ordinary tables only: a full-text table and its shadow tables (the admin's title search) are derived
            // from ContentItems, and the live store's own triggers keep them in step as the import's rows arrive.
            command.CommandText = $"SELECT name FROM pragma_table_list WHERE schema = '{schema}' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_import\\_%' ESCAPE '\\' AND name <> '__EFMigrationsHistory' AND name <> '__EFMigrationsLock' ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
        }
        var tables = new List<SqliteTable>();
        var referenced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            var columns = new List<(string Name, string Type, int Pk)>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"PRAGMA {schema}.table_info({Quote(name)})";
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) columns.Add((reader.GetString(1), reader.GetString(2), reader.GetInt32(5)));
            }
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"PRAGMA {schema}.foreign_key_list({Quote(name)})";
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) referenced.Add(reader.GetString(2));
            }
            var key = columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).ToList();
            if (key.Count == 0)
            {
                throw new InvalidOperationException($"The table '{name}' has no primary key; a staged import cannot copy its rows.");
            }
            tables.Add(new SqliteTable
            {
                Name = name,
                Columns = columns.Select(c => c.Name).ToList(),
                Key = key.Select(c => c.Name).ToList(),
                HasRowIdKey = key.Count == 1 && key[0].Type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase),
            });
        }
        foreach (var table in tables) table.IsReferenced = referenced.Contains(table.Name);
        return tables;
    }
}
