using GamifyHub.Data.Writing;
using Microsoft.AspNetCore.Diagnostics;

namespace GamifyHub.Server.Problems;

/// <summary>Turns exceptions into problem details: unreadable requests are the caller's 400, overload a 503 to retry.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read.", Explain(bad)),
            _ when IsQueueFull(exception) => (StatusCodes.Status503ServiceUnavailable, "Busy, try again shortly.",
                "The server is taking in more writes than it can store right now. Retry after the given delay."),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong on our side.", "The error was logged."),
        };

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
        System.Text.Json.JsonException json => $"The body is not valid JSON for this request: {json.Message}",
        _ => bad.Message,
    };

    // Grain calls may wrap the writer's exception; look through the chain.
    private static bool IsQueueFull(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is WriterQueueFullException || e.GetType().Name == nameof(WriterQueueFullException))
            {
                return true;
            }
        }

        return false;
    }
}
