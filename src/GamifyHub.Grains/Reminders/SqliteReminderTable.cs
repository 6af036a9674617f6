using GamifyHub.Data;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Writing;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Grains.Reminders;

/// <summary>
/// Orleans reminders stored in the product's SQLite file (table Reminders), so a challenge's start and end fire after a restart.
/// The Orleans ADO.NET reminder provider has no SQLite dialect, hence this small table over EF Core. Optimistic concurrency by
/// ETag as Orleans expects: a row is removed only with the ETag last written.
/// </summary>
public sealed class SqliteReminderTable(IDbContextFactory<GamifyDbContext> dbFactory, EngagementWriter writer) : IReminderTable
{
    public async Task<ReminderTableData> ReadRows(GrainId grainId)
    {
        var key = grainId.ToString();
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = await db.Reminders.AsNoTracking().Where(r => r.GrainId == key).ToListAsync();
        return new ReminderTableData(rows.Select(ToEntry));
    }

    /// <summary>Reminders whose grain hash lies in the ring range (begin, end], which wraps around when begin ≥ end.</summary>
    public async Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        long b = begin, e = end;
        var query = begin < end
            ? db.Reminders.Where(r => r.GrainHash > b && r.GrainHash <= e)
            : db.Reminders.Where(r => r.GrainHash > b || r.GrainHash <= e);
        var rows = await query.AsNoTracking().ToListAsync();
        return new ReminderTableData(rows.Select(ToEntry));
    }

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var key = grainId.ToString();
        await using var db = await dbFactory.CreateDbContextAsync();
        var row = await db.Reminders.AsNoTracking().FirstOrDefaultAsync(r => r.GrainId == key && r.ReminderName == reminderName);
        return row is null ? null : ToEntry(row);
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        var key = entry.GrainId.ToString();
        var etag = Guid.NewGuid().ToString("N");
        // Writes go through the single writer, as all others do: SQLite takes one writer at a time.
        await writer.ExclusiveAsync(async db =>
        {
            var row = await db.Reminders.FirstOrDefaultAsync(r => r.GrainId == key && r.ReminderName == entry.ReminderName);
            if (row is null)
            {
                row = new ReminderRow { GrainId = key, ReminderName = entry.ReminderName, ETag = etag };
                db.Reminders.Add(row);
            }

            row.GrainHash = entry.GrainId.GetUniformHashCode();
            row.StartAt = DateTime.SpecifyKind(entry.StartAt.ToUniversalTime(), DateTimeKind.Utc);
            row.PeriodTicks = entry.Period.Ticks;
            row.ETag = etag;
            return await db.SaveChangesAsync();
        });
        return etag;
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        var key = grainId.ToString();
        return await writer.ExclusiveAsync(async db =>
            await db.Reminders.Where(r => r.GrainId == key && r.ReminderName == reminderName && r.ETag == eTag).ExecuteDeleteAsync() > 0);
    }

    public async Task TestOnlyClearTable()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Reminders.ExecuteDeleteAsync();
    }

    private static ReminderEntry ToEntry(ReminderRow row) => new()
    {
        GrainId = GrainId.Parse(row.GrainId),
        ReminderName = row.ReminderName,
        StartAt = DateTime.SpecifyKind(row.StartAt, DateTimeKind.Utc),
        Period = TimeSpan.FromTicks(row.PeriodTicks),
        ETag = row.ETag,
    };
}
