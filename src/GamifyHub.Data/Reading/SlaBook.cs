using GamifyHub.Data.Auditing;
using System.Text.Json;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Feedback;
using GamifyHub.Domain.Sla;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Data.Reading;

/// <summary>
/// The SLA targets in force, held in memory and replaced as a whole when an admin edits them. Stored in SlaTargets
/// (no rows: <see cref="SlaPolicy.Default"/>); every edit is audited in SlaChanges.
/// </summary>
public sealed class SlaBook(IDbContextFactory<GamifyDbContext> dbFactory, EngagementWriter writer, TimeProvider time)
{
    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web);

    private volatile SlaPolicy? _current;

    public async Task<SlaPolicy> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } current)
        {
            return current;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.SlaTargets.AsNoTracking().ToListAsync(cancellationToken);
        var policy = SlaPolicy.Default;
        if (stored.Count > 0 && SlaPolicy.TryCreate(stored.ToDictionary(s => s.Priority,
                s => (SlaTarget?)new SlaTarget(TimeSpan.FromMinutes(s.FirstResponseMinutes), TimeSpan.FromMinutes(s.ResolutionMinutes))),
                out var storedPolicy).Count == 0)
        {
            policy = storedPolicy!;
        }

        _current = policy;
        return policy;
    }

    /// <summary>Replaces the stored targets and records who did it, in one transaction through the single writer.</summary>
    public Task ReplaceAsync(SlaPolicy policy, string actor) =>
        writer.ExclusiveAsync(db => Write(db, policy, actor), _ => _current = policy);

    private async Task<int> Write(GamifyDbContext db, SlaPolicy policy, string actor)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.SlaTargets.ExecuteDeleteAsync();
        db.SlaTargets.AddRange(policy.Targets.Select(t => new SlaTargetEntry
        {
            Priority = t.Key,
            FirstResponseMinutes = (int)t.Value.FirstResponse.TotalMinutes,
            ResolutionMinutes = (int)t.Value.Resolution.TotalMinutes,
        }));
        var change = new SlaChange
        {
            Actor = actor,
            At = time.GetUtcNow().UtcDateTime,
            Targets = JsonSerializer.Serialize(SlaPolicy.Ordered.ToDictionary(SlaPolicy.Name, p => new
            {
                FirstResponseMinutes = (int)policy.For(p).FirstResponse.TotalMinutes,
                ResolutionMinutes = (int)policy.For(p).Resolution.TotalMinutes,
            }), AuditJson),
        };
        db.SlaChanges.Add(change);
        db.Audit(change.At, actor, AuditActions.SlaChanged, details: $"{{\"targets\":{change.Targets}}}");
        var written = await db.SaveChangesAsync();
        await tx.CommitAsync();
        return written;
    }

    /// <summary>The replies, resolves and reopens of the given items, as SLA marks in the order they happened.</summary>
    public static async Task<Dictionary<Guid, List<SlaMark>>> MarksAsync(GamifyDbContext db, IReadOnlyCollection<Guid> itemIds,
        CancellationToken cancellationToken = default)
    {
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.FeedbackId != null && itemIds.Contains(e.FeedbackId.Value)
                && (e.Type == Domain.Scoring.ActionType.Reply || e.Type == Domain.Scoring.ActionType.Resolve
                    || e.Type == Domain.Scoring.ActionType.Reopen))
            .OrderBy(e => e.Seq)
            .Select(e => new { FeedbackId = e.FeedbackId!.Value, e.Type, e.OccurredAt })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.FeedbackId).ToDictionary(g => g.Key, g => g.Select(r => new SlaMark(r.OccurredAt, r.Type switch
        {
            Domain.Scoring.ActionType.Reply => SlaMarkKind.Reply,
            Domain.Scoring.ActionType.Resolve => SlaMarkKind.Resolve,
            _ => SlaMarkKind.Reopen,
        })).ToList());
    }
}
