using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace GamifyHub.Server.Auth;

/// <summary>Single sign-on with an OpenID Connect provider, set up by configuration only (section <c>Authentication:Oidc</c>).</summary>
public sealed class OidcOptions
{
    public const string Section = "Authentication:Oidc";
    public const string SchemeName = "oidc";

    /// <summary>The issuer's address (its discovery document is below it). Empty: single sign-on is off.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Space-separated scopes to ask for; "openid" is always asked.</summary>
    public string Scopes { get; set; } = "openid profile email";

    /// <summary>The id_token claim holding the email address that names the person in GamifyHub.</summary>
    public string EmailClaim { get; set; } = "email";

    /// <summary>
    /// Require the provider to vouch for the address (<c>email_verified</c> = true). Turn off only for a provider that
    /// issues addresses it owns and sends no such claim (e.g. a company directory).
    /// </summary>
    public bool RequireVerifiedEmail { get; set; } = true;

    /// <summary>Shown on the sign-in button: "Sign in with …".</summary>
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>Where the provider sends the browser back to (register this with the provider).</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>Only for a local test issuer on plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}

public static class OidcSetup
{
    /// <summary>
    /// Prepares the OpenID Connect scheme (code flow with PKCE). Settings arrive when the container is built (test hosts and
    /// command lines add them late), so the scheme itself is added at start-up by <see cref="OidcSchemeRegistration"/>, and
    /// only when an authority is configured: with single sign-on off there is no such scheme at all.
    /// </summary>
    public static AuthenticationBuilder AddGamifyOidc(this AuthenticationBuilder authentication)
    {
        var services = authentication.Services;
        services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.AddOptions<OpenIdConnectOptions>(OidcOptions.SchemeName).Configure<IOptions<OidcOptions>>((o, oidc) =>
        {
            var settings = oidc.Value;
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            o.CallbackPath = settings.CallbackPath;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            // The external sign-in lands in a short-lived cookie of its own; /api/auth/external/complete maps it to a person
            // and only then issues the normal GamifyHub cookie.
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.SaveTokens = false;
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.Scope.Clear();
            foreach (var scope in ("openid " + settings.Scopes).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct())
            {
                o.Scope.Add(scope);
            }

            // Secure on HTTPS; on plain HTTP (a local test issuer) the browser would drop them otherwise.
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddOptions<OpenIdConnectOptions>(OidcOptions.SchemeName).Validate(o =>
        {
            o.Validate(OidcOptions.SchemeName);
            return true;
        });
        services.AddHostedService<OidcSchemeRegistration>();
        return authentication;
    }
}

/// <summary>Adds the OpenID Connect scheme at start-up when single sign-on is configured.</summary>
public sealed class OidcSchemeRegistration(IAuthenticationSchemeProvider schemes, IOptions<OidcOptions> oidc) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (oidc.Value.Enabled)
        {
            schemes.TryAddScheme(new AuthenticationScheme(OidcOptions.SchemeName, oidc.Value.DisplayName, typeof(OpenIdConnectHandler)));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
