using System.Text.RegularExpressions;
using GamifyHub.Data.Writing;
using Microsoft.AspNetCore.Diagnostics;

namespace GamifyHub.Server.Problems;

/// <summary>Turns exceptions into problem details: unreadable requests are the caller's 400, overload a 503 to retry.</summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read.", Explain(bad)),
            _ when Is<WriterQueueFullException>(exception) => (StatusCodes.Status503ServiceUnavailable, "Busy, try again shortly.",
                "The server is taking in more writes than it can store right now. Retry after the given delay."),
            // Rules replaced again and again while this was scored (rescores back to back): nothing was stored.
            _ when Is<StaleRulesException>(exception) => (StatusCodes.Status503ServiceUnavailable, "Busy, try again shortly.",
                "The scoring rules changed while this was being scored, so nothing was stored. Retry after the given delay."),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong on our side.", "The error was logged."),
        };

        if (status == StatusCodes.Status500InternalServerError)
        {
            // The middleware leaves exceptions a handler took care of unlogged, and the answer promises a log line.
            LogUnhandled(exception, http.Request.Method, http.Request.Path);
        }

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = "1";
        }

        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private static string Explain(BadHttpRequestException bad) => bad.InnerException switch
    {
        System.Text.Json.JsonException json => $"The body is not valid JSON for this request: {InWireTerms(json.Message)}",
        _ => bad.Message,
    };

    /// <summary>The reader's message in the terms of the JSON a caller sends, not the server's .NET types.</summary>
    private static string InWireTerms(string message)
    {
        message = UnknownField().Replace(message, "'$1' is not a field of this request.");
        message = message.Replace("System.String", "a string", StringComparison.Ordinal);
        message = ListType().Replace(message, "a list");
        return ServerType().Replace(message, "an object");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception answering {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);

    [GeneratedRegex(@"The JSON property '(.*)' could not be mapped to any \.NET member contained in type '[^']*'\.")]
    private static partial Regex UnknownField();

    [GeneratedRegex(@"System\.Collections\.Generic\.List`1\[[^\]]*\]+")]
    private static partial Regex ListType();

    [GeneratedRegex(@"GamifyHub(\.\w+)+")]
    private static partial Regex ServerType();

    // Grain calls may wrap the writer's exception; look through the chain.
    private static bool Is<T>(Exception? exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T || e.GetType().Name == typeof(T).Name)
            {
                return true;
            }
        }

        return false;
    }
}
