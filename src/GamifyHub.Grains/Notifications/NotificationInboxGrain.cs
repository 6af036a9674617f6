using System.Text.Json;
using GamifyHub.Data;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Writing;
using GamifyHub.Grains.Live;
using Microsoft.EntityFrameworkCore;
using Orleans.Concurrency;

namespace GamifyHub.Grains.Notifications;

/// <summary>
/// One employee's notification centre. Rows live in SQLite (a context per operation, never held); the grain keeps only the
/// unread count and the muted types. Deliveries interleave (they only queue while a flush of earlier ones runs), so a
/// burst is written in one go; the read-marking calls recount the unread ones from the store after they write.
/// </summary>
[Reentrant]
public sealed class NotificationInboxGrain(IDbContextFactory<GamifyDbContext> dbFactory, EngagementWriter writer, TimeProvider time,
    IPersonalPush? push = null)
    : Grain, INotificationInboxGrain
{
    public const int MaxPage = 100;

    /// <summary>How many notifications a person keeps; older ones are dropped (checked every <see cref="TrimEvery"/> deliveries).</summary>
    public const int Keep = 1000;
    private const int TrimEvery = 100;

    private int _unread;
    private int _sinceTrim = TrimEvery; // the first delivery after activation checks
    // Deliveries waiting for the running flush (Deliver interleaves, see the class attribute).
    private readonly List<LiveNotification> _pending = [];
    private bool _flushing;
    private readonly HashSet<string> _muted = new(StringComparer.Ordinal);

    private Guid Me => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var me = Me;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        _unread = await db.Notifications.CountAsync(n => n.EmployeeId == me && n.ReadAt == null, cancellationToken);
        _muted.UnionWith(await db.MutedNotificationTypes.Where(m => m.EmployeeId == me).Select(m => m.Type).ToListAsync(cancellationToken));
    }

    public async Task Deliver(LiveNotification notification)
    {
        if (_muted.Contains(notification.Type))
        {
            return;
        }

        _pending.Add(notification);
        if (_flushing)
        {
            return; // the running flush takes it with the next batch
        }

        // Everything that arrived meanwhile goes in one write: a burst (a batch of 25 events) costs one commit, not 25.
        _flushing = true;
        try
        {
            while (_pending.Count > 0)
            {
                var batch = _pending.ToList();
                _pending.Clear();
                await Flush(batch);
            }
        }
        finally
        {
            _flushing = false;
        }
    }

    private async Task Flush(List<LiveNotification> batch)
    {
        var me = Me;
        // Through the single writer's next group commit: no write transaction (and fsync) of its own.
        var stored = await writer.StoreNotificationsAsync([.. batch.Select(n => new NotificationEntry
        {
            NotificationId = n.Id,
            EmployeeId = me,
            Type = n.Type,
            Title = Cut(n.Title, 300),
            Message = Cut(n.Message, 2000),
            TranslationsJson = n.Translations is { Count: > 0 } t ? JsonSerializer.Serialize(t) : null,
            Points = n.Points,
            OccurredAt = n.OccurredAt,
        })]);
        var fresh = batch.Where((_, i) => stored[i]).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        _sinceTrim += fresh.Count;
        if (_sinceTrim >= TrimEvery)
        {
            _sinceTrim = 0;
            await Trim(me);
        }
        else
        {
            // Counted from the store (a read-marking call may have interleaved with this flush); cheap: one person's rows.
            await using var db = await dbFactory.CreateDbContextAsync();
            _unread = await db.Notifications.CountAsync(n => n.EmployeeId == me && n.ReadAt == null);
        }

        if (push is not null)
        {
            // Stored first: a tab that misses the push (offline, reconnecting) finds it on its next load.
            foreach (var n in fresh)
            {
                await push.Notification(me, n);
            }

            await push.UnreadCount(me, _unread);
        }
    }

    public async Task<NotificationPage> List(long? before, int limit, bool unreadOnly)
    {
        var me = Me;
        var take = Math.Clamp(limit, 1, MaxPage);
        await using var db = await dbFactory.CreateDbContextAsync();
        var query = db.Notifications.AsNoTracking().Where(n => n.EmployeeId == me);
        if (before is { } cursor)
        {
            query = query.Where(n => n.Seq < cursor);
        }

        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        var rows = await query.OrderByDescending(n => n.Seq).Take(take + 1).ToListAsync();
        var items = rows.Take(take).Select(ToStored).ToList();
        return new NotificationPage(items, _unread, rows.Count > take ? items[^1].Seq : null);
    }

    public async Task<int> MarkRead(IReadOnlyList<Guid> ids)
    {
        if (ids.Count == 0)
        {
            return _unread;
        }

        var me = Me;
        var now = time.GetUtcNow().UtcDateTime;
        var wanted = ids.Distinct().ToList();
        // Through the single writer, like every other write: SQLite takes one writer at a time.
        var (changed, unread) = await writer.ExclusiveAsync(async db =>
        {
            var count = await db.Notifications.Where(n => n.EmployeeId == me && n.ReadAt == null && wanted.Contains(n.NotificationId))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now));
            // Recounted, not subtracted: a flush may have stored new ones while this call waited.
            return (count, await db.Notifications.CountAsync(n => n.EmployeeId == me && n.ReadAt == null));
        });
        if (changed == 0)
        {
            return _unread;
        }

        _unread = unread;
        await PushCount();
        return _unread;
    }

    public async Task<int> MarkAllRead()
    {
        var me = Me;
        var now = time.GetUtcNow().UtcDateTime;
        _unread = await writer.ExclusiveAsync(async db =>
        {
            await db.Notifications.Where(n => n.EmployeeId == me && n.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now));
            return await db.Notifications.CountAsync(n => n.EmployeeId == me && n.ReadAt == null);
        });

        await PushCount();
        return _unread;
    }

    public Task<IReadOnlyList<string>> GetMuted() =>
        Task.FromResult<IReadOnlyList<string>>([.. NotificationTypes.All.Where(_muted.Contains), .. _muted.Where(t => !NotificationTypes.All.Contains(t)).Order()]);

    public async Task SetMuted(IReadOnlyList<string> types)
    {
        var me = Me;
        var wanted = types.Distinct(StringComparer.Ordinal).ToList();
        await writer.ExclusiveAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.MutedNotificationTypes.Where(m => m.EmployeeId == me).ExecuteDeleteAsync();
            db.MutedNotificationTypes.AddRange(wanted.Select(t => new MutedNotificationType { EmployeeId = me, Type = t }));
            var written = await db.SaveChangesAsync();
            await tx.CommitAsync();
            return written;
        });

        _muted.Clear();
        _muted.UnionWith(wanted);
    }

    /// <summary>Drops what lies beyond the newest <see cref="Keep"/> and recounts the unread ones.</summary>
    private async Task Trim(Guid me)
    {
        _unread = await writer.ExclusiveAsync(async db =>
        {
            var oldestKept = await db.Notifications.Where(n => n.EmployeeId == me).OrderByDescending(n => n.Seq).Skip(Keep - 1)
                .Select(n => (long?)n.Seq).FirstOrDefaultAsync();
            if (oldestKept is { } seq)
            {
                await db.Notifications.Where(n => n.EmployeeId == me && n.Seq < seq).ExecuteDeleteAsync();
            }

            return await db.Notifications.CountAsync(n => n.EmployeeId == me && n.ReadAt == null);
        });
    }

    private Task PushCount() => push?.UnreadCount(Me, _unread) ?? Task.CompletedTask;

    private static StoredNotification ToStored(NotificationEntry n) => new(n.Seq,
        new LiveNotification(n.NotificationId, n.Type, n.Title, n.Message, n.Points, DateTime.SpecifyKind(n.OccurredAt, DateTimeKind.Utc),
            n.TranslationsJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, NotificationText>>(n.TranslationsJson)),
        n.ReadAt is { } read ? DateTime.SpecifyKind(read, DateTimeKind.Utc) : null);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
