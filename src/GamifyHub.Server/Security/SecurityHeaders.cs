namespace GamifyHub.Server.Security;

/// <summary>Security headers and a strict Content-Security-Policy on every response (API, hub and the web app's files).</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The built web app (Vite) loads only its own script and style files and makes no inline script; React sets styles
    /// through the DOM, which CSP allows. The hub needs WebSockets to the same host (older browsers do not count ws: as
    /// 'self'). The app uses no data: or remote images.
    /// </summary>
    public static string ContentSecurityPolicy(HttpRequest request) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; " +
        $"connect-src 'self' ws://{request.Host} wss://{request.Host}; object-src 'none'; base-uri 'none'; " +
        "frame-ancestors 'none'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        // Set as the response starts, so answers written by the exception handler (which clears headers) get them too.
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(http.Request);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(http);
    });
}
