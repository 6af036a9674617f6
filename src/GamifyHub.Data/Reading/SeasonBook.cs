using GamifyHub.Data.Auditing;
using System.Text.Json;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Writing;
using GamifyHub.Domain.Boards;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Data.Reading;

/// <summary>
/// The season calendar in force, held in memory for the season boards (which check it on every call and tick) and
/// replaced as a whole when an admin edits it. Stored in the Seasons table; every edit is audited in SeasonChanges.
/// </summary>
public sealed class SeasonBook(IDbContextFactory<GamifyDbContext> dbFactory, EngagementWriter writer, TimeProvider time)
{
    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web);

    private volatile SeasonCalendar _current = SeasonCalendar.Empty;

    public SeasonCalendar Current => _current;

    /// <summary>Reads the stored calendar (start-up, before traffic).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Seasons.AsNoTracking().ToListAsync(cancellationToken);
        _current = SeasonCalendar.Create(stored.Select(s => new Season(s.Id, s.Name, s.Start, s.End)));
    }

    /// <summary>
    /// Replaces the stored calendar and records who did it, in one transaction through the single writer; the new
    /// calendar is in force from the moment it commits.
    /// </summary>
    public Task ReplaceAsync(SeasonCalendar calendar, string actor) =>
        writer.ExclusiveAsync(db => Write(db, calendar, actor, CancellationToken.None), _ => _current = calendar);

    /// <summary>
    /// Stores <paramref name="calendar"/> when no calendar was ever set (no seasons and no edit on record), e.g. the demo
    /// company's season on a database made before seasons existed. Runs at start-up, before the writer takes traffic.
    /// Answers whether it stored it.
    /// </summary>
    public async Task<bool> SeedIfNeverSetAsync(SeasonCalendar calendar, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.SeasonChanges.AnyAsync(cancellationToken) || await db.Seasons.AnyAsync(cancellationToken))
        {
            return false;
        }

        await Write(db, calendar, actor, cancellationToken);
        _current = calendar;
        return true;
    }

    private async Task<int> Write(GamifyDbContext db, SeasonCalendar calendar, string actor, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Seasons.ExecuteDeleteAsync(cancellationToken);
        db.Seasons.AddRange(calendar.Seasons.Select(s => new SeasonEntry { Id = s.Id, Name = s.Name, Start = s.Start, End = s.End }));
        var change = new SeasonChange
        {
            Actor = actor,
            At = time.GetUtcNow().UtcDateTime,
            Calendar = JsonSerializer.Serialize(
                calendar.Seasons.Select(s => new { s.Id, s.Name, Start = Season.Format(s.Start), End = Season.Format(s.End) }), AuditJson),
        };
        db.SeasonChanges.Add(change);
        db.Audit(change.At, actor, AuditActions.SeasonsChanged, details: $"{{\"seasons\":{change.Calendar}}}");
        var written = await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return written;
    }
}
