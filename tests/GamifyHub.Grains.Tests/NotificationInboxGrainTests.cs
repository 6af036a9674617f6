using GamifyHub.Data.Entities;
using GamifyHub.Data.Notifications;
using GamifyHub.Domain.Scoring;
using GamifyHub.Grains.Live;
using GamifyHub.Grains.Notifications;
using GamifyHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GamifyHub.Grains.Tests;

/// <summary>The notification centre off the durable path: points coalesced per commit, rows written in the writer's group commit
/// (a repeat refused by the unique index), the unread count kept by the grain, and the trim an ordinary delete.</summary>
[Collection(GrainCluster.Name)]
public sealed class NotificationInboxGrainTests(GrainClusterFixture cluster)
{
    private static LiveNotification Note(string title) =>
        new(Guid.CreateVersion7(), NotificationTypes.Badge, title, $"{title} message", 0, DateTime.UtcNow);

    private INotificationInboxGrain Inbox(Guid employeeId) => cluster.Grains.GetGrain<INotificationInboxGrain>(employeeId);

    /// <summary>Delivers one-way (so possibly not in this order) and waits until every one is stored and the grain's count agrees
    /// with the rows. Nothing else stores notifications meanwhile: the cluster's notifier records pushes instead.</summary>
    private async Task DeliverAll(Guid employeeId, IReadOnlyList<LiveNotification> notes)
    {
        var from = await cluster.LastNotificationSeq();
        foreach (var note in notes)
        {
            await Inbox(employeeId).Deliver(note);
        }

        await Eventually.True(async () => await cluster.LastNotificationSeq() == from + notes.Count
            && await Inbox(employeeId).GetUnread() == (await cluster.NotificationsOf(employeeId)).Count(r => !r.Read), timeoutMs: 60_000);
    }

    [Fact]
    public async Task Several_events_of_one_employee_in_one_call_give_one_points_notification()
    {
        var employee = cluster.Grains.GetGrain<IEmployeeGrain>(cluster.Cleo);
        // A day of its own: no cap, burst or cool-down left by other tests.
        var day = new DateTime(2026, 5, 4, 9, 0, 0, DateTimeKind.Utc);
        var tags = Enumerable.Range(0, 3)
            .Select(i => new ActionCommand(Guid.CreateVersion7(), cluster.Cleo, cluster.Service, ActionType.Tag, day.AddSeconds(i), "test"))
            .ToList();

        var outcomes = await employee.RecordExternalBatch(tags);

        var ids = tags.Select(t => t.EventId).ToHashSet();
        await Eventually.True(() => Task.FromResult(cluster.Notifier.Notifications.Any(n => n.Notification.Id == tags[0].EventId)));
        var points = cluster.Notifier.Notifications.Where(n => ids.Contains(n.Notification.Id)).ToList();
        var (to, note) = Assert.Single(points);
        Assert.Equal(cluster.Cleo, to);
        Assert.Equal(NotificationTypes.Award, note.Type);
        Assert.Equal(outcomes.Sum(o => o.Points), note.Points);
        Assert.Equal(3, note.Points);
        Assert.Equal("+3 points", note.Title);
        Assert.Equal("Tagged a feedback item ×3", note.Message);
        Assert.Equal("+3 Punkte", note.Translations!["de"].Title);
    }

    [Fact]
    public async Task A_repeated_notification_is_refused_by_the_unique_index_not_stored_twice()
    {
        var store = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<NotificationStore>();
        var person = Guid.NewGuid();
        var entry = new NotificationEntry
        {
            NotificationId = Guid.CreateVersion7(), EmployeeId = person, Type = NotificationTypes.Award, Title = "+1 point", Message = "m",
            Points = 1, OccurredAt = DateTime.UtcNow,
        };

        var first = await store.AddAsync(person, [entry], null);
        var again = await store.AddAsync(person, [entry], null);

        Assert.Equal([true], first.Stored);
        Assert.Equal(1, first.UnreadChange);
        Assert.Equal([false], again.Stored);
        Assert.Equal(0, again.UnreadChange);
        Assert.Single(await cluster.NotificationsOf(person));
    }

    [Fact]
    public async Task The_unread_count_is_kept_in_memory_and_right_after_a_silo_restart()
    {
        var person = Guid.NewGuid();
        var notes = Enumerable.Range(0, 6).Select(i => Note($"Note {i}")).ToList();
        await DeliverAll(person, notes);
        Assert.Equal(6, await Inbox(person).GetUnread());
        // A repeat changes nothing; read-marking moves the count by what it changed (an unknown id and a second mark by nothing).
        await Inbox(person).Deliver(notes[0]);
        Assert.Equal(4, await Inbox(person).MarkRead([notes[1].Id, notes[2].Id, Guid.NewGuid()]));
        Assert.Equal(4, await Inbox(person).MarkRead([notes[1].Id]));
        Assert.Equal(4, (await cluster.NotificationsOf(person)).Count(n => !n.Read));

        await cluster.RestartSilo();

        Assert.Equal(4, await Inbox(person).GetUnread());
        Assert.Equal(4, (await Inbox(person).List(null, 10, unreadOnly: false)).Unread);
        Assert.Equal(0, await Inbox(person).MarkAllRead());
        Assert.Equal(6, (await cluster.NotificationsOf(person)).Count(n => n.Read));
        await cluster.RestartSilo();
        Assert.Equal(0, await Inbox(person).GetUnread());
    }

    [Fact]
    public async Task The_trim_keeps_each_centre_bounded_and_the_unread_count_follows_it()
    {
        var person = Guid.NewGuid();
        var notes = Enumerable.Range(0, NotificationInboxGrain.Keep + 250).Select(i => Note($"Note {i}")).ToList();

        await DeliverAll(person, notes);

        var rows = await cluster.NotificationsOf(person);
        // Trimmed with every hundredth stored: at most 99 past the bound, never fewer than it, and the newest kept.
        Assert.InRange(rows.Count, NotificationInboxGrain.Keep, NotificationInboxGrain.Keep + 99);
        var last = await cluster.LastNotificationSeq();
        Assert.Equal(Enumerable.Range(0, rows.Count).Select(i => last - rows.Count + 1 + i), rows.Select(r => r.Seq));
        Assert.Equal(rows.Count, await Inbox(person).GetUnread());
        Assert.Equal(rows.Count, (await Inbox(person).List(null, 1, unreadOnly: true)).Unread);
    }
}
