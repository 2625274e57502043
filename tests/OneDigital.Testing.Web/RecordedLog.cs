// Why: the host logs to the process's console, which CapturedConsole does not see; a test that must prove a start
// logs no failure records what every logger writes at a level, with the category, as the console would show it.
using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneDigital.Testing.Web;

public sealed class RecordedLog(LogLevel minimum) : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly LogLevel _minimum = minimum;

    /// <summary>Each entry at or above the level, as "fail: Category: message" (with its exception's message).</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>Adds the recorder to a site's services (for <see cref="TestSite.StartAsync(Action{IServiceCollection}?, string[])"/>).</summary>
    public void AddTo(IServiceCollection services) => services.AddLogging(l => l.AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private static string Short(LogLevel level) => level switch
    {
        LogLevel.Critical => "crit",
        LogLevel.Error => "fail",
        LogLevel.Warning => "warn",
        LogLevel.Information => "info",
        _ => "dbug",
    };

    private sealed class Logger(RecordedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= log._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log._lines.Enqueue($"{Short(logLevel)}: {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
