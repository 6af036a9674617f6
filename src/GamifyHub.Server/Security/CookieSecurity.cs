using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Security;

/// <summary>
/// The sign-in cookies (session, single sign-on hand-over) and <c>XSRF-TOKEN</c> are <c>Secure</c> whenever the request is
/// HTTPS at the edge (behind a TLS proxy the forwarded headers restore the scheme, see <see cref="ReverseProxy"/>), and
/// always in Production: a proxy set up without forwarded headers must not leave a session cookie readable over plain
/// HTTP. Development and test hosts on http keep working. The antiforgery cookie stays "Secure when HTTPS": antiforgery
/// refuses to work at all on a request it sees as http with <c>Always</c>, and that cookie is no credential on its own.
/// </summary>
public sealed class CookieSecurity(IHostEnvironment environment) : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public CookieSecurePolicy Policy => environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    public void PostConfigure(string? name, CookieAuthenticationOptions options) => options.Cookie.SecurePolicy = Policy;

    /// <summary>For cookies written by hand.</summary>
    public bool IsSecure(HttpRequest request) => Policy == CookieSecurePolicy.Always || request.IsHttps;
}

public static class CookieSecurityExtensions
{
    public static IServiceCollection AddGamifyCookieSecurity(this IServiceCollection services)
    {
        services.AddSingleton<CookieSecurity>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>>(sp => sp.GetRequiredService<CookieSecurity>());
        return services;
    }
}
