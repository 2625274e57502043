using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace OneDigital.Content.Store;

/// <summary>
/// Plain SQL on the context's connection and transaction, for the reads and inserts on hot paths (every save, the
/// indexer's batches): EF's raw-SQL pipeline builds a query expression per call and cost more than the statement.
/// The one place such commands are made; parameters are named <c>@p0</c>, <c>@p1</c>... in order.
/// </summary>
internal static class StoreCommands
{
    public static async Task<DbCommand> SqlAsync(ContentDbContext db, string sql, CancellationToken ct, params object[] values)
    {
        var command = await CommandAsync(db, sql, [], ct);
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>A command with parameters the caller made (typed nulls for PostgreSQL, as the inserts need).</summary>
    public static async Task<DbCommand> CommandAsync(ContentDbContext db, string sql, List<object> parameters, CancellationToken ct)
    {
        if (db.Database.GetDbConnection().State != ConnectionState.Open)
        {
            // Opened by EF so that EF closes it again when the context is disposed.
            await db.Database.OpenConnectionAsync(ct);
        }
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary><c>@p{first}, @p{first+1}, ...</c> for an IN list of <paramref name="count"/> values.</summary>
    public static string InList(int first, int count) => string.Join(", ", Enumerable.Range(first, count).Select(i => $"@p{i}"));
}

/// <summary>
/// Commands kept by their SQL text for one context and reused with new values: SQLite prepares a command's statement
/// once, and preparing the same INSERT again for every item of an import cost as much as running it.
/// </summary>
internal sealed class ReusedCommands(ContentDbContext db)
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The command for <paramref name="sql"/> with <paramref name="parameterCount"/> parameters <c>@p0</c>...; set each value before running it.</summary>
    public async Task<DbCommand> GetAsync(string sql, int parameterCount, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (_commands.TryGetValue(sql, out var command) && ReferenceEquals(command.Connection, connection))
        {
            if (connection.State != ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            return command;
        }
        command = await StoreCommands.CommandAsync(db, sql, [], ct);
        for (var i = 0; i < parameterCount; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }
        _commands[sql] = command;
        return command;
    }

    /// <summary>Sets a reused parameter; a null still needs a type for PostgreSQL to accept it in a typed column.</summary>
    public static void Set(DbParameter parameter, object? value, DbType nullType)
    {
        parameter.ResetDbType();
        parameter.Value = value ?? DBNull.Value;
        if (value is null) parameter.DbType = nullType;
    }
}
