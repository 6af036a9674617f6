using System.Security.Cryptography;
using GamifyHub.Data.Auditing;
using GamifyHub.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Data.Privacy;

/// <summary>What an erasure changed, for its audit line and its answer.</summary>
public sealed record ErasureCounts(int Events, int Awards, int Kudos, int Notifications, int SignIns);

/// <summary>What one retention batch (or run) changed.</summary>
public sealed record RetentionCounts(int Events, int Awards, int Kudos, int GamingFlags, int Notifications)
{
    public static readonly RetentionCounts None = new(0, 0, 0, 0, 0);

    public bool Any => Events + Awards + Kudos + GamingFlags + Notifications > 0;

    public RetentionCounts Plus(RetentionCounts other) => new(Events + other.Events, Awards + other.Awards, Kudos + other.Kudos,
        GamingFlags + other.GamingFlags, Notifications + other.Notifications);
}

/// <summary>
/// Detaches people from the event log without changing what the log adds up to. An event (and its award lines) is
/// re-attributed to its department's "former colleague": a placeholder id derived from the department's id, which is no
/// employee row — so department totals, department boards, item histories and challenge team totals stay exactly as they
/// were, while individual boards (which list employees only) and names no longer show the person. Used by erasure (all of
/// one person's events) and by retention (every person's events older than the cut-off).
/// </summary>
public static class FormerColleagues
{
    public const string Name = "Former colleague";

    /// <summary>What replaces an erased person's email in the "who changed it" columns of configuration history.</summary>
    public const string ErasedActor = "former colleague";

    private static readonly byte[] Salt = "gamifyhub/former-colleague/"u8.ToArray();

