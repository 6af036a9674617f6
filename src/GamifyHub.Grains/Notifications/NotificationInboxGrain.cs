using System.Text.Json;
using GamifyHub.Data.Entities;
using GamifyHub.Data.Notifications;
using GamifyHub.Grains.Live;
using Orleans.Concurrency;

namespace GamifyHub.Grains.Notifications;

/// <summary>
/// One employee's notification centre. Rows live in SQLite behind <see cref="NotificationStore"/>, whose changes ride the
/// writer's group commit; the grain keeps the unread count (counted once on activation, then moved by what each change
/// reports) and the muted types. Deliveries interleave (they only queue while a store of earlier ones runs), so a burst is
/// written in one go.
/// </summary>
[Reentrant]
public sealed class NotificationInboxGrain(NotificationStore store, TimeProvider time, IPersonalPush? push = null)
    : Grain, INotificationInboxGrain
{
    public const int MaxPage = 100;

    /// <summary>How many notifications a person keeps; older ones are dropped (checked every <see cref="TrimEvery"/> stored).</summary>
    public const int Keep = 1000;
    private const int TrimEvery = 100;

    // The sum of every change's effect. Changes interleave, so for a moment it may count a read-marking before the store it
    // overlapped (below zero); answers never show less than 0.
    private int _unread;
    private int _sinceTrim = TrimEvery; // the first delivery after activation trims
    // Deliveries waiting for the running store (Deliver interleaves, see the class attribute).
    private readonly List<LiveNotification> _pending = [];
    private bool _flushing;
    private readonly HashSet<string> _muted = new(StringComparer.Ordinal);

    private Guid Me => this.GetPrimaryKey();

    private int Unread => Math.Max(0, _unread);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (unread, muted) = await store.LoadAsync(Me, cancellationToken);
        _unread = unread;
        _muted.UnionWith(muted);
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
            return; // the running store takes it with the next batch
        }

        // Everything that arrived meanwhile goes in one write.
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
        // Every TrimEvery stored, the same write drops what lies beyond the newest Keep: a delete in the group commit.
        var trim = _sinceTrim + batch.Count >= TrimEvery;
        var changed = await store.AddAsync(me, [.. batch.Select(n => Entry(me, n))], trim ? Keep : null);
        _unread += changed.UnreadChange;
        var fresh = batch.Where((_, i) => changed.Stored[i]).ToList();
        _sinceTrim = trim ? 0 : _sinceTrim + fresh.Count;
        if (fresh.Count == 0 || push is null)
        {
            return;
        }

        // Stored first: a tab that misses the push (offline, reconnecting) finds it on its next load.
        foreach (var n in fresh)
        {
            await push.Notification(me, n);
        }

        await push.UnreadCount(me, Unread);
    }

    public async Task<NotificationPage> List(long? before, int limit, bool unreadOnly)
    {
        var take = Math.Clamp(limit, 1, MaxPage);
        var rows = await store.PageAsync(Me, before, take, unreadOnly);
        var items = rows.Take(take).Select(ToStored).ToList();
        return new NotificationPage(items, Unread, rows.Count > take ? items[^1].Seq : null);
    }

    public Task<int> GetUnread() => Task.FromResult(Unread);

    public async Task<int> MarkRead(IReadOnlyList<Guid> ids)
    {
        if (ids.Count == 0)
        {
            return Unread;
        }

        var changed = await store.MarkReadAsync(Me, ids, time.GetUtcNow().UtcDateTime);
        if (changed.UnreadChange == 0)
        {
            return Unread;
        }

        _unread += changed.UnreadChange;
        await PushCount();
        return Unread;
    }

    public async Task<int> MarkAllRead()
    {
        var changed = await store.MarkReadAsync(Me, null, time.GetUtcNow().UtcDateTime);
        _unread += changed.UnreadChange;
        await PushCount();
        return Unread;
    }

    public Task<IReadOnlyList<string>> GetMuted() =>
        Task.FromResult<IReadOnlyList<string>>([.. NotificationTypes.All.Where(_muted.Contains), .. _muted.Where(t => !NotificationTypes.All.Contains(t)).Order()]);

    public async Task SetMuted(IReadOnlyList<string> types)
    {
        var wanted = types.Distinct(StringComparer.Ordinal).ToList();
        await store.SetMutedAsync(Me, wanted);
        _muted.Clear();
        _muted.UnionWith(wanted);
    }

    private Task PushCount() => push?.UnreadCount(Me, Unread) ?? Task.CompletedTask;

    private static NotificationEntry Entry(Guid me, LiveNotification n) => new()
    {
        NotificationId = n.Id,
        EmployeeId = me,
        Type = n.Type,
        Title = Cut(n.Title, 300),
        Message = Cut(n.Message, 2000),
        TranslationsJson = n.Translations is { Count: > 0 } t ? JsonSerializer.Serialize(t) : null,
        Points = n.Points,
        OccurredAt = n.OccurredAt,
    };

    private static StoredNotification ToStored(NotificationEntry n) => new(n.Seq,
        new LiveNotification(n.NotificationId, n.Type, n.Title, n.Message, n.Points, DateTime.SpecifyKind(n.OccurredAt, DateTimeKind.Utc),
            n.TranslationsJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, NotificationText>>(n.TranslationsJson)),
        n.ReadAt is { } read ? DateTime.SpecifyKind(read, DateTimeKind.Utc) : null);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
