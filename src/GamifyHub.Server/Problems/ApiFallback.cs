using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;

namespace GamifyHub.Server.Problems;

/// <summary>
/// Answers API requests that no endpoint took. A catch-all route otherwise swallows the router's own 405 and 415
/// (the router only makes those when nothing else matches), so a wrong method or content type on a real route would
/// be told "no such route" — or, on the anonymous sign-in, "not signed in". This looks for the route the caller
/// meant and says what is wrong with the request.
/// </summary>
public static class ApiFallback
{
    /// <summary>Anonymous as an endpoint; it asks for a sign-in itself unless the route the caller meant is anonymous.</summary>
    public static RouteHandlerBuilder MapApiFallback(this RouteGroupBuilder api) => api.MapFallback(Answer).AllowAnonymous();

    private static IResult Answer(HttpContext http, EndpointDataSource endpoints, LinkParser links)
    {
        var path = http.Request.Path;
        var meant = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Order != int.MaxValue && links.ParsePathByAddress(e, path) is not null) // fallbacks have the last order
            .ToList();
        var method = http.Request.Method;
        var sameMethod = meant.Where(e => Methods(e) is not { } methods || methods.Contains(method, StringComparer.OrdinalIgnoreCase)).ToList();
        var anonymous = (sameMethod.Count > 0 ? sameMethod : meant).Any(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null);
        if (!anonymous && http.User.Identity?.IsAuthenticated != true)
        {
            return Results.Challenge();
        }

        if (meant.Count == 0)
        {
            return ApiProblems.NotFound("There is no such API route.");
        }

        if (sameMethod.Count == 0)
        {
            var allowed = meant.SelectMany(e => Methods(e) ?? []).Distinct(StringComparer.OrdinalIgnoreCase).Order().ToList();
            http.Response.Headers.Allow = string.Join(", ", allowed);
            return ApiProblems.MethodNotAllowed($"This route accepts {string.Join(", ", allowed)}, not {method}.");
        }

        var accepted = sameMethod.SelectMany(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? []).Distinct().ToList();
        var sent = string.IsNullOrEmpty(http.Request.ContentType) ? "none" : $"'{http.Request.ContentType}'";
        return ApiProblems.UnsupportedMediaType(
            $"Send the body as {string.Join(" or ", accepted.DefaultIfEmpty("application/json"))}; the request's Content-Type was {sent}.");
    }

    private static IReadOnlyList<string>? Methods(Endpoint endpoint) => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
}

/// <summary>Lets <see cref="LinkParser"/> match a path against one given endpoint (route constraints included).</summary>
public sealed class SingleEndpointAddressScheme : IEndpointAddressScheme<RouteEndpoint>
{
    public IEnumerable<Endpoint> FindEndpoints(RouteEndpoint address) => [address];
}
