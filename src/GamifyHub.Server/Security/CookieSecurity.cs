using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Security;

/// <summary>
/// Every cookie we set (sign-in, single sign-on hand-over, antiforgery, XSRF-TOKEN) is <c>Secure</c> whenever the request
/// is HTTPS at the edge (behind a TLS proxy the forwarded headers restore the scheme, see <see cref="ReverseProxy"/>), and
/// always in Production: a proxy set up without forwarded headers must not leave a session cookie readable over plain HTTP.
/// Development and test hosts on http keep working.
/// </summary>
public sealed class CookieSecurity(IHostEnvironment environment)
    : IPostConfigureOptions<CookieAuthenticationOptions>, IPostConfigureOptions<AntiforgeryOptions>
{
    public CookieSecurePolicy Policy => environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    public void PostConfigure(string? name, CookieAuthenticationOptions options) => options.Cookie.SecurePolicy = Policy;

    public void PostConfigure(string? name, AntiforgeryOptions options) => options.Cookie.SecurePolicy = Policy;

    /// <summary>For cookies written by hand.</summary>
    public bool IsSecure(HttpRequest request) => Policy == CookieSecurePolicy.Always || request.IsHttps;
}

public static class CookieSecurityExtensions
{
    public static IServiceCollection AddGamifyCookieSecurity(this IServiceCollection services)
    {
        services.AddSingleton<CookieSecurity>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>>(sp => sp.GetRequiredService<CookieSecurity>());
        services.AddSingleton<IPostConfigureOptions<AntiforgeryOptions>>(sp => sp.GetRequiredService<CookieSecurity>());
        return services;
    }
}
