using GamifyHub.Domain.Challenges;
using GamifyHub.Domain.Scoring;
using GamifyHub.Testing;

namespace GamifyHub.Grains.Tests;

[Collection(GrainCluster.Name)]
public sealed class ChallengeGrainTests(GrainClusterFixture cluster)
{
    private ChallengeSpec ReadChallenge(DateTimeOffset start, DateTimeOffset end, double target = 1, int points = 25, string? badge = "Listener") =>
        new("Read week", "Read what customers say", "action-count", "read", null, target, start, end, "department",
            [cluster.Research], points, badge, "none");

    private Task<ActionOutcome> Read(Guid employee, Guid department) =>
        cluster.Grains.GetGrain<IEmployeeGrain>(employee).RecordExternal(new ActionCommand(Guid.CreateVersion7(), employee, department,
            ActionType.Read, DateTime.UtcNow, "test", null, null));

    private async Task<List<Data.Entities.AwardEntry>> Rewards(Guid challengeId, int occurrence, Guid employee) =>
        await cluster.AwardsOf(ChallengeRewards.EventId(challengeId, occurrence, employee));

    /// <summary>Restarts the silo and waits until the client reaches the new one (through a grain unrelated to challenges, so
    /// nothing here wakes the challenge).</summary>
    private async Task Restart()
    {
        await cluster.RestartSilo();
        await Eventually.True(async () =>
        {
            try
            {
                await cluster.Grains.GetGrain<IEmployeeGrain>(cluster.Cleo).GetSummary();
                return true;
            }
            catch (Orleans.Runtime.OrleansException)
            {
                return false;
            }
        }, timeoutMs: 20_000);
    }

    [Fact]
    public async Task The_reminder_starts_and_ends_a_challenge_across_silo_restarts_and_the_reward_is_paid_once()
    {
        var id = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        var created = await cluster.Grains.GetGrain<IChallengeGrain>(id).Create(
            ReadChallenge(now.AddSeconds(3), now.AddSeconds(12)), "lena@test", schedule: true);
        Assert.Null(created.Conflict);
        Assert.Equal("scheduled", created.View!.Status);

        // Every activation is gone before the start: only the durable reminder can wake the challenge.
        await Restart();
        await Eventually.True(async () => await cluster.ChallengeStatus(id) == "Active", timeoutMs: 20_000);

        Assert.True((await Read(cluster.Ada, cluster.Research)).Points >= 0);
        await Eventually.True(async () => (await Rewards(id, 1, cluster.Ada)).Count == 1, timeoutMs: 10_000);
        await Eventually.True(() => Task.FromResult(cluster.Notifier.Notifications.Any(n =>
            n.Employee == cluster.Ada && n.Notification.Type == "challenge-completed"
            && n.Notification.Translations!["de"].Title == "Challenge geschafft")));

        await Restart();
        // Ben has not reached the target: he is told it ends soon (Ada, rewarded already, is not).
        await Eventually.True(() => Task.FromResult(cluster.Notifier.Notifications.Any(n =>
            n.Employee == cluster.Ben && n.Notification.Type == "challenge-ending-soon"
            && n.Notification.Message.Contains("Read week", StringComparison.Ordinal)
            && n.Notification.Translations!["de"].Title == "Challenge endet bald")), timeoutMs: 25_000);
        await Eventually.True(async () => await cluster.ChallengeStatus(id) == "Completed", timeoutMs: 25_000);
        Assert.DoesNotContain(cluster.Notifier.Notifications, n => n.Employee == cluster.Ada && n.Notification.Type == "challenge-ending-soon"
            && n.Notification.OccurredAt >= now.UtcDateTime && n.Notification.Message.Contains("Read week", StringComparison.Ordinal)
            && n.Notification.OccurredAt < now.AddSeconds(12).UtcDateTime);

        var reward = Assert.Single(await Rewards(id, 1, cluster.Ada));
        Assert.Equal(25, reward.Points);
        Assert.Equal(ChallengeRewards.RuleId, reward.RuleId);
        Assert.Equal(1, await cluster.CountEvents(ChallengeRewards.EventId(id, 1, cluster.Ada)));
        var view = await cluster.Grains.GetGrain<IChallengeGrain>(id).Get();
        Assert.Equal("completed", view!.Status);
        Assert.Contains(cluster.Ada, view.Rewarded);
        Assert.DoesNotContain(cluster.Cleo, view.Units.Select(u => u.Id)); // Service is not in scope
    }

