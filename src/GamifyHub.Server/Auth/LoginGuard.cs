using System.Collections.Concurrent;
using GamifyHub.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GamifyHub.Server.Auth;

/// <summary>
/// Makes the sign-in's answers the same whether an email belongs to an account or not. Identity locks a real account
/// after <see cref="LockoutOptions.MaxFailedAccessAttempts"/> failures; this counts failures against addresses without a
/// (usable) account the same way, so they answer "locked" after as many tries for as long, and it spends the same password
/// hashing work on them (exactly one hash per answer, see SpendHash). Kept in memory per node: it only has to make answers look alike, not to protect anything.
/// </summary>
public sealed class LoginGuard
{
    private const int MaxEntries = 50_000;

    private static readonly AppUser Nobody = new() { Id = "nobody", UserName = "nobody" };

    private readonly TimeProvider _time;
    private readonly IOptions<IdentityOptions> _options;
    private readonly PasswordHasher<AppUser> _hasher;
    private readonly string _nobodysHash;

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset LockedUntil)> _misses = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="hashing">The same settings Identity hashes real passwords with, so a phantom check costs the same.</param>
    public LoginGuard(TimeProvider time, IOptions<IdentityOptions> options, IOptions<PasswordHasherOptions> hashing)
    {
        _time = time;
        _options = options;
        _hasher = new PasswordHasher<AppUser>(hashing);
        _nobodysHash = _hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
    }

    /// <summary>
    /// One password check's worth of work, for an answer that needs no real check (a locked account): every sign-in answer
    /// costs exactly one hash, so timing does not tell locked, disabled, wrong and unknown apart.
    /// </summary>
    public void SpendHash(string password) => _hasher.VerifyHashedPassword(Nobody, _nobodysHash, password);

    /// <summary>Answers as Identity would for a real account: true when this address is now "locked". Costs one hash.</summary>
    public bool FailPhantom(string email, string password)
    {
        SpendHash(password);
        return CountPhantom(email);
    }

    /// <summary><see cref="FailPhantom"/> for a caller that has already spent its one hash (a disabled account's check).</summary>
    public bool CountPhantom(string email)
    {
        var lockout = _options.Value.Lockout;
        var now = _time.GetUtcNow();
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
