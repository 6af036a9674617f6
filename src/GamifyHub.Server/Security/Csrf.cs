using GamifyHub.Server.Auth;
using GamifyHub.Server.Live;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace GamifyHub.Server.Security;

/// <summary>
/// CSRF protection for the web app's cookie sign-in (double submit with ASP.NET Core antiforgery): the app reads the
/// non-HttpOnly <c>XSRF-TOKEN</c> cookie and echoes it in the <c>X-XSRF-TOKEN</c> header on every write. Requests that
/// carry their own credential (bearer token, API key, wallboard token, webhook signature) have no ambient credential a
/// foreign page could use, so they are not checked.
/// </summary>
public static class Csrf
{
    public const string HeaderName = "X-XSRF-TOKEN";
    public const string CookieName = "XSRF-TOKEN";

    public static IServiceCollection AddGamifyCsrf(this IServiceCollection services) => services.AddAntiforgery(o =>
    {
        o.HeaderName = HeaderName;
        o.SuppressXFrameOptionsHeader = true; // SecurityHeaders sends DENY on every answer
        o.Cookie.Name = "gamifyhub.af";
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.HttpOnly = true;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    });

    /// <summary>Issues a token for <paramref name="user"/> (the one just signed in, or the request's) and puts it in the
    /// cookie the web app reads.</summary>
    public static string Issue(HttpContext http, System.Security.Claims.ClaimsPrincipal? user = null)
    {
        if (user is not null)
        {
            http.User = user; // the token is bound to the signed-in user, who is not yet the request's user at sign-in
        }

        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        http.Response.Cookies.Append(CookieName, tokens.RequestToken!, new CookieOptions
        {
            HttpOnly = false, // the web app must read it
            SameSite = SameSiteMode.Strict,
            Secure = http.RequestServices.GetRequiredService<CookieSecurity>().IsSecure(http.Request),
            Path = "/",
            IsEssential = true,
        });
        return tokens.RequestToken!;
    }

    public static void Forget(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });

    /// <summary>Refuses unsafe-method requests signed in by the cookie unless they carry a valid token.</summary>
    public static IApplicationBuilder UseGamifyCsrf(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (NeedsCheck(http))
        {
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                var missing = !http.Request.Headers.ContainsKey(HeaderName);
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status403Forbidden,
                        Title = "The request has no valid CSRF token.",
                        Type = "https://gamifyhub.dev/problems/csrf",
                        Detail = missing
                            ? $"A write signed in by the session cookie needs the {HeaderName} header with the value of the {CookieName} cookie (GET /api/auth/csrf issues one)."
                            : $"The {HeaderName} header does not match this session; get a fresh token from GET /api/auth/csrf.",
                    },
                });
                return;
            }
        }

        await next(http);
    });

    private static bool NeedsCheck(HttpContext http)
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || HttpMethods.IsTrace(request.Method))
        {
            return false;
        }

        // Sign-in has no session yet; the hub's negotiate is no state change and its cookie is SameSite=Strict.
        if (request.Path.StartsWithSegments("/api/auth/login") || request.Path.StartsWithSegments(LiveHub.Path))
        {
            return false;
        }

        return http.User.Identity?.IsAuthenticated == true
            && AuthenticationSetup.SchemeFor(http) == IdentityConstants.ApplicationScheme;
    }
}