    [Fact]
    public async Task Concurrent_completions_and_a_reactivation_store_the_reward_exactly_once()
    {
        var id = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        var grain = cluster.Grains.GetGrain<IChallengeGrain>(id);
        Assert.Null((await grain.Create(ReadChallenge(now, now.AddMinutes(30), target: 2, points: 40), "lena@test", schedule: true)).Conflict);
        await Eventually.True(async () => (await grain.Get())!.Status == "active");
        var before = (await cluster.Grains.GetGrain<IEmployeeGrain>(cluster.Ben).GetSummary()).Points;

        // Two reads reach the target; the same batch is delivered again by several callers at once, while the reward itself is
        // granted by hand from many callers too (as a second activation racing the first would).
        await Read(cluster.Ben, cluster.Research);
        await Read(cluster.Ben, cluster.Research);
        var eventId = ChallengeRewards.EventId(id, 1, cluster.Ben);
        var reward = new ChallengeReward(eventId, id, "Read week", 40, PointCategory.Listening, "Listener", DateTime.UtcNow);
        var stored = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            cluster.Grains.GetGrain<IEmployeeGrain>(cluster.Ben).RecordReward(reward)));
        await Eventually.True(async () => (await grain.Get())!.Rewarded.Contains(cluster.Ben));
        await Restart();
        Assert.Contains(cluster.Ben, (await grain.Get())!.Rewarded);

        Assert.True(stored.Count(s => s) <= 1);
        Assert.Equal(1, await cluster.CountEvents(eventId));
        Assert.Equal(40, Assert.Single(await cluster.AwardsOf(eventId)).Points);
        await Eventually.True(async () =>
            (await cluster.Grains.GetGrain<IEmployeeGrain>(cluster.Ben).GetSummary()).Points >= before + 40);
        Assert.Null((await grain.Cancel("test")).Conflict);
        Assert.Equal("cancelled", (await grain.Get())!.Status);
        Assert.NotNull((await grain.Schedule("test")).Conflict);
    }

    [Fact]
    public async Task The_challenge_board_ranks_participants_and_is_pushed()
    {
        var id = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        var grain = cluster.Grains.GetGrain<IChallengeGrain>(id);
        await grain.Create(ReadChallenge(now, now.AddMinutes(30), target: 50), "lena@test", schedule: true);
        await Eventually.True(async () => (await grain.Get())!.Status == "active");
        await Read(cluster.Ada, cluster.Research);

        var board = $"challenge-{id:D}";
        await Eventually.True(() => Task.FromResult(cluster.Notifier.BoardChanges.Any(c => c.Change.Board == board
            && c.Change.Rows.Any(r => r.MemberId == cluster.Ada && r.Score >= 1))));
        await Eventually.True(() => Task.FromResult(cluster.Notifier.ChallengeChanges.Any(c => c.Id == id
            && c.Units.Any(u => u.Id == cluster.Ada && u.Value >= 1))));
        var snapshot = await grain.GetBoard(10, cluster.Ada);
        Assert.Equal(board, snapshot.Board);
        Assert.Equal(cluster.Ada, snapshot.Me!.MemberId);
        Assert.All(snapshot.Rows, r => Assert.NotEqual(cluster.Cleo, r.MemberId));
        Assert.Contains(cluster.Notifier.Notifications, n => n.Employee == cluster.Ada && n.Notification.Type == "challenge-started");
        await grain.Cancel("test");
    }
    [Fact]
    public async Task A_weekly_team_challenge_rewards_the_winning_department_at_its_end_and_schedules_next_week()
    {
        var id = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        var (start, end) = (now, now.AddSeconds(8));
        var grain = cluster.Grains.GetGrain<IChallengeGrain>(id);
        var spec = new ChallengeSpec("Read-off", "Which team reads more", "action-count", "read", null, 2, start, end, "team-vs-team",
            [cluster.Research, cluster.Service], 20, null, "weekly");
        Assert.Null((await grain.Create(spec, "admin@test", schedule: true)).Conflict);
        await Eventually.True(async () => (await grain.Get())!.Status == "active");

        // Research reaches the target (Ada twice); Service does not (Cleo once).
        await Read(cluster.Ada, cluster.Research);
        await Read(cluster.Ada, cluster.Research);
        await Read(cluster.Cleo, cluster.Service);
        await Eventually.True(async () => (await grain.Get())!.Units.Any(u => u.Id == cluster.Research && u.Value >= 2));
        Assert.Empty((await grain.Get())!.Rewarded); // a team reward waits for the end

        // At the end: every Research member is rewarded for occurrence 1 (Ben too: it is the team's win), nobody in Service;
        // then the next occurrence is scheduled a week on, same weekday and time.
        await Eventually.True(async () => (await grain.Get())!.Occurrence == 2, timeoutMs: 30_000);
        var next = (await grain.Get())!;
        Assert.Equal("scheduled", next.Status);
        Assert.Equal(start.AddDays(7).UtcDateTime, next.StartsAt.UtcDateTime, TimeSpan.FromMilliseconds(1));
        Assert.Equal(end.AddDays(7).UtcDateTime, next.EndsAt.UtcDateTime, TimeSpan.FromMilliseconds(1));
        Assert.Empty(next.Rewarded);
        Assert.Equal(20, Assert.Single(await Rewards(id, 1, cluster.Ada)).Points);
        Assert.Equal(20, Assert.Single(await Rewards(id, 1, cluster.Ben)).Points);
        Assert.Empty(await Rewards(id, 1, cluster.Cleo));
        Assert.Empty(await Rewards(id, 2, cluster.Ada));
        Assert.Contains(cluster.Notifier.Notifications, n => n.Employee == cluster.Ben && n.Notification.Type == "challenge-completed"
            && n.Notification.Message.Contains("Read-off", StringComparison.Ordinal));

        // The next occurrence survives a restart as scheduled, with its reminder.
        await Restart();
        Assert.Equal(("scheduled", 2), ((await grain.Get())!.Status, (await grain.Get())!.Occurrence));
        await grain.Cancel("test");
    }
}
