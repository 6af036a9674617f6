using GamifyHub.Server.Auth;

namespace GamifyHub.Server.Problems;

/// <summary>
/// Gives every problem a detail that says what to do, also those the framework makes from a bare status code
/// (a refused sign-in, a forbidden call, an unknown path, a body that is too large).
/// </summary>
public static class StatusProblems
{
    public static void AddDetail(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!string.IsNullOrWhiteSpace(problem.Detail))
        {
            return;
        }

        var request = context.HttpContext.Request;
        problem.Detail = problem.Status switch
        {
            StatusCodes.Status401Unauthorized when request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) =>
                $"The API key in {ApiKeyAuthenticationHandler.HeaderName} is missing, unknown or revoked.",
            StatusCodes.Status401Unauthorized when request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) =>
                "The bearer token is not valid or has expired; sign in again.",
            StatusCodes.Status401Unauthorized =>
                $"Sign in first (POST /api/auth/login) and send the bearer token or the cookie, or send an API key in {ApiKeyAuthenticationHandler.HeaderName}.",
            StatusCodes.Status403Forbidden => "Your sign-in or API key does not allow this.",
            StatusCodes.Status404NotFound => "There is no such route.",
            StatusCodes.Status405MethodNotAllowed => $"This route does not accept {request.Method}.",
            StatusCodes.Status413PayloadTooLarge => $"The request body is larger than the {RequestGuards.MaxBodyBytes:N0} bytes the server accepts.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with Content-Type: application/json.",
            _ => problem.Title ?? "The request was refused.",
        };
    }
}
