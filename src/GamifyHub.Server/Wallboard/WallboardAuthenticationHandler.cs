using System.Security.Claims;
using System.Text.Encodings.Web;
using GamifyHub.Server.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Wallboard;

/// <summary>
/// Signs in a wallboard screen by its token (<c>Authorization: Bearer ghw_…</c>, or <c>access_token</c> on the hub's path
/// only). The principal has the wallboard scope and nothing else — no employee, no role — so it passes only the
/// <see cref="Policies.Wallboard"/> and <see cref="Policies.Watcher"/> policies. Checked against the store on every
/// request, so a revoked token stops at once.
/// </summary>
public sealed class WallboardAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, WallboardTokens tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Wallboard";
    public const string Scope = "wallboard";
    public const string TokenIdClaim = "gh:wallboard";

    public static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && WallboardTokens.LooksLikeToken(header[7..].Trim()))
        {
            return header[7..].Trim();
        }

        return request.Path.StartsWithSegments("/hubs") && request.Query.TryGetValue("access_token", out var query)
            && WallboardTokens.LooksLikeToken(query.ToString())
            ? query.ToString()
            : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (TokenOf(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var entry = await tokens.FindAsync(token, Context.RequestAborted);
        if (entry is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked wallboard token.");
        }

        var identity = new ClaimsIdentity(SchemeName);
        identity.AddClaim(new Claim(ClaimTypes.Name, "wallboard: " + entry.Name));
        identity.AddClaim(new Claim(GamifyClaims.Scope, Scope));
        identity.AddClaim(new Claim(TokenIdClaim, entry.Id.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
