using System.Collections.Concurrent;
using GamifyHub.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Auth;

/// <summary>
/// Makes the sign-in's answers the same whether an email belongs to an account or not. Identity locks a real account
/// after <see cref="LockoutOptions.MaxFailedAccessAttempts"/> failures; this counts failures against addresses without a
/// (usable) account the same way, so they answer "locked" after as many tries for as long, and it spends the same password
/// hashing work on them. Kept in memory per node: it only has to make answers look alike, not to protect anything.
/// </summary>
public sealed class LoginGuard(TimeProvider time, IOptions<IdentityOptions> options)
{
    private const int MaxEntries = 50_000;

    private static readonly PasswordHasher<AppUser> Hasher = new();
    private static readonly AppUser Nobody = new() { Id = "nobody", UserName = "nobody" };
    private static readonly string NobodysHash = Hasher.HashPassword(Nobody, Guid.NewGuid().ToString());

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset LockedUntil)> _misses = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Answers as Identity would for a real account: true when this address is now "locked".</summary>
    public bool FailPhantom(string email, string password)
    {
        // The same work as checking a real password, so timing does not tell whether the address exists.
        Hasher.VerifyHashedPassword(Nobody, NobodysHash, password);

        var lockout = options.Value.Lockout;
        var now = time.GetUtcNow();
        if (_misses.Count >= MaxEntries)
        {
            _misses.Clear();
        }

        var entry = _misses.AddOrUpdate(email, _ => (1, DateTimeOffset.MinValue), (_, old) =>
        {
            if (old.LockedUntil > now)
            {
                return old;
            }

            var failures = old.LockedUntil != DateTimeOffset.MinValue ? 1 : old.Failures + 1;
            return failures >= lockout.MaxFailedAccessAttempts ? (0, now + lockout.DefaultLockoutTimeSpan) : (failures, DateTimeOffset.MinValue);
        });
        if (entry.Failures >= lockout.MaxFailedAccessAttempts)
        {
            entry = (0, now + lockout.DefaultLockoutTimeSpan);
            _misses[email] = entry;
        }

        return entry.LockedUntil > now;
    }
}
