using GamifyHub.Data.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Data.Identity;

/// <summary>
/// Writes that set an install up or take a demo's known credentials away, outside the admin area: the first admin
/// (<c>admin create</c>), the record that a database was seeded as a demo, and retiring the demo's sign-ins and API key
/// when demo mode is turned off. They run before the server takes traffic (or with it stopped), so straight on the database.
/// </summary>
public sealed class InstallStore(IDbContextFactory<GamifyDbContext> dbFactory, TimeProvider time)
{
    public const string DemoSeeded = "demo.seeded";
    public const string DemoRetired = "demo.retired";
    public const string FirstAdminCreated = "install.first-admin";

    /// <summary>A lockout ending at or after this means "disabled by an admin" (as <c>SignInFreshness.DisabledFrom</c>).</summary>
    public static readonly DateTimeOffset DisabledFrom = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<bool> HasActiveAdminAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await HasActiveAdminAsync(db, cancellationToken);
    }

    /// <summary>
    /// Adds <paramref name="user"/> (password already hashed) as an admin, with its display name, unless an admin who can
    /// sign in exists already: the bootstrap works once. Answers false when refused.
    /// </summary>
    public async Task<bool> CreateFirstAdminAsync(AppUser user, string displayNameClaim, string displayName,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await HasActiveAdminAsync(db, cancellationToken)
            || await db.Users.AnyAsync(u => u.NormalizedEmail == user.NormalizedEmail, cancellationToken))
        {
            return false;
        }

        // A fresh install has no roles yet (the demo seeder makes them otherwise).
        var roles = await db.Roles.ToListAsync(cancellationToken);
        foreach (var missing in Roles.All.Where(r => roles.All(x => x.Name != r)))
        {
            var role = new IdentityRole(missing) { NormalizedName = missing.ToUpperInvariant() };
            db.Roles.Add(role);
            roles.Add(role);
        }

        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles.First(r => r.Name == Roles.Admin).Id });
        db.UserClaims.Add(new IdentityUserClaim<string> { UserId = user.Id, ClaimType = displayNameClaim, ClaimValue = displayName });
        // By id only: the audit log is append-only, and erasure must not leave a name or email behind in it.
        db.Audit(time.GetUtcNow().UtcDateTime, AuditLog.System, FirstAdminCreated, user.Id, new { roles = new[] { Roles.Admin } });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Notes in the audit log (append-only, so it stays) that this database holds the demo's sign-ins and key.</summary>
    public async Task RecordDemoSeededAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.AuditLog.AnyAsync(a => a.Action == DemoSeeded, cancellationToken))
        {
            db.Audit(time.GetUtcNow().UtcDateTime, AuditLog.System, DemoSeeded);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Seeded as a demo: recorded, or (databases seeded before it was recorded) the demo key's row is there.</summary>
    public async Task<bool> WasDemoSeededAsync(string demoKeyHash, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditLog.AnyAsync(a => a.Action == DemoSeeded, cancellationToken)
            || await db.ApiKeys.AnyAsync(k => k.KeyHash == demoKeyHash, cancellationToken);
    }

    /// <summary>The sign-ins with these emails that are not disabled (the caller checks which still take the demo password).</summary>
    public async Task<List<AppUser>> EnabledUsersAsync(IEnumerable<string> emails, CancellationToken cancellationToken = default)
    {
        var normalized = emails.Select(e => e.ToUpperInvariant()).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => normalized.Contains(u.NormalizedEmail!)).ToListAsync(cancellationToken);
        return [.. users.Where(u => !(u.LockoutEnd >= DisabledFrom))];
    }

    /// <summary>
    /// Disables these sign-ins (lockout until the end of time and a new security stamp, as Admin → People does, so their
    /// cookies and tokens stop too) and revokes every key with this hash, in one transaction with its audit lines.
    /// Answers how many keys it revoked.
    /// </summary>
    public async Task<int> RetireDemoAsync(IReadOnlyCollection<string> userIds, string demoKeyHash, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var user in await db.Users.Where(u => userIds.Contains(u.Id)).ToListAsync(cancellationToken))
        {
            user.LockoutEnd = DateTimeOffset.MaxValue;
            user.AccessFailedCount = 0;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            db.Audit(now, AuditLog.System, AuditActions.UserChanged, user.Id, new { disabled = true, reason = "demo mode is off" });
        }

        var keys = await db.ApiKeys.Where(k => k.KeyHash == demoKeyHash && k.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var key in keys)
        {
            key.RevokedAt = now;
            db.Audit(now, AuditLog.System, AuditActions.ApiKeyRevoked, key.Name, new { reason = "demo mode is off" });
        }

        if (userIds.Count > 0 || keys.Count > 0)
        {
            db.Audit(now, AuditLog.System, DemoRetired, details: new { signIns = userIds.Count, apiKeys = keys.Count });
        }

        await db.SaveChangesAsync(cancellationToken);
        return keys.Count;
    }

    private static async Task<bool> HasActiveAdminAsync(GamifyDbContext db, CancellationToken cancellationToken)
    {
        var admins = await (from user in db.Users
                            join userRole in db.UserRoles on user.Id equals userRole.UserId
                            join role in db.Roles on userRole.RoleId equals role.Id
                            where role.Name == Roles.Admin
                            select user).AsNoTracking().ToListAsync(cancellationToken);
        // SQLite cannot compare the stored offsets; admins are few.
        return admins.Any(u => !(u.LockoutEnd >= DisabledFrom));
    }
}
