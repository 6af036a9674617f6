using GamifyHub.Data.Privacy;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Data.Auditing;

/// <summary>
/// The people audit lines name by id (<c>user {id}</c>, <c>employee {id}</c>, or a bare user or employee id as a subject),
/// read once for a set of lines: a person shows as their current email, an erased one as a former colleague.
/// </summary>
public sealed class AuditActors
{
    private readonly Dictionary<string, (string? Email, Guid? EmployeeId)> _users = [];
    private readonly Dictionary<Guid, (string Email, string Name)> _employees = [];

    private AuditActors()
    {
    }

    public static async Task<AuditActors> ReadAsync(GamifyDbContext db, IEnumerable<string?> references, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var actors = new AuditActors();
        var refs = references.OfType<string>().ToList();
        var userIds = refs.Select(r => r.StartsWith("user ", StringComparison.Ordinal) ? r[5..] : r).Distinct().ToList();
        foreach (var u in await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                     .Select(u => new { u.Id, u.Email, u.EmployeeId }).ToListAsync(cancellationToken))
        {
            actors._users[u.Id] = (u.Email, u.EmployeeId);
        }

        var employeeIds = refs.Select(r => Guid.TryParse(r.StartsWith("employee ", StringComparison.Ordinal) ? r[9..] : r, out var g) ? g : Guid.Empty)
            .Concat(actors._users.Values.Select(u => u.EmployeeId ?? Guid.Empty)).Where(g => g != Guid.Empty).Distinct().ToList();
        foreach (var e in await db.Employees.AsNoTracking().Where(e => employeeIds.Contains(e.Id))
                     .Select(e => new { e.Id, e.Email, e.DisplayName }).ToListAsync(cancellationToken))
        {
            actors._employees[e.Id] = (e.Email, e.DisplayName);
        }

        return actors;
    }

    /// <summary>Who did it as shown now: a person named by id as their current email, once erased as a former colleague; anything
    /// else ("system", an API key's name) as stored.</summary>
    public string Actor(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.StartsWith("user ", StringComparison.Ordinal))
        {
            return _users.TryGetValue(stored[5..], out var user) && user.Email is { } email ? email : FormerColleagues.ErasedActor;
        }

        if (stored.StartsWith("employee ", StringComparison.Ordinal) && Guid.TryParse(stored[9..], out var id))
        {
            return _employees.TryGetValue(id, out var employee) ? employee.Email : FormerColleagues.ErasedActor;
        }

        return stored;
    }

    /// <summary>A subject (a bare user or employee id) that is a person who still exists: their current name (a user without an
    /// employee: their email).</summary>
    public string? SubjectName(string? subject)
    {
        if (subject is null)
        {
            return null;
        }

        if (_users.TryGetValue(subject, out var user))
        {
            return user.EmployeeId is { } eid && _employees.TryGetValue(eid, out var named) ? named.Name : user.Email;
        }

        return Guid.TryParse(subject, out var id) && _employees.TryGetValue(id, out var employee) ? employee.Name : null;
    }
}
