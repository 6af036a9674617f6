using GamifyHub.Data.Auditing;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Writing;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Data.Privacy;

public static class RetentionModes
{
    /// <summary>Old events stay (totals unchanged) but name no one: the default.</summary>
    public const string Anonymize = "anonymize";

    /// <summary>Old events are deleted: every total that counted them goes down.</summary>
    public const string Purge = "purge";

    public static bool IsKnown(string? mode) => mode is Anonymize or Purge;
}

/// <summary>The retention setting in force: months (null keeps everything) and mode.</summary>
public sealed record RetentionPolicy(int? Months, string Mode)
{
    public const int MinMonths = 1;
    public const int MaxMonths = 120;

    public static readonly RetentionPolicy Keep = new(null, RetentionModes.Anonymize);

    /// <summary>Events before this are due, or null when everything is kept. Whole calendar months back from now (UTC).</summary>
    public DateTime? Cutoff(DateTimeOffset now) => Months is { } months ? now.UtcDateTime.AddMonths(-months) : null;
}

/// <summary>Reads and changes the retention setting; every change is a new history row and an audit line.</summary>
public sealed class RetentionBook(IDbContextFactory<GamifyDbContext> dbFactory, EngagementWriter writer, TimeProvider time)
{
    public async Task<RetentionPolicy> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var newest = await db.RetentionChanges.AsNoTracking().OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        return newest is null ? RetentionPolicy.Keep : new RetentionPolicy(newest.Months, newest.Mode);
    }

    public async Task<IReadOnlyList<RetentionChange>> HistoryAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RetentionChanges.AsNoTracking().OrderByDescending(c => c.Id).Take(limit).ToListAsync(cancellationToken);
    }

    public Task SetAsync(RetentionPolicy policy, string actor) => writer.ExclusiveAsync(async db =>
    {
        var now = time.GetUtcNow().UtcDateTime;
        db.RetentionChanges.Add(new RetentionChange { Months = policy.Months, Mode = policy.Mode, Actor = actor, At = now });
        db.Audit(now, actor, AuditActions.PrivacyChanged, "retention", new { policy.Months, policy.Mode });
        return await db.SaveChangesAsync();
    });
}
