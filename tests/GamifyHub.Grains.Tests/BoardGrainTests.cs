using GamifyHub.Testing;

namespace GamifyHub.Grains.Tests;

[Collection(GrainCluster.Name)]
public sealed class BoardGrainTests(GrainClusterFixture cluster)
{
    [Fact]
    public async Task Deltas_rank_members_with_shared_ranks_and_skip_what_the_load_included()
    {
        var board = cluster.Grains.GetGrain<IBoardGrain>($"department-{Guid.CreateVersion7()}/all");
        var (a, b, c) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var at = DateTime.UtcNow;

        await board.ApplyDeltas([new(long.MaxValue - 3, a, 5, at), new(long.MaxValue - 2, b, 5, at), new(long.MaxValue - 1, c, 9, at)]);
        await board.ApplyDeltas([new(0, a, 1000, at)]); // at or below the loaded high-water mark: already counted

        var snapshot = await board.GetSnapshot(10, b, false, 0);
        // Equal scores share a rank and list in a stable order (by member id).
        var tied = new[] { (2, a, 5L), (2, b, 5L) }.OrderBy(r => r.Item2);
        Assert.Equal([(1, c, 9L), .. tied], snapshot.Rows.Select(r => (r.Rank, r.MemberId, r.Score)));
        Assert.Equal(2, snapshot.Me!.Rank);
    }

    [Fact]
    public async Task Pushes_are_coalesced_to_a_few_per_second_and_carry_only_changed_rows()
    {
        var key = $"department-{Guid.CreateVersion7()}/week";
        var board = cluster.Grains.GetGrain<IBoardGrain>(key);
        var members = Enumerable.Range(0, 20).Select(_ => Guid.CreateVersion7()).ToList();
        await board.GetSnapshot(1, null, false, 0);
        var start = DateTime.UtcNow;

        for (var i = 0; i < 200; i++)
        {
            await board.ApplyDeltas([new(long.MaxValue - 1000 + i, members[i % members.Count], 1, DateTime.UtcNow)]);
        }

        await Task.Delay(600);
        var board0 = key.Split('/')[0];
        var pushes = cluster.Notifier.BoardChanges.Where(c => c.Change.Board == board0 && c.At >= start).ToList();
        var seconds = (DateTime.UtcNow - start).TotalSeconds;
        Assert.InRange(pushes.Count, 1, (int)Math.Ceiling(seconds * GamifyHub.Grains.Boards.BoardGrain.PushesPerSecond) + 1);
        Assert.Equal(20, pushes.SelectMany(p => p.Change.Rows).Select(r => r.MemberId).Distinct().Count());
        Assert.All(pushes.Zip(pushes.Skip(1)), p => Assert.True(p.Second.Change.Version > p.First.Change.Version));

        var quiet = cluster.Notifier.BoardChanges.Count(c => c.Change.Board == board0);
        await Task.Delay(600);
        Assert.Equal(quiet, cluster.Notifier.BoardChanges.Count(c => c.Change.Board == board0));
    }
}

[Collection(GrainCluster.Name)]
public sealed class TopNNotificationTests(GrainClusterFixture cluster)
{
    private List<Guid> TopNNotified(IEnumerable<Guid> members) =>
        [.. cluster.Notifier.Notifications.Where(n => n.Notification.Type == "top-n" && members.Contains(n.Employee)).Select(n => n.Employee)];

    [Fact]
    public async Task Entering_the_top_10_of_the_employees_week_board_is_notified_once()
    {
        var board = cluster.Grains.GetGrain<IBoardGrain>("employees/week");
        await board.GetSnapshot(1, null, false, 0);
        // Far above anything other tests score, so these eleven are the board's top eleven; twenty below them make the top 10
        // the board's top half (only that is announced).
        var members = Enumerable.Range(0, 11).Select(_ => Guid.CreateVersion7()).ToList();
        var now = DateTime.UtcNow;
        await board.ApplyDeltas([.. Enumerable.Range(0, 20).Select(i => new ScoreDelta(long.MaxValue - 200 + i, Guid.CreateVersion7(), 1, now))]);
        await board.ApplyDeltas([.. members.Select((m, i) => new ScoreDelta(long.MaxValue - 100 + i, m, 1_000_000_000 + i, now))]);

        await Eventually.True(() => Task.FromResult(TopNNotified(members).Count == 10));
        Assert.DoesNotContain(members[0], TopNNotified(members)); // eleventh: not in the top 10
        Assert.Contains(cluster.Notifier.Notifications, n => n.Employee == members[10] && n.Notification.Type == "top-n"
            && n.Notification.Title == "Into the top 10" && n.Notification.Message.Contains("number 1", StringComparison.Ordinal));

        // The eleventh overtakes everyone: it enters (once); staying in the top 10 is not news.
        await board.ApplyDeltas([new ScoreDelta(long.MaxValue - 50, members[0], 100, DateTime.UtcNow)]);
        await Eventually.True(() => Task.FromResult(TopNNotified(members).Contains(members[0])));
        await board.ApplyDeltas([new ScoreDelta(long.MaxValue - 49, members[5], 1, DateTime.UtcNow)]);
        await board.GetSnapshot(1, null, false, 0);
        await Task.Delay(2 * 1000 / GamifyHub.Grains.Boards.BoardGrain.PushesPerSecond);
        Assert.Equal(11, TopNNotified(members).Count);
        Assert.Single(TopNNotified(members), m => m == members[5]);
    }
}

/// <summary>Issue 12 item 13: an announcement of entering the top 10 lands in feeds and on the wallboard, so it must never point
/// at a place in the bottom half of a small board. A cluster of its own: the employees' week board starts empty.</summary>
public sealed class TopHalfAnnouncementTests(GrainClusterFixture cluster) : IClassFixture<GrainClusterFixture>
{
    private List<Guid> Announced(IEnumerable<Guid> members) =>
        [.. cluster.Notifier.Notifications.Where(n => n.Notification.Type == "top-n" && members.Contains(n.Employee)).Select(n => n.Employee)];

    [Fact]
    public async Task On_a_board_of_twelve_only_the_top_six_are_announced_and_the_others_once_the_board_grows()
    {
        var board = cluster.Grains.GetGrain<IBoardGrain>("employees/week");
        Assert.Equal(0, (await board.GetSnapshot(1, null, false, 0)).Ranked);
        var members = Enumerable.Range(0, 12).Select(_ => Guid.CreateVersion7()).ToList();
        var now = DateTime.UtcNow;
        // members[0] leads, members[11] is last: twelve ranked, so ranks 7 to 10 are the bottom half.
        await board.ApplyDeltas([.. members.Select((m, i) => new ScoreDelta(1_000 + i, m, 1_000 - i, now))]);

        await Eventually.True(() => Task.FromResult(Announced(members).Count >= 6));
        await board.GetSnapshot(1, null, false, 0);
        await Task.Delay(4 * 1000 / GamifyHub.Grains.Boards.BoardGrain.PushesPerSecond);
        Assert.Equal(members.Take(6).Order(), Announced(members).Order());

        // Eight more below them: twenty ranked, the top 10 is the top half, and ranks 7 to 10 are news now (once each).
        await board.ApplyDeltas([.. Enumerable.Range(0, 8).Select(i => new ScoreDelta(2_000 + i, Guid.CreateVersion7(), 1, now))]);
        await Eventually.True(() => Task.FromResult(Announced(members).Count == 10));
        Assert.Equal(members.Take(10).Order(), Announced(members).Order());
    }
}
