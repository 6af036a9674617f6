using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GamifyHub.Testing;

/// <summary>Keeps the server's warnings and errors so tests can assert on them (e.g. no "database is locked").</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Entries { get; } = new();

    /// <summary>The lowest level recorded (the host's log level settings filter first).</summary>
    public LogLevel MinimumLevel { get; set; } = LogLevel.Warning;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries, this);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> entries, RecordingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider.MinimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
