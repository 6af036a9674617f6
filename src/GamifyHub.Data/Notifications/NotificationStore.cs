using GamifyHub.Data.Entities;
using GamifyHub.Data.Writing;
using Microsoft.EntityFrameworkCore;

namespace GamifyHub.Data.Notifications;

/// <summary>
/// The notification centres' rows. Reads use a context of their own; every change goes into the event writer's next group
/// commit (<see cref="EngagementWriter.ChangeNotificationsAsync"/>), never a write transaction of its own or an exclusive step.
/// </summary>
public sealed class NotificationStore(IDbContextFactory<GamifyDbContext> dbFactory, EngagementWriter writer)
{
    /// <summary>What a centre starts from: the unread count (counted here, once per activation) and the muted types.</summary>
    public async Task<(int Unread, List<string> Muted)> LoadAsync(Guid employeeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unread = await db.Notifications.CountAsync(n => n.EmployeeId == employeeId && n.ReadAt == null, cancellationToken);
        var muted = await db.MutedNotificationTypes.Where(m => m.EmployeeId == employeeId).Select(m => m.Type).ToListAsync(cancellationToken);
        return (unread, muted);
    }

    /// <summary>Newest first, older than <paramref name="before"/>; one more than <paramref name="take"/> when there are more.</summary>
    public async Task<List<NotificationEntry>> PageAsync(Guid employeeId, long? before, int take, bool unreadOnly)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var query = db.Notifications.AsNoTracking().Where(n => n.EmployeeId == employeeId);
        if (before is { } cursor)
        {
            query = query.Where(n => n.Seq < cursor);
        }

        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        return await query.OrderByDescending(n => n.Seq).Take(take + 1).ToListAsync();
    }

    /// <summary>Stores the entries (one person's); with <paramref name="keep"/>, drops what lies beyond their newest that many.</summary>
    public Task<NotificationChanged> AddAsync(Guid employeeId, IReadOnlyList<NotificationEntry> entries, int? keep) =>
        writer.ChangeNotificationsAsync(new AddNotifications(employeeId, entries, keep));

    /// <summary>Marks the given ones read, or all of them when <paramref name="ids"/> is null.</summary>
    public Task<NotificationChanged> MarkReadAsync(Guid employeeId, IReadOnlyList<Guid>? ids, DateTime at) =>
        writer.ChangeNotificationsAsync(new MarkNotificationsRead(employeeId, ids, at));

    public Task<NotificationChanged> SetMutedAsync(Guid employeeId, IReadOnlyList<string> types) =>
        writer.ChangeNotificationsAsync(new ReplaceMutedTypes(employeeId, types));
}
