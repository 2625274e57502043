using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneDigital.Benchmarks;

/// <summary>
/// Counts and times the store's commands by what they do (the first words of their SQL), so a profile shows which
/// statements the time goes to. Only attached with <c>--profile</c>.
/// </summary>
public sealed class CommandTimer : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<string, Tally> _tallies = new();
    private readonly ConcurrentDictionary<DbCommand, long> _started = new();

    public sealed class Tally
    {
        private long _count;
        private long _ticks;

        public long Count => Interlocked.Read(ref _count);
        public long Ticks => Interlocked.Read(ref _ticks);

        public void Add(long ticks)
        {
            Interlocked.Increment(ref _count);
            Interlocked.Add(ref _ticks, ticks);
        }
    }

    public IReadOnlyDictionary<string, Tally> Tallies => _tallies;

    public void Reset() => _tallies.Clear();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Stop(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Stop(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Stop(command);
        return ValueTask.FromResult(result);
    }

    private void Start(DbCommand command) => _started[command] = Stopwatch.GetTimestamp();

    private void Stop(DbCommand command)
    {
        if (!_started.TryRemove(command, out var start))
        {
            return;
        }
        _tallies.GetOrAdd(Describe(command.CommandText), _ => new Tally()).Add(Stopwatch.GetTimestamp() - start);
    }

    /// <summary>A short name for a statement: its verb and the tables it touches, e.g. "SELECT MAX ContentFieldIndex".</summary>
    private static string Describe(string sql)
    {
        var text = sql.TrimStart();
        var verb = text.Split((char[])[' ', '\n', '\r', '\t'], 2)[0].ToUpperInvariant();
        var aggregate = text.Contains("MAX(", StringComparison.OrdinalIgnoreCase) ? " MAX" : text.Contains("EXISTS", StringComparison.OrdinalIgnoreCase) ? " EXISTS" : "";
        var tables = new[] { "ContentItems", "ContentFieldIndex", "Documents", "AspNet" }
            .Where(t => text.Contains('"' + t, StringComparison.Ordinal));
        var batch = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length > 1 ? " (batch)" : "";
        return $"{verb}{aggregate} {string.Join("+", tables)}{batch}";
    }
}
