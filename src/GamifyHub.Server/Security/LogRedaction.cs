using System.Collections;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Security;

/// <summary>
/// Keeps credentials out of every log (request logging, SignalR, Kestrel, ours): the hub's <c>access_token</c> query value,
/// and bearer tokens or API keys should a message ever carry a header. Every logger the app creates writes through this
/// filter, its message and its structured values alike.
/// </summary>
public static partial class LogRedaction
{
    public const string Mask = "[redacted]";

    [GeneratedRegex(@"(?<name>access_token=|X-Api-Key[:=]\s*|Authorization[:=]\s*Bearer\s+|Bearer\s+)(?<secret>[^&\s""',;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Secrets();

    public static string Redact(string text) => text.Length == 0 ? text : Secrets().Replace(text, m => m.Groups["name"].Value + Mask);

    /// <summary>Wraps the app's logger factory (after everything else registered logging).</summary>
    public static IServiceCollection AddLogRedaction(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new RedactingLoggerFactory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(), sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(), sp.GetService<IExternalScopeProvider>()))));
        return services;
    }

    private sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var values = state as IReadOnlyList<KeyValuePair<string, object?>>;
            var redacted = new RedactedState(Redact(formatter(state, exception)), values);
            inner.Log(logLevel, eventId, redacted, exception, static (s, _) => s.Message);
        }
    }

    /// <summary>The message and structured values with secrets masked; string values are redacted, others kept.</summary>
    private sealed class RedactedState(string message, IReadOnlyList<KeyValuePair<string, object?>>? values)
        : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?>[] _values = values is null ? [] :
            [.. values.Select(v => new KeyValuePair<string, object?>(v.Key, v.Value switch
            {
                string s => Redact(s),
                null => null,
                var other when other.GetType().IsPrimitive => other,
                var other => Redact(other.ToString() ?? ""),
            }))];

        public string Message => message;

        public KeyValuePair<string, object?> this[int index] => _values[index];

        public int Count => _values.Length;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => message;
    }
}
