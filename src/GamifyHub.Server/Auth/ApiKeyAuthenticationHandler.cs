using System.Security.Claims;
using System.Text.Encodings.Web;
using GamifyHub.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Auth;

/// <summary>
/// Authenticates integrations by the <c>X-Api-Key</c> header against hashed, revocable keys. Valid keys are kept for a few
/// seconds (<see cref="ApiKeyCache"/>) and a revoke evicts them, so a revoked key gets 401 on its very next request. A key's scopes become <see cref="GamifyClaims.Scope"/>
/// claims; the <c>wallboard</c> scope is the same claim a wallboard token carries, so such a key passes exactly the
/// policies a wallboard token passes.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, IDbContextFactory<GamifyDbContext> dbFactory, ApiKeyCache cache) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string KeyIdClaim = "gh:api-key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiKeys.Hash(values[0]!);
        if (!cache.TryGet(hash, out var key))
        {
            var generation = cache.Generation;
            await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
            var stored = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, Context.RequestAborted);
            if (stored is null)
            {
                return AuthenticateResult.Fail("Unknown or revoked API key.");
            }

            key = new ApiKeyCache.KnownKey(stored.Id, stored.Name, stored.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            cache.Add(hash, key, generation);
        }

        var identity = new ClaimsIdentity(SchemeName);
        identity.AddClaim(new Claim(ClaimTypes.Name, key.Name));
        identity.AddClaim(new Claim(KeyIdClaim, key.Id.ToString()));
        foreach (var scope in key.Scopes)
        {
            identity.AddClaim(new Claim(GamifyClaims.Scope, scope));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
