using GamifyHub.Data.Auditing;
using GamifyHub.Data;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Writing;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Server.Webhooks;

/// <summary>Webhook sources in the database; changes go through the single writer like every other write.</summary>
public sealed class WebhookSourceStore(IDbContextFactory<GamifyDbContext> dbFactory, EngagementWriter writer)
{
    public async Task<WebhookSource?> FindAsync(string name)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.WebhookSources.AsNoTracking().FirstOrDefaultAsync(s => s.Name == name);
    }

    public async Task<List<WebhookSource>> ListAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.WebhookSources.AsNoTracking().OrderBy(s => s.Name).ToListAsync();
    }

    /// <summary>False when the name is taken.</summary>
    public Task<bool> AddAsync(WebhookSource source) => writer.ExclusiveAsync(async db =>
    {
        if (await db.WebhookSources.AnyAsync(s => s.Name == source.Name))
        {
            return false;
        }

        db.WebhookSources.Add(source);
        db.Audit(source.CreatedAt, source.CreatedBy, AuditActions.WebhookSourceCreated, source.Name, new { source.Channel });
        await db.SaveChangesAsync();
        return true;
    });

    public Task<WebhookSource?> ReplaceSecretAsync(string name, string protectedSecret, DateTime at, string actor) => writer.ExclusiveAsync(async db =>
    {
        var source = await db.WebhookSources.FirstOrDefaultAsync(s => s.Name == name);
        if (source is not null)
        {
            source.ProtectedSecret = protectedSecret;
            source.SecretSetAt = at;
            db.Audit(at, actor, AuditActions.WebhookSecretRotated, name);
            await db.SaveChangesAsync();
        }

        return source;
    });

    public Task<bool> DeleteAsync(string name, string actor, DateTime at) => writer.ExclusiveAsync(async db =>
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        if (await db.WebhookSources.Where(s => s.Name == name).ExecuteDeleteAsync() == 0)
        {
            return false;
        }

        db.Audit(at, actor, AuditActions.WebhookSourceDeleted, name);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return true;
    });
}
