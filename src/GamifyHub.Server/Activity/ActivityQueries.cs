using System.Globalization;
using System.Text.Json;
using GamifyHub.Data;
using GamifyHub.Data.Privacy;
using GamifyHub.Data.Reading;
using GamifyHub.Domain.Scoring;
using GamifyHub.Grains.Live;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Server.Activity;

/// <summary>
/// Reads the activity feed, newest first, from where each kind already lives: resolves and insights from the event log,
/// bigger awards from the award lines, kudos from their table, badges, levels and top-N entries from the notification
/// centre. Each source reads at most a page past the cursor; the pages are merged here. An entry's id (and the cursor) is
/// its source row concealed under the install's key (<see cref="PrivacyBook.Conceal"/>): never an event, kudos or award
/// id that another answer (an item's history, a notification) could tie to a name the feed shows as a pseudonym.
/// </summary>
public sealed class ActivityQueries(IDbContextFactory<GamifyDbContext> dbFactory, CompanyDirectory directory, ActivityPrivacy privacy,
    PrivacyBook keys)
{
    public const int MaxLimit = 100;

    // Rows at the cursor's exact time that were on earlier pages are skipped in memory; this much slack covers ties.
    private const int Slack = 20;

    private static readonly string[] MilestoneTypes = [NotificationTypes.Badge, NotificationTypes.LevelUp, NotificationTypes.TopN];

    /// <summary>A position in the feed: entries strictly after it (older, or as old with a smaller key) come next.</summary>
    public readonly record struct Cursor(DateTime At, string Key)
    {
        public override string ToString() => $"{At.Ticks.ToString(CultureInfo.InvariantCulture)}.{Key}";

        public static bool TryParse(string? text, out Cursor cursor)
        {
            cursor = default;
            var dot = text?.IndexOf('.', StringComparison.Ordinal) ?? -1;
            if (dot <= 0 || !long.TryParse(text![..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks > DateTime.MaxValue.Ticks || text.Length - dot - 1 is < 1 or > 80)
            {
                return false;
            }

            cursor = new Cursor(new DateTime(ticks, DateTimeKind.Utc), text[(dot + 1)..]);
            return true;
        }
    }

    /// <param name="department">Null: the whole company (the wallboard's highlights).</param>
    public async Task<(List<ActivityRecord> Items, Cursor? Next)> Read(Guid? department, Cursor? after, int limit, string language,
        CancellationToken cancellationToken = default)
    {
        var take = limit + 1 + Slack;
        var until = after?.At ?? DateTime.MaxValue;
        var members = department is { } d ? directory.EmployeesOf(d) : null;
        var records = new List<ActivityRecord>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var events = db.Events.AsNoTracking().Where(e => (e.Type == ActionType.Resolve || e.Type == ActionType.Insight) && e.OccurredAt <= until);
        if (department is { } dep)
        {
            events = events.Where(e => e.DepartmentId == dep);
        }

        var eventRows = await events.OrderByDescending(e => e.OccurredAt).Take(take)
            .Select(e => new
            {
                e.EventId, e.EmployeeId, e.Type, e.FeedbackId, e.OccurredAt, e.Text,
                Points = e.Awards.Where(a => a.EmployeeId == e.EmployeeId).Sum(a => a.Points),
            })
            .ToListAsync(cancellationToken);
        records.AddRange(eventRows.Select(e => new ActivityRecord(
            Key((e.Type == ActionType.Resolve ? "r:" : "i:") + e.EventId.ToString("N")),
            e.Type == ActionType.Resolve ? ActivityKinds.Resolved : ActivityKinds.Insight, Utc(e.OccurredAt), Person(e.EmployeeId), null,
            e.FeedbackId, e.Points, e.Type == ActionType.Insight ? e.Text : null, null)));

        var minPoints = privacy.MinAwardPoints;
        var awards = db.Awards.AsNoTracking().Where(a => a.Points >= minPoints && a.OccurredAt <= until);
        if (department is { } awardDepartment)
        {
            awards = awards.Where(a => a.DepartmentId == awardDepartment);
        }

        // Resolves, insights and kudos show as their own entries (with their points); other big awards show as awards.
        var awardRows = await awards
            .Where(a => db.Events.Any(e => e.Seq == a.EventSeq && e.Type != ActionType.Resolve && e.Type != ActionType.Insight
                && e.Type != ActionType.Kudos))
            .OrderByDescending(a => a.OccurredAt).Take(take)
            .Select(a => new { a.Id, a.EmployeeId, a.FeedbackId, a.OccurredAt, a.Points, a.Category, a.Reason })
            .ToListAsync(cancellationToken);
        records.AddRange(awardRows.Select(a => new ActivityRecord(Key("a:" + a.Id.ToString(CultureInfo.InvariantCulture)), ActivityKinds.Award,
            Utc(a.OccurredAt), Person(a.EmployeeId), null, a.FeedbackId, a.Points, a.Category.ToString(), null)));

        var kudos = db.Kudos.AsNoTracking().Where(k => k.GivenAt <= until);
        if (department is { } kudosDepartment)
        {
            kudos = kudos.Where(k => k.ReceiverDepartmentId == kudosDepartment || k.GiverDepartmentId == kudosDepartment);
        }

        var kudosRows = await kudos.OrderByDescending(k => k.GivenAt).Take(take).ToListAsync(cancellationToken);
        var kudosPoints = await KudosPoints(db, [.. kudosRows.Select(k => k.Id)], cancellationToken);
        records.AddRange(kudosRows.Select(k => new ActivityRecord(Key("k:" + k.Id.ToString("N")), ActivityKinds.Kudos, Utc(k.GivenAt),
            Person(k.GiverId), Person(k.ReceiverId), k.FeedbackId, kudosPoints.GetValueOrDefault(k.Id), null, k.Message)));

        var milestones = db.Notifications.AsNoTracking().Where(n => MilestoneTypes.Contains(n.Type) && n.OccurredAt <= until);
        if (members is not null)
        {
            milestones = milestones.Where(n => members.Contains(n.EmployeeId));
        }

        var milestoneRows = await milestones.OrderByDescending(n => n.OccurredAt).Take(take).ToListAsync(cancellationToken);
        records.AddRange(milestoneRows.Select(n => new ActivityRecord(Key("n:" + n.Seq.ToString(CultureInfo.InvariantCulture)),
            n.Type == NotificationTypes.Badge ? ActivityKinds.Badge : n.Type == NotificationTypes.LevelUp ? ActivityKinds.LevelUp : ActivityKinds.TopN,
            Utc(n.OccurredAt), Person(n.EmployeeId), null, null, n.Points, TitleIn(n.Title, n.TranslationsJson, language), null)));

        var ordered = records
            .Where(r => r.Actor is not null)
            .Where(r => after is not { } c || r.OccurredAt < c.At || (r.OccurredAt == c.At && string.CompareOrdinal(r.Key, c.Key) < 0))
            .OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Key, StringComparer.Ordinal)
            .ToList();
        var page = ordered.Take(limit).ToList();
        return (page, ordered.Count > limit && page.Count > 0 ? new Cursor(page[^1].OccurredAt, page[^1].Key) : null);
    }

    private static async Task<Dictionary<Guid, int>> KudosPoints(GamifyDbContext db, List<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? []
            : await db.Events.AsNoTracking().Where(e => ids.Contains(e.EventId))
                .Select(e => new { e.EventId, Points = e.Awards.Sum(a => a.Points) })
                .ToDictionaryAsync(e => e.EventId, e => e.Points, cancellationToken);

    private string Key(string source) => keys.Conceal("activity/" + source);

    private ActivityRecord.Person? Person(Guid employeeId)
    {
        var employee = directory.Employee(employeeId);
        if (employee is null)
        {
            return null;
        }

        return new ActivityRecord.Person(employee.Id, employee.DisplayName, employee.DepartmentId,
            directory.Department(employee.DepartmentId)?.Name ?? "");
    }

    private static string TitleIn(string english, string? translationsJson, string language)
    {
        if (translationsJson is null)
        {
            return english;
        }

        var translations = JsonSerializer.Deserialize<Dictionary<string, NotificationText>>(translationsJson);
        return translations?.GetValueOrDefault(language)?.Title ?? english;
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
