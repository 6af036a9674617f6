using System.Text.Json;
using GamifyHub.Data.Entities;

namespace GamifyHub.Data.Auditing;

/// <summary>
/// Adds an audit line to a context, to be saved in the same SaveChanges (and transaction) as the change it records, so a
/// change is never stored without its line or the other way round.
/// </summary>
public static class AuditLog
{
    public const string System = "system";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static AuditEntry Entry(DateTime at, string actor, string action, string? subject = null, object? details = null) => new()
    {
        At = at,
        Actor = Truncate(actor, AuditEntry.ActorMaxLength),
        Action = action,
        Subject = subject is null ? null : Truncate(subject, AuditEntry.SubjectMaxLength),
        Details = details is null ? "{}" : details as string ?? JsonSerializer.Serialize(details, Json),
    };

    public static AuditEntry Audit(this GamifyDbContext db, DateTime at, string actor, string action, string? subject = null,
        object? details = null)
    {
        var entry = Entry(at, actor, action, subject, details);
        db.AuditLog.Add(entry);
        return entry;
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
