using System.Collections.Concurrent;
using System.Security.Claims;
using GamifyHub.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Auth;

/// <summary>
/// Keeps cookies and bearer tokens in step with the people store. Every signed-in principal (cookie or bearer) is checked
/// against its account at most every <see cref="Bound"/>: a disabled account, a deleted one or a changed security stamp
/// (disable rotates it) fails authentication (401); otherwise the principal is rebuilt from the store, so changed
/// roles, department or managed departments take effect without signing in again. Admin changes made on this node
/// forget the cached answer at once (<see cref="Forget"/>); other web nodes follow within the bound.
/// </summary>
public sealed class SignInFreshness(TimeProvider time)
{
    /// <summary>How long one node trusts its last look at an account.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <param name="Claims">null: the sign-in is no longer valid.</param>
    private sealed record Entry(string Stamp, IReadOnlyList<Claim>? Claims, DateTimeOffset CheckedAt);

    public void Forget(string userId) => _entries.TryRemove(userId, out _);

    internal bool TryGet(string userId, string stamp, out IReadOnlyList<Claim>? claims)
    {
        claims = null;
        if (_entries.TryGetValue(userId, out var entry) && entry.Stamp == stamp && time.GetUtcNow() - entry.CheckedAt < Bound)
        {
            claims = entry.Claims;
            return true;
        }

        return false;
    }

    internal void Remember(string userId, string stamp, IReadOnlyList<Claim>? claims)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[userId] = new Entry(stamp, claims, time.GetUtcNow());
    }

    /// <summary>Whether the account is switched off by an admin (lockout until the end of time), not just locked for a while.</summary>
    public static bool IsDisabled(AppUser user) => user.LockoutEnd is { } end && end >= DisabledFrom;

    /// <summary>Lockout ends at or after this mean "disabled"; failed sign-ins lock for minutes.</summary>
    public static readonly DateTimeOffset DisabledFrom = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);
}

/// <summary>Applies <see cref="SignInFreshness"/> to a signed-in principal (see <see cref="GamifySignInHandler"/>).</summary>
public sealed class SignInFreshnessCheck(SignInFreshness freshness, UserManager<AppUser> users,
    IUserClaimsPrincipalFactory<AppUser> factory, IOptions<IdentityOptions> options)
{
    /// <summary>The principal as the store sees it now, or null when its sign-in is no longer valid.</summary>
    public async Task<ClaimsPrincipal?> CheckAsync(ClaimsPrincipal principal)
    {
        var claimTypes = options.Value.ClaimsIdentity;
        // API keys, wallboard tokens and the external (OIDC) cookie carry no stamp: they are checked by their own handlers.
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity
            || principal.FindFirstValue(claimTypes.SecurityStampClaimType) is not { } stamp
            || principal.FindFirstValue(claimTypes.UserIdClaimType) is not { } userId)
        {
            return principal;
        }

        if (!freshness.TryGet(userId, stamp, out var claims))
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null || SignInFreshness.IsDisabled(user) || user.SecurityStamp != stamp)
            {
                claims = null;
            }
            else
            {
                var fresh = await factory.CreateAsync(user);
                claims = [.. fresh.Claims.Select(c => new Claim(c.Type, c.Value, c.ValueType, c.Issuer))];
            }

            freshness.Remember(userId, stamp, claims);
        }

        if (claims is null)
        {
            return null;
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value, c.ValueType, c.Issuer)),
            identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType));
    }
}
