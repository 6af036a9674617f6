using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GamifyHub.Testing;

/// <summary>Every route the app maps, found through its endpoint data source, so tables of routes (who may call them, what
/// their answers may hold) fail with a new route's name instead of missing it.</summary>
public static class AppRoutes
{
    /// <summary>(method or * for any, pattern as mapped with a leading slash); the web client's page fallback is left out.</summary>
    public static HashSet<(string Method, string Pattern)> Discover(IServiceProvider services)
    {
        var found = new HashSet<(string, string)>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (IsWebClientFallback(endpoint))
            {
                continue;
            }

            var pattern = "/" + endpoint.RoutePattern.RawText!.Trim('/'); // a group's "" and "/" routes are the same path
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            foreach (var method in methods is null or { Count: 0 } ? ["*"] : methods)
            {
                found.Add((method, pattern));
            }
        }

        return found;
    }

    /// <summary>The web client's page for any other path: static, anonymous by design.</summary>
    public static bool IsWebClientFallback(RouteEndpoint endpoint) => endpoint.RoutePattern.RawText == "{*path:nonfile}";
}
