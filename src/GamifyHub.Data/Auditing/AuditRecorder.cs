using GamifyHub.Data.Writing;

namespace GamifyHub.Data.Auditing;

/// <summary>
/// Records an audit line on its own, for actions that change no table of ours (a backup, an export). Changes that do write
/// add their line with <see cref="AuditLog.Audit"/> inside their own transaction instead.
/// </summary>
public sealed class AuditRecorder(EngagementWriter writer, TimeProvider time)
{
    public Task RecordAsync(string actor, string action, string? subject = null, object? details = null) =>
        writer.ExclusiveAsync(async db =>
        {
            db.Audit(time.GetUtcNow().UtcDateTime, actor, action, subject, details);
            return await db.SaveChangesAsync();
        });
}