    /// <summary>The department's placeholder: stable (retention runs keep adding to the same one), never an employee's id.</summary>
    public static Guid PlaceholderFor(Guid departmentId)
    {
        var hash = SHA256.HashData([.. Salt, .. departmentId.ToByteArray()]);
        var bytes = hash.AsSpan(0, 16).ToArray();
        // An RFC 9562 version 8 (custom) id: it can never collide with the version 7 ids of real employees.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>
    /// Removes one employee's personal data inside one transaction (the caller runs this in the writer's exclusive slot):
    /// their events and award lines go to their departments' placeholders, and free texts they wrote in events are dropped
    /// (reply, forward, resolve and reopen notes, kudos messages; tags, insight links and challenge rewards are work
    /// artefacts, not personal texts, and stay); kudos lose the person and the message; their notifications, mutes, gaming
    /// flags, sign-ins (roles, logins, tokens, claims), the personal parts of audit lines about them and employee row are
    /// deleted; their name is taken out of colleagues' notifications and their email out of the configuration histories'
    /// "who" columns; each
    /// <see cref="IPersonalDataSection"/> erases its part. One audit line <c>employee.erased</c> names the old id only.
    /// Answers null when there is no such employee.
    /// </summary>
    public static async Task<ErasureCounts?> EraseAsync(GamifyDbContext db, Guid employeeId, DateTime now, string actor, string by,
        IEnumerable<IPersonalDataSection> sections, CancellationToken cancellationToken = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var employee = await db.Employees.FirstOrDefaultAsync(e => e.Id == employeeId, cancellationToken);
        if (employee is null)
        {
            return null;
        }

        var departments = (await db.Events.Where(e => e.EmployeeId == employeeId).Select(e => e.DepartmentId).Distinct()
                .ToListAsync(cancellationToken))
            .Concat(await db.Awards.Where(a => a.EmployeeId == employeeId).Select(a => a.DepartmentId).Distinct().ToListAsync(cancellationToken))
            .Distinct().ToList();
        int events = 0, awards = 0;
        foreach (var department in departments)
        {
            var placeholder = PlaceholderFor(department);
            events += await db.Events.Where(e => e.EmployeeId == employeeId && e.DepartmentId == department)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.EmployeeId, placeholder).SetProperty(e => e.Text, e =>
                    e.Type == ActionType.Tag || e.Type == ActionType.Insight || e.Type == ActionType.Reward ? e.Text : null),
                    cancellationToken);
            awards += await db.Awards.Where(a => a.EmployeeId == employeeId && a.DepartmentId == department)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.EmployeeId, placeholder), cancellationToken);
        }

        await db.GamingFlags.Where(f => f.EmployeeId == employeeId).ExecuteDeleteAsync(cancellationToken);
        await Writing.LedgerSnapshotStore.ForgetAsync(db, employeeId, now, cancellationToken);
        // Individual boards list employees only: a snapshot that still counts the person is of no use any more.
        await Writing.ProjectionSnapshotStore.ForgetAsync(db, now, cancellationToken);

        // Thanks they gave reached colleagues as a notification with their name and message: those notices go.
        var given = db.Kudos.Where(k => k.GiverId == employeeId).Select(k => k.Id);
        await db.Notifications.Where(n => given.Contains(n.NotificationId)).ExecuteDeleteAsync(cancellationToken);
        var kudos = await DetachKudosAsync(db, db.Kudos.Where(k => k.GiverId == employeeId || k.ReceiverId == employeeId), cancellationToken);

        var notifications = await db.Notifications.Where(n => n.EmployeeId == employeeId).ExecuteDeleteAsync(cancellationToken);
        await db.MutedNotificationTypes.Where(m => m.EmployeeId == employeeId).ExecuteDeleteAsync(cancellationToken);
        var normalized = employee.Email.ToUpperInvariant();
        var users = db.Users.Where(u => u.EmployeeId == employeeId || u.NormalizedEmail == normalized).Select(u => u.Id);

        // The audit log names them by id only; the names its lines needed (created as, renamed from) go with them — after
        // telling which names they went by, so colleagues' notifications lose those too.
        var personIds = (await users.ToListAsync(cancellationToken)).Append(employeeId.ToString()).ToList();
        var personal = db.AuditPersonalData.Where(p => personIds.Contains(p.PersonId));
        var names = new HashSet<string>(StringComparer.Ordinal) { employee.DisplayName };
        foreach (var details in await personal.Select(p => p.Details).ToListAsync(cancellationToken))
        {
            names.UnionWith(FormerNames(details));
        }

        await personal.ExecuteDeleteAsync(cancellationToken);
        foreach (var name in names.Where(n => n.Length > 0))
        {
            await db.Notifications
                .Where(n => n.Title.Contains(name) || n.Message.Contains(name) || (n.TranslationsJson != null && n.TranslationsJson.Contains(name)))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Title, n => n.Title.Replace(name, Name))
                    .SetProperty(n => n.Message, n => n.Message.Replace(name, Name))
                    .SetProperty(n => n.TranslationsJson, n => n.TranslationsJson == null ? null : n.TranslationsJson.Replace(name, Name)),
                    cancellationToken);
        }

        foreach (var section in sections)
        {
            await section.EraseAsync(db, employeeId, cancellationToken);
        }

        await db.UserRoles.Where(r => users.Contains(r.UserId)).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(c => users.Contains(c.UserId)).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(l => users.Contains(l.UserId)).ExecuteDeleteAsync(cancellationToken);
        await db.UserTokens.Where(t => users.Contains(t.UserId)).ExecuteDeleteAsync(cancellationToken);
        var signIns = await db.Users.Where(u => u.EmployeeId == employeeId || u.NormalizedEmail == normalized).ExecuteDeleteAsync(cancellationToken);

        await ForgetActorAsync(db, employee.Email, cancellationToken);
        await db.Employees.Where(e => e.Id == employeeId).ExecuteDeleteAsync(cancellationToken);

        var counts = new ErasureCounts(events, awards, kudos, notifications, signIns);
        db.Audit(now, actor, AuditActions.EmployeeErased, employeeId.ToString(), new { by, counts.Events, counts.Awards, counts.Kudos,
            counts.Notifications, counts.SignIns });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return counts;
    }

    /// <summary>The names a person's audit details recorded (<c>name</c>, <c>nameBefore</c>).</summary>
    private static IEnumerable<string> FormerNames(string details)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(details);
            return document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object ? []
                : [.. document.RootElement.EnumerateObject()
                    .Where(p => p.Name is "name" or "nameBefore" && p.Value.ValueKind == System.Text.Json.JsonValueKind.String)
                    .Select(p => p.Value.GetString()!)];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }

    /// <summary>
    /// Kudos lose the people who are employees (each side gets a fresh id of its own, so the one-kudos-per-giver-receiver-item
    /// key stays unique) and the message; departments, item and time stay, so kudos counts per department do not change.
    /// </summary>
    private static async Task<int> DetachKudosAsync(GamifyDbContext db, IQueryable<Entities.KudosEntry> rows,
        CancellationToken cancellationToken, Func<Guid, bool>? isPerson = null)
    {
        var list = await rows.ToListAsync(cancellationToken);
        foreach (var kudos in list)
        {
            if (isPerson is null || isPerson(kudos.GiverId))
            {
                kudos.GiverId = Guid.CreateVersion7();
            }

            if (isPerson is null || isPerson(kudos.ReceiverId))
            {
                kudos.ReceiverId = Guid.CreateVersion7();
            }

            kudos.Message = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return list.Count;
    }

    /// <summary>Replaces an email in the configuration histories' "who" columns (every table that records who changed a
    /// setting, key or source). The audit log needs nothing here: its lines name people by id only (see <see cref="AuditLog"/>),
    /// and the id of an erased person resolves to no one.</summary>
    private static async Task ForgetActorAsync(GamifyDbContext db, string email, CancellationToken cancellationToken)
    {
        var lower = email.ToLowerInvariant();
        await db.Challenges.Where(x => x.CreatedBy.ToLower() == lower).ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedBy, ErasedActor), cancellationToken);
        await db.RuleChanges.Where(x => x.Actor.ToLower() == lower).ExecuteUpdateAsync(s => s.SetProperty(x => x.Actor, ErasedActor), cancellationToken);
        await db.RuleSets.Where(x => x.CreatedBy != null && x.CreatedBy.ToLower() == lower).ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedBy, ErasedActor), cancellationToken);
        await db.SeasonChanges.Where(x => x.Actor.ToLower() == lower).ExecuteUpdateAsync(s => s.SetProperty(x => x.Actor, ErasedActor), cancellationToken);
        await db.SlaChanges.Where(x => x.Actor.ToLower() == lower).ExecuteUpdateAsync(s => s.SetProperty(x => x.Actor, ErasedActor), cancellationToken);
        await db.RoutingRuleChanges.Where(x => x.Actor.ToLower() == lower).ExecuteUpdateAsync(s => s.SetProperty(x => x.Actor, ErasedActor), cancellationToken);
        await db.TaxonomyChanges.Where(x => x.Actor.ToLower() == lower).ExecuteUpdateAsync(s => s.SetProperty(x => x.Actor, ErasedActor), cancellationToken);
        await db.WebhookSources.Where(x => x.CreatedBy.ToLower() == lower).ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedBy, ErasedActor), cancellationToken);
        await db.WallboardTokens.Where(x => x.CreatedBy.ToLower() == lower).ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedBy, ErasedActor), cancellationToken);
        await db.RetentionChanges.Where(x => x.Actor.ToLower() == lower).ExecuteUpdateAsync(s => s.SetProperty(x => x.Actor, ErasedActor), cancellationToken);
        await db.PrivacySettings.Where(x => x.Actor.ToLower() == lower).ExecuteUpdateAsync(s => s.SetProperty(x => x.Actor, ErasedActor), cancellationToken);
        await db.ApiKeys.Where(x => x.CreatedBy != null && x.CreatedBy.ToLower() == lower).ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedBy, ErasedActor), cancellationToken);
    }

    /// <summary>
    /// One retention batch in its own transaction: up to <paramref name="batchSize"/> of each kind of row older than
    /// <paramref name="cutoff"/> that still names a person. Anonymize re-attributes events and award lines to their
    /// department's placeholder (dropping free texts as erasure does); purge deletes them. Both detach old kudos (purge
    /// deletes them) and delete old gaming flags and notifications. Answers what it changed; none means the run is done.
    /// </summary>
    public static async Task<RetentionCounts> RetentionBatchAsync(GamifyDbContext db, DateTime cutoff, DateTime now, bool purge, int batchSize,
        CancellationToken cancellationToken = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var people = db.Employees.Select(e => e.Id);
        int events, awards;
        if (purge)
        {
            var seqs = await db.Events.Where(e => e.OccurredAt < cutoff).OrderBy(e => e.Seq).Select(e => e.Seq).Take(batchSize)
                .ToListAsync(cancellationToken);
            var ids = db.Events.Where(e => seqs.Contains(e.Seq)).Select(e => e.EventId);
            await db.GamingFlags.Where(f => ids.Contains(f.EventId)).ExecuteDeleteAsync(cancellationToken);
            awards = await db.Awards.Where(a => seqs.Contains(a.EventSeq)).ExecuteDeleteAsync(cancellationToken);
            events = await db.Events.Where(e => seqs.Contains(e.Seq)).ExecuteDeleteAsync(cancellationToken);
        }
        else
        {
            var batch = await db.Events.Where(e => e.OccurredAt < cutoff && people.Contains(e.EmployeeId)).OrderBy(e => e.Seq)
                .Select(e => new { e.Seq, e.DepartmentId }).Take(batchSize).ToListAsync(cancellationToken);
            events = 0;
            foreach (var group in batch.GroupBy(e => e.DepartmentId))
            {
                var placeholder = PlaceholderFor(group.Key);
                var seqs = group.Select(e => e.Seq).ToList();
                events += await db.Events.Where(e => seqs.Contains(e.Seq))
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.EmployeeId, placeholder).SetProperty(e => e.Text, e =>
                        e.Type == ActionType.Tag || e.Type == ActionType.Insight || e.Type == ActionType.Reward ? e.Text : null),
                        cancellationToken);
            }

            // Award lines by their own time: a line credited to a colleague of an old event is just as old.
            var lines = await db.Awards.Where(a => a.OccurredAt < cutoff && people.Contains(a.EmployeeId)).OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.DepartmentId }).Take(batchSize).ToListAsync(cancellationToken);
            awards = 0;
            foreach (var group in lines.GroupBy(a => a.DepartmentId))
            {
                var placeholder = PlaceholderFor(group.Key);
                var ids = group.Select(a => a.Id).ToList();
                awards += await db.Awards.Where(a => ids.Contains(a.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.EmployeeId, placeholder), cancellationToken);
            }
        }

        if (events + awards > 0)
        {
            // Any employee's ledger may have observed these events (theirs, or credited to them): rebuilt from the log.
            await Writing.LedgerSnapshotStore.ForgetAsync(db, null, now, cancellationToken);
            // Boards lose the people (and a purge the points, department totals the events): rebuilt from the log.
            await Writing.ProjectionSnapshotStore.ForgetAsync(db, now, cancellationToken);
        }

        int kudos;
        if (purge)
        {
            var ids = await db.Kudos.Where(k => k.GivenAt < cutoff).OrderBy(k => k.Id).Select(k => k.Id).Take(batchSize).ToListAsync(cancellationToken);
            kudos = await db.Kudos.Where(k => ids.Contains(k.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        else
        {
            var known = (await people.ToListAsync(cancellationToken)).ToHashSet();
            kudos = await DetachKudosAsync(db, db.Kudos.Where(k => k.GivenAt < cutoff && (people.Contains(k.GiverId) || people.Contains(k.ReceiverId)))
                .OrderBy(k => k.Id).Take(batchSize), cancellationToken, known.Contains);
        }

        var flagIds = await db.GamingFlags.Where(f => f.OccurredAt < cutoff).OrderBy(f => f.Id).Select(f => f.Id).Take(batchSize)
            .ToListAsync(cancellationToken);
        var flags = await db.GamingFlags.Where(f => flagIds.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken);
        var noticeSeqs = await db.Notifications.Where(n => n.OccurredAt < cutoff).OrderBy(n => n.Seq).Select(n => n.Seq).Take(batchSize)
            .ToListAsync(cancellationToken);
        var notifications = await db.Notifications.Where(n => noticeSeqs.Contains(n.Seq)).ExecuteDeleteAsync(cancellationToken);

        await tx.CommitAsync(cancellationToken);
        return new RetentionCounts(events, awards, kudos, flags, notifications);
    }
}
