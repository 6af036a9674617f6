using System.Text.Json;
using GamifyHub.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Data.Auditing;

/// <summary>
/// Adds an audit line to a context, to be saved in the same SaveChanges (and transaction) as the change it records, so a
/// change is never stored without its line or the other way round.
/// <para>The log is append-only, so nothing that erasure must remove may go into it: lines name people by id (actor
/// <c>user {id}</c> or <c>employee {id}</c>, subject a user or employee id), never by name or email. A name a line needs
/// (e.g. a person renamed) goes into <see cref="AuditPersonalData"/> with <see cref="Personal"/>, which erasure deletes.
/// As a safety net, <see cref="ReplaceEmails"/> turns a signed-in person's email given as actor or subject into their id
/// when the line is saved. The admin page shows the current email and name by joining at read time.</para>
/// </summary>
public static class AuditLog
{
    public const string System = "system";

    /// <summary>An actor email that belongs to no sign-in is stored as this, never as the email.</summary>
    public const string UnknownPerson = "unknown person";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The actor of a signed-in person: their sign-in (user) id.</summary>
    public static string UserActor(string userId) => $"user {userId}";

    /// <summary>The actor of an employee acting on their own data (export, erase me).</summary>
    public static string EmployeeActor(Guid employeeId) => $"employee {employeeId}";

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

    /// <summary>Keeps the personal part of <paramref name="entry"/> (e.g. <c>new { nameBefore, name }</c>) where erasing
    /// <paramref name="userId"/> deletes it; the audit page shows it as part of the line's details until then.</summary>
    public static void Personal(this GamifyDbContext db, AuditEntry entry, string userId, object details) =>
        db.AuditPersonalData.Add(new AuditPersonalData
        {
            Entry = entry, PersonId = userId, Details = details as string ?? JsonSerializer.Serialize(details, Json),
        });

    /// <summary>
    /// Before a save: an added line whose actor or subject is a signed-in person's email gets their id instead (actor
    /// <c>user {id}</c>, subject the user id); an actor email of no one becomes <see cref="UnknownPerson"/>. So a caller
    /// that passes an email (older code, a forgotten call site) still writes nothing that would outlive an erasure.
    /// </summary>
    public static void ReplaceEmails(GamifyDbContext db)
    {
        // Added lines are known without change detection; skipping it keeps the event writer's saves as cheap as before.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        List<AuditEntry> lines;
        try
        {
            lines = [.. db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
                .Where(e => e.Actor.Contains('@') || e.Subject?.Contains('@') == true)];
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        foreach (var line in lines)
        {
            if (line.Actor.Contains('@'))
            {
                line.Actor = UserIdOf(db, line.Actor) is { } id ? UserActor(id) : UnknownPerson;
            }

            if (line.Subject is { } subject && subject.Contains('@') && UserIdOf(db, subject) is { } subjectId)
            {
                line.Subject = subjectId;
            }
        }
    }

    private static string? UserIdOf(GamifyDbContext db, string email)
    {
        var normalized = email.Trim().ToUpperInvariant();
        // A sign-in made in the same save is not in the table yet.
        return db.Users.Local.FirstOrDefault(u => u.NormalizedEmail == normalized)?.Id
            ?? db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefault();
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
