using GamifyHub.Data;
using GamifyHub.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace GamifyHub.Server.Auth;

public static class AuthenticationSetup
{
    private const string Selector = "gamifyhub";

    /// <summary>
    /// Identity on the app database; one default scheme that picks cookie, bearer token or API key per request.
    /// </summary>
    public static IServiceCollection AddGamifyAuthentication(this IServiceCollection services)
    {
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // NIST SP 800-63B: length is what counts; no forced composition (digits, capitals, symbols) and no expiry.
                // The password may not contain the account's email name (PasswordPolicy); at most 1,024 characters.
                o.Password.RequiredLength = PasswordPolicy.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.Tokens.PasswordResetTokenProvider = PasswordResetCodes.Name;
            })
            .AddPasswordValidator<PasswordPolicy>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<GamifyDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<GamifyClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<PasswordResetCodes>(PasswordResetCodes.Name);
        services.AddOptions<PasswordResetOptions>().BindConfiguration(PasswordResetOptions.SectionName);
        services.AddKeyedSingleton(PasswordResetCodes.ClockKey, (sp, _) => sp.GetRequiredService<TimeProvider>());

        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = Selector;
                o.DefaultChallengeScheme = Selector;
            })
            .AddScheme<AuthenticationSchemeOptions, GamifySignInHandler>(Selector, "Cookie, bearer token or API key", null)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = "gamifyhub.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                // An API answers 401/403; it never redirects to a login page.
                o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(1);
                o.Events.OnMessageReceived = c =>
                {
                    // Browsers cannot set headers on WebSockets; the hub alone may take the token from the query.
                    if (c.HttpContext.Request.Path.StartsWithSegments("/hubs")
                        && c.Request.Query.TryGetValue("access_token", out var token))
                    {
                        c.Token = token;
                    }

                    return Task.CompletedTask;
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, Wallboard.WallboardAuthenticationHandler>(Wallboard.WallboardAuthenticationHandler.SchemeName, null);


        services.AddSingleton<LoginGuard>();
        services.AddSingleton<SignInFreshness>();
        services.AddSingleton<ApiKeyCache>();
        services.AddScoped<SignInFreshnessCheck>();
        authentication.AddCookie(IdentityConstants.ExternalScheme, o =>
        {
            o.Cookie.Name = "gamifyhub.external";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });
        authentication.AddGamifyOidc();

        services.AddAuthorization(Policies.Add);
        return services;
    }

    /// <summary>The scheme that reads this request's credentials (CSRF checks only those signed in by the cookie).</summary>
    public static string SchemeFor(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName))
        {
            return ApiKeyAuthenticationHandler.SchemeName;
        }

        // Wallboard tokens are bearer tokens with their own prefix: checked against the store, not the bearer scheme.
        if (Wallboard.WallboardAuthenticationHandler.TokenOf(request) is not null)
        {
            return Wallboard.WallboardAuthenticationHandler.SchemeName;
        }

        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || (request.Path.StartsWithSegments("/hubs") && request.Query.ContainsKey("access_token")))
        {
            return IdentityConstants.BearerScheme;
        }

        return IdentityConstants.ApplicationScheme;
    }
}
