using System.Text.Json;
using GamifyHub.Data;
using GamifyHub.Data.Auditing;
using GamifyHub.Data.Privacy;
using GamifyHub.Data.Reading;
using GamifyHub.Data.Writing;
using GamifyHub.Grains;
using GamifyHub.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Server.MyData;

/// <summary>
/// "Export my data" and "erase me". The export is written straight to the response, a page of rows at a time, so a heavy
/// user's years of events never sit in memory at once. Erasure runs in the writer's exclusive slot (nothing commits in
/// between), then drops every cached view of the person: the directory, the rescore standings and all grain activations
/// (employee, department, board, item — as after a rescore, they rebuild from the log when next called).
/// </summary>
public sealed class PersonalData(IDbContextFactory<GamifyDbContext> dbFactory, EngagementWriter writer, CompanyDirectory directory,
    StandingsCache standings, IGrainFactory grains, IEnumerable<IPersonalDataSection> sections, SignInGuard guard,
    ISessionRevocations revocations, AuditRecorder audit, TimeProvider time, Grains.Analytics.EngagementProjection engagement)
{
    private const int Page = 500;

    public async Task<bool> ExistsAsync(Guid employeeId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Employees.AnyAsync(e => e.Id == employeeId, cancellationToken);
    }

    /// <summary>Writes the JSON document for one employee to <paramref name="output"/>, then records <c>data.exported</c>.</summary>
    public async Task ExportAsync(Stream output, Guid employeeId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var employee = await db.Employees.AsNoTracking().FirstAsync(e => e.Id == employeeId, cancellationToken);
        var roles = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where u.EmployeeId == employeeId
                           select r.Name).ToListAsync(cancellationToken);
        var grain = grains.GetGrain<IEmployeeGrain>(employeeId);
        var summary = await grain.GetSummary();
        var progress = await grain.GetProgress();

        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("exportedAt", time.GetUtcNow());
        json.WriteStartObject("profile");
        json.WriteString("employeeId", employee.Id);
        json.WriteString("name", employee.DisplayName);
        json.WriteString("email", employee.Email);
        json.WriteString("department", directory.Department(employee.DepartmentId)?.Name);
        json.WriteStartArray("roles");
        foreach (var role in roles)
        {
            json.WriteStringValue(role);
        }

        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject("progress");
        json.WriteNumber("points", summary.Points);
        json.WriteStartObject("pointsByCategory");
        foreach (var (category, points) in summary.PointsByCategory.OrderBy(p => p.Key))
        {
            json.WriteNumber(JsonNamingPolicy.CamelCase.ConvertName(category.ToString()), points);
        }

        json.WriteEndObject();
        json.WriteNumber("level", progress.Level.Level);
        json.WriteNumber("xpIntoLevel", progress.Level.XpIntoLevel);
        json.WriteStartArray("badges");
        foreach (var badge in progress.Badges.Where(b => b.Earned))
        {
            json.WriteStartObject();
            json.WriteString("id", badge.Id);
            json.WriteString("name", badge.Name);
            json.WriteString("tier", badge.Tier);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();

        // Every event they made, with the texts they wrote (replies, notes, tags, insight links), oldest first.
        json.WriteStartArray("events");
        long after = 0;
        while (true)
        {
            var rows = await db.Events.AsNoTracking().Where(e => e.EmployeeId == employeeId && e.Seq > after).OrderBy(e => e.Seq).Take(Page)
                .Select(e => new { e.Seq, e.EventId, e.Type, e.OccurredAt, e.FeedbackId, e.Text, e.Url, e.TargetDepartmentId, e.Source })
                .ToListAsync(cancellationToken);
            foreach (var e in rows)
            {
                json.WriteStartObject();
                json.WriteString("eventId", e.EventId);
                json.WriteString("type", e.Type.ToString().ToLowerInvariant());
                json.WriteString("occurredAt", Utc(e.OccurredAt));
                WriteNullable(json, "feedbackId", e.FeedbackId);
                json.WriteString("text", e.Text);
                json.WriteString("url", e.Url);
                json.WriteString("targetDepartment", e.TargetDepartmentId is { } t ? directory.Department(t)?.Name : null);
                json.WriteString("source", e.Source);
                json.WriteEndObject();
            }

            await json.FlushAsync(cancellationToken);
            if (rows.Count < Page)
            {
                break;
            }

            after = rows[^1].Seq;
        }

        json.WriteEndArray();

        // Their award lines with the reason each was given (also lines credited to them for a colleague's event).
        json.WriteStartArray("awards");
        long afterLine = 0;
        while (true)
        {
            var rows = await db.Awards.AsNoTracking().Where(a => a.EmployeeId == employeeId && a.Id > afterLine).OrderBy(a => a.Id).Take(Page)
                .ToListAsync(cancellationToken);
            foreach (var a in rows)
            {
                json.WriteStartObject();
                json.WriteString("eventId", a.EventId);
                json.WriteNumber("points", a.Points);
                json.WriteString("category", a.Category.ToString());
                json.WriteString("rule", a.RuleId);
                json.WriteNumber("ruleVersion", a.RuleVersion);
                json.WriteString("reason", a.Reason);
                json.WriteString("occurredAt", Utc(a.OccurredAt));
                json.WriteEndObject();
            }

            await json.FlushAsync(cancellationToken);
            if (rows.Count < Page)
            {
                break;
            }

            afterLine = rows[^1].Id;
        }

        json.WriteEndArray();

        // Challenge participation: the challenges they completed (reward events) — their actions counted are in "events".
        json.WriteStartArray("challengeRewards");
        foreach (var reward in await db.Events.AsNoTracking().Where(e => e.EmployeeId == employeeId && e.Type == Domain.Scoring.ActionType.Reward)
                     .OrderBy(e => e.Seq).Select(e => new { e.EventId, e.Text, e.OccurredAt }).ToListAsync(cancellationToken))
        {
            json.WriteStartObject();
            json.WriteString("eventId", reward.EventId);
            json.WriteString("badge", reward.Text);
            json.WriteString("occurredAt", Utc(reward.OccurredAt));
            json.WriteEndObject();
        }

        json.WriteEndArray();

        // Kudos: the colleague is shown by name as on the kudos pages, never by email.
        await WriteKudos(json, "kudosGiven", db.Kudos.Where(k => k.GiverId == employeeId), k => k.ReceiverId, "to", cancellationToken);
        await WriteKudos(json, "kudosReceived", db.Kudos.Where(k => k.ReceiverId == employeeId), k => k.GiverId, "from", cancellationToken);

        json.WriteStartArray("notifications");
        long afterNotice = 0;
        while (true)
        {
            var rows = await db.Notifications.AsNoTracking().Where(n => n.EmployeeId == employeeId && n.Seq > afterNotice).OrderBy(n => n.Seq)
                .Take(Page).ToListAsync(cancellationToken);
            foreach (var n in rows)
            {
                json.WriteStartObject();
                json.WriteString("id", n.NotificationId);
                json.WriteString("type", n.Type);
                json.WriteString("title", n.Title);
                json.WriteString("message", n.Message);
                json.WriteNumber("points", n.Points);
                json.WriteString("occurredAt", Utc(n.OccurredAt));
                WriteNullable(json, "readAt", n.ReadAt is { } read ? Utc(read) : null);
                json.WriteEndObject();
            }

            await json.FlushAsync(cancellationToken);
            if (rows.Count < Page)
            {
                break;
            }

            afterNotice = rows[^1].Seq;
        }

        json.WriteEndArray();

        json.WriteStartObject("notificationPreferences");
        json.WriteStartArray("muted");
        foreach (var type in await db.MutedNotificationTypes.AsNoTracking().Where(m => m.EmployeeId == employeeId).Select(m => m.Type)
                     .OrderBy(t => t).ToListAsync(cancellationToken))
        {
            json.WriteStringValue(type);
        }

        json.WriteEndArray();
        json.WriteEndObject();

        // Other features' personal data (e.g. the consent history) plug in as sections.
        foreach (var section in sections)
        {
            json.WritePropertyName(section.Name);
            JsonSerializer.SerializeToElement(await section.ExportAsync(db, employeeId, cancellationToken), Json).WriteTo(json);
        }

        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        await audit.RecordAsync(actor, AuditActions.DataExported, employeeId.ToString());
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task WriteKudos(Utf8JsonWriter json, string name, IQueryable<Data.Entities.KudosEntry> rows,
        Func<Data.Entities.KudosEntry, Guid> other, string otherName, CancellationToken cancellationToken)
    {
        json.WriteStartArray(name);
        // Bounded by the daily kudos limit: a few hundred rows a year at most, read at once.
        foreach (var k in await rows.AsNoTracking().OrderBy(k => k.GivenAt).ToListAsync(cancellationToken))
        {
            json.WriteStartObject();
            json.WriteString("id", k.Id);
            json.WriteString(otherName, directory.Employee(other(k))?.DisplayName ?? FormerColleagues.Name);
            json.WriteString("feedbackId", k.FeedbackId);
            json.WriteString("message", k.Message);
            json.WriteString("givenAt", Utc(k.GivenAt));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Erases one employee (see <see cref="FormerColleagues.EraseAsync"/>); null when there is no such employee.</summary>
    public async Task<ErasureCounts?> EraseAsync(Guid employeeId, string actor, string by)
    {
        var counts = await writer.ExclusiveAsync(db =>
            FormerColleagues.EraseAsync(db, employeeId, time.GetUtcNow().UtcDateTime, actor, by, sections));
        if (counts is null)
        {
            return null;
        }

        await ForgetCachesAsync();
        guard.Erased(employeeId);
        await revocations.RevokeAsync(SessionSubject.Employee(employeeId));
        return counts;
    }

    /// <summary>After the log was re-attributed in place (erasure, retention): every cache of it rebuilds.</summary>
    public async Task ForgetCachesAsync()
    {
        await directory.RefreshAsync();
        standings.Clear();
        engagement.Reset();
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    // Values are written directly: JsonSerializer.Serialize on this writer would flush it synchronously into the response.
    private static void WriteNullable(Utf8JsonWriter json, string name, Guid? value)
    {
        if (value is { } v)
        {
            json.WriteString(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            json.WriteString(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
