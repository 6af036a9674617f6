using GamifyHub.Data.Auditing;
using System.Security.Cryptography;
using GamifyHub.Data;
using GamifyHub.Data.Entities;
using GamifyHub.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Server.Wallboard;

/// <summary>Creates, lists, checks and revokes wallboard tokens. Only hashes are stored; a token is shown once.</summary>
public sealed class WallboardTokens(IDbContextFactory<GamifyDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Every wallboard token starts with this, so the sign-in picks the wallboard scheme without a lookup.</summary>
    public const string Prefix = "ghw_";

    public static string Generate() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static bool LooksLikeToken(string? value) => value is not null && value.StartsWith(Prefix, StringComparison.Ordinal);

    public async Task<(WallboardToken Entry, string Token)> CreateAsync(string name, string createdBy)
    {
        var token = Generate();
        var entry = new WallboardToken
        {
            Id = Guid.CreateVersion7(), Name = name, TokenHash = ApiKeys.Hash(token), CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedBy = createdBy,
        };
        await using var db = await dbFactory.CreateDbContextAsync();
        db.WallboardTokens.Add(entry);
        db.Audit(entry.CreatedAt, createdBy, AuditActions.WallboardTokenCreated, entry.Id.ToString(), new { entry.Name });
        await db.SaveChangesAsync();
        return (entry, token);
    }

    public async Task<List<WallboardToken>> ListAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.WallboardTokens.AsNoTracking().OrderByDescending(t => t.CreatedAt).ToListAsync();
    }

    /// <summary>The live (not revoked) token with this value, or null.</summary>
    public async Task<WallboardToken?> FindAsync(string token, CancellationToken cancellationToken)
    {
        var hash = ApiKeys.Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.WallboardTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAt == null, cancellationToken);
    }

    /// <summary>Answers false when there is no such token; revoking twice is fine.</summary>
    public async Task<bool> RevokeAsync(Guid id, string actor)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync();
        var entry = await db.WallboardTokens.FirstOrDefaultAsync(t => t.Id == id);
        if (entry is null)
        {
            return false;
        }

        if (entry.RevokedAt is null)
        {
            entry.RevokedAt = now;
            db.Audit(now, actor, AuditActions.WallboardTokenRevoked, entry.Id.ToString(), new { entry.Name });
        }

        await db.SaveChangesAsync();
        return true;
    }
}
